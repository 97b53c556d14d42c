// The loss landscape: a finite 200 x 200 grid with the point, the optimum and the arrow down the
// gradient; the grid rebuilt only when it must; dragging the point (one undo step a drag); the
// parameter pair and log colours; no data; and the grid exact at a million rows. Offscreen.

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "model/training/LossSurface.h"
#include "tests/common/TestUtil.h"
#include "tests/ui/training/TrainingTestUtil.h"
#include "ui/training/LossLandscapeView.h"
#include "ui/training/TrainingSession.h"
#include "ui/training/TrainingView.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <utility>

using namespace linlab;
using namespace trainingtest;
using testutil::allClose;
using testutil::close;

class tst_LossLandscapeView : public QObject {
    Q_OBJECT
private slots:
    void landscapeGridIs200By200AndFinite();
    void landscapeFollowsTheModel();
    void dragThePointMovesTheModel();
    void landscapeParametersAndLogColours();
    void landscapeWithoutData();
    void gridIsExactAtAMillionRows();
};

void tst_LossLandscapeView::landscapeGridIs200By200AndFinite() {
    Document doc;
    TrainingView view(&doc);
    LossLandscapeView* l = view.landscape();
    QCOMPARE(l->grid().values.n_rows, arma::uword(200));
    QCOMPARE(l->grid().values.n_cols, arma::uword(200));
    QCOMPARE(l->grid().x.n_elem, arma::uword(200));
    QVERIFY(l->grid().values.is_finite());
    QCOMPARE(l->colorMap()->data()->keySize(), 200);
    QCOMPARE(l->colorMap()->data()->valueSize(), 200);
    QVERIFY(l->contourCount() > 3);
    // Between the current point and the optimum, both in view with room to spare.
    const QCPRange x = l->plot()->xAxis->range(), y = l->plot()->yAxis->range();
    for (const QPointF& p : {l->currentPoint(), l->optimumPoint()}) {
        QVERIFY(x.contains(p.x()) && y.contains(p.y()));
        QVERIFY(p.x() - x.lower > 0.1 * x.size() && x.upper - p.x() > 0.1 * x.size());
    }
    QVERIFY(close(l->optimumPoint().x(), 5, 1e-9) && close(l->optimumPoint().y(), 2, 1e-9));
    QString why;
    QVERIFY2(plotFinite(l->plot(), &why), qPrintable(why));
    // The arrow points down the gradient: the gradient is [-208, -295], so up and to the right.
    const QPointF a =
        QPointF(l->gradientArrow()->end->coords() - l->gradientArrow()->start->coords());
    QVERIFY(a.x() > 0 && a.y() > 0);
    QVERIFY(l->gradientArrow()->visible());
}

void tst_LossLandscapeView::landscapeFollowsTheModel() {
    Document doc;
    TrainingView view(&doc);
    LossLandscapeView* l = view.landscape();
    const int builds = l->gridBuilds();
    // A slider tick within the view: the point moves, the grid stays.
    doc.setModel(LinearModel(arma::vec{4.5, 2.5}, 10));
    QCOMPARE(l->currentPoint(), QPointF(4.5, 2.5));
    QCOMPARE(l->gridBuilds(), builds);
    // The held bias changes the slice: the grid is rebuilt (cheap), the window stays.
    const QCPRange x = l->plot()->xAxis->range();
    doc.setModel(LinearModel(arma::vec{4.5, 2.5}, 12));
    QCOMPARE(l->gridBuilds(), builds + 1);
    QCOMPARE(l->plot()->xAxis->range(), x);
    // Out of view: a new window around it.
    doc.setModel(LinearModel(arma::vec{400, 2.5}, 12));
    QCOMPARE(l->gridBuilds(), builds + 2);
    QVERIFY(l->plot()->xAxis->range().contains(400));
    QCOMPARE(l->currentPoint(), QPointF(400, 2.5));
    // The run's path follows the walk.
    doc.setModel(LinearModel(arma::vec{4, 3}, 10));
    view.session()->advance(5);
    QCOMPARE(l->pathCurve()->data()->size(), 6);
    view.session()->stepBack();
    QCOMPARE(l->pathCurve()->data()->size(), 5);
}

