// The training view on a live Document: stepping, running, stepping back and resetting gradient
// descent (one undo step a run), divergence in words with nothing non-finite on any axis,
// dragging the point on the loss landscape, the loss curve's kept runs, and the raw-versus-
// z-scored comparison. Offscreen.

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "app/document/MergeIds.h"
#include "model/fit/Analysis.h"
#include "model/training/Conditioning.h"
#include "model/training/LossSurface.h"
#include "tests/common/TestUtil.h"
#include "ui/common/PreciseSpinBox.h"
#include "ui/training/LossCurveView.h"
#include "ui/training/LossLandscapeView.h"
#include "ui/training/NormalizationComparison.h"
#include "ui/training/TrainingSession.h"
#include "ui/training/TrainingView.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace linlab;
using testutil::allClose;
using testutil::close;

namespace {

arma::vec parameters(const LinearModel& m) {
    return arma::join_cols(m.weights(), arma::vec{m.bias()});
}

bool sameModel(const LinearModel& a, const LinearModel& b) {
    return a.weights().n_elem == b.weights().n_elem && arma::all(a.weights() == b.weights()) &&
           a.bias() == b.bias();
}

bool rangeFinite(const QCPRange& r) {
    return std::isfinite(r.lower) && std::isfinite(r.upper) && r.lower < r.upper;
}

/// Every axis of the plot has a finite, non-empty range, and every plottable's data is finite.
bool plotFinite(QCustomPlot* plot, QString* why) {
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes())
            if (!rangeFinite(axis->range())) {
                *why = QStringLiteral("axis %1").arg(axis->label());
                return false;
            }
    for (int k = 0; k < plot->plotLayout()->elementCount(); ++k)
        if (auto* scale = qobject_cast<QCPColorScale*>(plot->plotLayout()->elementAt(k)))
            if (!rangeFinite(scale->axis()->range()) || !rangeFinite(scale->dataRange())) {
                *why = QStringLiteral("colour scale");
                return false;
            }
    for (int p = 0; p < plot->plottableCount(); ++p) {
        QCPAbstractPlottable* plottable = plot->plottable(p);
        if (auto* graph = qobject_cast<QCPGraph*>(plottable)) {
            for (const QCPGraphData& d : *graph->data())
                if (!std::isfinite(d.key) || !std::isfinite(d.value)) {
                    *why = QStringLiteral("graph %1").arg(graph->name());
                    return false;
                }
        } else if (auto* curve = qobject_cast<QCPCurve*>(plottable)) {
            for (const QCPCurveData& d : *curve->data())
                if (!std::isfinite(d.key) || !std::isfinite(d.value)) {
                    *why = QStringLiteral("curve %1").arg(curve->name());
                    return false;
                }
        }
    }
    return true;
}

/// A document whose features are z-scored (the round bowl).
void zscore(Document& doc) {
    doc.undoStack()->push(
        new SetTransformCommand(&doc, TransformSettings{1.0, Normalization::ZScore, 0}));
}

QPoint pixelOf(QCustomPlot* plot, double x, double y) {
    return QPoint(qRound(plot->xAxis->coordToPixel(x)), qRound(plot->yAxis->coordToPixel(y)));
}

} // namespace

class tst_TrainingView : public QObject {
    Q_OBJECT
private slots:
    void stepOnceIsOneGradientStep();
    void runThenPauseIsOneUndoStep();
    void stepBackIsExact();
    void resetReturnsToTheStart();
    void movingTheModelStartsANewRun();
    void settingsChangeStartsANewRunFromHere();
    void longRunsAreComputedInParts();
    void divergesPastTheBound();
    void divergenceWhileRunning();
    void momentumOvershootIsNotDivergence();
    void rateSliderIsLogarithmicAroundTheBound();
    void landscapeGridIs200By200AndFinite();
    void landscapeFollowsTheModel();
    void dragThePointMovesTheModel();
    void landscapeParametersAndLogColours();
    void landscapeWithoutData();
    void gridTiming();
    void lossCurveReadoutAndLog();
    void keepTwoRuns();
    void compareNormalization();
    void render();
};

