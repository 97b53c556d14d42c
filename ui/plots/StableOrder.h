#pragma once
// The order a plot's points are drawn in: by x, ties in row order. A residual plot's x moves on
// every slider tick, so this is a stable radix sort, O(n), not O(n log n).

#include <QVector>

class StableOrder {
public:
    /// The permutation that sorts `x` (plottable values: no NaN) ascending with ties in index
    /// order: what sorting (x, index) pairs gives, by a stable radix sort (6 passes of 11 bits,
    /// passes where every key has the same digit skipped).
    static void of(const QVector<double>& x, QVector<int>& order);
};
