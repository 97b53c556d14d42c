// RegressionRunner: the report follows the document's data off the UI thread; a burst of edits
// cancels the fits before each edit and ends on the current data; the level refits.
#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "app/document/RegressionRunner.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace linlab;

class tst_RegressionRunner : public QObject {
    Q_OBJECT
private slots:
    void fitsTheLessonAtOnce();
    void followsEditsToTheCurrentData();
    void levelRefits();
    void tooFewRowsSaysWhy();
};

namespace {
// y = 1 + 2 x1 - x2 + small noise, 50 rows.
Dataset line() {
    arma::mat X(50, 2);
    arma::vec y(50);
    for (arma::uword i = 0; i < 50; ++i) {
        X(i, 0) = double(i);
        X(i, 1) = std::sin(double(i));
        y(i) = 1 + 2 * X(i, 0) - X(i, 1) + 0.01 * std::cos(7.0 * double(i));
    }
    return Dataset(X, y, {"x1", "x2"}, "y");
}
} // namespace

void tst_RegressionRunner::fitsTheLessonAtOnce() {
    Document doc;
    RegressionRunner runner(&doc);
    QSignalSpy spy(&runner, &RegressionRunner::resultChanged);
    QVERIFY(!runner.isCurrent());
    QTRY_VERIFY(runner.isCurrent());
    QCOMPARE(spy.count(), 1);
    // Four students, three terms: one residual degree of freedom.
    const RegressionReport& r = runner.result().regression.report();
    QCOMPARE(r.n, arma::uword(4));
    QCOMPARE(r.coefficients.size(), std::size_t(3));
    QCOMPARE(r.coefficients[0].name, std::string("(intercept)"));
    QCOMPARE(runner.result().featureNames,
             (QStringList{QStringLiteral("hours_studied"), QStringLiteral("hours_slept")}));
    QCOMPARE(runner.result().diagnostics.leverage.n_elem, arma::uword(4));
}

void tst_RegressionRunner::followsEditsToTheCurrentData() {
    Document doc;
    doc.replaceAll(line(), TransformSettings{}, LinearModel(arma::vec{0, 0}, 0),
                   QStringLiteral("l"));
    RegressionRunner runner(&doc);
    runner.waitForResult();
    QVERIFY(runner.isCurrent());
    QVERIFY(std::abs(runner.result().regression.weights()(0) - 2) < 1e-3);
    // Five edits in a row: each cancels the fit before it; one result, of the last edit.
    QSignalSpy spy(&runner, &RegressionRunner::resultChanged);
    for (int k = 0; k < 5; ++k)
        doc.undoStack()->push(new SetValuesCommand(
            &doc, 0, 2, arma::mat(1, 1, arma::fill::value(100.0 + k)), QStringLiteral("edit")));
    QVERIFY(!runner.isCurrent());
    QTRY_VERIFY(runner.isCurrent());
    QVERIFY(spy.count() <= 2);
    // The result is the last edit's: row 0's label 104.
    QVERIFY(std::abs(runner.result().diagnostics.fitted(0) +
                     runner.result().diagnostics.residuals(0) - 104.0) < 1e-9);
    doc.undoStack()->undo();
    runner.waitForResult();
    QVERIFY(std::abs(runner.result().diagnostics.fitted(0) +
                     runner.result().diagnostics.residuals(0) - 103.0) < 1e-9);
}

void tst_RegressionRunner::levelRefits() {
    Document doc;
    doc.replaceAll(line(), TransformSettings{}, LinearModel(arma::vec{0, 0}, 0),
                   QStringLiteral("l"));
    RegressionRunner runner(&doc);
    runner.waitForResult();
    const Coefficient wide = runner.result().regression.report().coefficients[1];
    runner.setConfidenceLevel(0.5);
    QCOMPARE(runner.confidenceLevel(), 0.5);
    QVERIFY(!runner.isCurrent());
    runner.waitForResult();
    const Coefficient narrow = runner.result().regression.report().coefficients[1];
    QCOMPARE(runner.result().regression.report().confidenceLevel, 0.5);
    QVERIFY(narrow.ciHigh - narrow.ciLow < wide.ciHigh - wide.ciLow);
    QCOMPARE(narrow.estimate, wide.estimate);
    runner.setConfidenceLevel(1.5); // out of range: nothing changes
    QCOMPARE(runner.confidenceLevel(), 0.5);
    QVERIFY(runner.isCurrent());
}

void tst_RegressionRunner::tooFewRowsSaysWhy() {
    Document doc;
    doc.replaceAll(Dataset(arma::mat{{1.0, 2.0}, {2.0, 1.0}}, arma::vec{1.0, 2.0}, {"a", "b"}, "y"),
                   TransformSettings{}, LinearModel(arma::vec{0, 0}, 0), QStringLiteral("tiny"));
    RegressionRunner runner(&doc);
    runner.waitForResult();
    QVERIFY(!runner.result().regression.report().problem.empty());
    QVERIFY(runner.result().diagnostics.leverage.is_empty());
    QVERIFY(runner.result().flagged.empty());
}

QTEST_GUILESS_MAIN(tst_RegressionRunner)
#include "tst_RegressionRunner.moc"
