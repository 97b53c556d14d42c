#include "ui/plots/PredictedActualPlotView.h"

#include "app/document/Document.h"
#include "app/document/DragPointCommand.h"

#include <limits>

PredictedActualPlotView::PredictedActualPlotView(Document* document, QWidget* parent)
    : PlotView(document, parent) {
    // Every point's y is a prediction: the points move with the model.
    pointsGraph()->setLayer(modelLayer());
    m_reference = addLineGraph(tr("predicted = actual"), referencePen(),
                               plot()->layer(QStringLiteral("main")));
    refresh();
}

PredictedActualPlotView::~PredictedActualPlotView() = default;

bool PredictedActualPlotView::rowPoint(int row, QPointF* point) const {
    if (!hasPredictions() || row < 0 || arma::uword(row) >= document()->dataset().rowCount())
        return false;
    *point = QPointF(document()->dataset().labels()(row), document()->prediction(arma::uword(row)));
    return true;
}

QVector<QPair<int, double>> PredictedActualPlotView::dragCells(int row,
                                                               const QPointF& coords) const {
    // Actual is on x: dragging a point sideways changes its label (the prediction follows from
    // the model, not the mouse).
    const int label = int(document()->dataset().featureCount());
    if (row < 0 || !DragPointCommand::canDrag(document(), label) || !isPlottable(coords.x()))
        return {};
    return {{label, coords.x()}};
}

QString PredictedActualPlotView::rowDetails(int row) const {
    return labelPredictionDetails(row);
}

void PredictedActualPlotView::rebuild() {
    const QString label = QString::fromStdString(document()->dataset().labelName());
    setAxisTitles(tr("actual %1").arg(label), tr("predicted %1").arg(label));
    updatePoints(pointsName());
    setRange(shownRange(plot()->xAxis->range(), pointsRange(), false));
    setMessage(pointCount() > 0 ? QString() : emptyMessage());
}

bool PredictedActualPlotView::rebuildModel() {
    // The points move (their y is a prediction); the axes stay while they still fit.
    const QCPRange before = plot()->xAxis->range();
    updatePoints(pointsName());
    if (pointCount() == 0 || !message().isEmpty()) {
        rebuild();
        return false;
    }
    const QCPRange range = shownRange(before, pointsRange(), true);
    if (range == before)
        return highlightedRows().isEmpty(); // selected points move too, on an unbuffered layer
    setRange(range);
    return false;
}

QCPRange PredictedActualPlotView::pointsRange() const {
    // One range for both axes, so y = x is the diagonal and misses read the same either way.
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    const QSharedPointer<QCPGraphDataContainer> points = pointsGraph()->data();
    for (auto it = points->constBegin(); it != points->constEnd(); ++it) {
        include(it->key, lo, hi);
        include(it->value, lo, hi);
    }
    return paddedRange(lo, hi);
}

void PredictedActualPlotView::setRange(const QCPRange& range) {
    if (pointCount() > 0)
        m_reference->setData(QVector<double>{range.lower, range.upper},
                             QVector<double>{range.lower, range.upper}, true);
    else
        m_reference->data()->clear();
    PlotView::setRanges(range, range);
}
