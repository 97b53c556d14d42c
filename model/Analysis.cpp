#include "Analysis.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace linlab {

Analysis::Analysis(const Dataset& data, const TransformSettings& settings)
    : m_rawMean(data.rowCount() ? arma::rowvec(arma::mean(data.features(), 0)) : arma::rowvec(data.featureCount(), arma::fill::zeros))
    , m_transform(Transform::fit(data.features(), settings))
    , m_features(m_transform.apply(data.features()))
    , m_labels(data.labels())
    , m_stats(SufficientStatistics::compute(m_features, m_labels))
{
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

Evaluation Analysis::evaluateFast(const LinearModel& model) const
{
    if (m_labels.n_elem == 0)
        return evaluate(model);
    Evaluation e;
    e.predictions = model.predict(m_features);
    e.residuals = e.predictions - m_labels;
    const double n = static_cast<double>(m_labels.n_elem);
    e.metrics.mse = m_stats.mse(model.weights(), model.bias());
    e.metrics.rmse = std::sqrt(e.metrics.mse);
    e.metrics.mae = arma::mean(arma::abs(e.residuals));
    const double ssTot = m_stats.centredLabelSquares();
    if (ssTot > 0)
        e.metrics.r2 = 1.0 - e.metrics.mse * n / ssTot;
    e.gradient = m_stats.gradient(model.weights(), model.bias());
    e.lessonGradient = e.gradient.weights / 2.0;

    compareWithLeastSquares(model, e);
    return e;
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
