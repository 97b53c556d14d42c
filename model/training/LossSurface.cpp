#include "model/training/LossSurface.h"

#include "model/training/Conditioning.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace linlab {

LossSurfaceGrid LossSurface::compute(const SufficientStatistics& stats, const LinearModel& model,
                                     const LossSurfaceSpec& spec) {
    return compute(stats, model, spec, Penalty::None, 0.0);
}

LossSurfaceGrid LossSurface::compute(const SufficientStatistics& stats, const LinearModel& model,
                                     const LossSurfaceSpec& spec, Penalty penalty, double alpha) {
    const arma::uword d = stats.featureCount();
    if (spec.xParameter > d || spec.yParameter > d || spec.xParameter == spec.yParameter)
        throw std::invalid_argument(
            "LossSurface::compute: choose two different parameters among the " + std::to_string(d) +
            " weights and the bias");
    if (spec.xSteps < 2 || spec.ySteps < 2)
        throw std::invalid_argument("LossSurface::compute: a grid needs at least 2 steps a side");
    if (!(std::isfinite(spec.xMin) && std::isfinite(spec.xMax) && spec.xMin < spec.xMax &&
          std::isfinite(spec.yMin) && std::isfinite(spec.yMax) && spec.yMin < spec.yMax))
        throw std::invalid_argument(
            "LossSurface::compute: each range must be finite with min < max");

    LossSurfaceGrid grid;
    grid.x = arma::linspace(spec.xMin, spec.xMax, spec.xSteps);
    grid.y = arma::linspace(spec.yMin, spec.yMax, spec.ySteps);
    grid.values.set_size(spec.xSteps, spec.ySteps);
    if (stats.sampleCount() == 0) {
        grid.values.fill(arma::datum::nan);
        return grid;
    }

    // The MSE is quadratic: L(theta + D) = L + g^T D + D^T H D / 2 exactly, with H the Hessian.
    const double base = stats.mse(model.weights(), model.bias());
    const Gradient g = stats.gradient(model.weights(), model.bias());
    auto param = [&](arma::uword k) { return k == d ? model.bias() : model.weights()(k); };
    auto grad = [&](arma::uword k) { return k == d ? g.bias : g.weights(k); };
    const arma::uword i = spec.xParameter, j = spec.yParameter;
    const double x0 = param(i), y0 = param(j), gx = grad(i), gy = grad(j);
    // Three entries of the Hessian, not the (d+1) x (d+1) matrix (wide data forms no d x d).
    const double hxx = hessianEntry(stats, i, i), hxy = hessianEntry(stats, i, j),
                 hyy = hessianEntry(stats, j, j);
    // The objective is scale * MSE + alpha * P(w), P separable: the held weights' part is fixed.
    const double n = static_cast<double>(stats.sampleCount());
    const double scale = penalty == Penalty::Ridge ? n : penalty == Penalty::Lasso ? 0.5 : 1.0;
    const auto part = [penalty](double w) {
        return penalty == Penalty::Ridge ? w * w : penalty == Penalty::Lasso ? std::abs(w) : 0.0;
    };
    double held = 0;
    for (arma::uword k = 0; k < d && penalty != Penalty::None; ++k)
        if (k != i && k != j)
            held += part(model.weights()(k));
    const auto penaltyAt = [&](double xv, double yv) {
        if (penalty == Penalty::None)
            return 0.0;
        return alpha * (held + (i < d ? part(xv) : 0.0) + (j < d ? part(yv) : 0.0));
    };
    for (arma::uword a = 0; a < spec.xSteps; ++a) {
        const double dx = grid.x(a) - x0;
        for (arma::uword b = 0; b < spec.ySteps; ++b) {
            const double dy = grid.y(b) - y0;
            double v = base + gx * dx + gy * dy +
                       0.5 * (hxx * dx * dx + 2.0 * hxy * dx * dy + hyy * dy * dy);
            v = v < 0.0 ? 0.0 : v; // rounding below zero; NaN stays NaN
            grid.values(a, b) =
                penalty == Penalty::None ? v : scale * v + penaltyAt(grid.x(a), grid.y(b));
        }
    }
    return grid;
}

} // namespace linlab
