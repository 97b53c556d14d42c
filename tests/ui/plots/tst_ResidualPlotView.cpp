// ResidualPlotView on a live Document: residuals against predictions around the zero line, and
// past the direct limit the sampled predictions still matching the model exactly.

#include "app/document/Document.h"
#include "tests/common/TestUtil.h"
#include "tests/ui/plots/PlotTestUtil.h"
#include "ui/plots/PlotView.h"
#include "ui/plots/ResidualPlotView.h"

#include <QTest>

#include <cmath>

using namespace linlab;
using namespace plottest;

class tst_ResidualPlotView : public QObject {
    Q_OBJECT
private slots:
    void residualPlotShowsResiduals();
    void millionRowTickUsesSampledPredictions();
};

void tst_ResidualPlotView::residualPlotShowsResiduals() {
    Document doc;
    ResidualPlotView view(&doc);
    const Points expected{{0, {51, -24}}, {1, {40, -20}}, {2, {66, -24}}, {3, {33, -22}}};
    QCOMPARE(drawnPoints(view), expected);
    QCOMPARE(view.plot()->xAxis->label(), QStringLiteral("predicted exam_score"));
    QCOMPARE(view.plot()->yAxis->label(), QStringLiteral("residual (predicted \u2212 actual)"));

    // The zero line spans the x range; the y range is symmetric about it.
    const QSharedPointer<QCPGraphDataContainer> zero = view.zeroGraph()->data();
    QCOMPARE(zero->size(), 2);
    QCOMPARE(zero->at(0)->value, 0.0);
    QCOMPARE(zero->at(1)->value, 0.0);
    QCOMPARE(zero->at(0)->key, view.plot()->xAxis->range().lower);
    QCOMPARE(zero->at(1)->key, view.plot()->xAxis->range().upper);
    const QCPRange y = view.plot()->yAxis->range();
    QVERIFY(testutil::close(y.lower, -y.upper));
    QVERIFY(y.lower < -24 && y.upper > 0);

    doc.setModel(LinearModel(arma::vec{5, 2}, 34.5));
    const Points moved{{0, {73.5, -1.5}}, {1, {61.5, 1.5}}, {2, {90.5, 0.5}}, {3, {54.5, -0.5}}};
    QCOMPARE(drawnPoints(view), moved);
}

void tst_ResidualPlotView::millionRowTickUsesSampledPredictions() {
    // Past the direct limit the document keeps only the display rows' predictions: what the
    // plots draw and what their tooltips say still match the model exactly.
    arma::arma_rng::set_seed(13);
    const arma::uword n = 100000;
    const arma::mat X = arma::randn(n, 2);
    const arma::vec y = 2 * X.col(0) + X.col(1) + arma::randn(n);
    Document doc;
    doc.replaceAll(Dataset(X, y, {"a", "b"}, "y"), TransformSettings{},
                   LinearModel(arma::vec{2, 1}, 0), QStringLiteral("big"));
    ResidualPlotView residual(&doc);
    QCOMPARE(residual.sampleStep(), 5);
    QCOMPARE(doc.evaluation().predictions.n_elem, arma::uword(20000));
    const Evaluation direct = doc.analysis().evaluate(doc.model());
    for (const auto& [row, p] : drawnPoints(residual)) {
        QCOMPARE(row % 5, 0);
        QVERIFY(testutil::close(p.x(), direct.predictions(arma::uword(row)), 1e-13));
        QVERIFY(testutil::close(p.y(), direct.residuals(arma::uword(row)), 1e-13));
    }
    // A row the sample skips, selected: drawn where the model puts it.
    residual.setSelectedRows({7});
    QCOMPARE(residual.highlightedRows(), QVector<int>{7});
    QVERIFY(testutil::close(residual.highlightGraph()->data()->begin()->key, direct.predictions(7),
                            1e-13));
    QVERIFY(residual.toolTipForRow(7).contains(QStringLiteral("predicted")));
    doc.waitForMetrics();
}

QTEST_MAIN(tst_ResidualPlotView)
#include "tst_ResidualPlotView.moc"
