#pragma once
// Predicted against actual label, one point per row, with the y = x line a perfect model would
// put every point on. Both axes share one range so the reference line runs corner to corner.

#include "ui/plots/PlotView.h"

class PredictedActualPlotView : public PlotView {
    Q_OBJECT
public:
    explicit PredictedActualPlotView(Document* document, QWidget* parent = nullptr);
    ~PredictedActualPlotView() override;

    /// The dashed y = x line across the plotted range (two points; empty with no points).
    QCPGraph* referenceGraph() const { return m_reference; }

protected:
    void rebuild() override;
    bool rebuildModel() override;
    bool rowPoint(int row, QPointF* point) const override;
    QString rowDetails(int row) const override;
    QVector<QPair<int, double>> dragCells(int row, const QPointF& coords) const override;

private:
    /// One range for both axes over the drawn points: the range and its reference line.
    void setRange(const QCPRange& range);
    /// The padded extent of the drawn points, both coordinates together.
    QCPRange pointsRange() const;
    QCPGraph* m_reference;
};
