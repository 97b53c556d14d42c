#pragma once
// The histogram of the regression's residuals with the normal curve of the same mean and the
// residual standard error: do the residuals look normal? Reads the RegressionRunner's result.

#include <QWidget>

class QCPBars;
class QCPGraph;
class QCustomPlot;
class RegressionRunner;

class ResidualHistogramView : public QWidget {
    Q_OBJECT
public:
    explicit ResidualHistogramView(RegressionRunner* runner, QWidget* parent = nullptr);
    ~ResidualHistogramView() override;

    QCustomPlot* plot() const { return m_plot; }
    QCPBars* bars() const { return m_bars; }
    QCPGraph* normalCurve() const { return m_curve; }
    QString title() const;

public slots:
    /// Redraws from the runner's latest result.
    void refresh();

private:
    RegressionRunner* m_runner;
    QCustomPlot* m_plot;
    QCPBars* m_bars;
    QCPGraph* m_curve;
};
