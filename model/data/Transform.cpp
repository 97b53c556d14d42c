#include "model/data/Transform.h"

#include "model/support/HugePages.h"
#include "model/support/Parallel.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace linlab {

const char* normalizationName(Normalization mode) {
    switch (mode) {
    case Normalization::None:
        return "none";
    case Normalization::ZScore:
        return "zscore";
    case Normalization::MinMax:
        return "minmax";
    }
    return "none";
}

bool parseNormalization(const std::string& text, Normalization& mode) {
    for (Normalization m : {Normalization::None, Normalization::ZScore, Normalization::MinMax}) {
        if (text == normalizationName(m)) {
            mode = m;
            return true;
        }
    }
    return false;
}

namespace {

struct ColumnMoments {
    double mean = arma::datum::nan;
    double std = arma::datum::nan;
    double min = arma::datum::nan;
    double max = arma::datum::nan;
};

// Mean, std (ddof 0 or 1), min and max of scale * column, in two passes and no copy.
ColumnMoments columnMoments(const double* column, arma::uword n, double scale, int ddof) {
    ColumnMoments m;
    double sum = 0;
    double lo = arma::datum::inf, hi = -arma::datum::inf;
    for (arma::uword i = 0; i < n; ++i) {
        const double v = column[i] * scale;
        sum += v;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    const double count = static_cast<double>(n);
    double mean = sum / count;
    if (!std::isfinite(mean)) {
        // The sum overflowed (values near the largest double): a running mean cannot.
        mean = 0;
        for (arma::uword i = 0; i < n; ++i)
            mean += (column[i] * scale - mean) / static_cast<double>(i + 1);
    }
    m.min = lo;
    m.max = hi;

    // Squares of values past 1e154 overflow and those under 1e-154 underflow, so the std of
    // 1e300 or 1e-300 would come out inf or 0: work on the values times a power of two that
    // brings the largest near 1. That is exact, so ordinary data keeps NumPy's bits.
    int exponent = 0;
    std::frexp(std::max(std::abs(lo), std::abs(hi)), &exponent);
    exponent = std::clamp(exponent, -1000, 1000); // 2^-exponent must be a normal double
    const double down = std::ldexp(1.0, -exponent);
    const double centre = mean * down;
    // The corrected two-pass sums (as Armadillo's var): sum(u - c) fixes the first pass's mean.
    double deviation = 0, squares = 0;
    for (arma::uword i = 0; i < n; ++i) {
        const double u = column[i] * scale * down - centre;
        deviation += u;
        squares += u * u;
    }
    m.mean = mean + std::ldexp(deviation / count, exponent);
    if (n > static_cast<arma::uword>(ddof)) {
        const double variance = (squares - deviation * deviation / count) / (count - ddof);
        m.std = std::ldexp(std::sqrt(std::max(0.0, variance)), exponent);
    }
    return m;
}

} // namespace

Transform::Transform(arma::uword featureCount)
    : m_mean(featureCount, arma::fill::value(arma::datum::nan))
    , m_std(featureCount, arma::fill::value(arma::datum::nan))
    , m_min(featureCount, arma::fill::value(arma::datum::nan))
    , m_max(featureCount, arma::fill::value(arma::datum::nan))
    , m_shift(featureCount, arma::fill::zeros)
    , m_divisor(featureCount, arma::fill::ones)
    , m_scales(featureCount, arma::fill::ones)
    , m_zeroSpread(featureCount, false) {}

Transform Transform::fit(const arma::mat& X, const TransformSettings& settings,
                         const std::vector<bool>& fixed) {
    if (!std::isfinite(settings.scale))
        throw std::invalid_argument("Transform::fit: the scale factor must be a finite number");
    if (settings.ddof != 0 && settings.ddof != 1)
        throw std::invalid_argument("Transform::fit: ddof must be 0 or 1");
    if (!fixed.empty() && fixed.size() != X.n_cols)
        throw std::invalid_argument("Transform::fit: " + std::to_string(fixed.size()) +
                                    " fixed flags for " + std::to_string(X.n_cols) + " features");

    const arma::uword n = X.n_rows, d = X.n_cols;
    Transform t(d);
    t.m_settings = settings;
    t.m_scales.fill(settings.scale);
    if (std::find(fixed.begin(), fixed.end(), true) != fixed.end()) { // else kept empty
        t.m_fixed = fixed;
        for (arma::uword j = 0; j < d; ++j)
            if (fixed[j])
                t.m_scales(j) = 1.0;
    }
    if (n == 0)
        return t;

    forEachIndex(d, n * d, [&](std::size_t j) { t.fitMoments(X, j); });
    for (arma::uword j = 0; j < d; ++j)
        t.fitParameters(j);
    return t;
}

Transform Transform::fromMoments(arma::uword n, const arma::rowvec& mean,
                                 const arma::rowvec& centredSquares, const arma::rowvec& min,
                                 const arma::rowvec& max, const TransformSettings& settings) {
    const arma::uword d = mean.n_elem;
    if (centredSquares.n_elem != d || min.n_elem != d || max.n_elem != d)
        throw std::invalid_argument("Transform::fromMoments: the moments differ in length");
    Transform t = fit(arma::mat(0, d), settings); // the settings' checks, no rows
    if (n == 0)
        return t;
    const double scale = settings.scale, count = static_cast<double>(n);
    for (arma::uword j = 0; j < d; ++j) {
        // Moments of scale * x: the mean and spread scale, a negative scale swaps min and max.
        t.m_mean(j) = mean(j) * scale;
        t.m_min(j) = (scale < 0 ? max(j) : min(j)) * scale;
        t.m_max(j) = (scale < 0 ? min(j) : max(j)) * scale;
        if (n > static_cast<arma::uword>(settings.ddof))
            t.m_std(j) = std::abs(scale) *
                         std::sqrt(std::max(0.0, centredSquares(j)) / (count - settings.ddof));
        t.fitParameters(j);
    }
    return t;
}

void Transform::fitMoments(const arma::mat& X, arma::uword j) {
    const ColumnMoments m = columnMoments(X.colptr(j), X.n_rows, m_scales(j), m_settings.ddof);
    m_mean(j) = m.mean;
    m_std(j) = m.std;
    m_min(j) = m.min;
    m_max(j) = m.max;
}

void Transform::fitParameters(arma::uword j) {
    const double magnitude = std::max(std::abs(m_min(j)), std::abs(m_max(j)));
    const double range = m_max(j) - m_min(j);
    // Flag as scikit-learn does: a spread that is zero relative to the values' size.
    m_zeroSpread[j] = range <= kZeroSpreadTolerance * magnitude;
    m_shift(j) = 0;
    m_divisor(j) = 1;
    if (!m_fixed.empty() && m_fixed[j])
        return; // a dummy stays 0/1
    switch (m_settings.normalization) {
    case Normalization::None:
        break;
    case Normalization::ZScore:
        m_shift(j) = m_mean(j);
        if (!m_zeroSpread[j] && std::isfinite(m_std(j)) && m_std(j) > 0)
            m_divisor(j) = m_std(j);
        break;
    case Normalization::MinMax:
        m_shift(j) = m_min(j);
        if (!m_zeroSpread[j] && std::isfinite(range) && range > 0)
            m_divisor(j) = range;
        break;
    }
}

Transform Transform::refit(const arma::mat& X, const std::vector<arma::uword>& columns) const {
    if (X.n_cols != m_shift.n_elem)
        return fit(X, m_settings);
    if (X.n_rows == 0)
        return fit(X, m_settings, m_fixed);
    Transform t = *this;
    for (arma::uword j : columns)
        if (j >= X.n_cols)
            throw std::invalid_argument("Transform::refit: no column " + std::to_string(j));
    forEachIndex(columns.size(), X.n_rows * columns.size(),
                 [&](std::size_t k) { t.fitMoments(X, columns[k]); });
    for (arma::uword j : columns) // serially: the flags share words of a vector<bool>
        t.fitParameters(j);
    return t;
}

arma::mat Transform::apply(const arma::mat& X) const {
    if (X.n_cols != m_shift.n_elem)
        throw std::invalid_argument("Transform::apply: X has " + std::to_string(X.n_cols) +
                                    " features, the transform was fitted to " +
                                    std::to_string(m_shift.n_elem));
    arma::mat out(X.n_rows, X.n_cols, arma::fill::none);
    applyInto(X, out);
    return out;
}

void Transform::applyInto(const arma::mat& X, arma::mat& out) const {
    if (X.n_cols != m_shift.n_elem)
        throw std::invalid_argument("Transform::applyInto: X has " + std::to_string(X.n_cols) +
                                    " features, the transform was fitted to " +
                                    std::to_string(m_shift.n_elem));
    out.set_size(X.n_rows, X.n_cols); // keeps the memory when the size fits
    const arma::uword n = X.n_rows;
    if (n == 0)
        return; // (colptr of an empty matrix points at no memory)
    adviseHugePages(out.memptr(), out.n_elem * sizeof(double));
    forEachIndex(X.n_cols, n * X.n_cols, [&](std::size_t j) { applyColumn(X, j, out); });
}

void Transform::applyColumnsInto(const arma::mat& X, const std::vector<arma::uword>& columns,
                                 arma::mat& out) const {
    if (X.n_cols != m_shift.n_elem || arma::size(out) != arma::size(X))
        throw std::invalid_argument(
            "Transform::applyColumnsInto: X, out and the transform differ in size");
    for (arma::uword j : columns)
        if (j >= X.n_cols)
            throw std::invalid_argument("Transform::applyColumnsInto: no column " +
                                        std::to_string(j));
    if (X.n_rows == 0)
        return;
    forEachIndex(columns.size(), X.n_rows * columns.size(),
                 [&](std::size_t k) { applyColumn(X, columns[k], out); });
}

void Transform::applyColumn(const arma::mat& X, arma::uword j, arma::mat& out) const {
    const arma::uword n = X.n_rows;
    const double* from = X.colptr(j);
    double* to = out.colptr(j);
    const double scale = m_scales(j);
    const double shift = m_shift(j), divisor = m_divisor(j);
    // Scale, subtract, divide, value by value: the operations NumPy's (X * s - mean) / std does.
    if (m_settings.normalization == Normalization::None)
        for (arma::uword i = 0; i < n; ++i)
            to[i] = from[i] * scale;
    else
        for (arma::uword i = 0; i < n; ++i)
            to[i] = (from[i] * scale - shift) / divisor;
}

arma::vec Transform::weightsToOriginal(const arma::vec& weights) const {
    if (weights.n_elem != m_divisor.n_elem)
        throw std::invalid_argument("Transform::weightsToOriginal: wrong number of weights");
    // w_j * (s x_j - c_j) / q_j  =  (w_j s / q_j) x_j  -  w_j c_j / q_j
    return weights % (m_scales / m_divisor).t();
}

double Transform::biasToOriginal(const arma::vec& weights, double bias) const {
    if (weights.n_elem != m_divisor.n_elem)
        throw std::invalid_argument("Transform::biasToOriginal: wrong number of weights");
    return bias - arma::accu(weights % (m_shift / m_divisor).t());
}

bool Transform::isIdentity() const {
    // (arma::all of no features is false: with none, the settings decide, as before.)
    const bool unscaled = m_fixed.empty() ? m_settings.scale == 1.0 : arma::all(m_scales == 1.0);
    return unscaled && (m_settings.normalization == Normalization::None ||
                        (arma::all(m_shift == 0.0) && arma::all(m_divisor == 1.0)));
}

} // namespace linlab
