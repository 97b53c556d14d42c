#include "Analysis.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <thread>

namespace linlab {

Analysis::Analysis(const Dataset& data, const TransformSettings& settings)
    : Analysis(data, settings, Analysis())
{
}

Analysis::Analysis(const Dataset& data, const TransformSettings& settings, Analysis&& recycled)
    : m_transform(Transform::fit(data.features(), settings))
    , m_features(std::move(recycled.m_features))
    , m_labels(std::move(recycled.m_labels))
{
    m_transform.applyInto(data.features(), m_features);
    m_labels = data.labels(); // a copy into the recycled memory when the size fits
    // The raw means (for the line drawn over a feature) from the transform's, when it can.
    const double scale = settings.scale;
    if (scale != 0 && std::isfinite(scale) && data.rowCount() > 0)
        m_rawMean = m_transform.mean() / scale;
    else
        m_rawMean = data.rowCount() ? arma::rowvec(arma::mean(data.features(), 0))
                                    : arma::rowvec(data.featureCount(), arma::fill::zeros);
    m_stats = SufficientStatistics::compute(m_features, m_labels);
}

Evaluation Analysis::evaluate(const LinearModel& model) const
{
    Evaluation e;
    e.predictions = model.predict(m_features);
    e.residuals = e.predictions - m_labels;
    e.metrics = LinearModel::metricsFromResiduals(e.residuals, m_labels);
    const double n = static_cast<double>(m_labels.n_elem);
    if (m_labels.n_elem == 0) {
        e.gradient.weights.set_size(model.weights().n_elem);
        e.gradient.weights.fill(arma::datum::nan);
        e.gradient.bias = arma::datum::nan;
        e.lessonGradient = e.gradient.weights;
        return e;
    }
    // Same operations, in the same order, as the lesson's NumPy lines.
    const arma::vec xtE = m_features.t() * e.residuals;
    e.gradient.weights = 2.0 * xtE / n;
    e.gradient.bias = 2.0 * arma::mean(e.residuals);
    e.lessonGradient = xtE / n;

    compareWithLeastSquares(model, e);
    return e;
}

void Analysis::compareWithLeastSquares(const LinearModel& model, Evaluation& e) const
{
    const LeastSquaresResult& ls = m_stats.leastSquares();
    if (ls.weights.n_elem != model.weights().n_elem)
        return;
    const double db = model.bias() - ls.bias;
    e.distanceToLeastSquares = std::sqrt(arma::accu(arma::square(model.weights() - ls.weights)) + db * db);
    e.excessLoss = e.metrics.mse - ls.mse;
}

namespace {

// Rows from which a second thread pays for itself in the residual pass.
constexpr arma::uword kTwoThreadRows = 200000;

// predictions = X w + b and residuals = predictions - y for rows [first, last), block by block
// so each block of X is read once while its predictions stay in cache; returns sum |residual|.
double residualPass(const arma::mat& X, const arma::vec& y, const arma::vec& w, double b, double* predictions,
                    double* residuals, arma::uword first, arma::uword last)
{
    constexpr arma::uword kBlock = 2048;
    const double* labels = y.memptr();
    double absSum = 0;
    for (arma::uword begin = first; begin < last; begin += kBlock) {
        const arma::uword end = std::min(last, begin + kBlock);
        std::fill(predictions + begin, predictions + end, b);
        for (arma::uword k = 0; k < X.n_cols; ++k) {
            const double* column = X.colptr(k);
            const double wk = w(k);
            for (arma::uword i = begin; i < end; ++i)
                predictions[i] += wk * column[i];
        }
        for (arma::uword i = begin; i < end; ++i) {
            residuals[i] = predictions[i] - labels[i];
            absSum += std::abs(residuals[i]);
        }
    }
    return absSum;
}

} // namespace

Evaluation Analysis::evaluateFast(const LinearModel& model) const
{
    Evaluation e;
    evaluateFast(model, e);
    return e;
}

void Analysis::evaluateFast(const LinearModel& model, Evaluation& e) const
{
    if (m_labels.n_elem == 0 || model.weights().n_elem != m_features.n_cols) {
        e = evaluate(model); // its messages and its empty-data answers
        return;
    }
    const arma::uword n = m_labels.n_elem;
    e.predictions.set_size(n); // no-ops when the sizes already fit
    e.residuals.set_size(n);
    double* predictions = e.predictions.memptr();
    double* residuals = e.residuals.memptr();
    double absSum = 0;
    if (n >= kTwoThreadRows && std::thread::hardware_concurrency() > 1) {
        double secondSum = 0;
        std::thread second([&] {
            secondSum = residualPass(m_features, m_labels, model.weights(), model.bias(), predictions, residuals,
                                     n / 2, n);
        });
        absSum = residualPass(m_features, m_labels, model.weights(), model.bias(), predictions, residuals, 0, n / 2);
        second.join();
        absSum += secondSum;
    } else {
        absSum = residualPass(m_features, m_labels, model.weights(), model.bias(), predictions, residuals, 0, n);
    }

    const double count = static_cast<double>(n);
    e.metrics = Metrics{};
    e.metrics.mse = m_stats.mse(model.weights(), model.bias());
    e.metrics.rmse = std::sqrt(e.metrics.mse);
    e.metrics.mae = absSum / count;
    const double ssTot = m_stats.centredLabelSquares();
    if (ssTot > 0)
        e.metrics.r2 = 1.0 - e.metrics.mse * count / ssTot;
    e.gradient = m_stats.gradient(model.weights(), model.bias());
    e.lessonGradient = e.gradient.weights / 2.0;
    e.distanceToLeastSquares = arma::datum::nan;
    e.excessLoss = arma::datum::nan;
    compareWithLeastSquares(model, e);
}

arma::vec Analysis::partialPrediction(const LinearModel& model, arma::uword feature, const arma::vec& x) const
{
    if (feature >= m_rawMean.n_elem)
        throw std::invalid_argument("Analysis::partialPrediction: no feature " + std::to_string(feature));
    const arma::vec w = m_transform.weightsToOriginal(model.weights());
    const double b = m_transform.biasToOriginal(model.weights(), model.bias());
    double rest = b;
    for (arma::uword k = 0; k < w.n_elem; ++k)
        if (k != feature)
            rest += w(k) * m_rawMean(k);
    return rest + w(feature) * x;
}

} // namespace linlab
