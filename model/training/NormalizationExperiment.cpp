#include "model/training/NormalizationExperiment.h"

#include "model/fit/Analysis.h"
#include "model/training/Conditioning.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace linlab {

namespace {

NormalizationRun runOneSide(const Dataset& data, const TransformSettings& transform,
                            const NormalizationComparisonSettings& settings) {
    NormalizationRun side;
    side.settings = transform;
    const Analysis analysis(data, transform);
    side.transform = analysis.transform();
    side.statistics = analysis.statistics();
    side.bound = side.statistics.stableLearningRate();
    side.rate = settings.rateFraction * side.bound;
    side.gramCondition = centredGramConditionNumber(side.statistics);
    side.hessianCondition = hessianConditionNumber(side.statistics);

    const LinearModel start(data.featureCount());
    GradientDescentSettings gd;
    gd.learningRate = side.rate;
    gd.tolerance = settings.tolerance;
    gd.maxEpochs = settings.maxEpochs;
    gd.maxTrajectoryPoints = std::max<std::size_t>(settings.pathPoints, 2);
    if (data.rowCount() == 0 || !(side.rate > 0)) {
        side.result = GradientDescent::run(side.statistics, start, gd);
        side.path = side.result.trajectory;
        side.pathEpochs = side.result.trajectoryEpochs;
        return side;
    }
    side.result = GradientDescent::run(side.statistics, start, gd);

    // The first epochs one by one (where the path turns), then the thinned rest. Runs are
    // deterministic, so the short run is exactly the long run's beginning.
    GradientDescentSettings head = gd;
    head.maxEpochs = std::min(settings.detailedEpochs, settings.maxEpochs);
    head.maxTrajectoryPoints = head.maxEpochs + 2; // the recorder keeps a place for the final point
    const GradientDescentResult first = GradientDescent::run(side.statistics, start, head);
    side.path = first.trajectory;
    side.pathEpochs = first.trajectoryEpochs;
    const std::size_t last = side.pathEpochs.empty() ? 0 : side.pathEpochs.back();
    for (std::size_t k = 0; k < side.result.trajectory.size(); ++k) {
        if (side.result.trajectoryEpochs[k] > last) {
            side.path.push_back(side.result.trajectory[k]);
            side.pathEpochs.push_back(side.result.trajectoryEpochs[k]);
        }
    }

    const LinearModel& fit = side.result.model;
    side.originalWeights = side.transform.weightsToOriginal(fit.weights());
    side.originalBias = side.transform.biasToOriginal(fit.weights(), fit.bias());
    return side;
}

} // namespace

NormalizationComparisonResult
compareNormalization(const Dataset& data, const NormalizationComparisonSettings& settings) {
    if (!std::isfinite(settings.scale))
        throw std::invalid_argument("compareNormalization: the scale factor must be finite");
    NormalizationComparisonResult result;
    result.raw = runOneSide(data, {settings.scale, Normalization::None, 0}, settings);
    result.zscored = runOneSide(data, {settings.scale, Normalization::ZScore, 0}, settings);
    return result;
}

} // namespace linlab
