#pragma once
// Gradient descent on the MSE. Full batch runs on the centred sufficient statistics with the
// true gradient: O(d^2) per epoch whatever the number of rows. Mini-batch SGD needs the rows;
// it still records the full loss from the statistics. Both may add heavy-ball momentum.
// Plain C++17 + Armadillo.

#include "model/fit/LinearModel.h"
#include "model/fit/SufficientStatistics.h"

#include <armadillo>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace linlab {

/// Why a gradient-descent run stopped.
enum class StopReason { Converged, EpochLimit, Diverged, NoData };

/// "converged", "epoch_limit", "diverged" or "no_data".
const char* stopReasonName(StopReason reason);

struct GradientDescentSettings {
    double learningRate = 0.0;     ///< step size; 0 or less: half the stable bound 2/lambda_max
    std::size_t maxEpochs = 10000; ///< at most this many steps
    double tolerance =
        1e-9; ///< converged when |gradient| <= tolerance * max(1, |gradient at start|)
    double momentum =
        0.0; ///< heavy ball, in [0, 1): v <- momentum v - rate gradient; theta <- theta + v
    std::size_t batchSize = 0; ///< rows per SGD step; 0 (or n and up): full batch
    std::uint64_t seed = 1;    ///< seeds the SGD row shuffle (std::mt19937_64): same seed, same run
    std::size_t maxTrajectoryPoints = 1000; ///< at most this many trajectory points (2 at least)
    /// At most this many loss-history points (2 at least): every epoch of a run of the default
    /// 10,000 epochs, then thinned as the trajectory is.
    std::size_t maxLossHistoryPoints = 10001;
    /// Ridge penalty: the run minimises MSE + (ridgeAlpha / n) |w|^2, scikit-learn's Ridge
    /// objective divided by n (the same minimiser); 0: plain MSE. The bias is not penalised.
    double ridgeAlpha = 0.0;
    /// False: through the origin, the bias fixed at 0 (the start's bias is not used).
    bool intercept = true;
};

struct GradientDescentResult {
    LinearModel model;          ///< the model where the run stopped (the last finite step)
    double learningRate = 0.0;  ///< the rate used
    double stableRateMax = 0.0; ///< 2 / lambda_max of the Hessian of the loss minimised
    /// The loss at the start and after every epoch run while they fit in maxLossHistoryPoints;
    /// past that, at every stride-th epoch (the stride doubling as needed) and the last epoch.
    std::vector<double> lossHistory;
    std::vector<std::size_t> lossHistoryEpochs; ///< the epoch of each lossHistory point (0 = start)
    std::size_t epochsRun = 0;
    bool converged = false;
    bool diverged = false;
    StopReason stopReason = StopReason::EpochLimit;
    /// (w..., b) at the start and every stride-th epoch, the stride doubling as needed to stay
    /// within maxTrajectoryPoints; the last point is always the final model.
    std::vector<arma::vec> trajectory;
    std::vector<std::size_t> trajectoryEpochs; ///< the epoch of each trajectory point (0 = start)

    /// The loss after `epoch` (0: the start) if the history kept it, else NaN. With fewer
    /// trajectory points than loss-history points (the defaults), every trajectory epoch is kept.
    double lossAt(std::size_t epoch) const;
    /// True when the loss history holds every epoch it covers (no thinning happened).
    bool lossHistoryComplete() const {
        return lossHistoryEpochs.empty() || lossHistoryEpochs.back() + 1 == lossHistory.size();
    }
};

/// When a run counts as diverged (it stops there, with StopReason::Diverged):
///  - always: a loss, weight or gradient that is not finite (the last finite step is kept), or
///    a Hessian that overflows, so that no stable rate exists (values near 1e300; no step taken);
///  - plain full-batch descent (momentum 0): the loss rises above its starting value. At a
///    stable rate the full gradient step never raises the loss, so a rise means the rate is past
///    the bound 2 / lambda_max;
///  - heavy ball (momentum > 0) or mini-batch SGD: the loss exceeds kDivergenceLossFactor times its
///    starting value. Both can overshoot for a while and still converge (momentum 0.99 rises
///    above the start within a few epochs on z-scored lesson data), so a rise alone proves nothing.
class GradientDescent {
public:
    /// Momentum and SGD runs count as diverged when the loss exceeds this multiple of the start.
    static constexpr double kDivergenceLossFactor = 1e6;

    /// Runs full-batch gradient descent from `start` on the data summarised by `stats` (batchSize
    /// is not used: batches need the rows). Throws std::invalid_argument when the start's weight
    /// count differs from the data's features, the momentum is outside [0, 1) or the ridge
    /// penalty is negative.
    static GradientDescentResult run(const SufficientStatistics& stats, const LinearModel& start,
                                     const GradientDescentSettings& settings);
    /// As above, with mini-batches of settings.batchSize rows of (X, y), shuffled every epoch;
    /// full batch from `stats` when batchSize is 0 or at least n. `stats` must summarise (X, y).
    /// Throws std::invalid_argument on mismatched sizes or settings as above.
    static GradientDescentResult run(const SufficientStatistics& stats, const arma::mat& X,
                                     const arma::vec& y, const LinearModel& start,
                                     const GradientDescentSettings& settings);
    /// 2 / lambda_max of the Hessian of the loss `settings` run (the ridge penalty's (2 alpha / n)
    /// I on the weights' block; the weights' block alone through the origin): the full-batch stable
    /// rate, what a run's stableRateMax holds. NaN when none exists.
    static double stableRate(const SufficientStatistics& stats,
                             const GradientDescentSettings& settings);
};

} // namespace linlab
