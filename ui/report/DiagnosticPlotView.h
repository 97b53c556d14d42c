#pragma once
// One of the regression's diagnostic plots, one point per row used, linked to the table like
// every plot: normal Q-Q of the standardized residuals, scale-location, or standardized residuals
// against leverage with Cook's distance contours. Flagged rows are ringed (setFlaggedRows).
// It reads the RegressionRunner's latest result and redraws when a new one arrives.

#include "ui/plots/PlotView.h"

class RegressionRunner;

class DiagnosticPlotView : public PlotView {
    Q_OBJECT
public:
    enum class Kind { NormalQQ, ScaleLocation, Leverage };

    DiagnosticPlotView(Document* document, RegressionRunner* runner, Kind kind,
                       QWidget* parent = nullptr);
    ~DiagnosticPlotView() override;

    Kind kind() const { return m_kind; }
    /// The reference line (Q-Q), or Cook's distance contours (leverage: 0.5 and 1, both signs).
    const QVector<QCPGraph*>& guideGraphs() const { return m_guides; }
    /// The plot's title ("Normal Q-Q", "Scale-location", "Residuals vs leverage").
    QString title() const;

protected:
    void rebuild() override;
    bool rebuildModel() override;
    bool followsDocument() const override { return false; }
    bool rowPoint(int row, QPointF* point) const override;
    QString rowDetails(int row) const override;

private:
    /// True when the runner's result has one diagnostic per row of the dataset.
    bool hasDiagnostics() const;
    void updateGuides(const QCPRange& x, const QCPRange& y);

    RegressionRunner* m_runner;
    Kind m_kind;
    QVector<QCPGraph*> m_guides;
};
