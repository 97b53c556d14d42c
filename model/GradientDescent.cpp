#include "GradientDescent.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace linlab {

const char* stopReasonName(StopReason reason)
{
    switch (reason) {
    case StopReason::Converged:
        return "converged";
    case StopReason::EpochLimit:
        return "epoch_limit";
    case StopReason::Diverged:
        return "diverged";
    case StopReason::NoData:
        return "no_data";
    }
    return "epoch_limit";
}

namespace {

// The loss and gradient at theta = (w, b) from the statistics, written out as plain loops so
// that an epoch costs O(d^2) flops and no allocation.
class Objective {
public:
    explicit Objective(const SufficientStatistics& s)
        : m_d(s.featureCount())
        , m_n(static_cast<double>(s.sampleCount()))
        , m_sxx(s.centredGram())
        , m_anchor(s.leastSquares().weights)
        , m_mean(s.featureMean())
        , m_meanY(s.labelMean())
        , m_anchorGrad(s.anchorCross())
        , m_anchorSse(s.anchorSse())
        , m_sd(m_d)
    {
    }

    double evaluate(const double* theta, double* grad)
    {
        const double* w = theta;
        const double b = theta[m_d];
        // Extended precision, as SufficientStatistics::meanResidual: large terms, small sum.
        long double sum = static_cast<long double>(b) - static_cast<long double>(m_meanY);
        for (arma::uword j = 0; j < m_d; ++j)
            sum += static_cast<long double>(m_mean[j]) * static_cast<long double>(w[j]);
        const double delta = static_cast<double>(sum);
        double sse = m_anchorSse;
        for (arma::uword i = 0; i < m_d; ++i) {
            double acc = 0.0;
            for (arma::uword j = 0; j < m_d; ++j)
                acc += m_sxx(i, j) * (w[j] - m_anchor[j]);
            m_sd[i] = acc;
        }
        for (arma::uword i = 0; i < m_d; ++i) {
            const double dw = w[i] - m_anchor[i];
            sse += dw * m_sd[i] + 2.0 * dw * m_anchorGrad[i];
            grad[i] = (2.0 / m_n) * (m_sd[i] + m_anchorGrad[i]) + 2.0 * delta * m_mean[i];
        }
        grad[m_d] = 2.0 * delta;
        return std::max(0.0, sse / m_n) + delta * delta;
    }

private:
    arma::uword m_d;
    double m_n;
    const arma::mat& m_sxx;
    arma::vec m_anchor;
    arma::rowvec m_mean;
    double m_meanY;
    arma::vec m_anchorGrad;
    double m_anchorSse;
    std::vector<double> m_sd;
};

double norm(const std::vector<double>& v)
{
    double s = 0.0;
    for (double x : v)
        s += x * x;
    return std::sqrt(s);
}

bool allFinite(const std::vector<double>& v)
{
    for (double x : v)
        if (!std::isfinite(x))
            return false;
    return true;
}

} // namespace

GradientDescentResult GradientDescent::run(const SufficientStatistics& stats, const LinearModel& start,
                                           const GradientDescentSettings& settings)
{
    const arma::uword d = stats.featureCount();
    if (start.weights().n_elem != d)
        throw std::invalid_argument("GradientDescent::run: " + std::to_string(start.weights().n_elem) +
                                    " weights for " + std::to_string(d) + " features");
    GradientDescentResult result;
    result.model = start;
    result.stableRateMax = stats.stableLearningRate();
    result.learningRate = settings.learningRate > 0 ? settings.learningRate : 0.5 * result.stableRateMax;
    if (stats.sampleCount() == 0 || !std::isfinite(result.learningRate)) {
        result.stopReason = StopReason::NoData;
        return result;
    }

    Objective objective(stats);
    std::vector<double> theta(d + 1), grad(d + 1), previous(d + 1);
    for (arma::uword j = 0; j < d; ++j)
        theta[j] = start.weights()(j);
    theta[d] = start.bias();

    const double startLoss = objective.evaluate(theta.data(), grad.data());
    result.lossHistory.push_back(startLoss);
    const double gradientLimit = settings.tolerance * std::max(1.0, norm(grad));
    result.stopReason = StopReason::EpochLimit;
    if (!std::isfinite(startLoss) || !allFinite(grad)) {
        result.diverged = true;
        result.stopReason = StopReason::Diverged;
        return result;
    }

    for (std::size_t epoch = 1; epoch <= settings.maxEpochs; ++epoch) {
        if (norm(grad) <= gradientLimit) {
            result.converged = true;
            result.stopReason = StopReason::Converged;
            break;
        }
        previous = theta;
        for (arma::uword j = 0; j <= d; ++j)
            theta[j] -= result.learningRate * grad[j];
        const double loss = objective.evaluate(theta.data(), grad.data());
        if (!std::isfinite(loss) || !allFinite(theta) || !allFinite(grad)) {
            theta = previous; // show the last step that still had a number
            result.diverged = true;
            result.stopReason = StopReason::Diverged;
            break;
        }
        result.lossHistory.push_back(loss);
        result.epochsRun = epoch;
        if (loss > startLoss) {
            result.diverged = true;
            result.stopReason = StopReason::Diverged;
            break;
        }
    }
    // One last check, so that a run that converged on its final allowed epoch says so.
    if (result.stopReason == StopReason::EpochLimit && norm(grad) <= gradientLimit) {
        result.converged = true;
        result.stopReason = StopReason::Converged;
    }

    arma::vec w(d);
    for (arma::uword j = 0; j < d; ++j)
        w(j) = theta[j];
    result.model = LinearModel(w, theta[d]);
    return result;
}

} // namespace linlab
