#include "model/training/GradientDescent.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

namespace linlab {

const char* stopReasonName(StopReason reason) {
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

double GradientDescentResult::lossAt(std::size_t epoch) const {
    const auto it = std::lower_bound(lossHistoryEpochs.begin(), lossHistoryEpochs.end(), epoch);
    if (it == lossHistoryEpochs.end() || *it != epoch)
        return arma::datum::nan;
    return lossHistory[static_cast<std::size_t>(it - lossHistoryEpochs.begin())];
}

namespace {

// The loss and gradient at theta = (w, b) from the statistics, written out as plain loops so
// that an epoch costs O(d^2) flops and no allocation.
class Objective {
public:
    Objective(const SufficientStatistics& s, const GradientDescentSettings& settings)
        : m_stats(s)
        , m_d(s.featureCount())
        , m_n(static_cast<double>(s.sampleCount()))
        , m_sxx(s.isWide() ? m_noGram : s.centredGram())
        , m_anchor(s.leastSquares().weights)
        , m_mean(s.featureMean())
        , m_meanY(s.labelMean())
        , m_anchorGrad(s.anchorCross())
        , m_anchorSse(s.anchorSse())
        , m_sd(m_d)
        , m_penalty(settings.ridgeAlpha / m_n)
        , m_intercept(settings.intercept) {}

    double evaluate(const double* theta, double* grad) {
        const double* w = theta;
        const double b = theta[m_d];
        // Extended precision, as SufficientStatistics::meanResidual: large terms, small sum.
        long double sum = static_cast<long double>(b) - static_cast<long double>(m_meanY);
        for (arma::uword j = 0; j < m_d; ++j)
            sum += static_cast<long double>(m_mean[j]) * static_cast<long double>(w[j]);
        const double delta = static_cast<double>(sum);
        double sse = m_anchorSse;
        if (m_stats.isWide()) {
            gramTimesThroughData(w);
        } else {
            for (arma::uword i = 0; i < m_d; ++i) {
                double acc = 0.0;
                for (arma::uword j = 0; j < m_d; ++j)
                    acc += m_sxx(i, j) * (w[j] - m_anchor[j]);
                m_sd[i] = acc;
            }
        }
        for (arma::uword i = 0; i < m_d; ++i) {
            const double dw = w[i] - m_anchor[i];
            sse += dw * m_sd[i] + 2.0 * dw * m_anchorGrad[i];
            grad[i] = (2.0 / m_n) * (m_sd[i] + m_anchorGrad[i]) + 2.0 * delta * m_mean[i];
        }
        grad[m_d] = m_intercept ? 2.0 * delta : 0.0; // through the origin b stays at 0
        const double meanSquare = sse / m_n;         // as SufficientStatistics::mse: NaN stays NaN
        const double loss = (meanSquare < 0.0 ? 0.0 : meanSquare) + delta * delta;
        if (m_penalty == 0.0)
            return loss; // exactly the MSE's numbers without a penalty
        double squares = 0.0;
        for (arma::uword i = 0; i < m_d; ++i) {
            grad[i] += 2.0 * m_penalty * w[i];
            squares += w[i] * w[i];
        }
        return loss + m_penalty * squares;
    }

private:
    // Wide data keeps no Gram matrix: Sxx (w - p) through the centred data, O(n d) not O(d^2).
    void gramTimesThroughData(const double* w) {
        arma::vec dw(m_d);
        for (arma::uword j = 0; j < m_d; ++j)
            dw[j] = w[j] - m_anchor[j];
        const arma::vec product = m_stats.gramTimes(dw);
        std::copy(product.begin(), product.end(), m_sd.begin());
    }

    const SufficientStatistics& m_stats;
    const arma::mat m_noGram;
    arma::uword m_d;
    double m_n;
    const arma::mat& m_sxx;
    arma::vec m_anchor;
    arma::rowvec m_mean;
    double m_meanY;
    arma::vec m_anchorGrad;
    double m_anchorSse;
    std::vector<double> m_sd;
    double m_penalty; // ridgeAlpha / n
    bool m_intercept;
};

double norm(const std::vector<double>& v) {
    double s = 0.0;
    for (double x : v)
        s += x * x;
    return std::sqrt(s);
}

bool allFinite(const std::vector<double>& v) {
    for (double x : v)
        if (!std::isfinite(x))
            return false;
    return true;
}

// A uniform integer in [0, bound) from the generator's raw 64-bit output, by rejection: the
// standard distributions are implementation-defined, this is the same on every platform.
std::uint64_t uniformBelow(std::mt19937_64& rng, std::uint64_t bound) {
    const std::uint64_t threshold = (0 - bound) % bound; // 2^64 mod bound: the biased low end
    for (;;) {
        const std::uint64_t r = rng();
        if (r >= threshold)
            return r % bound;
    }
}

// Fisher-Yates, from the top down.
void shuffle(std::vector<arma::uword>& order, std::mt19937_64& rng) {
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[uniformBelow(rng, i)]);
}

// Keeps values (`width` numbers a point) at epochs 0, s, 2s, ... in a buffer reserved once;
// when it is full it drops every other point and doubles s, so a run of any length ends with at
// most `maxPoints` evenly spaced points, the final one included: memory does not depend on the
// epoch count. The trajectory keeps one place for the final point (its points thin one epoch
// earlier, as they always have); the loss history does not, so a run of up to maxPoints
// epochs-and-start keeps every loss.
class StrideRecorder {
public:
    enum class LastPlace { Reserved, Shared };

    StrideRecorder(std::size_t maxPoints, std::size_t width, LastPlace last,
                   std::size_t expectedPoints)
        : m_width(width)
        , m_maxPoints(std::max<std::size_t>(maxPoints, 2))
        , m_capacity(last == LastPlace::Reserved ? m_maxPoints - 1 : m_maxPoints) {
        const std::size_t reserve =
            std::min(m_capacity + 1, std::max<std::size_t>(expectedPoints, 1));
        m_values.reserve(reserve * m_width);
        m_epochs.reserve(reserve);
    }

    /// Records the values at `epoch` if the epoch is on the stride; epochs come in increasing
    /// order.
    void offer(std::size_t epoch, const double* values) {
        if (epoch != m_next)
            return;
        if (m_epochs.size() == m_capacity) {
            thin();
            m_next = m_epochs.back() + m_stride;
            if (epoch != m_next)
                return;
        }
        store(epoch, values);
        m_next = epoch + m_stride;
    }

    /// Adds the final point (unless already there), thinning once more if there is no room.
    void finish(std::size_t epoch, const double* values) {
        if (!m_epochs.empty() && m_epochs.back() == epoch)
            return;
        if (m_epochs.size() == m_maxPoints)
            thin();
        store(epoch, values);
    }

    const std::vector<std::size_t>& epochs() const { return m_epochs; }
    const std::vector<double>& values() const { return m_values; }

private:
    void store(std::size_t epoch, const double* values) {
        m_epochs.push_back(epoch);
        m_values.insert(m_values.end(), values, values + m_width);
    }

    void thin() {
        std::size_t kept = 0;
        for (std::size_t k = 0; k < m_epochs.size(); k += 2, ++kept) {
            m_epochs[kept] = m_epochs[k];
            std::copy_n(m_values.begin() + static_cast<std::ptrdiff_t>(k * m_width), m_width,
                        m_values.begin() + static_cast<std::ptrdiff_t>(kept * m_width));
        }
        m_epochs.resize(kept);
        m_values.resize(kept * m_width);
        m_stride *= 2;
    }

    std::size_t m_width;
    std::size_t m_maxPoints;
    std::size_t m_capacity; // points kept before a new one on the stride thins them
    std::size_t m_stride = 1;
    std::size_t m_next = 0;
    std::vector<double> m_values; // m_epochs.size() rows of m_width
    std::vector<std::size_t> m_epochs;
};

// The points of the parameters, as the result holds them.
void takeTrajectory(const StrideRecorder& recorder, std::size_t width,
                    GradientDescentResult& result) {
    result.trajectoryEpochs = recorder.epochs();
    result.trajectory.clear();
    result.trajectory.reserve(recorder.epochs().size());
    for (std::size_t k = 0; k < recorder.epochs().size(); ++k)
        result.trajectory.emplace_back(&recorder.values()[k * width], width);
}

void checkSettings(const SufficientStatistics& stats, const LinearModel& start,
                   const GradientDescentSettings& settings) {
    const arma::uword d = stats.featureCount();
    if (start.weights().n_elem != d)
        throw std::invalid_argument(
            "GradientDescent::run: " + std::to_string(start.weights().n_elem) + " weights for " +
            std::to_string(d) + " features");
    if (!(settings.momentum >= 0.0 && settings.momentum < 1.0))
        throw std::invalid_argument("GradientDescent::run: momentum " +
                                    std::to_string(settings.momentum) + " is outside [0, 1)");
    if (!(settings.ridgeAlpha >= 0.0) || !std::isfinite(settings.ridgeAlpha))
        throw std::invalid_argument("GradientDescent::run: the ridge penalty must be 0 or more");
}

// 2 / lambda_max of the Hessian of the loss run: the statistics' own bound for the plain MSE
// (bit for bit as before). A penalty adds (2 alpha / n) I to the weights' block; through the
// origin only that block counts. Wide data forms no Hessian: the full MSE bound plus the
// penalty's, an upper bound on lambda_max (the weights' block cannot exceed the whole).
double penalisedStableRate(const SufficientStatistics& stats,
                           const GradientDescentSettings& settings) {
    const double base = stats.stableLearningRate();
    if (settings.ridgeAlpha == 0.0 && settings.intercept)
        return base;
    const double n = static_cast<double>(stats.sampleCount());
    const double penalty = 2.0 * settings.ridgeAlpha / n;
    const arma::uword d = stats.featureCount();
    if (stats.isWide() || d == 0 || !std::isfinite(base))
        return 2.0 / (2.0 / base + penalty);
    arma::mat H = stats.hessian();
    for (arma::uword j = 0; j < d; ++j)
        H(j, j) += penalty;
    if (!settings.intercept)
        H = H.submat(0, 0, d - 1, d - 1);
    arma::vec lambda;
    if (!H.is_finite() || !arma::eig_sym(lambda, H) || lambda.max() <= 0)
        return arma::datum::nan;
    return 2.0 / lambda.max();
}

// The loop shared by full batch and mini-batch: `epochStep(theta, velocity, grad, rate)` moves
// theta through one epoch, given the full gradient at its start; the loss, the stopping rules
// and the records are the same for both, from the statistics in O(d^2). `monotone` is true for
// plain full-batch descent, whose loss never rises at a stable rate: any rise then means the
// rate is past the bound. Heavy ball and mini-batches may rise for a while and still converge,
// so they only count as diverged past GradientDescent::kDivergenceLossFactor times the start.
template <typename EpochStep>
GradientDescentResult descend(const SufficientStatistics& stats, const LinearModel& start,
                              const GradientDescentSettings& settings, bool monotone,
                              EpochStep&& epochStep) {
    checkSettings(stats, start, settings);
    const arma::uword d = stats.featureCount();
    GradientDescentResult result;
    result.model = start;
    result.stableRateMax = penalisedStableRate(stats, settings);
    result.learningRate =
        settings.learningRate > 0 ? settings.learningRate : 0.5 * result.stableRateMax;

    std::vector<double> theta(d + 1), grad(d + 1), previous(d + 1), velocity(d + 1, 0.0);
    for (arma::uword j = 0; j < d; ++j)
        theta[j] = start.weights()(j);
    theta[d] = settings.intercept ? start.bias() : 0.0;
    const std::size_t expectedPoints =
        settings.maxEpochs < std::numeric_limits<std::size_t>::max() - 1 ? settings.maxEpochs + 1
                                                                         : settings.maxEpochs;
    StrideRecorder trajectory(settings.maxTrajectoryPoints, d + 1,
                              StrideRecorder::LastPlace::Reserved, expectedPoints);
    trajectory.offer(0, theta.data());
    auto finishTrajectory = [&](std::size_t epoch) {
        trajectory.finish(epoch, theta.data());
        takeTrajectory(trajectory, d + 1, result);
    };

    if (stats.sampleCount() == 0) {
        result.stopReason = StopReason::NoData;
        finishTrajectory(0);
        return result;
    }
    if (!std::isfinite(result.learningRate)) {
        // Data whose curvature overflows (values near 1e300): no step can be taken.
        result.diverged = true;
        result.stopReason = StopReason::Diverged;
        finishTrajectory(0);
        return result;
    }

    Objective objective(stats, settings);
    double loss = objective.evaluate(theta.data(), grad.data());
    const double startLoss = loss;
    StrideRecorder losses(settings.maxLossHistoryPoints, 1, StrideRecorder::LastPlace::Shared,
                          expectedPoints);
    losses.offer(0, &loss);
    auto finishLosses = [&] {
        losses.finish(result.epochsRun, &loss);
        result.lossHistory = losses.values();
        result.lossHistoryEpochs = losses.epochs();
    };
    const double gradientLimit = settings.tolerance * std::max(1.0, norm(grad));
    result.stopReason = StopReason::EpochLimit;
    if (!std::isfinite(startLoss) || !allFinite(grad)) {
        result.diverged = true;
        result.stopReason = StopReason::Diverged;
        finishLosses();
        finishTrajectory(0);
        return result;
    }

    for (std::size_t epoch = 1; epoch <= settings.maxEpochs; ++epoch) {
        if (norm(grad) <= gradientLimit) {
            result.converged = true;
            result.stopReason = StopReason::Converged;
            break;
        }
        previous = theta;
        epochStep(theta, velocity, grad, result.learningRate);
        const double next = objective.evaluate(theta.data(), grad.data());
        if (!std::isfinite(next) || !allFinite(theta) || !allFinite(grad)) {
            theta = previous; // show the last step that still had a number
            result.diverged = true;
            result.stopReason = StopReason::Diverged;
            break;
        }
        loss = next;
        losses.offer(epoch, &loss);
        result.epochsRun = epoch;
        trajectory.offer(epoch, theta.data());
        if (monotone ? loss > startLoss
                     : loss > GradientDescent::kDivergenceLossFactor * startLoss) {
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

    finishLosses();
    finishTrajectory(result.epochsRun);
    arma::vec w(d);
    for (arma::uword j = 0; j < d; ++j)
        w(j) = theta[j];
    result.model = LinearModel(w, theta[d]);
    return result;
}

// One step along `grad`: plain, or heavy ball with momentum mu.
inline void step(std::vector<double>& theta, std::vector<double>& velocity, const double* grad,
                 double rate, double mu) {
    const std::size_t k = theta.size();
    if (mu == 0.0) {
        // Exactly the plain update, so that momentum 0 is plain descent bit for bit.
        for (std::size_t j = 0; j < k; ++j)
            theta[j] -= rate * grad[j];
    } else {
        for (std::size_t j = 0; j < k; ++j) {
            velocity[j] = mu * velocity[j] - rate * grad[j];
            theta[j] += velocity[j];
        }
    }
}

} // namespace

GradientDescentResult GradientDescent::run(const SufficientStatistics& stats,
                                           const LinearModel& start,
                                           const GradientDescentSettings& settings) {
    const double mu = settings.momentum;
    return descend(stats, start, settings, mu == 0.0,
                   [mu](std::vector<double>& theta, std::vector<double>& velocity,
                        const std::vector<double>& grad,
                        double rate) { step(theta, velocity, grad.data(), rate, mu); });
}

GradientDescentResult GradientDescent::run(const SufficientStatistics& stats, const arma::mat& X,
                                           const arma::vec& y, const LinearModel& start,
                                           const GradientDescentSettings& settings) {
    const arma::uword n = X.n_rows, d = X.n_cols;
    if (y.n_elem != n || n != stats.sampleCount() || d != stats.featureCount())
        throw std::invalid_argument(
            "GradientDescent::run: X is " + std::to_string(n) + " x " + std::to_string(d) +
            " with " + std::to_string(y.n_elem) + " labels, the statistics are of " +
            std::to_string(stats.sampleCount()) + " x " + std::to_string(stats.featureCount()));
    if (settings.batchSize == 0 || settings.batchSize >= n)
        return run(stats, start, settings);
    checkSettings(stats, start, settings);

    const double mu = settings.momentum;
    const std::size_t batch = settings.batchSize;
    std::mt19937_64 rng(settings.seed);
    std::vector<arma::uword> order(n);
    for (arma::uword i = 0; i < n; ++i)
        order[i] = i;
    std::vector<double> batchGrad(d + 1);
    const double penalty = settings.ridgeAlpha / static_cast<double>(n); // as Objective's
    return descend(stats, start, settings, false,
                   [&](std::vector<double>& theta, std::vector<double>& velocity,
                       const std::vector<double>&, double rate) {
                       shuffle(order, rng);
                       for (std::size_t first = 0; first < n; first += batch) {
                           const std::size_t last = std::min<std::size_t>(first + batch, n);
                           std::fill(batchGrad.begin(), batchGrad.end(), 0.0);
                           for (std::size_t r = first; r < last; ++r) {
                               const arma::uword i = order[r];
                               double e = theta[d] - y(i);
                               for (arma::uword j = 0; j < d; ++j)
                                   e += X(i, j) * theta[j];
                               for (arma::uword j = 0; j < d; ++j)
                                   batchGrad[j] += e * X(i, j);
                               batchGrad[d] += e;
                           }
                           // The batch's true gradient: (2/|B|) X_B^T e_B and (2/|B|) sum(e_B).
                           const double scale = 2.0 / static_cast<double>(last - first);
                           for (double& g : batchGrad)
                               g *= scale;
                           for (arma::uword j = 0; j < d && penalty != 0.0; ++j)
                               batchGrad[j] += 2.0 * penalty * theta[j];
                           if (!settings.intercept)
                               batchGrad[d] = 0.0;
                           step(theta, velocity, batchGrad.data(), rate, mu);
                       }
                   });
}

double GradientDescent::stableRate(const SufficientStatistics& stats,
                                   const GradientDescentSettings& settings) {
    return penalisedStableRate(stats, settings);
}

} // namespace linlab
