#pragma once
// Residual (prediction - label) against prediction, one point per row, with the dashed zero
// line. The y range is symmetric about zero so over- and under-prediction compare at a glance.

#include "PlotView.h"

class ResidualPlotView : public PlotView {
    Q_OBJECT
public:
    explicit ResidualPlotView(Document* document, QWidget* parent = nullptr);
    ~ResidualPlotView() override;

    /// The dashed y = 0 line across the plotted x range (two points; empty with no points).
    QCPGraph* zeroGraph() const { return m_zero; }

protected:
    void rebuild() override;
    bool rowPoint(int row, QPointF* point) const override;
    QString rowDetails(int row) const override;

private:
    QCPGraph* m_zero;
};
