// What a large file looks like first (issue 16): right after opening, every weight is 0, so
// every prediction is 0. The residual plot's points then share one x and the predicted-vs-actual
// plot's one y; QCustomPlot's sampling drew the first as a dot or two. Each plot is rendered and
// the pixels its points paint are counted: they must spread over the plot, as the rows do.
// Offscreen.

#include "app/document/Document.h"
#include "ui/plots/DataPlotView.h"
#include "ui/plots/PredictedActualPlotView.h"
#include "ui/plots/ResidualPlotView.h"

#include <QImage>
#include <QTest>

#include <memory>
#include <set>

using namespace linlab;

namespace {

// How the points graph paints the plot's image (the image with the points against the image
// without them): the rows and the columns it paints, and the share of the rows (of the columns)
// painted between its first and last.
struct Painted {
    int rows = 0, columns = 0;
    double rowCover = 0, columnCover = 0;
};

Painted paintedExtent(PlotView& view) {
    view.resize(800, 600);
    view.show();
    QCustomPlot* plot = view.plot();
    plot->replot();
    const QImage with = plot->grab().toImage();
    view.pointsGraph()->setVisible(false);
    plot->replot();
    const QImage without = plot->grab().toImage();
    view.pointsGraph()->setVisible(true);
    plot->replot();
    std::set<int> rows, columns;
    for (int y = 0; y < with.height(); ++y)
        for (int x = 0; x < with.width(); ++x)
            if (with.pixel(x, y) != without.pixel(x, y)) {
                rows.insert(y);
                columns.insert(x);
            }
    Painted p;
    p.rows = int(rows.size());
    p.columns = int(columns.size());
    if (!rows.empty()) {
        p.rowCover = double(rows.size()) / double(*rows.rbegin() - *rows.begin() + 1);
        p.columnCover = double(columns.size()) / double(*columns.rbegin() - *columns.begin() + 1);
    }
    return p;
}

} // namespace

class tst_FirstState : public QObject {
    Q_OBJECT
private slots:
    // 200,000 rows (a dense plot, 1 in 10 drawn), the model all zeros as after opening a file.
    void pointsSpreadWithEveryWeightZero() {
        const arma::uword n = 200000;
        arma::arma_rng::set_seed(4);
        const arma::mat X = 50 + 10 * arma::randn(n, 3);
        const arma::vec y = X * arma::vec{1.5, -2.0, 0.5} + 20 + 5 * arma::randn(n);
        Document doc;
        doc.replaceAll(Dataset(X, y, {"a", "b", "c"}, "y"), {}, LinearModel(3),
                       QStringLiteral("first"));
        QVERIFY(doc.displayStep() > 1);

        // Residuals: every x is 0, the y spread over the label's range: one solid column of
        // points (QCustomPlot's sampling painted about half its rows, in dots).
        ResidualPlotView residuals(&doc);
        QVERIFY(residuals.pointCount() > 10000);
        const Painted r = paintedExtent(residuals);
        QVERIFY2(r.rows > 150 && r.rowCover > 0.9, qPrintable(QString::number(r.rowCover)));
        QVERIFY(r.columns < 20); // at x = 0
        QVERIFY(!residuals.pointsGraph()->adaptiveSampling());

        // Predicted against actual: every y is 0, the x spread; inside the axes, off the edge.
        PredictedActualPlotView predicted(&doc);
        const QCPRange yRange = predicted.plot()->yAxis->range();
        QVERIFY(yRange.lower < 0 && yRange.upper > 0);
        const Painted p = paintedExtent(predicted);
        QVERIFY2(p.columns > 150 && p.columnCover > 0.9,
                 qPrintable(QString::number(p.columnCover)));
        QVERIFY(p.rows < 20);

        // The data plot keeps QCustomPlot's sampling (its x spread), and still spreads.
        DataPlotView data(&doc);
        QVERIFY(data.pointsGraph()->adaptiveSampling());
        const Painted d = paintedExtent(data);
        QVERIFY(d.rows > 150 && d.columns > 150);

        // Once fitted, the residual plot's x spreads and its sampling is back.
        doc.setModel(doc.leastSquaresModel());
        QVERIFY(residuals.pointsGraph()->adaptiveSampling());
        const Painted f = paintedExtent(residuals);
        QVERIFY(f.rows > 100 && f.columns > 150);
    }
};

QTEST_MAIN(tst_FirstState)
#include "tst_FirstState.moc"
