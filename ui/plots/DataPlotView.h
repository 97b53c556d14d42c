#pragma once
// The label against one chosen feature, in original units: the data points, the model's line
// with every other feature held at its mean, and each point's residual as a vertical segment
// to its prediction.

#include "ui/plots/PlotView.h"

class QComboBox;
class QLabel;

class DataPlotView : public PlotView {
    Q_OBJECT
public:
    /// Residual segments are drawn up to this many points (the residual plot shows them all).
    static constexpr int kMaxResidualSegments = 5000;
    explicit DataPlotView(Document* document, QWidget* parent = nullptr);
    ~DataPlotView() override;

    /// The feature on the x axis (its column index); -1 when the dataset has no features.
    int feature() const { return m_feature; }
    /// The combo box choosing the feature.
    QComboBox* featureCombo() const { return m_combo; }
    /// The model's line across the visible x range (two points; empty when undefined).
    QCPGraph* modelGraph() const { return m_model; }
    /// Residual segments, one per drawn point, in pointsGraph()'s order.
    QCPErrorBars* residualBars() const { return m_residuals; }

public slots:
    /// Plots the label against feature `column` (ignored when out of range).
    void setFeature(int column);

protected:
    void rebuild() override;
    bool rebuildModel() override;
    bool rowPoint(int row, QPointF* point) const override;
    QString rowDetails(int row) const override;

private:
    /// The residual segments, the model's line and the axis ranges, over the points as drawn.
    void updateModelParts(bool sticky = false);
    void syncFeatureCombo();
    void onReset();
    void onColumnsAboutToBeInserted(int first, int last);
    void onColumnsAboutToBeRemoved(int first, int last);
    void onComboIndexChanged(int index);

    QLabel* m_comboLabel;
    QComboBox* m_combo;
    QCPGraph* m_model;
    QCPErrorBars* m_residuals;
    int m_feature = 0;
    // Extent of the drawn points (plottable values only), kept for model-only updates.
    double m_xLo = 0, m_xHi = 0, m_yLo = 0, m_yHi = 0;
};
