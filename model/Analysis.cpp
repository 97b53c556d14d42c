#include "Analysis.h"

namespace linlab {

Analysis::Analysis(const Dataset& data, const TransformSettings& settings)
    : m_transform(Transform::fit(data.features(), settings))
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
    return e;
}

} // namespace linlab
