#pragma once
// Shared helpers for LinLab's Qt Test classes.

#include <QTest>
#include <armadillo>

#include <algorithm>
#include <cmath>

namespace testutil {

/// |a - b| <= tol * max(1, |b|): relative, or absolute near zero (as the lesson check does).
inline bool close(double a, double b, double tol = 1e-12) {
    return std::abs(a - b) <= tol * std::max(1.0, std::abs(b));
}

/// Strictly relative closeness, for values far from 1.
inline bool closeRel(double a, double b, double tol) {
    return std::abs(a - b) <= tol * std::abs(b);
}

inline bool allClose(const arma::mat& a, const arma::mat& b, double tol = 1e-12) {
    if (arma::size(a) != arma::size(b))
        return false;
    for (arma::uword i = 0; i < a.n_elem; ++i)
        if (!close(a(i), b(i), tol))
            return false;
    return true;
}

/// Random data offset far from zero: what raw, uncentred sums cannot handle.
inline void offsetData(arma::uword n, arma::uword d, double offset, arma::mat& X, arma::vec& y,
                       arma::vec& trueW, unsigned seed = 7) {
    arma::arma_rng::set_seed(seed);
    X = arma::randn(n, d) + offset;
    trueW = arma::linspace(1.0, 2.0, d);
    y = X * trueW + 3.0 + 0.1 * arma::randn(n);
}

} // namespace testutil
