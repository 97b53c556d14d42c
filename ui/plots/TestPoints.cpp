#include "ui/plots/TestPoints.h"

#include "ui/plots/DenseScatter.h"

#include <QCoreApplication>

QColor TestPoints::color() {
    return QColor(0xe6, 0x55, 0x0d);
}

QCPGraph* TestPoints::create(QCustomPlot* plot) {
    QCPGraph* graph = plot->addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setPen(QPen(color()));
    graph->setName(QCoreApplication::translate("PlotView", "test (held out)"));
    graph->removeFromLegend();
    return graph;
}

bool TestPoints::splitChanged(QCPGraph* test, const linlab::FitSettings& settings) {
    const QVariant fraction = settings.testFraction;
    const QVariant seed = qulonglong(settings.seed);
    if (test->property("linlabTestFraction") == fraction && test->property("linlabSeed") == seed)
        return false;
    test->setProperty("linlabTestFraction", fraction);
    test->setProperty("linlabSeed", seed);
    return true;
}

QVector<int> TestPoints::update(QCPGraph* test, const QCPGraph* points,
                                const QVector<int>& drawnRows, const arma::uvec& testMask,
                                bool dense) {
    QVector<QCPGraphData> data;
    QVector<int> rows;
    if (arma::any(testMask)) {
        auto it = points->data()->constBegin();
        for (int i = 0; i < drawnRows.size() && it != points->data()->constEnd(); ++i, ++it) {
            const int row = drawnRows[i];
            if (row >= 0 && arma::uword(row) < testMask.n_elem && testMask(arma::uword(row))) {
                data.append(*it);
                rows.append(row);
            }
        }
    }
    test->data()->set(data, true); // in the points' x order already
    if (test->layer() != points->layer())
        test->setLayer(points->layer()); // drawn over them, moved with them (a buffered layer)
    // A white-filled ring hides the train-styled dot underneath: the point reads as "test".
    DenseScatter::apply(test,
                        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color(), dense ? 1.0 : 1.6),
                                        QBrush(Qt::white), dense ? 5 : 8),
                        dense);
    if (rows.isEmpty())
        test->removeFromLegend();
    else if (!test->parentPlot()->legend->hasItemWithPlottable(test))
        test->addToLegend();
    return rows;
}
