#pragma once
// Ridge and lasso with scikit-learn's objectives, on the sufficient statistics of the
// (transformed) features: never a pass over the rows. Ridge in closed form, O(d^3); lasso by
// cyclic coordinate descent, O(d^2) a sweep whatever n. The intercept is not penalised; without
// one (through the origin) the bias is 0 and the uncentred moments are used. alpha = 0 gives
// least squares. On wide data (SufficientStatistics::isWide) the d x d Gram matrix is formed
// on first use. Plain C++17 + Armadillo.

#include "model/fit/LinearModel.h"
#include "model/fit/Moments.h"
#include "model/fit/SufficientStatistics.h"

#include <armadillo>

#include <cstddef>

namespace linlab {

/// Which penalty a fit adds to the squared error.
enum class Penalty { None, Ridge, Lasso };

/// When coordinate descent stops.
struct LassoSettings {
    /// Stops when the duality gap is at most tolerance * y^T y (the centred labels' sum of
    /// squares with an intercept), in the sum-of-squares scale: scikit-learn's criterion.
    double tolerance = 1e-12;
    std::size_t maxSweeps = 100000; ///< at most this many sweeps over the features
};

/// A penalised fit.
struct RegularizedFit {
    arma::vec weights;
    double bias = 0;            ///< 0 through the origin
    std::size_t iterations = 0; ///< lasso: the sweeps run; ridge: 0
    bool converged = true;      ///< lasso: the gap fell within the tolerance
    /// Lasso: the final duality gap in the objective's units (an upper bound on how far the
    /// objective is from its minimum); ridge: 0.
    double dualityGap = 0;
};

class Regularized {
public:
    /// Ridge, scikit-learn's Ridge: min |y - Xw - b|^2 + alpha |w|^2, by (G + alpha I) w = c
    /// on the moments (Moments::of). alpha = 0 with an intercept: the statistics' least squares
    /// itself; else a singular system gives the minimum-norm solution. Throws on alpha < 0.
    static RegularizedFit ridge(const SufficientStatistics& s, double alpha, bool intercept = true);
    /// The same on given moments (what a drag of alpha reuses).
    static RegularizedFit ridge(const Moments& m, double alpha);

    /// Lasso, scikit-learn's Lasso: min (1/2n) |y - Xw - b|^2 + alpha |w|_1, by cyclic coordinate
    /// descent from `start` (empty: zeros; the window warm-starts from the last fit), every 16
    /// sweeps tried to a finish by the linear system of the support found (exact where descent
    /// crawls: ill-conditioned features). alpha = 0 is least squares (as ridge()). Throws on
    /// alpha < 0 or a start of the wrong size.
    static RegularizedFit lasso(const SufficientStatistics& s, double alpha,
                                const arma::vec& start = {}, bool intercept = true,
                                const LassoSettings& settings = {});
    /// The same on given moments.
    static RegularizedFit lasso(const Moments& m, double alpha, const arma::vec& start = {},
                                const LassoSettings& settings = {});

    /// Least squares through the origin (b = 0) from the uncentred moments, as
    /// LeastSquaresResult: the minimum-norm weights, the MSE, the rank of X and the 2-norm
    /// condition number of X (from the eigenvalues of X^T X; inf when singular).
    static LeastSquaresResult leastSquaresThroughOrigin(const SufficientStatistics& s);

    /// ridge(), lasso() or (Penalty::None) least squares, by penalty.
    static RegularizedFit fit(const SufficientStatistics& s, Penalty penalty, double alpha,
                              bool intercept = true);

    /// The smallest alpha at which the lasso's weights are all zero: max |c| / n.
    static double lassoAlphaMax(const Moments& m);

    /// The penalised objective at (w, b) in scikit-learn's units: ridge |r|^2 + alpha |w|^2,
    /// lasso |r|^2 / 2n + alpha |w|_1, Penalty::None the MSE. From the statistics, O(d^2).
    static double loss(const SufficientStatistics& s, Penalty penalty, double alpha,
                       const arma::vec& weights, double bias);
    /// Its gradient over (w, b). The lasso's is not defined where w_j = 0: there it is the
    /// minimum-norm subgradient, soft(g_j, alpha) for the smooth part's g_j (0 when |g_j| <=
    /// alpha), which is zero exactly where w_j = 0 is optimal for that coordinate.
    static Gradient lossGradient(const SufficientStatistics& s, Penalty penalty, double alpha,
                                 const arma::vec& weights, double bias);

    /// `count` alphas from `low` to `high` (both > 0), evenly spaced in log: a path's grid.
    static arma::vec alphaGrid(double low, double high, arma::uword count);
    /// The regularisation path: column k holds the weights at alphas(k) (d x alphas). Ridge from
    /// one eigendecomposition, O(d^3 + grid d^2); lasso warm-started from the largest alpha
    /// down, O(grid sweeps d^2).
    static arma::mat path(const Moments& m, Penalty penalty, const arma::vec& alphas);
};

} // namespace linlab
