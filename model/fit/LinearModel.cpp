#include "model/fit/LinearModel.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace linlab {

LinearModel::LinearModel(arma::uword featureCount)
    : m_weights(featureCount, arma::fill::zeros) {}

LinearModel::LinearModel(arma::vec weights, double bias)
    : m_weights(std::move(weights))
    , m_bias(bias) {}

void LinearModel::checkSizes(const char* function, const arma::mat& X, const arma::vec* y) const {
    if (X.n_cols != m_weights.n_elem)
        throw std::invalid_argument(std::string(function) + ": X has " + std::to_string(X.n_cols) +
                                    " features but the model has " +
                                    std::to_string(m_weights.n_elem) + " weights");
    if (y && y->n_elem != X.n_rows)
        throw std::invalid_argument(std::string(function) + ": X has " + std::to_string(X.n_rows) +
                                    " rows but y has " + std::to_string(y->n_elem) + " labels");
}

arma::vec LinearModel::predict(const arma::mat& X) const {
    checkSizes("LinearModel::predict", X, nullptr);
    if (m_weights.n_elem == 0)
        return arma::vec(X.n_rows, arma::fill::value(m_bias));
    arma::vec p = X * m_weights;
    p += m_bias;
    return p;
}

arma::vec LinearModel::residuals(const arma::mat& X, const arma::vec& y) const {
    checkSizes("LinearModel::residuals", X, &y);
    return predict(X) - y;
}

namespace {

// mean(f(e)) as Armadillo's mean(f(e)) computes it -- one running sum over the even positions and
// one over the odd (arrayops::accumulate), then divided by n -- but without the temporary f(e) it
// allocates: the same bits, and no fresh 8 MB at a million rows. f(e) is worked out a block at a
// time into a small buffer, so no multiply can be fused into the sums.
template <typename F> double meanOf(const arma::vec& e, F f) {
    constexpr arma::uword kBlock = 512; // even: a pair of positions never straddles two blocks
    double buffer[kBlock];
    double even = 0, odd = 0;
    const double* values = e.memptr();
    const arma::uword n = e.n_elem;
    for (arma::uword begin = 0; begin < n; begin += kBlock) {
        const arma::uword size = std::min(kBlock, n - begin);
        for (arma::uword i = 0; i < size; ++i)
            buffer[i] = f(values[begin + i]);
        arma::uword i = 0;
        for (; i + 1 < size; i += 2) {
            even += buffer[i];
            odd += buffer[i + 1];
        }
        if (i < size) // an odd count: the last value joins the even sum
            even += buffer[i];
    }
    return (even + odd) / static_cast<double>(n);
}

} // namespace

Metrics LinearModel::metricsFromResiduals(const arma::vec& e, const arma::vec& y) {
    Metrics m;
    const arma::uword n = e.n_elem;
    if (n == 0)
        return m;
    // Past the largest double Armadillo switches to a running mean: its own code decides then.
    m.mse = meanOf(e, [](double v) { return v * v; });
    if (!std::isfinite(m.mse))
        m.mse = arma::mean(arma::square(e));
    m.rmse = std::sqrt(m.mse);
    m.mae = meanOf(e, [](double v) { return std::abs(v); });
    if (!std::isfinite(m.mae))
        m.mae = arma::mean(arma::abs(e));
    const double ssTot = arma::accu(arma::square(y - arma::mean(y)));
    if (ssTot > 0)
        m.r2 = 1.0 - m.mse * static_cast<double>(n) / ssTot;
    return m;
}

Metrics LinearModel::metrics(const arma::mat& X, const arma::vec& y) const {
    return metricsFromResiduals(residuals(X, y), y);
}

double LinearModel::mse(const arma::mat& X, const arma::vec& y) const {
    if (X.n_rows == 0)
        return arma::datum::nan;
    return arma::mean(arma::square(residuals(X, y)));
}

Gradient LinearModel::gradient(const arma::mat& X, const arma::vec& y) const {
    const arma::vec e = residuals(X, y);
    const double n = static_cast<double>(X.n_rows);
    Gradient g;
    g.weights = X.t() * e * (2.0 / n);
    g.bias = 2.0 * arma::accu(e) / n;
    return g;
}

arma::vec LinearModel::lessonGradient(const arma::mat& X, const arma::vec& y) const {
    const arma::vec e = residuals(X, y);
    return X.t() * e / static_cast<double>(X.n_rows);
}

} // namespace linlab
