#pragma once
// A loss landscape is a slice of the MSE over two parameters (i, j; index d is the bias), the
// others held at the model's values. These read and set parameters by index, and find the
// slice's own bottom. Plain C++17 + Armadillo.

#include "model/fit/LeastSquares.h"
#include "model/fit/LinearModel.h"
#include "model/fit/SufficientStatistics.h"

#include <armadillo>
#include <cstddef>
#include <utility>
#include <vector>

namespace linlab {

/// Parameter k of a model: weight k, or the bias when k == number of weights.
double parameterValue(const LinearModel& model, arma::uword k);
/// Parameter k of a least-squares fit: weight k, or the bias when k is past the weights.
double parameterValue(const LeastSquaresResult& fit, arma::uword k);
/// Component k of a gradient: over weight k, or over the bias when k is past the weights.
double parameterValue(const Gradient& gradient, arma::uword k);
/// `model` with parameter i set to xi and parameter j set to yj (k == d is the bias).
LinearModel withParameters(const LinearModel& model, arma::uword i, double xi, arma::uword j,
                           double yj);
/// The parameters of `model` other than i and j, in order: what a slice over (i, j) holds.
std::vector<double> heldParameters(const LinearModel& model, arma::uword i, arma::uword j);
/// Parameters (i, j) of the first `count` points of `path` (each the weights then the bias),
/// appended to `points`; points with too few parameters are skipped.
void appendSlicePoints(std::vector<std::pair<double, double>>& points,
                       const std::vector<arma::vec>& path, std::size_t count, arma::uword i,
                       arma::uword j);

/// The lowest point of the MSE over parameters (i, j), the others held at `model`'s values:
/// the bottom of the bowl a landscape shows. False when that slice has no unique minimum.
bool sliceMinimum(const SufficientStatistics& stats, const LinearModel& model, arma::uword i,
                  arma::uword j, double& x, double& y);

} // namespace linlab