void tst_LossLandscapeView::dragThePointMovesTheModel() {
    Document doc;
    TrainingView view(&doc);
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    LossLandscapeView* l = view.landscape();
    QCustomPlot* plot = l->plot();
    plot->replot(); // lay out now, so pixels and coordinates agree
    const int before = doc.undoStack()->count();
    const LinearModel start = doc.model();
    const QPoint from = pixelOf(plot, 4, 3);
    QVERIFY(plot->axisRect()->rect().contains(from));
    const QPoint mid = from + QPoint(20, -10);
    const QPoint to = from + QPoint(45, -30);
    QTest::mousePress(plot, Qt::LeftButton, Qt::NoModifier, from);
    QVERIFY(l->isDragging());
    QTest::mouseMove(plot, mid);
    QTest::mouseMove(plot, to);
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::NoModifier, to);
    QVERIFY(!l->isDragging());
    // The model sits under the pixel (within a pixel: the press was rounded to one, and the
    // value to the shortest decimal within a quarter of one).
    const double xPixel = std::abs(plot->xAxis->pixelToCoord(1) - plot->xAxis->pixelToCoord(0));
    const double yPixel = std::abs(plot->yAxis->pixelToCoord(1) - plot->yAxis->pixelToCoord(0));
    QVERIFY(std::abs(doc.model().weights()(0) - plot->xAxis->pixelToCoord(to.x())) <= xPixel);
    QVERIFY(std::abs(doc.model().weights()(1) - plot->yAxis->pixelToCoord(to.y())) <= yPixel);
    QCOMPARE(doc.model().bias(), 10.0);
    QCOMPARE(l->currentPoint(), QPointF(doc.model().weights()(0), doc.model().weights()(1)));
    // One drag, one undo step.
    QCOMPARE(doc.undoStack()->count(), before + 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Drag on the landscape"));
    doc.undoStack()->undo();
    QVERIFY(sameModel(doc.model(), start));
    QCOMPARE(l->currentPoint(), QPointF(4, 3));
    // A press away from the point drags nothing.
    QTest::mousePress(plot, Qt::LeftButton, Qt::NoModifier, from + QPoint(60, 60));
    QVERIFY(!l->isDragging());
    QTest::mouseRelease(plot, Qt::LeftButton, Qt::NoModifier, from + QPoint(60, 60));
    QVERIFY(sameModel(doc.model(), start));
}

void tst_LossLandscapeView::landscapeParametersAndLogColours() {
    Document doc;
    TrainingView view(&doc);
    LossLandscapeView* l = view.landscape();
    QCOMPARE(l->xParameterBox()->count(), 3);
    QCOMPARE(l->xParameterBox()->itemText(2), QStringLiteral("b (bias)"));
    l->setParameters(0, 2); // w1 and the bias
    QCOMPARE(l->currentPoint(), QPointF(4, 10));
    QVERIFY(close(l->optimumPoint().y(), 34.5, 1e-9));
    QVERIFY(l->plot()->yAxis->label().startsWith(QStringLiteral("b")));
    // Choosing the other axis's parameter swaps them.
    l->yParameterBox()->setCurrentIndex(0);
    emit l->yParameterBox()->activated(0);
    QCOMPARE(l->xParameter(), 2);
    QCOMPARE(l->yParameter(), 0);
    QVERIFY(l->logColorsBox()->isChecked());
    QCOMPARE(l->colorMap()->dataScaleType(), QCPAxis::stLogarithmic);
    QVERIFY(l->colorMap()->dataRange().lower > 0);
    l->setLogColors(false);
    QCOMPARE(l->colorMap()->dataScaleType(), QCPAxis::stLinear);
    QString why;
    QVERIFY2(plotFinite(l->plot(), &why), qPrintable(why));
    // A third feature: the combos grow and the landscape holds w3.
    doc.insertFeature(2, "classroom", arma::vec{1, 2, 3, 4}, 0.5);
    QCOMPARE(l->xParameterBox()->count(), 4);
    QVERIFY(l->grid().values.is_finite());
}

