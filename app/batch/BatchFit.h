#pragma once
// What `--fit` makes in `linlab --batch`, with its penalty (--alpha), with or without an intercept,
// on every row or on the train rows of --test-fraction, and the held-out numbers: train and test
// metrics, k-fold cross-validation (--cv). Plain C++17.

#include "app/batch/BatchOptions.h"
#include "model/fit/Analysis.h"
#include "model/fit/DataSplit.h"
#include "model/fit/FitSetup.h"
#include "model/fit/HeldOut.h"
#include "model/fit/LeastSquares.h"
#include "model/fit/LinearModel.h"
#include "model/fit/Regression.h"
#include "model/fit/Regularized.h"
#include "model/training/GradientDescent.h"

#include <optional>
#include <string>
#include <vector>

namespace linlab {

/// The model a run reports and how it was made.
struct BatchFitResult {
    LinearModel model;
    bool descent = false; ///< --fit gd: `gd` holds the run
    GradientDescentResult gd;
    RegularizedFit regularized; ///< --fit ridge or lasso
    /// The least squares of the rows fitted (the train rows with a split), through the origin
    /// with --no-intercept: the report's least_squares.
    LeastSquaresResult leastSquares;
    std::optional<TrainTestRows> split; ///< --test-fraction: the rows (0-based, of the used rows)
    Metrics train, test;                ///< the model's metrics on them
    std::optional<CrossValidation> cv;  ///< --cv
    arma::uvec folds;                   ///< --cv: each used row's fold
};

class BatchFit {
public:
    /// `o` with a project's fit settings where the command line gave none: its intercept, its
    /// split's fraction and seed, and its alpha when --fit names its penalty. Throws UsageError
    /// for --bias on a project fitted through the origin.
    static BatchOptions withProjectFit(const BatchOptions& o, const FitSettings& fit);
    /// --weights and --bias into `model` (d weights); throws UsageError for a wrong count.
    static void applyGivenModel(const BatchOptions& o, LinearModel& model);
    /// The fit settings `o` makes, as a project keeps them (the penalty of --fit ridge or lasso).
    static FitSettings settingsOf(const BatchOptions& o);
    /// The --test-fraction split of `rows` used rows (seeded by --seed), or nullopt without one.
    /// Throws UsageError when it leaves no train or no test row, or --cv exceeds the rows.
    static std::optional<TrainTestRows> split(const BatchOptions& o, arma::uword rows);
    /// The report's inference: least squares with or without an intercept, on the train rows
    /// with a split, in the features' units. Without the new options: Regression::ofAnalysis.
    static Regression inference(const BatchOptions& o, const Analysis& analysis,
                                const std::vector<std::string>& names,
                                const std::optional<TrainTestRows>& split);
    /// --fit from `start` on the analysis' rows (its train rows with `split`), then the
    /// held-out metrics and the cross-validation. Without the new options exactly what the
    /// batch always did: the statistics' least squares or GradientDescent::run on every row.
    static BatchFitResult run(const BatchOptions& o, const Analysis& analysis,
                              const LinearModel& start, const std::optional<TrainTestRows>& split);
};

} // namespace linlab
