#include "Transform.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace linlab {

const char* normalizationName(Normalization mode)
{
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

bool parseNormalization(const std::string& text, Normalization& mode)
{
    for (Normalization m : {Normalization::None, Normalization::ZScore, Normalization::MinMax}) {
        if (text == normalizationName(m)) {
            mode = m;
            return true;
        }
    }
    return false;
}

Transform::Transform(arma::uword featureCount)
    : m_mean(featureCount, arma::fill::value(arma::datum::nan))
    , m_std(featureCount, arma::fill::value(arma::datum::nan))
    , m_min(featureCount, arma::fill::value(arma::datum::nan))
    , m_max(featureCount, arma::fill::value(arma::datum::nan))
    , m_shift(featureCount, arma::fill::zeros)
    , m_divisor(featureCount, arma::fill::ones)
    , m_zeroSpread(featureCount, false)
{
}

Transform Transform::fit(const arma::mat& X, const TransformSettings& settings)
{
    if (!std::isfinite(settings.scale))
        throw std::invalid_argument("Transform::fit: the scale factor must be a finite number");
    if (settings.ddof != 0 && settings.ddof != 1)
        throw std::invalid_argument("Transform::fit: ddof must be 0 or 1");

    const arma::uword n = X.n_rows, d = X.n_cols;
    Transform t(d);
    t.m_settings = settings;
    if (n == 0)
        return t;

    const arma::mat scaled = X * settings.scale;
    // Two-pass mean: the second pass removes the first's rounding on data far from zero.
    t.m_mean = arma::mean(scaled, 0);
    t.m_mean += arma::mean(scaled.each_row() - t.m_mean, 0);
    t.m_min = arma::min(scaled, 0);
    t.m_max = arma::max(scaled, 0);
    if (n > static_cast<arma::uword>(settings.ddof)) {
        // Armadillo's norm_type 1 divides by N (NumPy's ddof 0); norm_type 0 by N - 1.
        const arma::uword normType = settings.ddof == 0 ? 1 : 0;
        for (arma::uword j = 0; j < d; ++j) {
            // Squares of values past 1e154 overflow and those under 1e-154 underflow, so the
            // std of 1e300 or 1e-300 would come out inf or 0. Divide the column by a power of
            // two near its size first: that is exact, so ordinary data keeps NumPy's bits.
            int exponent = 0;
            std::frexp(std::max(std::abs(t.m_min(j)), std::abs(t.m_max(j))), &exponent);
            arma::vec column = scaled.col(j);
            column.transform([exponent](double v) { return std::ldexp(v, -exponent); });
            t.m_std(j) = std::ldexp(arma::stddev(column, normType), exponent);
        }
    }

    for (arma::uword j = 0; j < d; ++j) {
        const double magnitude = std::max(std::abs(t.m_min(j)), std::abs(t.m_max(j)));
        const double range = t.m_max(j) - t.m_min(j);
        // Flag as scikit-learn does: a spread that is zero relative to the values' size.
        t.m_zeroSpread[j] = range <= kZeroSpreadTolerance * magnitude;
        switch (settings.normalization) {
        case Normalization::None:
            break;
        case Normalization::ZScore:
            t.m_shift(j) = t.m_mean(j);
            if (!t.m_zeroSpread[j] && std::isfinite(t.m_std(j)) && t.m_std(j) > 0)
                t.m_divisor(j) = t.m_std(j);
            break;
        case Normalization::MinMax:
            t.m_shift(j) = t.m_min(j);
            if (!t.m_zeroSpread[j] && std::isfinite(range) && range > 0)
                t.m_divisor(j) = range;
            break;
        }
    }
    return t;
}

arma::mat Transform::apply(const arma::mat& X) const
{
    if (X.n_cols != m_shift.n_elem)
        throw std::invalid_argument("Transform::apply: X has " + std::to_string(X.n_cols) +
                                    " features, the transform was fitted to " + std::to_string(m_shift.n_elem));
    arma::mat out = X * m_settings.scale;
    if (m_settings.normalization == Normalization::None || out.n_rows == 0)
        return out; // (each_row on an empty matrix is undefined in Armadillo)
    // Subtract, then divide, element by element: the same operations NumPy's (X - mean) / std does.
    out.each_row() -= m_shift;
    out.each_row() /= m_divisor;
    return out;
}

arma::vec Transform::weightsToOriginal(const arma::vec& weights) const
{
    if (weights.n_elem != m_divisor.n_elem)
        throw std::invalid_argument("Transform::weightsToOriginal: wrong number of weights");
    // w_j * (s x_j - c_j) / q_j  =  (w_j s / q_j) x_j  -  w_j c_j / q_j
    return weights % (m_settings.scale / m_divisor.t());
}

double Transform::biasToOriginal(const arma::vec& weights, double bias) const
{
    if (weights.n_elem != m_divisor.n_elem)
        throw std::invalid_argument("Transform::biasToOriginal: wrong number of weights");
    return bias - arma::accu(weights % (m_shift / m_divisor).t());
}

bool Transform::isIdentity() const
{
    return m_settings.scale == 1.0 &&
           (m_settings.normalization == Normalization::None ||
            (arma::all(m_shift == 0.0) && arma::all(m_divisor == 1.0)));
}

} // namespace linlab
