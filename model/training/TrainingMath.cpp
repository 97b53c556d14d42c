#include "model/training/TrainingMath.h"

#include "model/fit/Analysis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace linlab {

double conditionNumber(const arma::mat& symmetric) {
    if (symmetric.is_empty() || !symmetric.is_finite() || symmetric.n_rows != symmetric.n_cols)
        return arma::datum::nan;
    arma::vec lambda;
    if (!arma::eig_sym(lambda, arma::mat(0.5 * (symmetric + symmetric.t()))))
        return arma::datum::nan;
    const double hi = lambda.max(), lo = lambda.min();
    if (!(hi > 0))
        return arma::datum::nan;
    if (lo <= hi * 1e-15)
        return arma::datum::inf;
    return hi / lo;
}

double centredGramConditionNumber(const SufficientStatistics& stats) {
    if (stats.sampleCount() == 0 || stats.featureCount() == 0)
        return arma::datum::nan;
    return conditionNumber(stats.centredGram());
}

double hessianConditionNumber(const SufficientStatistics& stats) {
    if (stats.sampleCount() == 0)
        return arma::datum::nan;
    return conditionNumber(stats.hessian());
}

double stableRateBound(const SufficientStatistics& stats, double momentum) {
    // Heavy ball on an eigen-direction lambda is stable while rate * lambda < 2 (1 + mu).
    const double mu = std::isfinite(momentum) ? std::clamp(momentum, 0.0, 1.0) : 0.0;
    return stats.stableLearningRate() * (1.0 + mu);
}

double roundDownSignificant(double value, int digits) {
    if (!(value > 0) || !std::isfinite(value) || digits < 1)
        return value;
    const int exponent = int(std::floor(std::log10(value)));
    const int shift =
        digits - 1 - exponent; // value * 10^shift has `digits` digits before the point
    // Dividing by an exact power of ten rounds correctly; multiplying by 0.001 would not.
    if (shift >= 0 && shift <= 22) {
        const double p = std::pow(10.0, shift);
        double r = std::floor(value * p * (1 + 1e-15)) / p;
        if (r > value) // the nudge must never round up past the value
            r = std::floor(value * p) / p;
        return r > 0 ? r : value;
    }
    if (shift < 0 && shift >= -22) {
        const double p = std::pow(10.0, -shift);
        const double r = std::floor(value / p) * p;
        return r > 0 ? r : value;
    }
    return value;
}

double suggestedRate(double bound) {
    if (!(bound > 0) || !std::isfinite(bound))
        return arma::datum::nan;
    return roundDownSignificant(0.5 * bound, 3);
}

double epochsToConvergeBound(double kappa, double tolerance) {
    if (!(kappa >= 1) || !(tolerance > 0) || !(tolerance < 1))
        return arma::datum::nan;
    if (!std::isfinite(kappa))
        return arma::datum::inf;
    if (kappa == 1)
        return 1;
    return std::log(1.0 / tolerance) / -std::log1p(-1.0 / kappa);
}

double shortestDecimal(double value, double tolerance) {
    if (!std::isfinite(value) || !(tolerance > 0))
        return value;
    char buffer[40];
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
        const double candidate = std::strtod(buffer, nullptr);
        if (std::abs(candidate - value) <= tolerance)
            return candidate;
    }
    return value;
}

