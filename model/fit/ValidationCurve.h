#pragma once
// Train and held-out error of the window's fit as one setting varies: the polynomial degree of
// one feature (x, x^2, ..., x^k beside the others, transformed as the window transforms) or the
// penalty's alpha. The rows' second moments are summed once per group (the split's train and
// test rows, or the folds of k-fold cross-validation), O(n p^2) for p columns; every point of
// the curve then fits and scores from those sums in O(p^3), never reading the rows again.
// Rows are samples, columns are features. Plain C++17 + Armadillo.

#include "model/data/Transform.h"
#include "model/fit/FitSetup.h"

#include <armadillo>

#include <atomic>
#include <optional>
#include <vector>

namespace linlab {

/// Which rows a curve fits on and which it scores on.
struct CurveGroups {
    arma::uvec group;      ///< each row's group: 0 train / 1 test (split), or its fold
    arma::uword count = 0; ///< the number of groups (2 for a split, k for folds)
    bool split = false;    ///< true: fit on group 0, score on group 1; false: k-fold CV
};

/// One curve: the setting's values and the mean squared errors at each.
struct ValidationCurveResult {
    std::vector<double> values;   ///< degrees 1..K, or the alphas
    std::vector<double> trainMse; ///< on the rows fitted (CV: the mean over the folds)
    std::vector<double> testMse;  ///< on the held-out rows (CV: the mean over the folds)
    bool crossValidated = false;  ///< true: test is the k-fold CV error
};

/// Column sums and cross products of one group's rows, about a common shift.
struct GroupSums {
    arma::uword n = 0;
    arma::vec sum;     ///< of each shifted column (the label last)
    arma::mat product; ///< Z^T Z of the shifted columns
};

class ValidationCurve {
public:
    /// The split's groups from a test mask (1: test row), or k seeded folds when the mask holds
    /// no test row (DataSplit::folds; throws std::invalid_argument for k > n or k < 2).
    static CurveGroups groupsFor(const arma::uvec& testMask, arma::uword folds, std::uint64_t seed);
    /// X with column `column`'s powers 2..maxDegree appended (X itself for maxDegree 1). Throws
    /// std::out_of_range for a column past X's.
    static arma::mat polynomialDesign(const arma::mat& X, arma::uword column,
                                      arma::uword maxDegree);
    /// `count` values from lo to hi evenly spaced in log10 (lo, hi > 0, count >= 2).
    static std::vector<double> logGrid(double lo, double hi, std::size_t count);

    /// Error against degree 1..maxDegree of feature `column` of the raw features X: the powers'
    /// design transformed by `transform` (dummies per `fixed`), then fitted with `settings` on
    /// each group's rows. nullopt when cancelled. Throws std::invalid_argument on bad sizes.
    static std::optional<ValidationCurveResult>
    degrees(const arma::mat& X, const arma::vec& y, arma::uword column, arma::uword maxDegree,
            const TransformSettings& transform, const std::vector<bool>& fixed,
            const FitSettings& settings, const CurveGroups& groups,
            const std::atomic<bool>* cancel = nullptr);
    /// Error against alpha (each of `alphas`) for the (already transformed) features X with
    /// `settings`' penalty (Penalty::None is a flat line). nullopt when cancelled.
    static std::optional<ValidationCurveResult> alphas(const arma::mat& X, const arma::vec& y,
                                                       const std::vector<double>& alphas,
                                                       const FitSettings& settings,
                                                       const CurveGroups& groups,
                                                       const std::atomic<bool>* cancel = nullptr);

    /// Each group's sums of the columns [X y] about the shift `shift` (p + 1 values). nullopt
    /// when cancelled (checked between blocks of rows).
    static std::optional<std::vector<GroupSums>> groupSums(const arma::mat& X, const arma::vec& y,
                                                           const CurveGroups& groups,
                                                           const arma::rowvec& shift,
                                                           const std::atomic<bool>* cancel);
};

} // namespace linlab
