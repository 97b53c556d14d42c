// PlotView, what the three plot views share, on a live Document: layers and legend, the guards
// that keep non-finite values away from QCustomPlot, rows and features removed, sampling,
// selection, clicks and tooltips, model-only redraws on a slider tick, and PNGs. Offscreen.

#include "app/document/Document.h"
#include "tests/common/TestUtil.h"
#include "tests/ui/plots/PlotTestUtil.h"
#include "ui/plots/DataPlotView.h"
#include "ui/plots/PlotView.h"
#include "ui/plots/PredictedActualPlotView.h"
#include "ui/plots/ResidualPlotView.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <cmath>
#include <limits>
#include <utility>

using namespace linlab;
using namespace plottest;

class tst_PlotView : public QObject {
    Q_OBJECT
private slots:
    void layersAndLegend();
    void guardHelpers();
    void overflowingPredictionsAreSkipped();
    void removingRowsAndFeaturesKeepsViewsConsistent();
    void selectionHighlightsRows();
    void clickEmitsRow();
    void toolTipNamesRow();
    void largeDocumentIsSampled();
    void sliderTickRedrawsOnlyWhatMoves();
    void rendersToPng();
};

void tst_PlotView::layersAndLegend() {
    Document doc;
    DataPlotView data(&doc);
    PredictedActualPlotView predicted(&doc);
    ResidualPlotView residual(&doc);
    for (const PlotView* view :
         {static_cast<const PlotView*>(&data), static_cast<const PlotView*>(&predicted),
          static_cast<const PlotView*>(&residual)}) {
        const QCPLayer* model = view->plot()->layer(QStringLiteral("model"));
        QVERIFY(model);
        QCOMPARE(model->mode(), QCPLayer::lmBuffered);
        // Only the model layer has a buffer of its own: each buffer is blended on every paint.
        const QCPLayer* below = view->plot()->layer(QStringLiteral("modelBelow"));
        QVERIFY(below);
        QCOMPARE(below->mode(), QCPLayer::lmLogical);
        QCOMPARE(view->plot()->layer(QStringLiteral("highlight"))->mode(), QCPLayer::lmLogical);
        QCOMPARE(view->plot()->layer(QStringLiteral("overlay"))->mode(), QCPLayer::lmLogical);
        QVERIFY(below->index() < view->plot()->layer(QStringLiteral("main"))->index());
        QVERIFY(model->index() > view->plot()->layer(QStringLiteral("main"))->index());
        QVERIFY(view->plot()->legend->visible());
        QCOMPARE(view->pointsGraph()->name(), QStringLiteral("samples"));
    }
    // What moves with the model sits on the model layer; the data points of the data plot do not.
    QCOMPARE(data.pointsGraph()->layer()->name(), QStringLiteral("main"));
    QCOMPARE(data.modelGraph()->layer()->name(), QStringLiteral("model"));
    QCOMPARE(data.residualBars()->layer()->name(),
             QStringLiteral("modelBelow")); // under the points
    QCOMPARE(data.modelGraph()->name(), QStringLiteral("model (others at mean)"));
    QCOMPARE(predicted.pointsGraph()->layer()->name(), QStringLiteral("model"));
    QCOMPARE(residual.pointsGraph()->layer()->name(), QStringLiteral("model"));
    QCOMPARE(predicted.referenceGraph()->pen().style(), Qt::DashLine);
    QCOMPARE(residual.zeroGraph()->pen().style(), Qt::DashLine);
}

void tst_PlotView::guardHelpers() {
    constexpr double inf = std::numeric_limits<double>::infinity();
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    QVERIFY(PlotView::isPlottable(0));
    QVERIFY(PlotView::isPlottable(-1e200));
    QVERIFY(!PlotView::isPlottable(nan));
    QVERIFY(!PlotView::isPlottable(inf));
    QVERIFY(!PlotView::isPlottable(-inf));
    QVERIFY(!PlotView::isPlottable(1e300));

    double lo = inf, hi = -inf;
    PlotView::include(nan, lo, hi);
    PlotView::include(inf, lo, hi);
    QCOMPARE(lo, inf); // nothing plottable yet
    PlotView::include(3, lo, hi);
    PlotView::include(-2, lo, hi);
    PlotView::include(1e300, lo, hi);
    QCOMPARE(lo, -2.0);
    QCOMPARE(hi, 3.0);

    // 5% padding on each side.
    QVERIFY(sameRange(PlotView::paddedRange(0, 10), QCPRange(-0.5, 10.5)));
    // Nothing plottable: 0..1.
    QVERIFY(sameRange(PlotView::paddedRange(inf, -inf), QCPRange(0, 1)));
    QVERIFY(sameRange(PlotView::paddedRange(nan, 1), QCPRange(0, 1)));
    QVERIFY(sameRange(PlotView::paddedRange(0, inf), QCPRange(0, 1)));
    // Degenerate: a range around the single value that QCustomPlot accepts.
    for (double v : {0.0, 5.0, -1e-300, 1e200, 1e10}) {
        const QCPRange r = PlotView::paddedRange(v, v);
        QVERIFY2(r.lower < v && r.upper > v, qPrintable(QString::number(v)));
        QVERIFY(QCPRange::validRange(r));
    }
    QVERIFY(QCPRange::validRange(PlotView::paddedRange(-1e200, 1e200)));
}