double parameterValue(const LinearModel& model, arma::uword k) {
    if (k < model.weights().n_elem)
        return model.weights()(k);
    return k == model.weights().n_elem ? model.bias() : arma::datum::nan;
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

double parameterScale(const SufficientStatistics& stats, arma::uword k) {
    const arma::uword d = stats.featureCount();
    if (stats.sampleCount() == 0 || k > d)
        return 1.0;
    const double n = double(stats.sampleCount());
    const double variance = stats.centredLabelSquares() / n;
    const arma::mat H = stats.hessian();
    const double hkk = H(k, k);
    const double s = std::sqrt(2.0 * variance / hkk);
    if (!(variance > 0) || !(hkk > 0) || !std::isfinite(s) || !(s > 0))
        return 1.0;
    return s;
}

LandscapeWindow landscapeWindow(const SufficientStatistics& stats, arma::uword i, arma::uword j,
                                const std::vector<std::pair<double, double>>& points,
                                bool equalAspect) {
    double xLo = arma::datum::inf, xHi = -arma::datum::inf, yLo = arma::datum::inf,
           yHi = -arma::datum::inf;
    // 1e150: far past any useful model, and still leaves room for spans and pixel maths.
    const auto usable = [](double v) { return std::isfinite(v) && std::abs(v) < 1e150; };
    for (const auto& [x, y] : points) {
        if (!usable(x) || !usable(y))
            continue;
        xLo = std::min(xLo, x);
        xHi = std::max(xHi, x);
        yLo = std::min(yLo, y);
        yHi = std::max(yHi, y);
    }
    if (!(xLo <= xHi)) {
        xLo = xHi = 0.0;
        yLo = yHi = 0.0;
    }
    const double xc = xLo / 2 + xHi / 2, yc = yLo / 2 + yHi / 2;
    // Half the extent plus 25% of it on each side, and never narrower than the bowl's own scale.
    double hx = std::max(0.75 * (xHi - xLo), parameterScale(stats, i));
    double hy = std::max(0.75 * (yHi - yLo), parameterScale(stats, j));
    if (equalAspect)
        hx = hy = std::max(hx, hy);
    // Far from zero a tiny half-width would be lost in rounding: keep it above the spacing.
    hx = std::max(hx, std::abs(xc) * 1e-9);
    hy = std::max(hy, std::abs(yc) * 1e-9);
    LandscapeWindow w;
    w.xMin = xc - hx;
    w.xMax = xc + hx;
    w.yMin = yc - hy;
    w.yMax = yc + hy;
    return w;
}

double sliceConditionNumber(const SufficientStatistics& stats, arma::uword i, arma::uword j) {
    const arma::uword d = stats.featureCount();
    if (stats.sampleCount() == 0 || i > d || j > d || i == j)
        return arma::datum::nan;
    const arma::mat H = stats.hessian();
    const arma::mat block{{H(i, i), H(i, j)}, {H(j, i), H(j, j)}};
    return conditionNumber(block);
}

std::pair<arma::uword, arma::uword> mostChangedSlice(const SufficientStatistics& a,
                                                     const SufficientStatistics& b) {
    const arma::uword d = a.featureCount();
    std::pair<arma::uword, arma::uword> best{0, 1};
    if (d == 0 || b.featureCount() != d)
        return best;
    double bestRatio = -1;
    for (arma::uword i = 0; i <= d; ++i) {
        for (arma::uword j = i + 1; j <= d; ++j) {
            // Compared in logs so an infinite (singular) slice still ranks, and last among equals.
            const double ka = sliceConditionNumber(a, i, j), kb = sliceConditionNumber(b, i, j);
            if (!(ka >= 1) || !(kb >= 1))
                continue;
            const double ratio = std::isfinite(ka)
                                     ? (std::isfinite(kb) ? std::log(ka) - std::log(kb) : 0.0)
                                     : (std::isfinite(kb) ? 1e300 : 0.0);
            if (ratio > bestRatio) {
                bestRatio = ratio;
                best = {i, j};
            }
        }
    }
    return best;
}

bool sliceMinimum(const SufficientStatistics& stats, const LinearModel& model, arma::uword i,
                  arma::uword j, double& x, double& y) {
    const arma::uword d = stats.featureCount();
    if (stats.sampleCount() == 0 || i > d || j > d || i == j || model.weights().n_elem != d)
        return false;
    const Gradient g = stats.gradient(model.weights(), model.bias());
    const arma::mat H = stats.hessian();
    const double gi = i == d ? g.bias : g.weights(i);
    const double gj = j == d ? g.bias : g.weights(j);
    const double a = H(i, i), b = H(i, j), c = H(j, j);
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

std::pair<double, double> colorRange(const arma::mat& values, bool logarithmic) {
    double lo = arma::datum::inf, hi = -arma::datum::inf, positive = arma::datum::inf;
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        if (v > 0)
            positive = std::min(positive, v);
    }
    if (logarithmic) {
        if (!(hi > 0))
            return {1.0, 10.0};
        lo = std::max(positive, hi * 1e-6);
        if (!(lo < hi))
            return {hi / 10, hi};
        return {lo, hi};
    }
    if (!(lo <= hi))
        return {0.0, 1.0};
    if (!(lo < hi)) {
        const double half = std::max(std::abs(lo) * 0.05, 0.5);
        return {lo - half, hi + half};
    }
    return {lo, hi};
}

namespace {

NormalizationRun runOneSide(const Dataset& data, const TransformSettings& transform,
                            const NormalizationComparisonSettings& settings) {
    NormalizationRun side;
    side.settings = transform;
    const Analysis analysis(data, transform);
    side.transform = analysis.transform();
    side.statistics = analysis.statistics();
    side.bound = side.statistics.stableLearningRate();
    side.rate = settings.rateFraction * side.bound;
    side.gramCondition = centredGramConditionNumber(side.statistics);
    side.hessianCondition = hessianConditionNumber(side.statistics);

    const LinearModel start(data.featureCount());
    GradientDescentSettings gd;
    gd.learningRate = side.rate;
    gd.tolerance = settings.tolerance;
    gd.maxEpochs = settings.maxEpochs;
    gd.maxTrajectoryPoints = std::max<std::size_t>(settings.pathPoints, 2);
    if (data.rowCount() == 0 || !(side.rate > 0)) {
        side.result = GradientDescent::run(side.statistics, start, gd);
        side.path = side.result.trajectory;
        side.pathEpochs = side.result.trajectoryEpochs;
        return side;
    }
    side.result = GradientDescent::run(side.statistics, start, gd);

    // The first epochs one by one (where the path turns), then the thinned rest. Runs are
    // deterministic, so the short run is exactly the long run's beginning.
    GradientDescentSettings head = gd;
    head.maxEpochs = std::min(settings.detailedEpochs, settings.maxEpochs);
    head.maxTrajectoryPoints = head.maxEpochs + 2; // the recorder keeps a place for the final point
    const GradientDescentResult first = GradientDescent::run(side.statistics, start, head);
    side.path = first.trajectory;
    side.pathEpochs = first.trajectoryEpochs;
    const std::size_t last = side.pathEpochs.empty() ? 0 : side.pathEpochs.back();
    for (std::size_t k = 0; k < side.result.trajectory.size(); ++k) {
        if (side.result.trajectoryEpochs[k] > last) {
            side.path.push_back(side.result.trajectory[k]);
            side.pathEpochs.push_back(side.result.trajectoryEpochs[k]);
        }
    }

    const LinearModel& fit = side.result.model;
    side.originalWeights = side.transform.weightsToOriginal(fit.weights());
    side.originalBias = side.transform.biasToOriginal(fit.weights(), fit.bias());
    return side;
}

} // namespace

NormalizationComparisonResult
compareNormalization(const Dataset& data, const NormalizationComparisonSettings& settings) {
    if (!std::isfinite(settings.scale))
        throw std::invalid_argument("compareNormalization: the scale factor must be finite");
    NormalizationComparisonResult result;
    result.raw = runOneSide(data, {settings.scale, Normalization::None, 0}, settings);
    result.zscored = runOneSide(data, {settings.scale, Normalization::ZScore, 0}, settings);
    return result;
}

} // namespace linlab
