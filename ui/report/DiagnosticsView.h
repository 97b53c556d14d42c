#pragma once
// The four diagnostic plots of the least-squares fit in a 2 x 2 grid (R's plot.lm, JASP's and
// jamovi's assumption checks): normal Q-Q, scale-location, residuals vs leverage with Cook's
// distance contours, and the histogram of residuals with its normal curve. Selection is linked to
// the table like every plot.

#include <QList>
#include <QVector>
#include <QWidget>

class Document;
class DiagnosticPlotView;
class PlotView;
class RegressionRunner;
class ResidualHistogramView;

class DiagnosticsView : public QWidget {
    Q_OBJECT
public:
    DiagnosticsView(Document* document, RegressionRunner* runner, QWidget* parent = nullptr);
    ~DiagnosticsView() override;

    DiagnosticPlotView* qqPlot() const { return m_qq; }
    DiagnosticPlotView* scaleLocationPlot() const { return m_scaleLocation; }
    DiagnosticPlotView* leveragePlot() const { return m_leverage; }
    ResidualHistogramView* histogram() const { return m_histogram; }
    /// The three plots with one point per row (for linking selection).
    QVector<PlotView*> rowPlots() const;

public slots:
    void setSelectedRows(const QList<int>& rows);

signals:
    /// A point was clicked in one of the plots (a dataset row).
    void rowClicked(int row, bool extend);

private:
    DiagnosticPlotView* m_qq;
    DiagnosticPlotView* m_scaleLocation;
    DiagnosticPlotView* m_leverage;
    ResidualHistogramView* m_histogram;
};
