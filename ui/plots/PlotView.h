#pragma once
// The shared part of LinLab's plots: a QCustomPlot that follows a Document, draws one point per
// table row (subsampled past linlab::kMaxDisplayRows), keeps every drawn point's row so tooltips
// and clicks map back to the table, highlights selected rows, and never lets a non-finite value
// reach QCustomPlot. Subclasses say where a row goes (rowPoint) and draw their extra lines.
//
// Views only read the document: they react to its signals and never modify it.

#include "app/document/Document.h"

#include <QList>
#include <QPair>
#include <QPointF>
#include <QVector>
#include <QWidget>

#include <qcustomplot.h>

class QVBoxLayout;

class PlotView : public QWidget {
    Q_OBJECT
public:
    /// White background, grey axes, light grid, readable fonts: the look of every LinLab plot.
    static void stylePlot(QCustomPlot* plot);
    /// How near (pixels) the cursor must be to a point for a tooltip or a click.
    static constexpr double kHitRadius = 8.0;
    /// Values beyond this magnitude are treated like infinities: QCustomPlot rejects axis ranges
    /// wider than 1e250 without a word and its pixel maths overflows long before DBL_MAX.
    static constexpr double kLargestPlottable = 1e200;
    /// Past this many drawn points markers shrink so dense clouds stay readable.
    static constexpr int kDenseThreshold = 2000;

    explicit PlotView(Document* document, QWidget* parent = nullptr);
    ~PlotView() override;

    /// The plot widget (the export feature renders it).
    QCustomPlot* plot() const { return m_plot; }
    Document* document() const { return m_document; }

    /// The data points, sorted by x; point i belongs to table row drawnRows()[i].
    QCPGraph* pointsGraph() const { return m_points; }
    /// The selected rows' points, drawn on top; point i belongs to row highlightedRows()[i].
    QCPGraph* highlightGraph() const { return m_highlight; }
    /// Number of data points drawn.
    int pointCount() const { return int(m_drawnRows.size()); }
    /// The table row of every drawn point, in the order of pointsGraph()'s data.
    const QVector<int>& drawnRows() const { return m_drawnRows; }
    /// The table row of every highlighted point, in the order of highlightGraph()'s data.
    const QVector<int>& highlightedRows() const { return m_highlightRows; }
    /// 1 when every row is drawn, k when only every k-th row is.
    int sampleStep() const { return m_sampleStep; }
    /// The rows last passed to setSelectedRows().
    QList<int> selectedRows() const { return m_selectedRows; }
    /// The held-out rows' points (TestPoints); point i belongs to row testRows()[i].
    QCPGraph* testGraph() const { return m_test; }
    const QVector<int>& testRows() const { return m_testRows; }
    /// The rings around flagged rows; point i belongs to row ringedRows()[i].
    QCPGraph* flaggedGraph() const { return m_flagged; }
    const QVector<int>& ringedRows() const { return m_ringedRows; }
    /// The centred text shown instead of data (no features, no rows...); empty when data is drawn.
    QString message() const;
    /// The row whose drawn (or highlighted) point is nearest to `pixel` within kHitRadius; -1 if
    /// none.
    int rowAtPixel(const QPointF& pixel) const;
    /// The tooltip for a row: "Row 3 — hours_studied 8, exam_score 90, predicted 66".
    QString toolTipForRow(int row) const;

    /// True for values QCustomPlot can draw: finite and at most kLargestPlottable in magnitude.
    static bool isPlottable(double value);
    /// Widens [lo, hi] to include `value` when it is plottable (start from lo = +inf, hi = -inf).
    static void include(double value, double& lo, double& hi);
    /// True when lo and hi are one value to an axis: closer than it can label.
    static bool isOneValue(double lo, double hi);
    /// [lo, hi] with 5% padding; a small range around the value when lo == hi; 0..1 when there is
    /// no plottable extent (lo > hi, or either end not plottable). Always a range QCustomPlot
    /// accepts.
    static QCPRange paddedRange(double lo, double hi);
    /// The axis range a dense plot shows while a slider moves: `current` as long as `wanted` fits
    /// and fills at least half of it (axes that jump on every tick are hard to read, and each jump
    /// redraws the whole plot); otherwise `wanted` with room to move.
    static QCPRange stickyRange(const QCPRange& current, const QCPRange& wanted);
    /// `wanted` widened by a tenth of its size each way (unchanged if that is not plottable): a
    /// dense plot's axes, with room for the model to move before they must change.
    static QCPRange withRoom(const QCPRange& wanted);

public slots:
    /// Highlights these rows' points (rows out of range are ignored). Emits nothing.
    void setSelectedRows(const QList<int>& rows);
    /// Rebuilds everything from the document and schedules one replot.
    void refresh();
    /// Rings these rows' points (the regression report's flagged rows; out of range ignored).
    void setFlaggedRows(const QVector<int>& rows);

signals:
    /// A point was clicked; extend is true with Ctrl held (add to the selection).
    void rowClicked(int row, bool extend);
    /// A point is being dragged (`finished` on release): the row's new values, as (dataset column,
    /// value) pairs, column featureCount() the label. The window turns them into one undo step.
    void pointDragged(int row, const QVector<QPair<int, double>>& cells, bool finished);
    /// Only the layers that move with the model were redrawn (a full replot sends the plot's
    /// afterReplot instead).
    void layersReplotted();

protected:
    /// Redraws the view's contents from the document: typically updatePoints(), then the
    /// view's lines, axis titles and ranges. Called on every relevant document signal.
    virtual void rebuild() = 0;
    /// The weights or the bias changed and nothing else (a slider tick). Returns true when only
    /// what is drawn on modelLayer() changed (not the axes, not the selected points), so that
    /// layer is all that needs redrawing. The default rebuilds everything and returns false.
    virtual bool rebuildModel();
    /// Where `row` is drawn, in plot coordinates; false when it has nothing to show. Values that
    /// are not plottable are rejected by the caller, so implementations need not check.
    virtual bool rowPoint(int row, QPointF* point) const = 0;
    /// The text after "Row N — " in a row's tooltip.
    virtual QString rowDetails(int row) const = 0;
    /// False for a view whose points come from elsewhere (the regression report): the document's
    /// data and model signals then redraw nothing, and the view calls refresh() itself.
    virtual bool followsDocument() const { return true; }
    /// The values a drag of `row`'s point to `coords` (plot coordinates) sets, as in
    /// pointDragged(); empty when the point cannot be dragged (the default).
    virtual QVector<QPair<int, double>> dragCells(int row, const QPointF& coords) const;

