#include "ui/plots/DenseScatter.h"

#include <QPainter>
#include <QPixmap>

#include <cmath>

namespace {

// Dynamic properties that hold the drawn style of a graph given a stamped one.
constexpr char kShape[] = "linlabScatterShape";
constexpr char kSize[] = "linlabScatterSize";
constexpr char kPen[] = "linlabScatterPen";
constexpr char kBrush[] = "linlabScatterBrush";
constexpr char kStamp[] = "linlabScatterStamp"; // the pixmap, while a VectorScope is alive

QCPScatterStyle stamped(const QCPScatterStyle& style) {
    // Device pixel ratio 1: QCustomPlot centres a pixmap by its size in device pixels.
    const int side = int(std::ceil(style.size() + style.pen().widthF())) + 2;
    QPixmap pixmap(side, side);
    pixmap.fill(Qt::transparent);
    QCPPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    style.applyTo(&painter, style.pen());
    style.drawShape(&painter, side / 2.0, side / 2.0);
    painter.end();
    return QCPScatterStyle(pixmap);
}

QCPScatterStyle drawnStyle(const QCPGraph* graph) {
    return QCPScatterStyle(QCPScatterStyle::ScatterShape(graph->property(kShape).toInt()),
                           graph->property(kPen).value<QPen>(),
                           graph->property(kBrush).value<QBrush>(),
                           graph->property(kSize).toDouble());
}

} // namespace

void DenseScatter::apply(QCPGraph* graph, const QCPScatterStyle& style, bool dense) {
    if (!dense || style.shape() == QCPScatterStyle::ssPixmap) {
        graph->setProperty(kShape, QVariant());
        graph->setScatterStyle(style);
        return;
    }
    // Every replot restyles the points; stamp a new pixmap only when the look changed.
    if (graph->scatterStyle().shape() == QCPScatterStyle::ssPixmap &&
        graph->property(kShape).isValid() &&
        graph->property(kShape).toInt() == int(style.shape()) &&
        graph->property(kSize).toDouble() == style.size() &&
        graph->property(kPen).value<QPen>() == style.pen() &&
        graph->property(kBrush).value<QBrush>() == style.brush())
        return;
    graph->setProperty(kShape, int(style.shape()));
    graph->setProperty(kSize, style.size());
    graph->setProperty(kPen, style.pen());
    graph->setProperty(kBrush, style.brush());
    graph->setScatterStyle(stamped(style));
}

DenseScatter::VectorScope::VectorScope(QCustomPlot* plot) {
    for (int i = 0; i < plot->graphCount(); ++i) {
        QCPGraph* graph = plot->graph(i);
        if (!graph->property(kShape).isValid())
            continue;
        m_graphs.append(graph);
        graph->setProperty(kStamp, graph->scatterStyle().pixmap());
        graph->setScatterStyle(drawnStyle(graph));
    }
}

DenseScatter::VectorScope::~VectorScope() {
    for (const QPointer<QCPGraph>& graph : m_graphs)
        if (graph)
            graph->setScatterStyle(QCPScatterStyle(graph->property(kStamp).value<QPixmap>()));
}
