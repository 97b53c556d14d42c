#pragma once
// The rectangle a loss landscape is drawn over, its colour range, and the arrow drawn on it: a
// window that holds the model, the optimum and the path walked, and never narrower than the
// bowl. Plain C++17 + Armadillo.

#include "model/fit/SufficientStatistics.h"

#include <armadillo>
#include <utility>
#include <vector>

namespace linlab {

/// The rectangle a loss landscape is drawn over.
struct LandscapeWindow {
    double xMin = -1, xMax = 1;
    double yMin = -1, yMax = 1;
    bool contains(double x, double y) const {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }
};

/// How far parameter k must move alone, from the optimum, to raise the MSE by the label's
/// variance (the loss of always predicting the mean): sqrt(2 var(y) / H_kk). 1 when undefined.
double parameterScale(const SufficientStatistics& stats, arma::uword k);

/// A window over parameters (i, j) centred on the middle of `points` (non-finite ones ignored),
/// reaching 25% past them on each side and at least parameterScale() from the centre. With
/// `equalAspect` both sides get the larger half-width, so circles stay round at equal scales.
LandscapeWindow landscapeWindow(const SufficientStatistics& stats, arma::uword i, arma::uword j,
                                const std::vector<std::pair<double, double>>& points,
                                bool equalAspect = false);

/// The colour range for `values`: smallest to largest finite value; with `logarithmic`, from
/// the smallest positive value (at least 1e-6 of the largest) instead. (0, 1) when there is no
/// usable value; always lower < upper.
std::pair<double, double> colorRange(const arma::mat& values, bool logarithmic);

/// The tip of an arrow from (x, y) down the gradient (gx, gy) as it looks on screen, where the
/// window's sides are drawn alike: its direction exact, `fraction` of a side long. False (and
/// no tip) when the window is empty or the gradient has no finite, non-zero direction.
bool downhillArrowTip(const LandscapeWindow& window, double x, double y, double gx, double gy,
                      double fraction, double& tipX, double& tipY);

} // namespace linlab
