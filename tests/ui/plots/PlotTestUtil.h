#pragma once
// Shared helpers for the plot views' tests: the points a view drew, by row, checks that nothing
// non-finite reaches QCustomPlot, and a large seeded document.

#include "app/document/Document.h"
#include "tests/common/TestUtil.h"
#include "ui/plots/PlotView.h"

#include <QPoint>
#include <QPointF>

#include <cmath>
#include <map>

namespace plottest {

using Points = std::map<int, QPointF>; // row -> drawn point

/// n rows of y = 3a - b + noise (seeded), with the model (3, -1): past 20,000 rows, sampled.
inline void loadLargeDocument(Document& doc, arma::uword n, int seed) {
    arma::arma_rng::set_seed(seed);
    const arma::mat X = arma::randn(n, 2);
    const arma::vec y = 3 * X.col(0) - X.col(1) + 0.5 * arma::randn(n);
    doc.replaceAll(linlab::Dataset(X, y, {"a", "b"}, "y"), linlab::TransformSettings{},
                   linlab::LinearModel(arma::vec{3, -1}, 0), QStringLiteral("big"));
}

/// The drawn points of a view by row (checks the row mapping has one row per point).
inline Points drawnPoints(const PlotView& view) {
    Points points;
    const QSharedPointer<QCPGraphDataContainer> data = view.pointsGraph()->data();
    if (data->size() != view.drawnRows().size())
        return {{-1, QPointF()}};
    int i = 0;
    for (auto it = data->constBegin(); it != data->constEnd(); ++it, ++i)
        points[view.drawnRows().at(i)] = QPointF(it->key, it->value);
    return points;
}

inline bool sameRange(const QCPRange& a, const QCPRange& b) {
    return testutil::close(a.lower, b.lower) && testutil::close(a.upper, b.upper);
}

/// Every number handed to QCustomPlot, in every graph and error bar, is finite.
inline bool everythingFinite(QCustomPlot* plot) {
    for (int g = 0; g < plot->graphCount(); ++g) {
        const QSharedPointer<QCPGraphDataContainer> data = plot->graph(g)->data();
        for (auto it = data->constBegin(); it != data->constEnd(); ++it)
            if (!std::isfinite(it->key) || !std::isfinite(it->value))
                return false;
    }
    for (int p = 0; p < plot->plottableCount(); ++p)
        if (const auto* bars = qobject_cast<QCPErrorBars*>(plot->plottable(p)))
            for (const QCPErrorBarsData& e : *bars->data())
                if (!std::isfinite(e.errorMinus) || !std::isfinite(e.errorPlus))
                    return false;
    return true;
}

/// Both axes span a finite, non-empty range.
inline bool rangesFinite(const QCustomPlot* plot) {
    for (const QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        const QCPRange r = axis->range();
        if (!std::isfinite(r.lower) || !std::isfinite(r.upper) || !(r.lower < r.upper))
            return false;
    }
    return true;
}

/// The widget pixel of plot coordinates (x, y).
inline QPoint pixelOf(const PlotView& view, double x, double y) {
    return QPoint(qRound(view.plot()->xAxis->coordToPixel(x)),
                  qRound(view.plot()->yAxis->coordToPixel(y)));
}

} // namespace plottest
