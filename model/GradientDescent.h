#pragma once
// Full-batch gradient descent on the MSE, with the true gradient, computed from the centred
// sufficient statistics: O(d^2) per epoch whatever the number of rows. Plain C++17 + Armadillo.

#include "LinearModel.h"
#include "SufficientStatistics.h"

#include <armadillo>
#include <cstddef>
#include <vector>

namespace linlab {

/// Why a gradient-descent run stopped.
enum class StopReason { Converged, EpochLimit, Diverged, NoData };

/// "converged", "epoch_limit", "diverged" or "no_data".
const char* stopReasonName(StopReason reason);

struct GradientDescentSettings {
    double learningRate = 0.0;     ///< step size; 0 or less: half the stable bound 2/lambda_max
    std::size_t maxEpochs = 10000; ///< at most this many steps
    double tolerance = 1e-9;       ///< converged when |gradient| <= tolerance * max(1, |gradient at start|)
};

struct GradientDescentResult {
    LinearModel model;                ///< the model where the run stopped (the last finite step)
    double learningRate = 0.0;        ///< the rate used
    double stableRateMax = 0.0;       ///< 2 / lambda_max of the MSE Hessian
    std::vector<double> lossHistory;  ///< the loss at the start and after every epoch run
    std::size_t epochsRun = 0;
    bool converged = false;
    bool diverged = false;
    StopReason stopReason = StopReason::EpochLimit;
};

class GradientDescent {
public:
    /// Runs gradient descent from `start` on the data summarised by `stats`. Throws
    /// std::invalid_argument when the start's weight count differs from the data's features.
    static GradientDescentResult run(const SufficientStatistics& stats, const LinearModel& start,
                                     const GradientDescentSettings& settings);
};

} // namespace linlab