void tst_PlotView::overflowingPredictionsAreSkipped() {
    Document doc;
    // A fifth row with hours_studied 0: 0 * 1e308 stays finite while the other rows overflow.
    doc.insertRows(4, arma::mat{{0, 1, 50}});
    doc.setModel(LinearModel(arma::vec{1e308, 0}, 0));
    QVERIFY(!std::isfinite(doc.evaluation().predictions(0)));
    QVERIFY(std::isfinite(doc.evaluation().predictions(4)));

    DataPlotView data(&doc);
    PredictedActualPlotView predicted(&doc);
    ResidualPlotView residual(&doc);
    for (PlotView* view : {static_cast<PlotView*>(&data), static_cast<PlotView*>(&predicted),
                           static_cast<PlotView*>(&residual)}) {
        QVERIFY(everythingFinite(view->plot()));
        QVERIFY(rangesFinite(view->plot()));
        view->plot()->replot(); // draws without complaint
        QVERIFY(rangesFinite(view->plot()));
    }
    // The data points stay (x and y are finite); their segments to infinity do not.
    QCOMPARE(data.pointCount(), 5);
    QCOMPARE(data.modelGraph()->dataCount(), 0); // the line is infinite across the range
    // Only row 4 has a drawable prediction.
    QCOMPARE(predicted.drawnRows(), QVector<int>{4});
    QCOMPARE(residual.drawnRows(), QVector<int>{4});
    QCOMPARE(drawnPoints(predicted), (Points{{4, {50, 0}}}));

    // Finite but beyond what QCustomPlot can range over: skipped as well.
    doc.setModel(LinearModel(arma::vec{1e250, 0}, 0));
    QVERIFY(std::isfinite(doc.evaluation().predictions(0)));
    QCOMPARE(predicted.drawnRows(), QVector<int>{4});
    QVERIFY(rangesFinite(predicted.plot()));
    QVERIFY(predicted.plot()->xAxis->range().upper < 1e3);

    // Every prediction infinite: nothing drawn, a message, and the default range.
    doc.removeRows(4, 1);
    doc.setModel(LinearModel(arma::vec{1e308, 1e308}, 0));
    QCOMPARE(predicted.pointCount(), 0);
    QCOMPARE(residual.pointCount(), 0);
    QCOMPARE(predicted.message(), QStringLiteral("No finite values to plot"));
    QVERIFY(sameRange(predicted.plot()->xAxis->range(), QCPRange(0, 1)));
    QVERIFY(rangesFinite(residual.plot()));
    QCOMPARE(data.pointCount(), 4);
    QVERIFY(everythingFinite(data.plot()));
    QVERIFY(rangesFinite(data.plot()));
}

