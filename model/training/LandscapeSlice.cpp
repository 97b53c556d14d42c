#include "model/training/LandscapeSlice.h"

#include "model/training/Conditioning.h"

#include <algorithm>
#include <cmath>

namespace linlab {

double parameterValue(const LinearModel& model, arma::uword k) {
    if (k < model.weights().n_elem)
        return model.weights()(k);
    return k == model.weights().n_elem ? model.bias() : arma::datum::nan;
}

double parameterValue(const LeastSquaresResult& fit, arma::uword k) {
    return k < fit.weights.n_elem ? fit.weights(k) : fit.bias;
}

double parameterValue(const Gradient& gradient, arma::uword k) {
    return k < gradient.weights.n_elem ? gradient.weights(k) : gradient.bias;
}

LinearModel withParameters(const LinearModel& model, arma::uword i, double xi, arma::uword j,
                           double yj) {
    arma::vec w = model.weights();
    double b = model.bias();
    const arma::uword d = w.n_elem;
    for (const auto& [k, v] : {std::pair<arma::uword, double>{i, xi}, {j, yj}}) {
        if (k < d)
            w(k) = v;
        else if (k == d)
            b = v;
    }
    return LinearModel(w, b);
}

std::vector<double> heldParameters(const LinearModel& model, arma::uword i, arma::uword j) {
    std::vector<double> held;
    const arma::uword count = model.weights().n_elem + 1;
    for (arma::uword k = 0; k < count; ++k)
        if (k != i && k != j)
            held.push_back(parameterValue(model, k));
    return held;
}

void appendSlicePoints(std::vector<std::pair<double, double>>& points,
                       const std::vector<arma::vec>& path, std::size_t count, arma::uword i,
                       arma::uword j) {
    count = std::min(count, path.size());
    for (std::size_t k = 0; k < count; ++k)
        if (path[k].n_elem > std::max(i, j))
            points.emplace_back(path[k](i), path[k](j));
}

bool sliceMinimum(const SufficientStatistics& stats, const LinearModel& model, arma::uword i,
                  arma::uword j, double& x, double& y) {
    const arma::uword d = stats.featureCount();
    if (stats.sampleCount() == 0 || i > d || j > d || i == j || model.weights().n_elem != d)
        return false;
    const Gradient g = stats.gradient(model.weights(), model.bias());
    const double gi = i == d ? g.bias : g.weights(i);
    const double gj = j == d ? g.bias : g.weights(j);
    const double a = hessianEntry(stats, i, i), b = hessianEntry(stats, i, j),
                 c = hessianEntry(stats, j, j);
    const double det = a * c - b * b;
    // A (nearly) singular 2 x 2 block: a valley with no single bottom in this slice.
    if (!(det > 1e-12 * std::max(a * c, 1e-300)) || !std::isfinite(det))
        return false;
    // Newton step on the exact quadratic: delta = -H_sub^-1 g_sub.
    const double dx = -(c * gi - b * gj) / det;
    const double dy = -(a * gj - b * gi) / det;
    x = parameterValue(model, i) + dx;
    y = parameterValue(model, j) + dy;
    return std::isfinite(x) && std::isfinite(y);
}

} // namespace linlab
