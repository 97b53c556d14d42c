#pragma once
// How the window fits its model: the penalty and its alpha, with or without an intercept, on
// every row or on the train rows of a seeded split, and the held-out numbers that follow. The
// document holds one FitSetup beside its analysis; the batch's BatchFit makes the same choices
// from its options. Plain C++17 + Armadillo.

#include "model/fit/Analysis.h"
#include "model/fit/DataSplit.h"
#include "model/fit/HeldOut.h"
#include "model/fit/LinearModel.h"
#include "model/fit/Regularized.h"
#include "model/fit/SufficientStatistics.h"

#include <armadillo>

#include <cstdint>
#include <optional>

namespace linlab {

/// What a fit minimises and on which rows.
struct FitSettings {
    Penalty penalty = Penalty::None;
    double alpha = 1.0;      ///< scikit-learn's alpha (used by ridge and lasso only)
    bool intercept = true;   ///< false: through the origin, the bias fixed at 0 everywhere
    double testFraction = 0; ///< 0: no split; else the share of rows held out (0 < f < 1)
    std::uint64_t seed = 0;  ///< the split's and the folds' seed (DataSplit)
    arma::uword cvFolds = 5; ///< k of k-fold cross-validation
    bool operator==(const FitSettings& o) const {
        return penalty == o.penalty && alpha == o.alpha && intercept == o.intercept &&
               testFraction == o.testFraction && seed == o.seed && cvFolds == o.cvFolds;
    }
    bool operator!=(const FitSettings& o) const { return !(*this == o); }
};

/// The model's metrics on the train and the test rows (train only, test NaN, without a split).
struct HeldOutMetrics {
    Metrics train;
    Metrics test;
};

class FitSetup {
public:
    /// Rows at most this many: held-out metrics from the rows (MAE included); more: MSE, RMSE
    /// and R^2 from the train and test statistics in O(d^2), MAE NaN.
    static constexpr arma::uword kDirectRows = 50000;

    /// The settings; throws std::invalid_argument for an alpha < 0 or not finite, a test
    /// fraction outside [0, 1) or fewer than 2 folds.
    static void check(const FitSettings& settings);

    /// Takes `settings` and `analysis` (whose rows changed, or the settings did): the split and
    /// the train and test statistics are rebuilt (O(n d^2) with a split, nothing without).
    void update(const Analysis& analysis, const FitSettings& settings);
    /// The same when only the settings change (the analysis is the one of the last update()):
    /// the split is rebuilt only when its fraction or seed changed, so an alpha drag is O(1).
    void changeSettings(const Analysis& analysis, const FitSettings& settings);
    const FitSettings& settings() const { return m_settings; }
    /// True when some rows are held out (a test fraction that leaves train and test rows).
    bool hasSplit() const { return m_split.has_value(); }
    /// The split's rows (of the analysis' rows, 0-based, ascending); only with hasSplit().
    const TrainTestRows& split() const { return *m_split; }
    /// One flag per analysis row: 1 for a test row (all 0 without a split).
    const arma::uvec& testMask() const { return m_testMask; }
    /// The statistics every fit uses: the train rows' with a split, else the analysis' own.
    const SufficientStatistics& fitStatistics(const Analysis& analysis) const;
    /// The test rows' statistics; only with hasSplit().
    const SufficientStatistics& testStatistics() const { return m_testStats; }

    /// The model of the settings' fit on fitStatistics(): least squares (through the origin
    /// without an intercept), ridge or lasso (warm-started from `start` when its size fits);
    /// nullopt when it cannot be made (no rows, not finite).
    std::optional<LinearModel> fit(const Analysis& analysis, const LinearModel& start) const;
    /// The objective the settings minimise at `model`, on the fit rows, in scikit-learn's units
    /// (Regularized::loss: the MSE without a penalty).
    double objective(const Analysis& analysis, const LinearModel& model) const;
    /// `model`'s train and test metrics.
    HeldOutMetrics metrics(const Analysis& analysis, const LinearModel& model) const;
    /// k-fold cross-validation (settings().cvFolds, seeded) of the settings' fit over the
    /// analysis' rows (the train rows with a split). Throws std::invalid_argument when there are
    /// fewer rows than folds. O(k n d^2).
    CrossValidation crossValidate(const Analysis& analysis) const;

    /// The settings' fit on statistics `s` (as fit()).
    static std::optional<LinearModel> fitOn(const SufficientStatistics& s,
                                            const FitSettings& settings, const LinearModel& start);

private:
    FitSettings m_settings;
    std::optional<TrainTestRows> m_split;
    arma::uvec m_testMask;
    SufficientStatistics m_trainStats, m_testStats;
};

} // namespace linlab
