#pragma once
// The held-out rows of a seeded split, drawn over a plot's points as hollow orange rings: every
// plot shows which points the fit did not see. A graph of its own (the legend's "test"); the
// points graph keeps every row, so hit tests, tooltips and selection work as before.

#include "model/fit/FitSetup.h"

#include <armadillo>

#include <QVector>

#include <qcustomplot.h>

class TestPoints {
public:
    /// The colour of test points in every plot.
    static QColor color();
    /// A new graph for the test points of `plot` (empty, out of the legend).
    static QCPGraph* create(QCustomPlot* plot);
    /// Fills `test` with the points of `points` whose row (drawnRows[i] for point i) is flagged
    /// in `testMask` (rows past it are train), on the points' layer, styled for `dense`; in the
    /// legend only when it holds a point. Returns those rows, in the graph's order.
    /// True when `settings` split other rows than `test` was last asked about (its fraction or
    /// seed changed): an alpha drag changes the settings on every tick, not the test rows.
    static bool splitChanged(QCPGraph* test, const linlab::FitSettings& settings);
    static QVector<int> update(QCPGraph* test, const QCPGraph* points,
                               const QVector<int>& drawnRows, const arma::uvec& testMask,
                               bool dense);
};
