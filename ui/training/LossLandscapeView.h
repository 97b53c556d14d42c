#pragma once
// The loss landscape: the MSE over two chosen parameters (two weights, or a weight and the
// bias) as a colour map with contour lines, the others held at the model's current values.
// On it: the current model (drag it to move the model: LandscapeDrag), an arrow down the
// negative gradient, the least-squares optimum, the bottom of the slice shown, and the
// gradient-descent path; drawn as every landscape is (LandscapeStyle), over the window and
// slice that model/training/LandscapeWindow and LandscapeSlice compute.
//
// The grid (200 x 200 from LossSurface, O(1) a cell from the statistics) is rebuilt only when
// the data, the chosen parameters or the held parameters change, or the point leaves the view;
// a slider tick that keeps the point in view only moves the markers.

#include "model/training/LandscapeWindow.h"
#include "model/training/LossSurface.h"

#include <QPointF>
#include <QPointer>
#include <QVector>
#include <QWidget>

#include <qcustomplot.h>

#include <memory>
#include <vector>

class Document;
class LandscapeDrag;
class PenaltyOverlay;
class QCheckBox;
class QComboBox;
class QLabel;
class TrainingSession;

class LossLandscapeView : public QWidget {
    Q_OBJECT
public:
    /// Grid points a side.
    static constexpr int kGridSize = 200;

    explicit LossLandscapeView(Document* document, QWidget* parent = nullptr);
    ~LossLandscapeView() override;

    /// Draws the session's run (its path up to the point shown). May be null.
    void setSession(TrainingSession* session);

    QCustomPlot* plot() const { return m_plot; }
    QCPColorMap* colorMap() const { return m_colorMap; }
    QCPColorScale* colorScale() const { return m_colorScale; }
    QComboBox* xParameterBox() const { return m_xBox; }
    QComboBox* yParameterBox() const { return m_yBox; }
    QCheckBox* logColorsBox() const { return m_logBox; }
    /// The parameter on each axis (index d is the bias).
    int xParameter() const { return m_xParameter; }
    int yParameter() const { return m_yParameter; }
    /// The grid drawn (empty when nothing can be drawn).
    const linlab::LossSurfaceGrid& grid() const { return m_grid; }
    /// How many times the grid was computed (to check slider ticks stay cheap).
    int gridBuilds() const { return m_gridBuilds; }
    /// The current model's point, in plot coordinates (NaN when not drawn).
    QPointF currentPoint() const;
    /// The gradient of the loss drawn (Regularized::lossGradient on the fit rows) over the
    /// (x, y) parameters at the current model: what the arrow points against (NaN when none).
    QPointF shownGradient() const { return m_shownGradient; }
    /// The penalty's region, the fit the star marks and the loss's name.
    const PenaltyOverlay& penaltyOverlay() const { return *m_penalty; }
    /// The fit's optimum point (least squares, ridge or lasso; NaN when not drawn).
    QPointF optimumPoint() const;
    QCPGraph* pointGraph() const { return m_point; }
    QCPGraph* optimumGraph() const { return m_optimum; }
    QCPItemLine* gradientArrow() const { return m_arrow; }
    QCPCurve* pathCurve() const { return m_path; }
    /// Number of contour polylines drawn.
    int contourCount() const;
    /// The centred message shown instead of a landscape; empty when one is drawn.
    QString message() const;
    /// True while the point is being dragged.
    bool isDragging() const;
    /// True when there is a landscape to draw (rows, a feature, two different parameters).
    bool canDraw() const;
    /// The parameter window drawn.
    linlab::LandscapeWindow viewWindow() const { return {m_xMin, m_xMax, m_yMin, m_yMax}; }

    /// Two different parameters (each 0..d); ignored otherwise.
    void setParameters(int x, int y);
    void setLogColors(bool on);

    /// "w₁ (hours_studied)" or "b (bias)" for parameter k of these features.
    static QString parameterTitle(const std::vector<std::string>& featureNames, int k);
    /// "w₁" or "b".
    static QString parameterSymbol(int featureCount, int k);

protected:
    void showEvent(QShowEvent* event) override;

private:
    // The constructor's steps.
    void buildLayout();
    void buildColorMap();
    void buildMarkers();
    void connectSignals();

    void onAnalysisChanged();
    void onEvaluationChanged();
    void rebuildCombos();
    void updateAll(bool newWindow);
    void rebuildGrid();
    void updateMarkers();
    void updatePath(bool restart);
    void updateHeldText();
    void refitOptimum();
    linlab::Gradient shownLossGradient() const;
    const linlab::SufficientStatistics& fitStatistics() const;
    void showMessage(const QString& text);
    std::vector<double> heldValues() const;

    Document* m_document;
    QPointer<TrainingSession> m_session; ///< null once the session is gone
    QComboBox* m_xBox;
    QComboBox* m_yBox;
    QCheckBox* m_logBox;
    QLabel* m_title = nullptr;
    QLabel* m_heldLabel;
    QLabel* m_readout;
    QCustomPlot* m_plot;
    QCPColorMap* m_colorMap;
    QCPColorScale* m_colorScale;
    QCPLayer* m_overlay;
    QVector<QCPCurve*> m_contours;
    QCPCurve* m_path;
    QCPGraph* m_point;
    QCPGraph* m_optimum;
    QCPGraph* m_sliceMinimum;
    QCPItemLine* m_arrow;
    QCPItemText* m_arrowLabel;
    QCPItemText* m_message;
    std::unique_ptr<PenaltyOverlay> m_penalty;
    QPointF m_shownGradient{std::nan(""), std::nan("")};

    int m_xParameter = 0;
    int m_yParameter = 1;
    bool m_logColors = true;
    linlab::LossSurfaceGrid m_grid;
    double m_xMin = -1, m_xMax = 1, m_yMin = -1, m_yMax = 1;
    bool m_haveWindow = false;
    bool m_analysisDirty = true;
    bool m_updatePending = false; // a change came while behind another tab
    std::vector<double> m_held;   ///< the held parameters the grid was computed with
    int m_gridBuilds = 0;
    int m_pathShown = 0; ///< trajectory points in m_path
    LandscapeDrag* m_drag = nullptr;
};
