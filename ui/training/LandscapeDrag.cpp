#include "ui/training/LandscapeDrag.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "app/document/MergeIds.h"
#include "model/training/LandscapeSlice.h"
#include "model/training/LandscapeWindow.h"
#include "model/training/Rounding.h"
#include "ui/common/NumberText.h"
#include "ui/training/LossLandscapeView.h"
#include "ui/training/PenaltyOverlay.h"

#include <QLabel>
#include <QMouseEvent>
#include <QUndoStack>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

using namespace linlab;

LandscapeDrag::LandscapeDrag(Document* document, LossLandscapeView* view, QLabel* readout)
    : QObject(view)
    , m_document(document)
    , m_view(view)
    , m_readout(readout) {
    QCustomPlot* plot = m_view->plot();
    connect(plot, &QCustomPlot::mousePress, this, &LandscapeDrag::onMousePress);
    connect(plot, &QCustomPlot::mouseMove, this, &LandscapeDrag::onMouseMove);
    connect(plot, &QCustomPlot::mouseRelease, this, &LandscapeDrag::onMouseRelease);
}

void LandscapeDrag::cancel() {
    m_dragging = false;
    m_dragId = 0;
}

QPointF LandscapeDrag::offsetToPoint(const QPointF& position) const {
    const QCustomPlot* plot = m_view->plot();
    const QPointF p = m_view->currentPoint();
    const QPointF pixel(plot->xAxis->coordToPixel(p.x()), plot->yAxis->coordToPixel(p.y()));
    return pixel - position;
}

void LandscapeDrag::onMousePress(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !m_view->canDraw() ||
        m_view->pointGraph()->data()->isEmpty())
        return;
    const QPointF offset = offsetToPoint(event->position());
    if (std::hypot(offset.x(), offset.y()) > kGrabRadius)
        return;
    m_dragging = true;
    m_dragId = nextMergeId(); // one undo step a drag
    m_grabOffset = offset;
    m_view->plot()->setCursor(Qt::ClosedHandCursor);
    emit started();
}

void LandscapeDrag::onMouseMove(QMouseEvent* event) {
    if (m_dragging) {
        dragTo(event->position() + m_grabOffset);
        return;
    }
    if (m_view->canDraw())
        showHover(event);
}

void LandscapeDrag::showHover(QMouseEvent* event) {
    // Hover: the loss under the cursor, and a hand over the point.
    QCustomPlot* plot = m_view->plot();
    const QRect rect = plot->axisRect()->rect();
    if (!rect.contains(event->position().toPoint())) {
        m_readout->clear();
        plot->unsetCursor();
        return;
    }
    const double cx = plot->xAxis->pixelToCoord(event->position().x());
    const double cy = plot->yAxis->pixelToCoord(event->position().y());
    const int xParameter = m_view->xParameter(), yParameter = m_view->yParameter();
    const LinearModel probe = withParameters(m_document->model(), arma::uword(xParameter), cx,
                                             arma::uword(yParameter), cy);
    const int d = int(m_document->dataset().featureCount());
    double loss = std::nan("");
    try {
        const FitSettings& fit = m_document->fitSettings();
        loss = Regularized::loss(m_document->fitSetup().fitStatistics(m_document->analysis()),
                                 fit.penalty, fit.alpha, probe.weights(), probe.bias());
    } catch (const std::exception&) {
    }
    m_readout->setText(
        tr("%1 %2, %3 %4: %6 %5")
            .arg(LossLandscapeView::parameterSymbol(d, xParameter), NumberText::brief(cx, 4),
                 LossLandscapeView::parameterSymbol(d, yParameter), NumberText::brief(cy, 4),
                 NumberText::brief(loss, 4), m_view->penaltyOverlay().lossName()));
    const QPointF offset = offsetToPoint(event->position());
    if (std::hypot(offset.x(), offset.y()) <= kGrabRadius)
        plot->setCursor(Qt::OpenHandCursor);
    else
        plot->unsetCursor();
}

void LandscapeDrag::onMouseRelease(QMouseEvent* event) {
    if (!m_dragging || event->button() != Qt::LeftButton)
        return;
    dragTo(event->position() + m_grabOffset);
    cancel();
    m_view->plot()->setCursor(Qt::OpenHandCursor);
    emit finished();
}

void LandscapeDrag::dragTo(const QPointF& pixel) {
    if (!m_view->canDraw())
        return;
    const QCustomPlot* plot = m_view->plot();
    const LandscapeWindow window = m_view->viewWindow();
    // Inside the view: the window must not move under the mouse.
    const double cx = std::clamp(plot->xAxis->pixelToCoord(pixel.x()), window.xMin, window.xMax);
    const double cy = std::clamp(plot->yAxis->pixelToCoord(pixel.y()), window.yMin, window.yMax);
    // The shortest decimal within a quarter pixel: the same point on screen, a readable number.
    const double xPixel = std::abs(plot->xAxis->pixelToCoord(1) - plot->xAxis->pixelToCoord(0));
    const double yPixel = std::abs(plot->yAxis->pixelToCoord(1) - plot->yAxis->pixelToCoord(0));
    const double x = shortestDecimal(cx, 0.25 * xPixel), y = shortestDecimal(cy, 0.25 * yPixel);
    if (!std::isfinite(x) || !std::isfinite(y))
        return;
    const LinearModel& current = m_document->model();
    const arma::uword i = arma::uword(m_view->xParameter()), j = arma::uword(m_view->yParameter());
    if (parameterValue(current, i) == x && parameterValue(current, j) == y)
        return;
    m_document->undoStack()->push(new SetModelCommand(
        m_document, withParameters(current, i, x, j, y), tr("Drag on the landscape"), m_dragId));
}
