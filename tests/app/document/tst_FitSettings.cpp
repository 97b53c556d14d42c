// The document's fit settings: the penalty, alpha and intercept every fit follows, the seeded
// split whose train rows it fits, their undo steps and their place in the project file.
#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "app/document/FitSettingsCommand.h"
#include "app/document/MergeIds.h"
#include "app/document/ModelActions.h"
#include "app/document/ProjectFile.h"
#include "tests/common/TestUtil.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace linlab;
using testutil::closeRel;

namespace {

FitSettings ridge(double alpha) {
    FitSettings s;
    s.penalty = Penalty::Ridge;
    s.alpha = alpha;
    return s;
}

} // namespace

class tst_FitSettings : public QObject {
    Q_OBJECT
private slots:
    // Fit follows the penalty: ridge on the lesson's rows is Regularized::ridge of its statistics.
    void fitFollowsThePenalty() {
        Document doc;
        doc.undoStack()->push(new FitSettingsCommand(&doc, ridge(2.0), QStringLiteral("alpha")));
        ModelActions::fitLeastSquares(&doc);
        QCOMPARE(doc.undoStack()->text(doc.undoStack()->index() - 1), QStringLiteral("Fit Ridge"));
        const RegularizedFit r = Regularized::ridge(doc.analysis().statistics(), 2.0);
        QVERIFY(arma::approx_equal(doc.model().weights(), r.weights, "reldiff", 1e-12));
        QVERIFY(closeRel(doc.model().bias(), r.bias, 1e-12));
        // The objective shown is ridge's: |r|^2 + alpha |w|^2, over the n rows.
        const double n = double(doc.dataset().rowCount());
        const double expected = n * doc.evaluation().metrics.mse +
                                2.0 * arma::dot(doc.model().weights(), doc.model().weights());
        QVERIFY(closeRel(doc.objective(), expected, 1e-10));
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.fitSettings(), FitSettings{});
        QCOMPARE(ModelActions::fitText(doc.fitSettings()), QStringLiteral("Fit Least Squares"));
    }
    // Through the origin the bias is 0 everywhere, whatever a command asks; undo brings it back.
    void throughTheOriginFixesTheBiasAtZero() {
        Document doc;
        const LinearModel before = doc.model();
        QVERIFY(before.bias() != 0);
        FitSettings s;
        s.intercept = false;
        QSignalSpy models(&doc, &Document::modelChanged);
        doc.undoStack()->push(new FitSettingsCommand(&doc, s, QStringLiteral("origin")));
        QCOMPARE(doc.model().bias(), 0.0);
        QCOMPARE(models.count(), 1);
        doc.undoStack()->push(new SetModelCommand(&doc, before, QStringLiteral("set")));
        QCOMPARE(doc.model().bias(), 0.0);
        ModelActions::fitLeastSquares(&doc);
        const LeastSquaresResult ls =
            Regularized::leastSquaresThroughOrigin(doc.analysis().statistics());
        QVERIFY(arma::approx_equal(doc.model().weights(), ls.weights, "reldiff", 1e-12));
        QCOMPARE(doc.model().bias(), 0.0);
        doc.undoStack()->setIndex(0);
        QVERIFY(doc.fitSettings().intercept);
        QCOMPARE(doc.model().bias(), before.bias());
        QVERIFY(arma::all(doc.model().weights() == before.weights()));
    }
    // One alpha drag is one undo step.
    void anAlphaDragIsOneStep() {
        Document doc;
        const int drag = nextMergeId();
        for (const double alpha : {0.1, 0.2, 0.5, 1.0, 3.0})
            doc.undoStack()->push(
                new FitSettingsCommand(&doc, ridge(alpha), QStringLiteral("alpha"), drag));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(doc.fitSettings().alpha, 3.0);
        doc.undoStack()->undo();
        QCOMPARE(doc.fitSettings(), FitSettings{});
        // A drag that refits moves the weights with alpha; its undo puts the old model back.
        const LinearModel before = doc.model();
        const int refitDrag = nextMergeId();
        for (const double alpha : {0.5, 5.0})
            doc.undoStack()->push(
                new FitSettingsCommand(&doc, ridge(alpha), QStringLiteral("a"), refitDrag, true));
        QCOMPARE(doc.undoStack()->count(), 1);
        const RegularizedFit r = Regularized::ridge(doc.analysis().statistics(), 5.0);
        QVERIFY(arma::approx_equal(doc.model().weights(), r.weights, "reldiff", 1e-12));
        doc.undoStack()->undo();
        QVERIFY(arma::all(doc.model().weights() == before.weights()));
        QCOMPARE(doc.model().bias(), before.bias());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 FitSettingsCommand(&doc, ridge(-1), QStringLiteral("bad")));
    }
    // With a split, Fit uses the train rows; the held-out metrics are the rows' own, and they
    // follow an edit of the data.
    void aSplitFitsTheTrainRows() {
        Document doc;
        Dataset d(
            arma::mat{
                {1, 2}, {2, 1}, {3, 5}, {4, 3}, {5, 8}, {6, 5}, {7, 9}, {8, 7}, {9, 12}, {10, 10}},
            arma::vec{3.1, 4.0, 8.2, 7.9, 13.1, 11.8, 16.2, 15.1, 21.3, 19.7}, {"a", "b"}, "y");
        doc.replaceAll(d, TransformSettings{}, LinearModel(2), QStringLiteral("ten"));
        FitSettings s = ridge(0.5);
        s.testFraction = 0.3;
        doc.undoStack()->push(new FitSettingsCommand(&doc, s, QStringLiteral("split")));
        QVERIFY(doc.fitSetup().hasSplit());
        ModelActions::fitLeastSquares(&doc);
        // scikit-learn 1.2.1: Ridge(alpha=0.5) on rows 1,3,4,5,6,8,9 (see tst_FitSetup).
        QVERIFY(closeRel(doc.model().weights()(0), 0.9455311369868464, 1e-12));
        QVERIFY(closeRel(doc.heldOutMetrics().test.mse, 0.41793451819914157, 1e-11));
        doc.setValues(2, 2, arma::mat(1, 1, arma::fill::value(9.0))); // a test row's label
        const Metrics direct =
            HeldOut::metricsOn(doc.model(), doc.analysis().features(), doc.analysis().labels(),
                               doc.fitSetup().split().test);
        QVERIFY(closeRel(doc.heldOutMetrics().test.mse, direct.mse, 1e-12));
        QVERIFY(!closeRel(doc.heldOutMetrics().test.mse, 0.41793451819914157, 1e-3));
        // A new table starts with a plain fit on every row.
        doc.replaceAll(d, TransformSettings{}, LinearModel(2), QStringLiteral("again"));
        QCOMPARE(doc.fitSettings(), FitSettings{});
        QVERIFY(!doc.fitSetup().hasSplit());
    }
    // Past FitSetup::kDirectRows the split's MSE comes from its statistics and its train and
    // test MAE from the background pass: muted (NaN) until it is in, then the rows' own.
    void aLargeSplitGetsItsMaeInTheBackground() {
        const arma::uword n = FitSetup::kDirectRows + 20011;
        arma::mat X(n, 2);
        arma::vec y(n);
        for (arma::uword i = 0; i < n; ++i) {
            X(i, 0) = 1e6 + std::sin(0.001 * double(i));
            X(i, 1) = std::cos(0.0007 * double(i));
            y(i) = 3 * X(i, 0) - X(i, 1) + 0.25 * std::sin(1.3 * double(i));
        }
        Document doc;
        doc.replaceAll(Dataset(X, y, {"a", "b"}, "y"), TransformSettings{}, LinearModel(2),
                       QStringLiteral("large"));
        FitSettings s;
        s.testFraction = 0.25;
        s.seed = 7;
        QSignalSpy refined(&doc, &Document::metricsRefined);
        doc.undoStack()->push(new FitSettingsCommand(&doc, s, QStringLiteral("split")));
        ModelActions::fitLeastSquares(&doc);
        QVERIFY(doc.maePending());
        QVERIFY(std::isnan(doc.heldOutMetrics().test.mae));
        QTRY_VERIFY_WITH_TIMEOUT(!doc.maePending(), 10000);
        QVERIFY(!refined.isEmpty());
        const TrainTestRows& split = doc.fitSetup().split();
        const Metrics train = HeldOut::metricsOn(doc.model(), doc.analysis().features(),
                                                 doc.analysis().labels(), split.train);
        const Metrics test = HeldOut::metricsOn(doc.model(), doc.analysis().features(),
                                                doc.analysis().labels(), split.test);
        QVERIFY(closeRel(doc.heldOutMetrics().train.mae, train.mae, 1e-12));
        QVERIFY(closeRel(doc.heldOutMetrics().test.mae, test.mae, 1e-12));
        QVERIFY(closeRel(doc.heldOutMetrics().test.mse, test.mse, 1e-8));
        // A new seed: a new split, and its MAE (waited for, as an export does).
        s.seed = 8;
        doc.undoStack()->push(new FitSettingsCommand(&doc, s, QStringLiteral("seed")));
        QVERIFY(doc.maePending());
        doc.waitForMetrics();
        const Metrics test8 =
            HeldOut::metricsOn(doc.model(), doc.analysis().features(), doc.analysis().labels(),
                               doc.fitSetup().split().test);
        QVERIFY(closeRel(doc.heldOutMetrics().test.mae, test8.mae, 1e-12));
        QVERIFY(!closeRel(test8.mae, test.mae, 1e-9));
    }
    // The project keeps the fit settings; bad ones are refused, naming the field.
    void projectKeepsTheFitSettings() {
        ProjectState state;
        state.dataset = Dataset::lesson();
        state.model = LinearModel(state.dataset.featureCount());
        state.fit.penalty = Penalty::Lasso;
        state.fit.alpha = 0.1 + 0.2; // not a short decimal: every digit must come back
        state.fit.intercept = false;
        state.fit.testFraction = 0.25;
        state.fit.seed = 123456789012345ULL;
        state.fit.cvFolds = 7;
        const QByteArray json = ProjectFile::toJson(state);
        const ProjectState back = ProjectFile::fromJson(json, QStringLiteral("p.linlab"));
        QCOMPARE(back.fit, state.fit);
        // An older project has no "fit": the defaults.
        QByteArray old = json;
        old.replace("\"fit\"", "\"fit_unknown\"");
        QCOMPARE(ProjectFile::fromJson(old, QStringLiteral("old")).fit, FitSettings{});
        QByteArray bad = json;
        bad.replace("\"lasso\"", "\"elastic\"");
        try {
            ProjectFile::fromJson(bad, QStringLiteral("p.linlab"));
            QFAIL("accepted a bad penalty");
        } catch (const ProjectError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("fit.penalty")), e.what());
        }
    }
};

QTEST_MAIN(tst_FitSettings)
#include "tst_FitSettings.moc"
