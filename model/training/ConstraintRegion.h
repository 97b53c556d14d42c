#pragma once
// The penalty's constraint region in a landscape's two weights: ridge's L2 ball (a circle) and
// lasso's L1 ball (a diamond), of the radius the penalised fit reaches there, so the fit sits on
// its edge where the loss's contours touch it. Plain C++17 + Armadillo.

#include "model/fit/Regularized.h"

#include <armadillo>

namespace linlab {

class ConstraintRegion {
public:
    /// The radius of `penalty`'s ball through (wi, wj): sqrt(wi^2 + wj^2) for ridge, |wi| + |wj|
    /// for lasso; NaN for Penalty::None or a value not finite.
    static double radius(Penalty penalty, double wi, double wj);
    /// The ball's outline about the origin as a closed polyline (2 x count, the last column the
    /// first): `count` points of a circle (ridge) or the diamond's 4 corners and its start
    /// (lasso, 5 columns whatever `count`). Empty for Penalty::None or a radius not > 0.
    static arma::mat outline(Penalty penalty, double radius, arma::uword count = 181);
};

} // namespace linlab
