#pragma once
// How well conditioned the MSE is, and what that allows gradient descent: condition numbers of
// the Gram matrix, the Hessian and its 2 x 2 slices, the stable-rate bound and the rate to
// suggest after a divergence. Plain C++17 + Armadillo.

#include "model/fit/SufficientStatistics.h"

#include <armadillo>
#include <utility>

namespace linlab {

/// Entry (i, j) of stats.hessian() (index d: the bias) without forming the (d+1) x (d+1) matrix:
/// O(1), or O(n d) off the diagonal on wide data. NaN with no rows or an index past d.
double hessianEntry(const SufficientStatistics& stats, arma::uword i, arma::uword j);
/// lambda_max / lambda_min of a symmetric positive semi-definite matrix: infinity when it is
/// singular (lambda_min <= 1e-15 lambda_max), NaN when empty, not finite or all zero.
double conditionNumber(const arma::mat& symmetric);
/// Condition number of the centred Gram matrix Xc^T Xc (the features' shape, bias left out).
double centredGramConditionNumber(const SufficientStatistics& stats);
/// Condition number of the MSE Hessian over (w, b): what gradient descent feels, the bias's
/// coupling to uncentred features included.
double hessianConditionNumber(const SufficientStatistics& stats);

/// The largest stable rate of full-batch descent with heavy-ball momentum mu on this MSE:
/// 2 (1 + mu) / lambda_max (2 / lambda_max for plain descent). NaN with no data.
double stableRateBound(const SufficientStatistics& stats, double momentum);
/// The rate to suggest after a divergence: half the bound, rounded down to 3 digits.
double suggestedRate(double bound);

/// Condition number of the 2 x 2 block of the MSE Hessian over parameters (i, j): how stretched
/// the ellipses of a landscape over those two parameters are (1: circles).
double sliceConditionNumber(const SufficientStatistics& stats, arma::uword i, arma::uword j);
/// The pair (i < j; j == d is the bias) whose slice is stretched most in `a` relative to `b`:
/// where drawing both shows best what changed. (0, 1) with too few parameters or no data.
std::pair<arma::uword, arma::uword> mostChangedSlice(const SufficientStatistics& a,
                                                     const SufficientStatistics& b);

} // namespace linlab
