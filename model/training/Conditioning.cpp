#include "model/training/Conditioning.h"

#include "model/training/Rounding.h"

#include <algorithm>
#include <cmath>

namespace linlab {

namespace {

// (Xc^T Xc)_ij, through the centred data on wide data (no d x d matrix).
double centredGramEntry(const SufficientStatistics& stats, arma::uword i, arma::uword j) {
    if (i == j)
        return stats.centredSquares(i);
    if (!stats.isWide())
        return stats.centredGram()(i, j);
    arma::vec unit(stats.featureCount(), arma::fill::zeros);
    unit(j) = 1.0;
    return stats.gramTimes(unit)(i);
}

} // namespace

double hessianEntry(const SufficientStatistics& stats, arma::uword i, arma::uword j) {
    const arma::uword d = stats.featureCount();
    if (stats.sampleCount() == 0 || i > d || j > d)
        return arma::datum::nan;
    // As hessian() computes it, (2/n) [[Sxx + n m m^T, n m], [n m^T, n]], to the same bits.
    const double n = static_cast<double>(stats.sampleCount());
    const arma::rowvec& m = stats.featureMean();
    double h = n;
    if (i < d && j < d)
        h = centredGramEntry(stats, i, j) + n * (m(i) * m(j));
    else if (i < d || j < d)
        h = n * m(i < d ? i : j);
    return (2.0 / n) * h;
}

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
    // Wide data has more features than rows: Xc^T Xc is singular, and is not formed.
    if (stats.isWide())
        return arma::datum::inf;
    return conditionNumber(stats.centredGram());
}

double hessianConditionNumber(const SufficientStatistics& stats) {
    if (stats.sampleCount() == 0)
        return arma::datum::nan;
    if (stats.isWide()) // rank at most n < d + 1: singular, and not formed
        return arma::datum::inf;
    return conditionNumber(stats.hessian());
}

double stableRateBound(const SufficientStatistics& stats, double momentum) {
    // Heavy ball on an eigen-direction lambda is stable while rate * lambda < 2 (1 + mu).
    const double mu = std::isfinite(momentum) ? std::clamp(momentum, 0.0, 1.0) : 0.0;
    return stats.stableLearningRate() * (1.0 + mu);
}

double suggestedRate(double bound) {
    if (!(bound > 0) || !std::isfinite(bound))
        return arma::datum::nan;
    return roundDownSignificant(0.5 * bound, 3);
}

double sliceConditionNumber(const SufficientStatistics& stats, arma::uword i, arma::uword j) {
    const arma::uword d = stats.featureCount();
    if (stats.sampleCount() == 0 || i > d || j > d || i == j)
        return arma::datum::nan;
    const arma::mat block{{hessianEntry(stats, i, i), hessianEntry(stats, i, j)},
                          {hessianEntry(stats, j, i), hessianEntry(stats, j, j)}};
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

} // namespace linlab
