#pragma once
// The MSE on a grid over two parameters (two weights, or a weight and the bias), the others
// held fixed, from the sufficient statistics. Plain C++17 + Armadillo.

#include "model/fit/LinearModel.h"
#include "model/fit/Regularized.h"
#include "model/fit/SufficientStatistics.h"

#include <armadillo>

namespace linlab {

/// Which parameters span the grid and over what ranges. Parameter index d (= featureCount) is the
/// bias.
struct LossSurfaceSpec {
    arma::uword xParameter = 0;
    arma::uword yParameter = 1;
    double xMin = -1, xMax = 1;
    double yMin = -1, yMax = 1;
    arma::uword xSteps = 200; ///< grid points along x (>= 2)
    arma::uword ySteps = 200; ///< grid points along y (>= 2)
};

struct LossSurfaceGrid {
    arma::vec x;      ///< xSteps values of the x parameter
    arma::vec y;      ///< ySteps values of the y parameter
    arma::mat values; ///< the loss (MSE, or the penalised objective), values(i, j) at (x(i), y(j))
};

class LossSurface {
public:
    /// MSE over the grid around `model`, exact for a quadratic loss: O(d^2) once, then O(1) a
    /// point. Throws std::invalid_argument naming the bad parameter or range.
    static LossSurfaceGrid compute(const SufficientStatistics& stats, const LinearModel& model,
                                   const LossSurfaceSpec& spec);
    /// The penalised objective (Regularized::loss in scikit-learn's units: ridge n MSE +
    /// alpha |w|^2, lasso MSE / 2 + alpha |w|_1; Penalty::None the MSE as above) over the grid,
    /// the weights not on an axis adding their fixed penalty. O(d^2) once, O(1) a point.
    static LossSurfaceGrid compute(const SufficientStatistics& stats, const LinearModel& model,
                                   const LossSurfaceSpec& spec, Penalty penalty, double alpha);
};

} // namespace linlab