void tst_PlotView::removingRowsAndFeaturesKeepsViewsConsistent() {
    Document doc;
    DataPlotView data(&doc);
    PredictedActualPlotView predicted(&doc);
    ResidualPlotView residual(&doc);
    const auto views = {static_cast<PlotView*>(&data), static_cast<PlotView*>(&predicted),
                        static_cast<PlotView*>(&residual)};
    for (PlotView* view : views)
        view->setSelectedRows({3});

    doc.removeRows(1, 2); // rows 0 and 3 remain, now 0 and 1
    for (PlotView* view : views) {
        QCOMPARE(view->pointCount(), 2);
        QCOMPARE(view->highlightGraph()->dataCount(), 0); // row 3 no longer exists
        QVERIFY(everythingFinite(view->plot()));
    }
    QCOMPARE(drawnPoints(data), (Points{{0, {5, 75}}, {1, {2, 55}}}));
    QCOMPARE(drawnPoints(predicted), (Points{{0, {75, 51}}, {1, {55, 33}}}));
    QCOMPARE(data.residualBars()->dataCount(), 2);

    doc.removeFeature(0); // hours_slept only: w = [3], b = 10
    QCOMPARE(data.feature(), 0);
    QCOMPARE(data.featureCombo()->count(), 1);
    QCOMPARE(data.plot()->xAxis->label(), QStringLiteral("hours_slept"));
    QCOMPARE(drawnPoints(data), (Points{{0, {7, 75}}, {1, {5, 55}}}));
    QCOMPARE(drawnPoints(predicted), (Points{{0, {75, 31}}, {1, {55, 25}}}));
    QCOMPARE(data.modelGraph()->dataCount(), 2);

    doc.removeFeature(0); // no features: predictions are the bias
    QCOMPARE(data.feature(), -1);
    QVERIFY(!data.featureCombo()->isEnabled());
    QCOMPARE(data.pointCount(), 0);
    QCOMPARE(data.modelGraph()->dataCount(), 0);
    QCOMPARE(data.residualBars()->dataCount(), 0);
    QVERIFY(data.message().contains(QStringLiteral("No feature")));
    QVERIFY(!data.plot()->legend->visible());
    QVERIFY(!data.plot()->xAxis->tickLabels());
    QVERIFY(rangesFinite(data.plot()));
    data.plot()->replot();
    QCOMPARE(drawnPoints(predicted), (Points{{0, {75, 10}}, {1, {55, 10}}}));
    QVERIFY(predicted.message().isEmpty());

    // A feature again: the data plot comes back on it.
    doc.insertFeature(0, "x", arma::vec{1, 2}, 1.0);
    QCOMPARE(data.feature(), 0);
    QVERIFY(data.message().isEmpty());
    QVERIFY(data.plot()->legend->visible());
    QVERIFY(data.plot()->xAxis->tickLabels());
    QCOMPARE(drawnPoints(data), (Points{{0, {1, 75}}, {1, {2, 55}}}));

    doc.removeRows(0, 2); // no rows at all
    for (PlotView* view : views) {
        QCOMPARE(view->pointCount(), 0);
        QCOMPARE(view->message(), QStringLiteral("No rows to plot"));
        QVERIFY(rangesFinite(view->plot()));
        view->plot()->replot();
    }

    // Undo-like restore through a reset brings everything back.
    doc.replaceAll(Dataset::lesson(), TransformSettings{},
                   LinearModel(Dataset::lessonWeights(), Dataset::lessonBias()),
                   QStringLiteral("lesson"));
    for (PlotView* view : views) {
        QCOMPARE(view->pointCount(), 4);
        QVERIFY(view->message().isEmpty());
    }
    QCOMPARE(data.featureCombo()->count(), 2);
}

void tst_PlotView::selectionHighlightsRows() {
    Document doc;
    DataPlotView data(&doc);
    PredictedActualPlotView predicted(&doc);
    QSignalSpy dataSpy(&data, &PlotView::rowClicked);
    QSignalSpy predictedSpy(&predicted, &PlotView::rowClicked);

    data.setSelectedRows({2});
    predicted.setSelectedRows({2});
    QCOMPARE(data.highlightedRows(), QVector<int>{2});
    QCOMPARE(data.highlightGraph()->dataCount(), 1);
    QCOMPARE(data.highlightGraph()->data()->at(0)->key, 8.0);
    QCOMPARE(data.highlightGraph()->data()->at(0)->value, 90.0);
    QCOMPARE(predicted.highlightGraph()->dataCount(), 1);
    QCOMPARE(predicted.highlightGraph()->data()->at(0)->key, 90.0);
    QCOMPARE(predicted.highlightGraph()->data()->at(0)->value, 66.0);
    QVERIFY(predicted.plot()->legend->hasItemWithPlottable(predicted.highlightGraph()));
    QCOMPARE(dataSpy.count(), 0);
    QCOMPARE(predictedSpy.count(), 0);

    // The highlight follows the model.
    doc.setModel(LinearModel(arma::vec{5, 2}, 34.5));
    QCOMPARE(predicted.highlightGraph()->data()->at(0)->value, 90.5);

    // Several rows, duplicates and rows that do not exist.
    data.setSelectedRows({3, 0, 3, 17, -1});
    QCOMPARE(data.highlightedRows(), (QVector<int>{3, 0})); // sorted by x: 2 then 5
    data.setSelectedRows({});
    QCOMPARE(data.highlightGraph()->dataCount(), 0);
    QVERIFY(!data.plot()->legend->hasItemWithPlottable(data.highlightGraph()));
    QCOMPARE(dataSpy.count(), 0);
}

