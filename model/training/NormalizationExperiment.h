#pragma once
// The raw-versus-z-scored experiment: full-batch descent on the raw and on the z-scored features,
// each at the same fraction of its own stable bound, so the epochs and paths can be compared.
// Plain C++17 + Armadillo.

#include "model/data/Dataset.h"
#include "model/data/Transform.h"
#include "model/fit/SufficientStatistics.h"
#include "model/training/GradientDescent.h"

#include <armadillo>
#include <cstddef>
#include <vector>

namespace linlab {

/// One side of the normalisation experiment.
struct NormalizationRun {
    TransformSettings settings;
    Transform transform;
    SufficientStatistics statistics;
    GradientDescentResult result;               ///< full-batch descent from w = 0, b = 0
    double rate = arma::datum::nan;             ///< the rate used: rateFraction x 2 / lambda_max
    double bound = arma::datum::nan;            ///< 2 / lambda_max of this side's Hessian
    double gramCondition = arma::datum::nan;    ///< centredGramConditionNumber
    double hessianCondition = arma::datum::nan; ///< hessianConditionNumber
    arma::vec originalWeights;                  ///< the fit mapped back to the original units
    double originalBias = arma::datum::nan;
    /// The path: every epoch of the first detailedEpochs, then evenly thinned to the end.
    std::vector<arma::vec> path;
    std::vector<std::size_t> pathEpochs;
};

struct NormalizationComparisonSettings {
    double scale = 1.0;        ///< the document's scale factor, applied to both sides
    double rateFraction = 0.5; ///< of each side's own bound 2 / lambda_max (0.5: 1 / lambda_max)
    double tolerance = 1e-9;   ///< as GradientDescentSettings::tolerance, the same for both
    std::size_t maxEpochs = 2000000;  ///< cap on each run
    std::size_t detailedEpochs = 400; ///< epochs kept one by one at the start of each path
    std::size_t pathPoints = 1500;    ///< points kept over the rest of each path
};

struct NormalizationComparisonResult {
    NormalizationRun raw;     ///< Normalization::None
    NormalizationRun zscored; ///< Normalization::ZScore, ddof 0
};

/// Runs full-batch descent on the raw and on the z-scored features of `data`, each at the same
/// fraction of its own stable bound, from zero, with the same tolerance. Throws
/// std::invalid_argument on a scale that is not finite.
NormalizationComparisonResult compareNormalization(const Dataset& data,
                                                   const NormalizationComparisonSettings& settings);

} // namespace linlab