    /// Refills pointsGraph() (sampled, non-plottable rows skipped, sorted by x) and the highlight.
    /// `name` is the legend name; a sampling note is appended when rows are skipped.
    void updatePoints(const QString& name);
    /// The range to show for `wanted` (a paddedRange()): itself on a sparse plot; on a dense one,
    /// with room to move after a data change (`tick` false), kept while it fits on a slider tick
    /// (`tick` true; see stickyRange()). `current` is the axis's range now.
    QCPRange shownRange(const QCPRange& current, const QCPRange& wanted, bool tick) const;
    /// Sets both axis ranges (they come from paddedRange(), so QCustomPlot accepts them).
    void setRanges(const QCPRange& x, const QCPRange& y);
    void setAxisTitles(const QString& x, const QString& y);
    /// Shows `text` centred over the plot (empty hides it; the legend hides while it shows).
    void setMessage(const QString& text);

    /// True when the evaluation holds one prediction per current row. Within one document edit
    /// the evaluation is recomputed after analysisChanged, so it may briefly lag behind.
    bool hasPredictions() const;
    /// True when analysis() and model() match the current dataset's shape (see hasPredictions).
    bool analysisIsCurrent() const;
    /// "samples" for the data points' legend entry.
    static QString pointsName();
    /// "exam_score 90, predicted 66, residual -24" for a row (prediction parts only when current).
    QString labelPredictionDetails(int row) const;
    /// What to say when no point could be drawn ("No rows to plot", "No finite values to plot").
    QString emptyMessage() const;

    /// Buffered layer for whatever moves with the model, so it is repainted on its own.
    QCPLayer* modelLayer() const { return m_modelLayer; }
    /// For what moves with the model but is drawn under the data points; not buffered, so a
    /// change here needs a full replot.
    QCPLayer* modelBelowLayer() const { return m_modelBelowLayer; }
    /// True when so many points are drawn that markers shrink and lines fade.
    bool isDense() const;
    /// Layout holding the plot; subclasses may insert controls above it.
    QVBoxLayout* mainLayout() const { return m_layout; }
    /// A new graph drawn as a line, with the given legend name, pen and layer.
    QCPGraph* addLineGraph(const QString& name, const QPen& pen, QCPLayer* layer);

    // One palette for every view.
    static QColor pointColor();
    static QColor modelColor();
    static QColor residualColor();
    static QColor referenceColor();
    static QColor highlightColor();
    static QColor flaggedColor();
    static QPen referencePen();

private:
    void onAnalysisChanged();
    void onEvaluationChanged();
    /// Redraws the moving layers only (queued, so a burst of ticks redraws them once).
    void replotModelLayers();
    void updateHighlight();
    void updateFlagged();
    void onMouseMove(QMouseEvent* event);
    void onMousePress(QMouseEvent* event);
    void onMouseRelease(QMouseEvent* event);

    Document* m_document;
    QVBoxLayout* m_layout;
    QCustomPlot* m_plot;
    QCPLayer* m_modelBelowLayer;
    QCPLayer* m_modelLayer;
    QCPLayer* m_highlightLayer;
    QCPGraph* m_points;
    QCPGraph* m_highlight;
    QCPGraph* m_flagged;
    QCPGraph* m_test;
    QVector<int> m_testRows;
    QCPItemText* m_message;
    QVector<int> m_drawnRows;
    QVector<int> m_highlightRows;
    QList<int> m_selectedRows;
    QVector<int> m_flaggedRows; // as given, sorted
    QVector<int> m_ringedRows;  // as drawn
    int m_sampleStep = 1;
    // The points' x values (in row order) at the last sort, and the order found: the x of most
    // views is data, so a slider tick can reuse the order instead of sorting 20,000 points.
    QVector<double> m_sortedX;
    QVector<int> m_sortOrder;
    QPointF m_pressPos;
    bool m_pressed = false;
    int m_dragRow = -1; // the point pressed on, a drag once the mouse moves past the slop
    bool m_dragging = false;
    QVector<QPair<int, double>> m_dragCells; // the last values sent
    bool m_dataChanged = true;               // since the last rebuild: not a model-only change
    bool m_layerReplotQueued = false;
};
