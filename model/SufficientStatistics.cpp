#include "SufficientStatistics.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace linlab {

SufficientStatistics SufficientStatistics::compute(const arma::mat& X, const arma::vec& y)
{
    if (X.n_rows != y.n_elem)
        throw std::invalid_argument("SufficientStatistics::compute: X has " + std::to_string(X.n_rows) +
                                    " rows but y has " + std::to_string(y.n_elem) + " labels");
    SufficientStatistics s;
    const arma::uword n = X.n_rows, d = X.n_cols;
    s.m_n = n;
    s.m_meanX.zeros(d);
    s.m_sxx.zeros(d, d);
    s.m_sxy.zeros(d);
    s.m_anchorGrad.zeros(d);
    s.m_ls.weights.zeros(d);
    if (n == 0)
        return s;

    // Two-pass means: the second pass removes the rounding of the first (offset data).
    s.m_meanX = arma::mean(X, 0);
    s.m_meanY = arma::mean(y);
    arma::mat Xc = X;
    Xc.each_row() -= s.m_meanX;
    arma::vec yc = y - s.m_meanY;
    const arma::rowvec fixX = arma::mean(Xc, 0);
    const double fixY = arma::mean(yc);
    Xc.each_row() -= fixX;
    yc -= fixY;
    s.m_meanX += fixX;
    s.m_meanY += fixY;

    s.m_sxx = Xc.t() * Xc;
    s.m_sxx = 0.5 * (s.m_sxx + s.m_sxx.t()); // exactly symmetric for eig_sym
    s.m_sxy = Xc.t() * yc;
    s.m_syy = arma::dot(yc, yc);

    s.m_ls = LeastSquares::solveCentred(Xc, yc, s.m_sxx, s.m_sxy);
    const arma::vec r = d > 0 ? arma::vec(Xc * s.m_ls.weights - yc) : arma::vec(-yc);
    s.m_anchorSse = arma::dot(r, r);
    s.m_anchorGrad = d > 0 ? arma::vec(Xc.t() * r) : arma::vec();
    s.m_ls.bias = -s.meanResidual(s.m_ls.weights, 0.0); // mean_y - mean_x . w, in extended precision
    s.m_ls.mse = s.mse(s.m_ls.weights, s.m_ls.bias);
    return s;
}

void SufficientStatistics::check(const char* function, const arma::vec& weights) const
{
    if (weights.n_elem != m_meanX.n_elem)
        throw std::invalid_argument(std::string(function) + ": " + std::to_string(weights.n_elem) +
                                    " weights for " + std::to_string(m_meanX.n_elem) + " features");
}

double SufficientStatistics::mse(const arma::vec& weights, double bias) const
{
    check("SufficientStatistics::mse", weights);
    if (m_n == 0)
        return arma::datum::nan;
    const double n = static_cast<double>(m_n);
    const double delta = meanResidual(weights, bias);
    double sse = m_anchorSse;
    const arma::vec dw = weights - m_ls.weights;
    // At the fit itself there is nothing to add, and an overflowed Sxx (features near 1e300)
    // times zero would be NaN where the fit's own loss is a fine number.
    if (arma::any(dw != 0.0))
        sse += arma::dot(dw, m_sxx * dw) + 2.0 * arma::dot(dw, m_anchorGrad);
    // Rounding may leave a tiny negative SSE; an overflow (NaN or inf) must stay not a number.
    const double meanSquare = sse / n;
    return (meanSquare < 0.0 ? 0.0 : meanSquare) + delta * delta;
}

Gradient SufficientStatistics::gradient(const arma::vec& weights, double bias) const
{
    check("SufficientStatistics::gradient", weights);
    Gradient g;
    if (m_n == 0) {
        g.weights.set_size(weights.n_elem);
        g.weights.fill(arma::datum::nan);
        g.bias = arma::datum::nan;
        return g;
    }
    const double n = static_cast<double>(m_n);
    const double delta = meanResidual(weights, bias);
    // sum_i x_i e_i = Xc^T e + n mean_x delta, and Xc^T e = Sxx (w - p) + Xc^T r.
    const arma::vec dw = weights - m_ls.weights;
    if (weights.n_elem == 0)
        g.weights.reset();
    else if (arma::any(dw != 0.0))
        g.weights = (2.0 / n) * (m_sxx * dw + m_anchorGrad) + 2.0 * delta * m_meanX.t();
    else // at the fit: as in mse(), no overflowed Sxx times zero
        g.weights = (2.0 / n) * m_anchorGrad + 2.0 * delta * m_meanX.t();
    g.bias = 2.0 * delta;
    return g;
}

double SufficientStatistics::meanResidual(const arma::vec& weights, double bias) const
{
    long double delta = static_cast<long double>(bias) - static_cast<long double>(m_meanY);
    for (arma::uword j = 0; j < weights.n_elem; ++j)
        delta += static_cast<long double>(m_meanX(j)) * static_cast<long double>(weights(j));
    return static_cast<double>(delta);
}

arma::mat SufficientStatistics::hessian() const
{
    const arma::uword d = featureCount();
    arma::mat H(d + 1, d + 1, arma::fill::zeros);
    if (m_n == 0)
        return H;
    const double n = static_cast<double>(m_n);
    // [X 1]^T [X 1] = [[Sxx + n m m^T, n m], [n m^T, n]]
    if (d > 0) {
        H.submat(0, 0, d - 1, d - 1) = m_sxx + n * (m_meanX.t() * m_meanX);
        H.submat(0, d, d - 1, d) = n * m_meanX.t();
        H.submat(d, 0, d, d - 1) = n * m_meanX;
    }
    H(d, d) = n;
    return (2.0 / n) * H;
}

double SufficientStatistics::stableLearningRate() const
{
    if (m_n == 0)
        return arma::datum::nan;
    arma::vec lambda;
    const arma::mat H = hessian();
    if (!H.is_finite() || !arma::eig_sym(lambda, H) || lambda.max() <= 0)
        return arma::datum::nan;
    return 2.0 / lambda.max();
}

} // namespace linlab
