#pragma once
// Shared helpers for the training views' tests: model comparisons, a z-scored lesson document,
// and a check that nothing non-finite reaches any axis or plottable of a plot.

#include "app/document/Commands.h"
#include "app/document/Document.h"

#include <QString>

#include <qcustomplot.h>

#include <armadillo>
#include <cmath>

namespace trainingtest {

inline arma::vec parameters(const linlab::LinearModel& m) {
    return arma::join_cols(m.weights(), arma::vec{m.bias()});
}

inline bool sameModel(const linlab::LinearModel& a, const linlab::LinearModel& b) {
    return a.weights().n_elem == b.weights().n_elem && arma::all(a.weights() == b.weights()) &&
           a.bias() == b.bias();
}

inline bool rangeFinite(const QCPRange& r) {
    return std::isfinite(r.lower) && std::isfinite(r.upper) && r.lower < r.upper;
}

/// Every axis of the plot has a finite, non-empty range, and every plottable's data is finite.
inline bool plotFinite(QCustomPlot* plot, QString* why) {
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes())
            if (!rangeFinite(axis->range())) {
                *why = QStringLiteral("axis %1").arg(axis->label());
                return false;
            }
    for (int k = 0; k < plot->plotLayout()->elementCount(); ++k)
        if (auto* scale = qobject_cast<QCPColorScale*>(plot->plotLayout()->elementAt(k)))
            if (!rangeFinite(scale->axis()->range()) || !rangeFinite(scale->dataRange())) {
                *why = QStringLiteral("colour scale");
                return false;
            }
    for (int p = 0; p < plot->plottableCount(); ++p) {
        QCPAbstractPlottable* plottable = plot->plottable(p);
        if (auto* graph = qobject_cast<QCPGraph*>(plottable)) {
            for (const QCPGraphData& d : *graph->data())
                if (!std::isfinite(d.key) || !std::isfinite(d.value)) {
                    *why = QStringLiteral("graph %1").arg(graph->name());
                    return false;
                }
        } else if (auto* curve = qobject_cast<QCPCurve*>(plottable)) {
            for (const QCPCurveData& d : *curve->data())
                if (!std::isfinite(d.key) || !std::isfinite(d.value)) {
                    *why = QStringLiteral("curve %1").arg(curve->name());
                    return false;
                }
        }
    }
    return true;
}

/// A document whose features are z-scored (the round bowl).
inline void zscore(Document& doc) {
    doc.undoStack()->push(new SetTransformCommand(
        &doc, linlab::TransformSettings{1.0, linlab::Normalization::ZScore, 0}));
}

inline QPoint pixelOf(QCustomPlot* plot, double x, double y) {
    return QPoint(qRound(plot->xAxis->coordToPixel(x)), qRound(plot->yAxis->coordToPixel(y)));
}

} // namespace trainingtest
