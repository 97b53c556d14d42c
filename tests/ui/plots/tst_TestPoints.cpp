// Test rows drawn differently in every plot: with a split, each view's test graph holds the
// drawn points of exactly the held-out rows (the display sample's, past 20,000 rows), at the
// same places as their points, in the legend as "test"; the points graph keeps every row, so
// the tooltips still name them. Without a split the test graph is empty and out of the legend.
// Also the validation curve view: its background curve is ValidationCurve's.

#include "app/document/Document.h"
#include "app/document/FitSettingsCommand.h"
#include "ui/plots/BackgroundTask.h"
#include "ui/plots/DataPlotView.h"
#include "ui/plots/PredictedActualPlotView.h"
#include "ui/plots/ResidualPlotView.h"
#include "ui/plots/ValidationCurveView.h"

#include <QComboBox>
#include <QLabel>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace linlab;

namespace {

void load(Document& doc, arma::uword n) {
    arma::arma_rng::set_seed(9);
    const arma::mat X = arma::randn(n, 1);
    const arma::vec y = 2 * X.col(0) + arma::square(X.col(0)) + 0.2 * arma::randn(n);
    doc.replaceAll(Dataset(X, y, {"x"}, "y"), {}, LinearModel(arma::vec{2.0}, 0.5),
                   QStringLiteral("curve"));
}

void holdOut(Document& doc, double fraction) {
    FitSettings s = doc.fitSettings();
    s.testFraction = fraction;
    doc.undoStack()->push(new FitSettingsCommand(&doc, s, QStringLiteral("split")));
}

// The view's test graph against its points: the rows are the drawn held-out rows, in order, and
// every test point sits on its row's point.
void checkTestPoints(const PlotView& view, const Document& doc) {
    const arma::uvec& mask = doc.fitSetup().testMask();
    QVector<int> expected;
    QVector<QPointF> at;
    auto it = view.pointsGraph()->data()->constBegin();
    for (int i = 0; i < view.pointCount(); ++i, ++it)
        if (mask(arma::uword(view.drawnRows()[i]))) {
            expected.append(view.drawnRows()[i]);
            at.append(QPointF(it->key, it->value));
        }
    QCOMPARE(view.testRows(), expected);
    QCOMPARE(view.testGraph()->dataCount(), int(expected.size()));
    auto t = view.testGraph()->data()->constBegin();
    for (int i = 0; i < at.size(); ++i, ++t)
        QCOMPARE(QPointF(t->key, t->value), at[i]);
    QCOMPARE(view.plot()->legend->hasItemWithPlottable(view.testGraph()), !expected.isEmpty());
}

} // namespace

class tst_TestPoints : public QObject {
    Q_OBJECT
private slots:
    void everyPlotDrawsTheTestRows() {
        Document doc;
        load(doc, 200);
        std::vector<std::unique_ptr<PlotView>> views;
        views.emplace_back(new DataPlotView(&doc));
        views.emplace_back(new ResidualPlotView(&doc));
        views.emplace_back(new PredictedActualPlotView(&doc));
        for (const auto& v : views) {
            QCOMPARE(v->testGraph()->dataCount(), 0);
            QVERIFY(!v->plot()->legend->hasItemWithPlottable(v->testGraph()));
        }
        holdOut(doc, 0.25);
        for (const auto& v : views) {
            checkTestPoints(*v, doc);
            QCOMPARE(v->testRows().size(), 50);
            QCOMPARE(v->pointsGraph()->name(), QStringLiteral("train"));
            // The tooltip still names a test row.
            const int row = v->testRows().first();
            QVERIFY(v->toolTipForRow(row).startsWith(QStringLiteral("Row %1").arg(row + 1)));
        }
        // The model moves: the residual plot's test points move with their points.
        doc.setModel(LinearModel(arma::vec{1.0}, 0.0));
        for (const auto& v : views)
            checkTestPoints(*v, doc);
        doc.undoStack()->undo(); // the model
        doc.undoStack()->undo(); // the split
        for (const auto& v : views) {
            QCOMPARE(v->testGraph()->dataCount(), 0);
            QVERIFY(!v->plot()->legend->hasItemWithPlottable(v->testGraph()));
        }
    }

    void theSampledRowsPastTheDisplayCap() {
        Document doc;
        load(doc, 50000);
        holdOut(doc, 0.1);
        ResidualPlotView view(&doc);
        QVERIFY(view.sampleStep() > 1);
        checkTestPoints(view, doc);
        QVERIFY(view.testRows().size() > 0);
        QVERIFY(view.testRows().size() < view.pointCount() / 5);
    }

    void theCurveViewDrawsValidationCurvesNumbers() {
        Document doc;
        ValidationCurveView view(&doc); // the lesson's table first: its columns are replaced
        load(doc, 300);
        holdOut(doc, 0.3);
        QCOMPARE(view.columnBox()->currentText(), QStringLiteral("x"));
        view.degreeBox()->setValue(6);
        view.recompute();
        QTRY_VERIFY(!view.task()->isBusy() && view.curve().has_value());
        const auto expected = ValidationCurve::degrees(
            doc.dataset().features(), doc.analysis().labels(), 0, 6, doc.transformSettings(), {},
            doc.fitSettings(), ValidationCurve::groupsFor(doc.fitSetup().testMask(), 5, 0));
        QVERIFY(expected);
        QCOMPARE(view.curve()->testMse, expected->testMse);
        QCOMPARE(view.trainGraph()->dataCount(), 6);
        QCOMPARE(view.testGraph()->dataCount(), 6);
        QVERIFY(!view.curve()->crossValidated);
        // Degree 2 fits the square the data holds: the test error falls from degree 1.
        QVERIFY(expected->testMse[1] < expected->testMse[0] / 2);

        // Against alpha: a plain fit has no curve and says so; ridge has one, log x.
        view.modeBox()->setCurrentIndex(1);
        QVERIFY(!view.curve().has_value());
        QVERIFY(view.note()->text().contains(QStringLiteral("ridge")));
        FitSettings s = doc.fitSettings();
        s.penalty = Penalty::Ridge;
        doc.undoStack()->push(new FitSettingsCommand(&doc, s, QStringLiteral("ridge")));
        view.recompute();
        QTRY_VERIFY(!view.task()->isBusy() && view.curve().has_value());
        QCOMPARE(int(view.curve()->values.size()), ValidationCurveView::kAlphaPoints);
        QCOMPARE(view.plot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
    }
};

QTEST_MAIN(tst_TestPoints)
#include "tst_TestPoints.moc"
