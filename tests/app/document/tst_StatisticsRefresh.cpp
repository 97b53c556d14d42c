// A large table's cell edits update its statistics in O(d^2); once the edits pause the document
// computes them afresh from the rows on another thread (StatisticsRefresh), and the report that
// reads the analysis on its own thread lets go of it before every change.
#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "app/document/RegressionRunner.h"
#include "app/document/StatisticsRefresh.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace linlab;

class tst_StatisticsRefresh : public QObject {
    Q_OBJECT
private slots:
    void init();
    void editUpdatesThenRefreshes();
    void editsDuringARefreshStartItAgain();
    void reportFollowsABurstOfEdits();

private:
    void edit(int row, int column, double value);
    Document* m_doc = nullptr;
};

namespace {
// Past Analysis::kStatisticsUpdateRows rows, offset by 1e6: the case raw sums would lose.
Dataset offsetTable() {
    arma::arma_rng::set_seed(11);
    const arma::uword n = Analysis::kStatisticsUpdateRows + 1000;
    const arma::mat X = arma::randn(n, 3) + 1e6;
    const arma::vec y = X * arma::vec{1, -1, 2} + arma::randn(n);
    return Dataset(X, y, {"a", "b", "c"}, "y");
}

bool sameStatistics(const SufficientStatistics& a, const SufficientStatistics& b) {
    return arma::approx_equal(a.centredGram(), b.centredGram(), "absdiff", 0) &&
           arma::approx_equal(a.centredCross(), b.centredCross(), "absdiff", 0) &&
           a.leastSquares().bias == b.leastSquares().bias;
}
} // namespace

void tst_StatisticsRefresh::init() {
    delete m_doc;
    m_doc = new Document(this);
    m_doc->replaceAll(offsetTable(), TransformSettings{1.0, Normalization::ZScore, 0},
                      LinearModel(3), QStringLiteral("offset"));
}

void tst_StatisticsRefresh::edit(int row, int column, double value) {
    m_doc->undoStack()->push(new SetValuesCommand(
        m_doc, row, column, arma::mat(1, 1, arma::fill::value(value)), QStringLiteral("edit")));
}

void tst_StatisticsRefresh::editUpdatesThenRefreshes() {
    QSignalSpy refreshed(m_doc, &Document::statisticsRefreshed);
    edit(5, 1, 2e6);
    QVERIFY(m_doc->analysis().statisticsUpdated());
    QCOMPARE(refreshed.count(), 0); // not during the edit: once the edits pause
    QTRY_COMPARE(refreshed.count(), 1);
    QVERIFY(!m_doc->analysis().statisticsUpdated());
    const Analysis fresh(m_doc->dataset(), m_doc->transformSettings());
    QVERIFY(sameStatistics(m_doc->analysis().statistics(), fresh.statistics()));
    // An undo is an edit too.
    m_doc->undoStack()->undo();
    QVERIFY(m_doc->analysis().statisticsUpdated());
    m_doc->waitForStatistics();
    QCOMPARE(refreshed.count(), 2);
    QVERIFY(sameStatistics(m_doc->analysis().statistics(),
                           Analysis(m_doc->dataset(), m_doc->transformSettings()).statistics()));
}

void tst_StatisticsRefresh::editsDuringARefreshStartItAgain() {
    QSignalSpy refreshed(m_doc, &Document::statisticsRefreshed);
    for (int k = 0; k < 20; ++k) {
        edit(k, 3, double(k)); // labels
        QTest::qWait(k % 5 == 0 ? StatisticsRefresh::kDelay + 20 : 1);
    }
    QTRY_VERIFY(!m_doc->analysis().statisticsUpdated());
    QVERIFY(refreshed.count() >= 1);
    QVERIFY(sameStatistics(m_doc->analysis().statistics(),
                           Analysis(m_doc->dataset(), m_doc->transformSettings()).statistics()));
}

void tst_StatisticsRefresh::reportFollowsABurstOfEdits() {
    RegressionRunner runner(m_doc);
    runner.waitForResult();
    QCOMPARE(runner.result().diagnostics.leverage.n_elem, m_doc->dataset().rowCount());
    for (int k = 0; k < 10; ++k)
        edit(7, 3, 1e6 + 100.0 * k); // a label dragged far out
    QTRY_VERIFY(runner.isCurrent());
    const RowDiagnostics& g = runner.result().diagnostics;
    QCOMPARE(g.leverage.n_elem, m_doc->dataset().rowCount());
    QVERIFY(std::abs(g.fitted(7) + g.residuals(7) - (1e6 + 900.0)) < 1e-6);
    // The outlier is flagged, and the report matches one computed afresh.
    QVERIFY(std::any_of(runner.result().flagged.begin(), runner.result().flagged.end(),
                        [](const FlaggedRow& f) { return f.row == 7; }));
    const Regression fresh = Regression::ofAnalysis(
        Analysis(m_doc->dataset(), m_doc->transformSettings()), m_doc->dataset().featureNames());
    const double slope = runner.result().regression.weights()(0);
    QVERIFY(std::abs(slope - fresh.weights()(0)) <= 1e-9 * std::abs(fresh.weights()(0)));
}

QTEST_GUILESS_MAIN(tst_StatisticsRefresh)
#include "tst_StatisticsRefresh.moc"