void tst_TrainingView::stepOnceIsOneGradientStep() {
    Document doc;
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    s->setLearningRate(0.001);
    const int before = doc.undoStack()->count();
    view.stepButton()->click();
    // The gradient at the lesson's model is [-208, -295] and -45, so one step of 0.001 lands on
    // w = [4, 3] - 0.001 [-208, -295] = [4.208, 3.295] and b = 10 - 0.001 (-45) = 10.045.
    QVERIFY(allClose(doc.model().weights(), arma::vec{4.208, 3.295}));
    QVERIFY(close(doc.model().bias(), 10.045));
    QCOMPARE(s->epoch(), std::size_t(1));
    QCOMPARE(doc.undoStack()->count(), before + 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Gradient Descent"));
    QVERIFY(view.epochLabel()->text().contains(QStringLiteral("<b>1</b>")));
    QVERIFY(view.stepBackButton()->isEnabled());
}

void tst_TrainingView::runThenPauseIsOneUndoStep() {
    Document doc;
    zscore(doc);
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    s->setSpeed(2000);
    const LinearModel start = doc.model();
    const int before = doc.undoStack()->count();
    view.runButton()->click();
    QVERIFY(s->isRunning());
    QCOMPARE(view.runButton()->text(), QStringLiteral("Pause"));
    QTRY_VERIFY(s->epoch() >= 20);
    view.runButton()->click();
    QVERIFY(!s->isRunning());
    const std::size_t epoch = s->epoch();
    QVERIFY(epoch >= 20);
    QCoreApplication::processEvents();
    QCOMPARE(s->epoch(), epoch); // paused stays paused
    // The whole run is one undo step, and the document shows the run's point.
    QCOMPARE(doc.undoStack()->count(), before + 1);
    QVERIFY(sameModel(doc.model(), s->modelAt(s->position())));
    QVERIFY(doc.evaluation().metrics.mse < s->result().lossHistory.front());
    doc.undoStack()->undo();
    QVERIFY(sameModel(doc.model(), start));
    QVERIFY(!s->isAttached());
}

void tst_TrainingView::stepBackIsExact() {
    Document doc;
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    std::vector<LinearModel> seen{doc.model()};
    for (int k = 0; k < 4; ++k) {
        QVERIFY(s->step());
        seen.push_back(doc.model());
    }
    for (int k = 3; k >= 0; --k) {
        view.stepBackButton()->click();
        QVERIFY(sameModel(doc.model(), seen[size_t(k)]));
        QCOMPARE(s->epoch(), std::size_t(k));
    }
    QVERIFY(!view.stepBackButton()->isEnabled());
    QVERIFY(!s->stepBack());
    // Forward again: the same points, in the same undo step.
    QVERIFY(s->step());
    QVERIFY(sameModel(doc.model(), seen[1]));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void tst_TrainingView::resetReturnsToTheStart() {
    Document doc;
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    const LinearModel start = doc.model();
    QVERIFY(s->advance(25));
    QCOMPARE(s->epoch(), std::size_t(25));
    QVERIFY(!sameModel(doc.model(), start));
    view.resetButton()->click();
    QVERIFY(sameModel(doc.model(), start));
    QCOMPARE(s->position(), 0);
    QVERIFY(s->isAttached());
    QVERIFY(sameModel(s->startModel(), start));
    // And from there the run goes the same way again.
    QVERIFY(s->step());
    QVERIFY(sameModel(doc.model(), s->modelAt(1)));
}

void tst_TrainingView::movingTheModelStartsANewRun() {
    Document doc;
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    QVERIFY(s->advance(3));
    const int runId = s->mergeId();
    QCOMPARE(doc.undoStack()->count(), 1);
    // A slider elsewhere moves the model: the run no longer describes it.
    doc.undoStack()->push(new SetModelCommand(&doc, LinearModel(arma::vec{6, 1}, 20),
                                              QStringLiteral("Drag w1"), nextMergeId()));
    QVERIFY(!s->isAttached());
    QVERIFY(view.statusLabel()->text().contains(QStringLiteral("moved")));
    QVERIFY(!view.stepBackButton()->isEnabled());
    QVERIFY(s->step());
    QVERIFY(s->mergeId() != runId);
    QVERIFY(sameModel(s->startModel(), LinearModel(arma::vec{6, 1}, 20)));
    QCOMPARE(s->epoch(), std::size_t(1));
    QCOMPARE(doc.undoStack()->count(), 3);
    // Undo the new run, redo it: the document shows the run's point again, and it continues.
    doc.undoStack()->undo();
    QVERIFY(!s->isAttached());
    doc.undoStack()->redo();
    QVERIFY(s->isAttached());
    QVERIFY(s->step());
    QCOMPARE(s->epoch(), std::size_t(2));
    QCOMPARE(doc.undoStack()->count(), 3);
}

void tst_TrainingView::settingsChangeStartsANewRunFromHere() {
    Document doc;
    zscore(doc);
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    const LinearModel start = doc.model();
    QVERIFY(s->advance(10));
    const LinearModel here = doc.model();
    s->setLearningRate(0.05);
    QVERIFY(!s->isAttached());
    QVERIFY(view.statusLabel()->text().contains(QStringLiteral("settings changed")));
    // Reset still goes back to the old run's start; Step then starts anew from there.
    view.resetButton()->click();
    QVERIFY(sameModel(doc.model(), start));
    QVERIFY(s->step());
    QVERIFY(sameModel(s->startModel(), start));
    QCOMPARE(s->runLabel(), QStringLiteral("GD lr 0.05"));
    QVERIFY(!sameModel(doc.model(), here));
}

void tst_TrainingView::longRunsAreComputedInParts() {
    // Mini-batches cost O(n d) an epoch: the run is computed ahead in parts, each a prefix of
    // the next (same seed, same run), so walking past a part's end continues seamlessly.
    Document doc;
    arma::arma_rng::set_seed(5);
    const arma::mat X = arma::randn(20000, 2);
    doc.replaceAll(Dataset(X, X * arma::vec{2, -1} + 3 + 0.1 * arma::randn(20000), {"a", "b"}, "y"),
                   TransformSettings{}, LinearModel(2), QStringLiteral("big"));
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    s->setMethod(TrainingSession::Method::MiniBatch);
    s->setBatchSize(1000);
    s->setLearningRate(0.01);
    s->setMaxEpochs(5000);
    QVERIFY(s->step());
    const std::size_t part = s->result().epochsRun;
    QVERIFY2(part < 5000, qPrintable(QString::number(part)));
    QVERIFY(!s->isComplete());
    const LinearModel before = s->modelAt(int(part));
    QVERIFY(s->advance(qint64(part))); // past the first part
    QCOMPARE(s->epoch(), part + 1);
    QVERIFY(s->result().epochsRun > part);
    QVERIFY(sameModel(s->modelAt(int(part)), before));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void tst_TrainingView::divergesPastTheBound() {
    Document doc;
    TrainingView view(&doc);
    view.resize(900, 700);
    TrainingSession* s = view.session();
    const double bound = s->gradientBound();
    QVERIFY(bound > 0);
    s->setLearningRate(1.05 * bound);
    QVERIFY(view.warningLabel()->isVisibleTo(&view));
    QVERIFY(view.warningLabel()->text().contains(QStringLiteral("past the stable bound")));
    view.endButton()->click();
    QVERIFY(s->atEnd());
    QVERIFY(s->result().diverged);
    // It says so, where, and what to try instead: half the bound, rounded down.
    const QString status = view.statusLabel()->text();
    QVERIFY2(status.startsWith(QStringLiteral("Diverged at epoch ")), qPrintable(status));
    const double suggestion = suggestedRate(bound);
    QVERIFY(suggestion < bound && suggestion > 0.45 * bound);
    QVERIFY2(status.contains(QStringLiteral("try %1").arg(QString::number(suggestion))),
             qPrintable(status));
    QVERIFY(status.contains(QStringLiteral("past the stable bound")));
    // Stopped on the step it shows, with finite numbers everywhere.
    QVERIFY(sameModel(doc.model(), s->result().model));
    QVERIFY(parameters(doc.model()).is_finite());
    QVERIFY(std::isfinite(doc.evaluation().metrics.mse));
    QString why;
    QVERIFY2(plotFinite(view.landscape()->plot(), &why), qPrintable(why));
    QVERIFY2(plotFinite(view.lossCurve()->plot(), &why), qPrintable(why));
    QVERIFY(view.landscape()->grid().values.is_finite());
    QVERIFY(!view.statusLabel()->text().contains(QStringLiteral("nan"), Qt::CaseInsensitive));
    QVERIFY(!view.epochLabel()->text().contains(QStringLiteral("nan"), Qt::CaseInsensitive));
    QVERIFY(!view.runButton()->isEnabled());
    QVERIFY(!view.stepButton()->isEnabled());

    // A rate so large the first step overflows: still nothing non-finite anywhere.
    s->setLearningRate(1e200);
    view.resetButton()->click();
    view.endButton()->click();
    QVERIFY(s->result().diverged);
    QVERIFY(parameters(doc.model()).is_finite());
    QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("overflowed")),
             qPrintable(view.statusLabel()->text()));
    QVERIFY2(plotFinite(view.landscape()->plot(), &why), qPrintable(why));
    QVERIFY2(plotFinite(view.lossCurve()->plot(), &why), qPrintable(why));
}

void tst_TrainingView::divergenceWhileRunning() {
    // Momentum past its own bound 2 (1 + mu) / lambda_max: the animation stops where the run
    // does, the loss a million times its start, and axes follow it there.
    Document doc;
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    s->setMethod(TrainingSession::Method::Momentum);
    s->setMomentum(0.5);
    QVERIFY(close(s->stableBound(), 1.5 * s->gradientBound()));
    s->setLearningRate(1.1 * s->stableBound());
    s->setSpeed(1000000);
    view.runButton()->click();
    QTRY_VERIFY(!s->isRunning());
    QVERIFY(s->atEnd());
    QVERIFY(s->result().diverged);
    QVERIFY(view.statusLabel()->text().startsWith(QStringLiteral("Diverged at epoch")));
    QString why;
    QVERIFY2(plotFinite(view.landscape()->plot(), &why), qPrintable(why));
    QVERIFY2(plotFinite(view.lossCurve()->plot(), &why), qPrintable(why));
    // The landscape moved its window to keep the point in view.
    const QPointF p = view.landscape()->currentPoint();
    QVERIFY(view.landscape()->plot()->xAxis->range().contains(p.x()));
    QVERIFY(view.landscape()->plot()->yAxis->range().contains(p.y()));
    QVERIFY(view.lossCurve()->plot()->yAxis->range().upper >= s->result().lossHistory.back());
}

void tst_TrainingView::momentumOvershootIsNotDivergence() {
    Document doc;
    zscore(doc);
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    s->setMethod(TrainingSession::Method::Momentum);
    s->setMomentum(0.99);
    s->toEnd();
    QVERIFY(!s->result().diverged);
    QCOMPARE(s->result().stopReason, StopReason::Converged);
    QVERIFY(view.statusLabel()->text().startsWith(QStringLiteral("Converged at epoch")));
}

void tst_TrainingView::rateSliderIsLogarithmicAroundTheBound() {
    Document doc;
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    const double bound = s->gradientBound();
    QVERIFY(close(view.rateAt(TrainingView::kRateSteps), 4 * bound, 3e-3));
    QVERIFY(close(view.rateAt(0), 1e-4 * bound, 3e-3));
    QVERIFY(std::abs(view.ratePosition(bound) - view.ratePosition(bound / 10)) > 150);
    // The default rate is half the bound, rounded down: under it, and the spin box shows it
    // exactly.
    QVERIFY(s->isDefaultRate());
    QCOMPARE(s->learningRate(), suggestedRate(bound));
    QCOMPARE(view.rateSpinBox()->value(), s->learningRate());
    QVERIFY(!view.warningLabel()->isVisibleTo(&view));
    QVERIFY(view.boundLabel()->text().contains(QStringLiteral("stable below")));
    view.rateSlider()->setValue(TrainingView::kRateSteps);
    QVERIFY(close(s->learningRate(), 4 * bound, 3e-3));
    QVERIFY(view.warningLabel()->isVisibleTo(&view));
    QVERIFY(!s->isDefaultRate());
    // z-scoring changes the bound; the user's rate stays, the warning follows.
    zscore(doc);
    QVERIFY(close(s->learningRate(), 4 * bound, 3e-3));
    QVERIFY(!view.warningLabel()->isVisibleTo(&view));
}

void tst_TrainingView::landscapeGridIs200By200AndFinite() {
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

void tst_TrainingView::landscapeFollowsTheModel() {
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

void tst_TrainingView::dragThePointMovesTheModel() {
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

void tst_TrainingView::landscapeParametersAndLogColours() {
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

void tst_TrainingView::landscapeWithoutData() {
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

void tst_TrainingView::gridTiming() {
    // The grid is O(1) a cell from the statistics: the same few milliseconds at any n.
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
        for (int k = 0; k < 5; ++k) {
            QElapsedTimer t;
            t.start();
            const LossSurfaceGrid grid = LossSurface::compute(stats, doc.model(), spec);
            best = std::min(best, t.nsecsElapsed() / 1e6);
            QVERIFY(grid.values.is_finite());
        }
        // The whole view update: grid, contours and colour map.
        LossLandscapeView view(&doc);
        double redraw = 1e9;
        for (int k = 0; k < 3; ++k) {
            QElapsedTimer t;
            t.start();
            view.setParameters(k % 2 == 0 ? 1 : 0, k % 2 == 0 ? 0 : 1);
            redraw = std::min(redraw, t.nsecsElapsed() / 1e6);
        }
        qInfo("n = %llu: grid %.3f ms, grid + contours + colour map %.2f ms",
              static_cast<unsigned long long>(n), best, redraw);
        QVERIFY2(best < 10, qPrintable(QString::number(best)));
    }
}

void tst_TrainingView::lossCurveReadoutAndLog() {
    Document doc;
    zscore(doc);
    TrainingView view(&doc);
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    LossCurveView* c = view.lossCurve();
    QCOMPARE(c->readout()->text(), QStringLiteral("no run yet"));
    view.session()->advance(30);
    QCOMPARE(c->currentGraph()->dataCount(), 31);
    QVERIFY(c->readout()->text().startsWith(QStringLiteral("epoch 30: MSE ")));
    QVERIFY(c->isLogScale());
    QCOMPARE(c->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(c->plot()->xAxis->range().upper >= 30);
    // Hover: the readout and tracer show the epoch under the cursor.
    c->plot()->replot();
    const QPoint at(qRound(c->plot()->xAxis->coordToPixel(10)),
                    qRound(c->plot()->yAxis->coordToPixel(100)));
    QTest::mouseMove(c->plot(), at);
    QVERIFY2(c->readout()->text().startsWith(QStringLiteral("epoch 10: MSE ")),
             qPrintable(c->readout()->text()));
    QVERIFY(c->tracer()->visible());
    QCOMPARE(c->tracer()->graphKey(), 10.0);
    c->setLogScale(false);
    QCOMPARE(c->plot()->yAxis->range().lower, 0.0);
    QCOMPARE(c->currentGraph()->dataCount(), 31);
    // Stepping back shortens the curve.
    view.session()->stepBack();
    QCOMPARE(c->currentGraph()->dataCount(), 30);
}

void tst_TrainingView::keepTwoRuns() {
    Document doc;
    zscore(doc);
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    LossCurveView* c = view.lossCurve();
    QVERIFY(!c->keepButton()->isEnabled());
    const QString rate = QString::number(s->learningRate());
    s->advance(40);
    c->keepButton()->click();
    view.resetButton()->click();
    s->setMethod(TrainingSession::Method::Momentum);
    s->advance(40);
    c->keepRun();
    s->setMethod(TrainingSession::Method::MiniBatch);
    s->setLearningRate(0.01);
    s->advance(40);
    QCOMPARE(c->keptCount(), 2);
    const QStringList legend = c->legendNames();
    QVERIFY2(legend.contains(QStringLiteral("GD lr %1").arg(rate)),
             qPrintable(legend.join(QLatin1Char('|'))));
    QVERIFY2(legend.contains(QStringLiteral("momentum 0.9 lr %1").arg(rate)),
             qPrintable(legend.join(QLatin1Char('|'))));
    QVERIFY(legend.contains(QStringLiteral("this run: SGD b=2 lr 0.01 seed 1")));
    QString why;
    QVERIFY2(plotFinite(c->plot(), &why), qPrintable(why));
    c->clearButton()->click();
    QCOMPARE(c->keptCount(), 0);
    QCOMPARE(c->legendNames(), QStringList{QStringLiteral("this run: SGD b=2 lr 0.01 seed 1")});
}

void tst_TrainingView::compareNormalization() {
    Document doc;
    TrainingView view(&doc);
    view.session()->setTolerance(1e-12);
    QVERIFY(!view.comparison());
    view.compareButton()->click();
    NormalizationComparison* c = view.comparison();
    QVERIFY(c);
    QVERIFY(c->hasResult());
    const NormalizationComparisonResult& r = c->result();
    // At 1/lambda_max each, with tolerance 1e-12: about 445,000 epochs raw against 1,750.
    QVERIFY(r.raw.result.converged && r.zscored.result.converged);
    QVERIFY2(r.raw.result.epochsRun > 100 * r.zscored.result.epochsRun,
             qPrintable(QStringLiteral("%1 vs %2")
                            .arg(r.raw.result.epochsRun)
                            .arg(r.zscored.result.epochsRun)));
    QVERIFY(r.raw.result.epochsRun > 300000 && r.zscored.result.epochsRun < 3000);
    QVERIFY(r.raw.gramCondition > r.zscored.gramCondition);
    QVERIFY(r.raw.hessianCondition > 100 * r.zscored.hessianCondition);
    QVERIFY(close(r.raw.rate, 0.5 * r.raw.bound) && close(r.zscored.rate, 0.5 * r.zscored.bound));
    // One model: both fits in original units are least squares, w = [5, 2], b = 34.5.
    QVERIFY(allClose(r.raw.originalWeights, arma::vec{5, 2}, 1e-6));
    QVERIFY(close(r.raw.originalBias, 34.5, 1e-6));
    QVERIFY(allClose(r.zscored.originalWeights, arma::vec{5, 2}, 1e-9));
    QVERIFY(close(r.zscored.originalBias, 34.5, 1e-9));
    const QString summary = c->summaryLabel()->text();
    QVERIFY(summary.contains(QStringLiteral("centred Gram")));
    QVERIFY(summary.contains(QStringLiteral("[5, 2]")));
    // The slice normalising changes most: w2 and the bias (condition 1,582 raw, 1 z-scored).
    QCOMPARE(c->slice(), std::make_pair(1, 2));
    QString why;
    QVERIFY2(plotFinite(c->rawPlot(), &why), qPrintable(why));
    QVERIFY2(plotFinite(c->zscoredPlot(), &why), qPrintable(why));
    c->setSlice(0, 1);
    QVERIFY2(plotFinite(c->rawPlot(), &why), qPrintable(why));
    // The data changes: the snapshot says so.
    doc.setValues(0, 2, arma::mat(1, 1, arma::fill::value(80.0)));
    QVERIFY(c->isOutdated());
}

void tst_TrainingView::render() {
    // LINLAB_TRAINING_PNG_DIR keeps the images for a look; otherwise a temporary folder.
    QTemporaryDir temp;
    QString dir = qEnvironmentVariable("LINLAB_TRAINING_PNG_DIR");
    if (dir.isEmpty())
        dir = temp.path();
    QVERIFY(QDir().mkpath(dir));
    const auto shoot = [&](QWidget& w, const QString& name) {
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (int k = 0; k < 3; ++k) // queued replots, and the comparison's aspect fitting
            QCoreApplication::processEvents();
        QTest::qWait(50);
        QVERIFY(w.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    };

    {
        // Raw lesson data at the default rate: one jump into the valley, then a slow crawl.
        Document doc;
        TrainingView view(&doc);
        view.resize(900, 700);
        view.session()->advance(60);
        view.lossCurve()->keepRun();
        shoot(view, QStringLiteral("training-raw"));
    }
    {
        // Z-scored: the point rolls down a round bowl.
        Document doc;
        zscore(doc);
        TrainingView view(&doc);
        view.resize(900, 700);
        view.session()->advance(12);
        shoot(view, QStringLiteral("training-zscored"));
        view.session()->setMethod(TrainingSession::Method::Momentum);
        view.resetButton()->click();
        view.session()->advance(40);
        shoot(view, QStringLiteral("training-momentum"));
    }
    {
        // Past the bound: the warning, and the divergence in words.
        Document doc;
        zscore(doc);
        TrainingView view(&doc);
        view.resize(900, 700);
        view.session()->setLearningRate(1.05 * view.session()->gradientBound());
        view.session()->toEnd();
        shoot(view, QStringLiteral("training-diverged"));
    }
    {
        Document doc;
        TrainingView view(&doc);
        view.compareNormalization();
        view.comparison()->resize(980, 680);
        shoot(*view.comparison(), QStringLiteral("normalization-comparison"));
        view.comparison()->setSlice(0, 1);
        shoot(*view.comparison(), QStringLiteral("normalization-comparison-w1w2"));
    }
}

QTEST_MAIN(tst_TrainingView)
#include "tst_TrainingView.moc"