void tst_PlotView::clickEmitsRow() {
    Document doc;
    PredictedActualPlotView predicted(&doc);
    DataPlotView data(&doc);
    for (PlotView* view : {static_cast<PlotView*>(&predicted), static_cast<PlotView*>(&data)}) {
        view->resize(640, 420);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        view->plot()->replot();
    }

    QSignalSpy spy(&predicted, &PlotView::rowClicked);
    const QPoint row2 = pixelOf(predicted, 90, 66);
    QCOMPARE(predicted.rowAtPixel(row2), 2);
    QTest::mouseClick(predicted.plot(), Qt::LeftButton, Qt::NoModifier, row2);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 2);
    QCOMPARE(spy.at(0).at(1).toBool(), false);

    // Ctrl extends; a few pixels off still hits; far from every point nothing is emitted.
    QTest::mouseClick(predicted.plot(), Qt::LeftButton, Qt::ControlModifier, row2 + QPoint(4, -3));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toInt(), 2);
    QCOMPARE(spy.at(1).at(1).toBool(), true);
    QTest::mouseClick(predicted.plot(), Qt::LeftButton, Qt::NoModifier, pixelOf(predicted, 90, 35));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(predicted.rowAtPixel(pixelOf(predicted, 90, 35)), -1);

    // Same on the data plot, at (hours_studied 3, exam_score 60).
    QSignalSpy dataSpy(&data, &PlotView::rowClicked);
    QTest::mouseClick(data.plot(), Qt::LeftButton, Qt::NoModifier, pixelOf(data, 3, 60));
    QCOMPARE(dataSpy.count(), 1);
    QCOMPARE(dataSpy.at(0).at(0).toInt(), 1);
}

