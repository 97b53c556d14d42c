#pragma once
// Fast scatter points for dense plots. QPainter turns every antialiased circle into a Bezier
// path, so 20,000 circles cost ~25 ms per replot; the same circle drawn once into a pixmap and
// stamped costs ~2 ms. Vector exports (PDF, SVG) must not get 20,000 embedded images, so the
// vector style is kept on the graph and VectorScope puts it back while exporting.

#include <qcustomplot.h>

class DenseScatter {
public:
    /// Gives `graph` the look of `style`: stamped from a pixmap when `dense`, else drawn.
    static void apply(QCPGraph* graph, const QCPScatterStyle& style, bool dense);

    /// While alive, every graph of `plot` given a stamped style draws vector shapes again.
    class VectorScope {
    public:
        explicit VectorScope(QCustomPlot* plot);
        ~VectorScope();
        VectorScope(const VectorScope&) = delete;
        VectorScope& operator=(const VectorScope&) = delete;

    private:
        QList<QPointer<QCPGraph>> m_graphs;
    };
};
