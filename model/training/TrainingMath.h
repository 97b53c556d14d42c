#pragma once
// The numbers behind the training view: condition numbers, stable-rate bounds and suggestions,
// the window a loss landscape is drawn over, and the raw-versus-z-scored experiment. The widgets
// only draw what these return. Plain C++17 + Armadillo.

#include "model/data/Dataset.h"
#include "model/data/Transform.h"
#include "model/fit/LinearModel.h"
#include "model/fit/SufficientStatistics.h"
#include "model/training/GradientDescent.h"

#include <armadillo>
#include <cstddef>
#include <utility>
#include <vector>

namespace linlab {

/// lambda_max / lambda_min of a symmetric positive semi-definite matrix: infinity when it is
/// singular (lambda_min <= 1e-15 lambda_max), NaN when empty, not finite or all zero.
double conditionNumber(const arma::mat& symmetric);
/// Condition number of the centred Gram matrix Xc^T Xc (the features' shape, bias left out).
double centredGramConditionNumber(const SufficientStatistics& stats);
/// Condition number of the MSE Hessian over (w, b): what gradient descent feels, the bias's
/// coupling to uncentred features included.
double hessianConditionNumber(const SufficientStatistics& stats);

/// The largest stable rate of full-batch descent with heavy-ball momentum mu on this MSE:
/// 2 (1 + mu) / lambda_max (2 / lambda_max for plain descent). NaN with no data.
double stableRateBound(const SufficientStatistics& stats, double momentum);
/// `value` > 0 rounded down to `digits` significant digits (0.0373134 -> 0.0373), so a
/// suggestion under a bound stays under it and reads like a number a person would type.
double roundDownSignificant(double value, int digits);
/// The rate to suggest after a divergence: half the bound, rounded down to 3 digits.
double suggestedRate(double bound);
/// Epochs plain descent needs at rate 1/lambda_max to shrink the gradient by `tolerance`, at
/// most: ln(1/tolerance) / -ln(1 - 1/kappa), kappa the Hessian's condition number.
double epochsToConvergeBound(double kappa, double tolerance);

/// The shortest decimal within `tolerance` of `value` (the value itself when none is shorter),
/// so a dragged point lands on "4.25", not "4.2517361".
double shortestDecimal(double value, double tolerance);

/// Parameter k of a model: weight k, or the bias when k == number of weights.
double parameterValue(const LinearModel& model, arma::uword k);
/// `model` with parameter i set to xi and parameter j set to yj (k == d is the bias).
LinearModel withParameters(const LinearModel& model, arma::uword i, double xi, arma::uword j,
                           double yj);

/// The rectangle a loss landscape is drawn over.
struct LandscapeWindow {
    double xMin = -1, xMax = 1;
    double yMin = -1, yMax = 1;
    bool contains(double x, double y) const {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }
};

/// How far parameter k must move alone, from the optimum, to raise the MSE by the label's
/// variance (the loss of always predicting the mean): sqrt(2 var(y) / H_kk). 1 when undefined.
double parameterScale(const SufficientStatistics& stats, arma::uword k);

/// A window over parameters (i, j) centred on the middle of `points` (non-finite ones ignored),
/// reaching 25% past them on each side and at least parameterScale() from the centre. With
/// `equalAspect` both sides get the larger half-width, so circles stay round at equal scales.
LandscapeWindow landscapeWindow(const SufficientStatistics& stats, arma::uword i, arma::uword j,
                                const std::vector<std::pair<double, double>>& points,
                                bool equalAspect = false);

/// Condition number of the 2 x 2 block of the MSE Hessian over parameters (i, j): how stretched
/// the ellipses of a landscape over those two parameters are (1: circles).
double sliceConditionNumber(const SufficientStatistics& stats, arma::uword i, arma::uword j);
/// The pair (i < j; j == d is the bias) whose slice is stretched most in `a` relative to `b`:
/// where drawing both shows best what changed. (0, 1) with too few parameters or no data.
std::pair<arma::uword, arma::uword> mostChangedSlice(const SufficientStatistics& a,
                                                     const SufficientStatistics& b);

/// The lowest point of the MSE over parameters (i, j), the others held at `model`'s values:
/// the bottom of the bowl a landscape shows. False when that slice has no unique minimum.
bool sliceMinimum(const SufficientStatistics& stats, const LinearModel& model, arma::uword i,
                  arma::uword j, double& x, double& y);

/// The colour range for `values`: smallest to largest finite value; with `logarithmic`, from
/// the smallest positive value (at least 1e-6 of the largest) instead. (0, 1) when there is no
/// usable value; always lower < upper.
std::pair<double, double> colorRange(const arma::mat& values, bool logarithmic);

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