void tst_PlotView::toolTipNamesRow() {
    Document doc;
    DataPlotView data(&doc);
    PredictedActualPlotView predicted(&doc);
    QCOMPARE(data.toolTipForRow(2),
             QStringLiteral("Row 3 \u2014 hours_studied 8, exam_score 90, predicted 66"));
    QCOMPARE(predicted.toolTipForRow(2),
             QStringLiteral("Row 3 \u2014 exam_score 90, predicted 66, residual -24"));

    // A mouse move over the point shows it.
    data.resize(640, 420);
    data.show();
    QVERIFY(QTest::qWaitForWindowExposed(&data));
    data.plot()->replot();
    const QPointF at = pixelOf(data, 8, 90);
    QMouseEvent move(QEvent::MouseMove, at, data.plot()->mapToGlobal(at), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(data.plot(), &move);
    QTRY_COMPARE(QToolTip::text(), data.toolTipForRow(2));
}

void tst_PlotView::largeDocumentIsSampled() {
    const arma::uword n = 30000;
    Document doc;
    loadLargeDocument(doc, n, 11);

    DataPlotView data(&doc);
    PredictedActualPlotView predicted(&doc);
    ResidualPlotView residual(&doc);
    for (PlotView* view : {static_cast<PlotView*>(&data), static_cast<PlotView*>(&predicted),
                           static_cast<PlotView*>(&residual)}) {
        QVERIFY(view->pointCount() <= int(linlab::kMaxDisplayRows));
        QCOMPARE(view->sampleStep(), 2);
        QCOMPARE(view->pointCount(), 15000);
        QVERIFY(view->pointsGraph()->name().contains(QStringLiteral("shown")));
        QCOMPARE(view->pointsGraph()->name(), QStringLiteral("samples (1 in 2 shown)"));
        for (int row : view->drawnRows())
            QCOMPARE(row % 2, 0);
        // A selected row that sampling skipped is still highlighted.
        view->setSelectedRows({1});
        QCOMPARE(view->highlightedRows(), QVector<int>{1});
    }
    // 15,000 segments would be a blur: none are drawn (the residual plot shows them).
    QCOMPARE(data.residualBars()->dataCount(), 0);
    QVERIFY(!data.residualBars()->visible());

    // Back to a small document: everything is drawn and the note goes.
    doc.removeRows(10, int(n) - 10);
    QCOMPARE(predicted.pointCount(), 10);
    QCOMPARE(predicted.pointsGraph()->name(), QStringLiteral("samples"));
}

void tst_PlotView::sliderTickRedrawsOnlyWhatMoves() {
    Document doc;
    loadLargeDocument(doc, 30000, 12);
    DataPlotView data(&doc);
    PredictedActualPlotView predicted(&doc);
    ResidualPlotView residual(&doc);
    QApplication::processEvents();
    QSignalSpy dataFull(data.plot(), &QCustomPlot::afterReplot);
    QSignalSpy dataLayers(&data, &PlotView::layersReplotted);
    QSignalSpy predictedFull(predicted.plot(), &QCustomPlot::afterReplot);
    QSignalSpy predictedLayers(&predicted, &PlotView::layersReplotted);
    const QCPRange dataY = data.plot()->yAxis->range();
    const QCPRange predictedRange = predicted.plot()->xAxis->range();

    // A small tick: the data points and every axis stay; only the model layer is redrawn.
    doc.setModel(LinearModel(arma::vec{3.01, -1}, 0.01));
    QApplication::processEvents();
    QCOMPARE(dataLayers.count(), 1);
    QCOMPARE(dataFull.count(), 0);
    QCOMPARE(data.plot()->yAxis->range(), dataY);
    QCOMPARE(predictedLayers.count(), 1);
    QCOMPARE(predictedFull.count(), 0);
    QCOMPARE(predicted.plot()->xAxis->range(), predictedRange);
    // ... and the moved points are where the new model puts them.
    const Points drawn = drawnPoints(predicted);
    QVERIFY(!drawn.empty());
    for (const auto& [row, p] : drawn)
        QCOMPARE(p.y(), doc.prediction(arma::uword(row)));

    // A large move: the points leave the axes, which follow (a full replot).
    doc.setModel(LinearModel(arma::vec{30, -10}, 50));
    QApplication::processEvents();
    QCOMPARE(predictedFull.count(), 1);
    QVERIFY(predicted.plot()->xAxis->range().upper > predictedRange.upper);
    // A data edit always rebuilds everything.
    dataFull.clear();
    doc.setValues(0, 0, arma::mat(1, 1, arma::fill::value(100.0)));
    QApplication::processEvents();
    QCOMPARE(dataFull.count(), 1);
    QVERIFY(data.plot()->xAxis->range().upper >= 100);

    // With a selection, the selected points move with the model on an unbuffered layer.
    predicted.setSelectedRows({5});
    QApplication::processEvents();
    predictedFull.clear();
    doc.setModel(LinearModel(arma::vec{30.01, -10}, 50));
    QApplication::processEvents();
    QCOMPARE(predictedFull.count(), 1);
    QCOMPARE(predicted.highlightGraph()->data()->begin()->value, doc.prediction(5));
}

void tst_PlotView::rendersToPng() {
    // LINLAB_PLOT_PNG_DIR keeps the images for a look; otherwise they go to a temporary folder.
    QTemporaryDir temp;
    QString dir = qEnvironmentVariable("LINLAB_PLOT_PNG_DIR");
    if (dir.isEmpty())
        dir = temp.path();
    QVERIFY(QDir().mkpath(dir));

    Document doc;
    DataPlotView data(&doc);
    PredictedActualPlotView predicted(&doc);
    ResidualPlotView residual(&doc);
    data.setSelectedRows({2});
    const std::pair<PlotView*, QString> views[] = {{&data, QStringLiteral("data")},
                                                   {&predicted, QStringLiteral("predicted-actual")},
                                                   {&residual, QStringLiteral("residual")}};
    for (const auto& [view, name] : views) {
        const QString path = dir + QStringLiteral("/") + name + QStringLiteral(".png");
        QVERIFY(view->plot()->savePng(path, 640, 420));
        QVERIFY(QFileInfo(path).size() > 1000);
    }

    // The whole widget, with the feature combo box above the plot.
    data.resize(640, 460);
    QVERIFY(data.grab().save(dir + QStringLiteral("/data-widget.png")));

    // The empty state and a sampled cloud, for the eye.
    Document big;
    arma::arma_rng::set_seed(3);
    const arma::mat X = arma::randn(30000, 1) * 2 + 10;
    big.replaceAll(Dataset(X, 4 * X.col(0) + 3 * arma::randn(30000), {"x"}, "y"),
                   TransformSettings{}, LinearModel(arma::vec{3.5}, 5), QStringLiteral("big"));
    DataPlotView bigData(&big);
    ResidualPlotView bigResidual(&big);
    QVERIFY(bigData.plot()->savePng(dir + QStringLiteral("/data-sampled.png"), 640, 420));
    QVERIFY(bigResidual.plot()->savePng(dir + QStringLiteral("/residual-sampled.png"), 640, 420));
    big.removeFeature(0);
    QVERIFY(bigData.plot()->savePng(dir + QStringLiteral("/data-no-features.png"), 640, 420));
}

QTEST_MAIN(tst_PlotView)
#include "tst_PlotView.moc"