void tst_LossLandscapeView::landscapeWithoutData() {
    Document doc;
    TrainingView view(&doc);
    doc.removeRows(0, 4);
    QVERIFY(!view.landscape()->message().isEmpty());
    QVERIFY(!view.stepButton()->isEnabled());
    QString why;
    QVERIFY2(plotFinite(view.landscape()->plot(), &why), qPrintable(why));
    QVERIFY(!view.epochLabel()->text().contains(QStringLiteral("nan"), Qt::CaseInsensitive));
    doc.insertRows(0, arma::mat{{5, 7, 75}, {3, 6, 60}});
    QVERIFY(view.landscape()->message().isEmpty());
    QVERIFY(view.landscape()->grid().values.is_finite());
}

void tst_LossLandscapeView::gridIsExactAtAMillionRows() {
    // The grid comes from the statistics, O(1) a cell at any n: at a million rows each cell is
    // still the data's own MSE. The times are printed for a look, not asserted (a loaded machine
    // must not fail the suite; linlab-bench measures).
    for (const arma::uword n : {arma::uword(4), arma::uword(1000000)}) {
        Document doc;
        if (n > 4) {
            arma::arma_rng::set_seed(2);
            const arma::mat X = arma::randn(n, 2) * 3 + 10;
            doc.replaceAll(Dataset(X, X * arma::vec{5, 2} + 34.5 + arma::randn(n), {"a", "b"}, "y"),
                           TransformSettings{}, LinearModel(arma::vec{4, 3}, 10),
                           QStringLiteral("big"));
        }
        const SufficientStatistics& stats = doc.analysis().statistics();
        LossSurfaceSpec spec;
        spec.xMin = 0;
        spec.xMax = 10;
        spec.yMin = 0;
        spec.yMax = 5;
        double best = 1e9;
        LossSurfaceGrid grid;
        for (int k = 0; k < 5; ++k) {
            QElapsedTimer t;
            t.start();
            grid = LossSurface::compute(stats, doc.model(), spec);
            best = std::min(best, t.nsecsElapsed() / 1e6);
            QVERIFY(grid.values.is_finite());
        }
        const Dataset& data = doc.dataset();
        for (const auto& [i, j] :
             {std::pair<arma::uword, arma::uword>{0, 0}, {57, 123}, {199, 199}}) {
            const arma::vec w{grid.x(i), grid.y(j)};
            const double direct =
                arma::mean(arma::square(data.features() * w + doc.model().bias() - data.labels()));
            QVERIFY2(close(grid.values(i, j), direct, 1e-9),
                     qPrintable(QStringLiteral("%1 vs %2").arg(grid.values(i, j)).arg(direct)));
        }
        // The whole view update: grid, contours and colour map.
        LossLandscapeView view(&doc);
        double redraw = 1e9;
        for (int k = 0; k < 3; ++k) {
            QElapsedTimer t;
            t.start();
            view.setParameters(k % 2 == 0 ? 1 : 0, k % 2 == 0 ? 0 : 1);
            redraw = std::min(redraw, t.nsecsElapsed() / 1e6);
            QVERIFY(view.grid().values.is_finite());
        }
        qInfo("n = %llu: grid %.3f ms, grid + contours + colour map %.2f ms",
              static_cast<unsigned long long>(n), best, redraw);
    }
}

QTEST_MAIN(tst_LossLandscapeView)
#include "tst_LossLandscapeView.moc"
