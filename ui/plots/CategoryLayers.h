#pragma once
// Colour by category: the drawn points of each level of a categorical column in a graph of its
// own, in a fixed qualitative palette, with a legend entry per level; points without a level in
// grey as "missing". The view's points graph keeps every point (tooltips, clicks and residual
// segments read it) and is drawn empty meanwhile. One graph per level, never one per point.

#include <QColor>
#include <QStringList>
#include <QVector>

#include <qcustomplot.h>

class CategoryLayers {
public:
    /// Graphs are added to `plot` on `layer` when shown.
    CategoryLayers(QCustomPlot* plot, QCPLayer* layer);

    /// Level `level`'s colour: Tableau 10 without its grey (kept for missing), starting with the
    /// hues furthest from the model line's red and the selection's orange, then cycling.
    static QColor levelColor(int level);
    /// Level `level`'s marker: circles for the first round of colours, then other shapes, so 50
    /// levels stay apart.
    static QCPScatterStyle::ScatterShape levelShape(int level);
    /// The grey of points without a level.
    static QColor missingColor();

    /// Draws point i of `points` (sorted by x) in the graph of level levelOfPoint[i] (negative for
    /// none), one graph per entry of `levels` plus "missing" when a point has none; levels without
    /// a point stay out of the legend. `dense` shrinks and stamps the markers as the points graph.
    void show(const QCPGraphDataContainer& points, const QVector<int>& levelOfPoint,
              const QStringList& levels, bool dense);
    /// Removes every level graph.
    void clear();
    /// True while levels are shown.
    bool isShown() const { return !m_graphs.isEmpty(); }
    /// The graph of each level, in the order of the levels shown.
    const QVector<QCPGraph*>& levelGraphs() const { return m_graphs; }
    /// The graph of points without a level (nullptr when no point lacks one).
    QCPGraph* missingGraph() const { return m_missing; }
    /// Every graph, the levels' then the missing one.
    QVector<QCPGraph*> graphs() const;

private:
    QCPGraph* addGraph(const QString& name);
    static void style(QCPGraph* graph, const QColor& color, QCPScatterStyle::ScatterShape shape,
                      bool dense);

    QCustomPlot* m_plot;
    QCPLayer* m_layer;
    QVector<QCPGraph*> m_graphs;
    QCPGraph* m_missing = nullptr;
};
