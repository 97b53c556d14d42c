// The regularisation path view: a placeholder without a penalty; curves equal to
// Regularized::path on the fit rows' moments at the grid drawn; the marker at the current alpha;
// recomputed when the data change, not when alpha does.

#include "app/document/Document.h"
#include "model/fit/Moments.h"
#include "model/fit/Regularized.h"
#include "tests/common/TestUtil.h"
#include "ui/fit/PathPlotView.h"
#include "ui/panels/FitSettingsGroup.h"

#include <QTest>

#include <cmath>

using namespace linlab;
using testutil::allClose;
using testutil::close;

class tst_PathPlotView : public QObject {
    Q_OBJECT
private slots:
    void placeholderWithoutPenalty();
    void curvesAreThePath_data();
    void curvesAreThePath();
    void alphaMovesOnlyTheMarker();
    void dataChangeRecomputes();
};

namespace {

void setPenalty(Document& doc, Penalty penalty, double alpha, bool intercept = true) {
    FitSettings s = doc.fitSettings();
    s.penalty = penalty;
    s.alpha = alpha;
    s.intercept = intercept;
    doc.setFitSettings(s);
}

} // namespace

void tst_PathPlotView::placeholderWithoutPenalty() {
    Document doc;
    PathPlotView view(&doc);
    QVERIFY(view.message().contains(QStringLiteral("Ridge or Lasso")));
    QCOMPARE(view.plot()->graphCount(), 0);
    QVERIFY(std::isnan(view.markerAlpha()));
    setPenalty(doc, Penalty::Ridge, 1.0);
    QVERIFY(view.message().isEmpty());
    QCOMPARE(view.plot()->graphCount(), 2);
}

void tst_PathPlotView::curvesAreThePath_data() {
    QTest::addColumn<int>("penalty");
    QTest::addColumn<bool>("intercept");
    QTest::newRow("ridge") << int(Penalty::Ridge) << true;
    QTest::newRow("ridge through the origin") << int(Penalty::Ridge) << false;
    QTest::newRow("lasso") << int(Penalty::Lasso) << true;
}

void tst_PathPlotView::curvesAreThePath() {
    QFETCH(int, penalty);
    QFETCH(bool, intercept);
    Document doc;
    setPenalty(doc, Penalty(penalty), 0.3, intercept);
    PathPlotView view(&doc);
    const SufficientStatistics& stats = doc.fitSetup().fitStatistics(doc.analysis());
    const Moments m = Moments::of(stats, intercept);
    double low = 0, high = 0;
    FitSettingsGroup::alphaRange(doc, low, high);
    if (Penalty(penalty) == Penalty::Lasso)
        QVERIFY(close(high, Regularized::lassoAlphaMax(m), 1e-12 * high));
    const arma::vec alphas = Regularized::alphaGrid(low, high, PathPlotView::kGridSize);
    QVERIFY(allClose(view.alphas(), alphas, 0));
    const arma::mat expected = Regularized::path(m, Penalty(penalty), alphas);
    QVERIFY(allClose(view.path(), expected, 1e-12));
    QCOMPARE(view.plot()->graphCount(), 2);
    for (int j = 0; j < 2; ++j) {
        const QCPGraph* graph = view.plot()->graph(j);
        QCOMPARE(graph->dataCount(), PathPlotView::kGridSize);
        QVERIFY(graph->name().contains(QString::fromStdString(doc.dataset().featureNames()[j])));
        for (int k : {0, 41, PathPlotView::kGridSize - 1}) {
            const QCPGraphData& point = *(graph->data()->constBegin() + k);
            QCOMPARE(point.key, alphas(arma::uword(k)));
            QCOMPARE(point.value, expected(arma::uword(j), arma::uword(k)));
        }
    }
    QCOMPARE(view.plot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
    QCOMPARE(view.markerAlpha(), 0.3);
}

void tst_PathPlotView::alphaMovesOnlyTheMarker() {
    Document doc;
    setPenalty(doc, Penalty::Ridge, 1.0);
    PathPlotView view(&doc);
    const int builds = view.pathBuilds();
    const arma::mat before = view.path();
    for (double alpha : {2.0, 15.0, 300.0}) {
        setPenalty(doc, Penalty::Ridge, alpha);
        QCOMPARE(view.markerAlpha(), alpha);
    }
    QCOMPARE(view.pathBuilds(), builds);
    QVERIFY(allClose(view.path(), before, 0));
    // Another penalty is another path.
    setPenalty(doc, Penalty::Lasso, 0.1);
    QCOMPARE(view.pathBuilds(), builds + 1);
    QCOMPARE(view.markerAlpha(), 0.1);
}

void tst_PathPlotView::dataChangeRecomputes() {
    Document doc;
    setPenalty(doc, Penalty::Ridge, 1.0);
    PathPlotView view(&doc);
    const int builds = view.pathBuilds();
    const arma::mat before = view.path();
    doc.setValues(0, 0, arma::mat(1, 1, arma::fill::value(123.0)));
    QVERIFY(view.pathBuilds() > builds);
    QVERIFY(!allClose(view.path(), before, 1e-9));
    const Moments m = Moments::of(doc.fitSetup().fitStatistics(doc.analysis()), true);
    QVERIFY(allClose(view.path(), Regularized::path(m, Penalty::Ridge, view.alphas()), 1e-12));
}

QTEST_MAIN(tst_PathPlotView)
#include "tst_PathPlotView.moc"
