#include "model/training/ConstraintRegion.h"

#include <cmath>

namespace linlab {

double ConstraintRegion::radius(Penalty penalty, double wi, double wj) {
    if (!std::isfinite(wi) || !std::isfinite(wj))
        return arma::datum::nan;
    switch (penalty) {
    case Penalty::Ridge:
        return std::hypot(wi, wj);
    case Penalty::Lasso:
        return std::abs(wi) + std::abs(wj);
    case Penalty::None:
        break;
    }
    return arma::datum::nan;
}

arma::mat ConstraintRegion::outline(Penalty penalty, double radius, arma::uword count) {
    if (penalty == Penalty::None || !(radius > 0) || !std::isfinite(radius))
        return {};
    if (penalty == Penalty::Lasso)
        return arma::mat{{radius, 0.0, -radius, 0.0, radius}, {0.0, radius, 0.0, -radius, 0.0}};
    const arma::uword n = count < 3 ? 3 : count;
    const arma::vec t = arma::linspace(0.0, 2.0 * arma::datum::pi, n);
    arma::mat points(2, n);
    points.row(0) = radius * arma::cos(t).t();
    points.row(1) = radius * arma::sin(t).t();
    points.col(n - 1) = points.col(0); // closed exactly
    return points;
}

} // namespace linlab
