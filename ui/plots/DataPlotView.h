#pragma once
// The label against one chosen feature, in original units: the data points, the model's line
// with every other feature held at its mean, and each point's residual as a vertical segment
// to its prediction. In a typed document the points can be coloured by a categorical column, a
// categorical column can go on x (a jittered group per level, its mean prediction marked), and
// a date feature is labelled as dates.

#include "model/fit/PartialCurve.h"
#include "ui/plots/CategoryLayers.h"
#include "ui/plots/PlotView.h"

#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QLabel;

namespace linlab {
class Column;
}

class DataPlotView : public PlotView {
    Q_OBJECT
public:
    /// Residual segments are drawn up to this many points (the residual plot shows them all).
    static constexpr int kMaxResidualSegments = 5000;
    explicit DataPlotView(Document* document, QWidget* parent = nullptr);
    ~DataPlotView() override;

    /// The feature on the x axis (its column index); -1 when the dataset has no features. While
    /// a categorical column is on x, the feature shown when it is left.
    int feature() const { return m_feature; }
    /// The categorical table column on the x axis, or "" (a feature is).
    QString xCategory() const { return QString::fromStdString(m_xCategory); }
    /// The categorical table column the points are coloured by, or "" (one colour).
    QString colourColumn() const { return QString::fromStdString(m_colourBy); }
    /// The combo box choosing what goes on x: the features, then (typed) categorical columns.
    QComboBox* featureCombo() const { return m_combo; }
    /// The "Colour by" combo box: "none", then every categorical column (hidden when there is
    /// none, as in a plain document).
    QComboBox* colourCombo() const { return m_colourCombo; }
    /// The graphs of the levels while the points are coloured.
    const CategoryLayers& categoryLayers() const { return m_levels; }
    /// The model's line across the visible x range (two points; empty when undefined).
    QCPGraph* modelGraph() const { return m_model; }
    /// With a categorical column on x: each level's mean prediction at x = its index.
    QCPGraph* meanPredictionGraph() const { return m_means; }
    /// The bars drawn across each level's group at its mean prediction (the legend's entry).
    QCPErrorBars* meanPredictionBars() const { return m_meanBars; }
    /// Residual segments, one per drawn point, in pointsGraph()'s order.
    QCPErrorBars* residualBars() const { return m_residuals; }

public slots:
    /// Plots the label against feature `column` (ignored when out of range).
    void setFeature(int column);
    /// Puts categorical column `name` of a typed table on x (ignored when there is none).
    void setXCategory(const QString& name);
    /// Colours the points by categorical column `name`; "" (or an unknown name): one colour.
    void setColourColumn(const QString& name);

signals:
    /// What is on x changed (another feature, a categorical column, or back to the first).
    void xChanged();

protected:
    void rebuild() override;
    bool rebuildModel() override;
    bool rowPoint(int row, QPointF* point) const override;
    QString rowDetails(int row) const override;
    QVector<QPair<int, double>> dragCells(int row, const QPointF& coords) const override;

private:
    /// The model's curve along the feature on x (nullptr when a derived expression does not
    /// parse), kept while the features and the derived list stay.
    const linlab::PartialCurve* partialCurve();
    /// The residual segments, the model's line (or the level means) and the axis ranges, over the
    /// points as drawn.
    void updateModelParts(bool sticky = false);
    /// Each level's mean prediction over its drawn points (categorical x only).
    void updateMeans(double& yLo, double& yHi);
    void syncFeatureCombo();
    void syncColourCombo();
    /// The level graphs for the colour column, or the one-colour points.
    void applyColours();
    /// Level names, date or default ticks on x.
    void updateXTicker();
    /// The legend in a fixed order, whatever was added when: points or levels, residuals, the
    /// model, the selection.
    void orderLegend();
    void onReset();
    void onColumnsAboutToBeInserted(int first, int last);
    void onColumnsAboutToBeRemoved(int first, int last);
    void onComboIndexChanged(int index);
    void onColourIndexChanged(int index);

    QLabel* m_comboLabel;
    QComboBox* m_combo;
    QLabel* m_colourLabel;
    QComboBox* m_colourCombo;
    QCPGraph* m_model;
    QCPGraph* m_means;
    QCPErrorBars* m_meanBars;
    QCPErrorBars* m_residuals;
    CategoryLayers m_levels;
    QSharedPointer<QCPAxisTicker> m_plainTicker; // the x ticker and zero line of a numeric feature
    QPen m_plainZeroLine;
    int m_feature = 0;
    std::optional<linlab::PartialCurve> m_curve;
    int m_curveFeature = -1;
    std::vector<std::string> m_curveNames;
    std::vector<linlab::DerivedSpec> m_curveDerived;
    // Categorical columns by name (they survive design changes); their indexes as of the last
    // rebuild, -1 when unused.
    std::string m_xCategory;
    std::string m_colourBy;
    int m_xColumn = -1;
    int m_colourColumn = -1;
    int m_groups = 0;    // groups on a categorical x: the levels, and "missing" when drawn
    double m_xScale = 1; // plot x per dataset x: seconds per day for a date feature
    // Extent of the drawn points (plottable values only), kept for model-only updates.
    double m_xLo = 0, m_xHi = 0, m_yLo = 0, m_yHi = 0;
};
