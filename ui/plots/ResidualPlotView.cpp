#include "ui/plots/ResidualPlotView.h"

#include "app/document/Document.h"

#include <algorithm>
#include <cmath>
#include <limits>

ResidualPlotView::ResidualPlotView(Document* document, QWidget* parent)
    : PlotView(document, parent) {
    // Both coordinates come from the model's predictions.
    pointsGraph()->setLayer(modelLayer());
    m_zero =
        addLineGraph(tr("zero residual"), referencePen(), plot()->layer(QStringLiteral("main")));
    refresh();
}

ResidualPlotView::~ResidualPlotView() = default;

bool ResidualPlotView::rowPoint(int row, QPointF* point) const {
    if (!hasPredictions() || row < 0 || arma::uword(row) >= document()->dataset().rowCount())
        return false;
    *point =
        QPointF(document()->prediction(arma::uword(row)), document()->residual(arma::uword(row)));
    return true;
}

QString ResidualPlotView::rowDetails(int row) const {
    return labelPredictionDetails(row);
}

void ResidualPlotView::rebuild() {
    const QString label = QString::fromStdString(document()->dataset().labelName());
    setAxisTitles(tr("predicted %1").arg(label), tr("residual (predicted \u2212 actual)"));
    updatePoints(pointsName());
    const auto [x, y] = pointsRanges();
    applyRanges(shownRange(plot()->xAxis->range(), x, false),
                shownRange(plot()->yAxis->range(), y, false));
    setMessage(pointCount() > 0 ? QString() : emptyMessage());
}

bool ResidualPlotView::rebuildModel() {
    // Both coordinates move; the axes stay while the points still fit them.
    const QCPRange xBefore = plot()->xAxis->range();
    const QCPRange yBefore = plot()->yAxis->range();
    updatePoints(pointsName());
    if (pointCount() == 0 || !message().isEmpty()) {
        rebuild();
        return false;
    }
    const auto [xWanted, yWanted] = pointsRanges();
    const QCPRange x = shownRange(xBefore, xWanted, true);
    const QCPRange y = shownRange(yBefore, yWanted, true);
    if (x == xBefore && y == yBefore)
        return highlightedRows().isEmpty(); // selected points move too, on an unbuffered layer
    applyRanges(x, y);
    return false;
}

std::pair<QCPRange, QCPRange> ResidualPlotView::pointsRanges() const {
    double xLo = std::numeric_limits<double>::infinity();
    double xHi = -xLo;
    double extent = 0; // largest |residual|: the y range is symmetric about zero
    const QSharedPointer<QCPGraphDataContainer> points = pointsGraph()->data();
    for (auto it = points->constBegin(); it != points->constEnd(); ++it) {
        include(it->key, xLo, xHi);
        extent = std::max(extent, std::abs(it->value));
    }
    return {paddedRange(xLo, xHi), extent > 0 ? paddedRange(-extent, extent) : QCPRange(-1, 1)};
}

void ResidualPlotView::applyRanges(const QCPRange& x, const QCPRange& y) {
    if (pointCount() > 0)
        m_zero->setData(QVector<double>{x.lower, x.upper}, QVector<double>{0, 0}, true);
    else
        m_zero->data()->clear();
    PlotView::setRanges(x, y);
}
