#include "ResidualPlotView.h"

#include "Document.h"

#include <algorithm>
#include <cmath>
#include <limits>

ResidualPlotView::ResidualPlotView(Document* document, QWidget* parent)
    : PlotView(document, parent)
{
    // Both coordinates come from the model's predictions.
    pointsGraph()->setLayer(modelLayer());
    m_zero = addLineGraph(tr("zero residual"), referencePen(), plot()->layer(QStringLiteral("main")));
    refresh();
}

ResidualPlotView::~ResidualPlotView() = default;

bool ResidualPlotView::rowPoint(int row, QPointF* point) const
{
    if (!hasPredictions() || row < 0 || arma::uword(row) >= document()->dataset().rowCount())
        return false;
    const linlab::Evaluation& e = document()->evaluation();
    *point = QPointF(e.predictions(row), e.residuals(row));
    return true;
}

QString ResidualPlotView::rowDetails(int row) const
{
    return labelPredictionDetails(row);
}

void ResidualPlotView::rebuild()
{
    const QString label = QString::fromStdString(document()->dataset().labelName());
    setAxisTitles(tr("predicted %1").arg(label), tr("residual (predicted \u2212 actual)"));
    updatePoints(pointsName());

    double xLo = std::numeric_limits<double>::infinity();
    double xHi = -xLo;
    double extent = 0; // largest |residual|: the y range is symmetric about zero
    const QSharedPointer<QCPGraphDataContainer> points = pointsGraph()->data();
    for (auto it = points->constBegin(); it != points->constEnd(); ++it) {
        include(it->key, xLo, xHi);
        extent = std::max(extent, std::abs(it->value));
    }
    const QCPRange xRange = paddedRange(xLo, xHi);
    if (pointCount() > 0)
        m_zero->setData(QVector<double>{xRange.lower, xRange.upper}, QVector<double>{0, 0}, true);
    else
        m_zero->data()->clear();
    setRanges(xRange, extent > 0 ? paddedRange(-extent, extent) : QCPRange(-1, 1));
    setMessage(pointCount() > 0 ? QString() : emptyMessage());
}
