#include "ui/plots/CategoryLayers.h"

#include "ui/plots/DenseScatter.h"

#include <QCoreApplication>

#include <array>

namespace {

// Tableau 10 (matplotlib's tab10) without grey, reordered: the data plot's line is red and the
// selection orange, so those come last. All readable on white.
constexpr std::array<QRgb, 9> kPalette{0x1f77b4, 0x2ca02c, 0x9467bd, 0x8c564b, 0xe377c2,
                                       0x17becf, 0xbcbd22, 0xff7f0e, 0xd62728};
constexpr std::array<QCPScatterStyle::ScatterShape, 6> kShapes{
    QCPScatterStyle::ssCircle,           QCPScatterStyle::ssSquare,
    QCPScatterStyle::ssTriangle,         QCPScatterStyle::ssDiamond,
    QCPScatterStyle::ssTriangleInverted, QCPScatterStyle::ssCrossCircle};

} // namespace

CategoryLayers::CategoryLayers(QCustomPlot* plot, QCPLayer* layer)
    : m_plot(plot)
    , m_layer(layer) {}

QColor CategoryLayers::levelColor(int level) {
    return QColor(kPalette[std::size_t(level) % kPalette.size()]);
}

QCPScatterStyle::ScatterShape CategoryLayers::levelShape(int level) {
    return kShapes[std::size_t(level) / kPalette.size() % kShapes.size()];
}

QColor CategoryLayers::missingColor() {
    return QColor(0xa8, 0xa8, 0xa8);
}

QVector<QCPGraph*> CategoryLayers::graphs() const {
    QVector<QCPGraph*> all = m_graphs;
    if (m_missing)
        all.append(m_missing);
    return all;
}

void CategoryLayers::clear() {
    for (QCPGraph* graph : graphs())
        m_plot->removeGraph(graph);
    m_graphs.clear();
    m_missing = nullptr;
}

QCPGraph* CategoryLayers::addGraph(const QString& name) {
    QCPGraph* graph = m_plot->addGraph();
    graph->setLayer(m_layer);
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setName(name);
    return graph;
}

void CategoryLayers::style(QCPGraph* graph, const QColor& color,
                           QCPScatterStyle::ScatterShape shape, bool dense) {
    QColor fill = color;
    fill.setAlpha(dense ? 110 : 170);
    graph->setPen(QPen(color));
    DenseScatter::apply(
        graph, QCPScatterStyle(shape, QPen(color, dense ? 0.8 : 1.2), QBrush(fill), dense ? 4 : 7),
        dense);
}

void CategoryLayers::show(const QCPGraphDataContainer& points, const QVector<int>& levelOfPoint,
                          const QStringList& levels, bool dense) {
    const int count = int(levels.size());
    // Split in one pass; each level's points stay sorted by x.
    QVector<QVector<QCPGraphData>> byLevel(count + 1); // the last: missing
    int i = 0;
    for (auto it = points.constBegin(); it != points.constEnd() && i < levelOfPoint.size();
         ++it, ++i) {
        const int level = levelOfPoint.at(i);
        byLevel[level >= 0 && level < count ? level : count].append(*it);
    }

    // The same levels keep their graphs (and their stamped markers).
    bool same = m_graphs.size() == count;
    for (int l = 0; same && l < count; ++l)
        same = m_graphs.at(l)->name() == levels.at(l);
    if (!same) {
        clear();
        for (const QString& level : levels)
            m_graphs.append(addGraph(level));
    }
    for (int l = 0; l < count; ++l) {
        QCPGraph* graph = m_graphs.at(l);
        graph->data()->set(byLevel.at(l), true);
        style(graph, levelColor(l), levelShape(l), dense);
        if (byLevel.at(l).isEmpty())
            graph->removeFromLegend();
        else if (!m_plot->legend->hasItemWithPlottable(graph))
            graph->addToLegend();
    }

    const QVector<QCPGraphData>& missing = byLevel.at(count);
    if (missing.isEmpty() && m_missing) {
        m_plot->removeGraph(m_missing);
        m_missing = nullptr;
    } else if (!missing.isEmpty()) {
        if (!m_missing)
            m_missing = addGraph(QCoreApplication::translate("CategoryLayers", "missing"));
        m_missing->data()->set(missing, true);
        style(m_missing, missingColor(), QCPScatterStyle::ssCircle, dense);
    }
}
