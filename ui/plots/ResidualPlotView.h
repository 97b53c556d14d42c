#pragma once
// Residual (prediction - label) against prediction, one point per row, with the dashed zero
// line. The y range is symmetric about zero so over- and under-prediction compare at a glance.

#include "ui/plots/PlotView.h"

#include <utility>

class ResidualPlotView : public PlotView {
    Q_OBJECT
public:
    explicit ResidualPlotView(Document* document, QWidget* parent = nullptr);
    ~ResidualPlotView() override;

    /// The dashed y = 0 line across the plotted x range (two points; empty with no points).
    QCPGraph* zeroGraph() const { return m_zero; }

protected:
    void rebuild() override;
    bool rebuildModel() override;
    bool rowPoint(int row, QPointF* point) const override;
    QString rowDetails(int row) const override;

private:
    /// The x range (predictions) and the symmetric y range, with the zero line.
    void applyRanges(const QCPRange& x, const QCPRange& y);
    /// The padded extents of the drawn points: predictions, and residuals symmetric about zero.
    std::pair<QCPRange, QCPRange> pointsRanges() const;
    QCPGraph* m_zero;
};
