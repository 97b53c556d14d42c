#pragma once
// The second moments a penalised or intercept-free fit solves with: X^T X, X^T y and y^T y about
// the means (with an intercept) or about zero (through the origin), from the sufficient
// statistics in O(d^2). Plain C++17 + Armadillo.

#include "model/fit/SufficientStatistics.h"

#include <armadillo>

namespace linlab {

/// X^T X, X^T y and y^T y, centred when the model has an intercept.
struct Moments {
    arma::mat gram;                      ///< d x d
    arma::vec cross;                     ///< d
    double labelSquares = 0;             ///< y^T y
    arma::uword n = 0;                   ///< rows
    bool intercept = true;               ///< true: centred moments
    arma::rowvec featureMean;            ///< the features' means (for the intercept)
    double labelMean = arma::datum::nan; ///< the label's mean

    /// The centred moments (intercept) or the uncentred ones (through the origin) of `s`.
    static Moments of(const SufficientStatistics& s, bool intercept);
};

} // namespace linlab
