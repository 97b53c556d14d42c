#pragma once
// The lesson's pipeline on one dataset: scale and normalise the features, summarise them in
// sufficient statistics, and evaluate any linear model on them. Rows are samples, columns are
// features. The batch command line and the window both use this, so they show the same numbers.
// Plain C++17 + Armadillo.

#include "model/data/Dataset.h"
#include "model/data/Transform.h"
#include "model/fit/LinearModel.h"
#include "model/fit/SufficientStatistics.h"

#include <armadillo>

#include <atomic>
#include <optional>

namespace linlab {

/// Plots draw at most this many rows: rows 0, k, 2k, ... for the step k below (a faithful sample).
/// The one home of the display-row cap: the document, the plots and their legends read it here.
constexpr arma::uword kMaxDisplayRows = 20000;
/// The smallest step k that keeps ceil(n / k) rows within kMaxDisplayRows (1: every row).
constexpr arma::uword displayStep(arma::uword n) {
    return n > kMaxDisplayRows ? (n + kMaxDisplayRows - 1) / kMaxDisplayRows : 1;
}

/// Everything that follows from one model on the transformed data, computed directly (O(n d)).
struct Evaluation {
    arma::vec predictions;      ///< X w + b, for rows 0, sampleStep, 2 sampleStep, ...
    arma::vec residuals;        ///< prediction - label, for the same rows
    arma::uword sampleStep = 1; ///< 1: predictions and residuals hold every row
    Metrics metrics;            ///< MSE, RMSE, MAE, R2
    Gradient gradient;          ///< true gradient of the MSE
    arma::vec lessonGradient;   ///< the lesson's X^T e / n
    double distanceToLeastSquares = arma::datum::nan; ///< |(w, b) - (w*, b*)|, Euclidean
    double excessLoss = arma::datum::nan;             ///< MSE - MSE of the least-squares fit
};

/// The mean absolute error of every row, and of a split's train and test rows.
struct SplitMae {
    double all = arma::datum::nan;
    double train = arma::datum::nan;
    double test = arma::datum::nan;
};

class Analysis {
public:
    /// No data.
    Analysis() = default;
    /// Fits the transform to the dataset's features (its dummies left as they are: Transform's
    /// fixed columns), applies it and computes the statistics.
    Analysis(const Dataset& data, const TransformSettings& settings);
    /// The same, reusing the memory of `recycled` (an analysis about to be replaced) for the
    /// transformed features: a large table recomputes without allocating it anew.
    Analysis(const Dataset& data, const TransformSettings& settings, Analysis&& recycled);
    /// The analysis of `data` after an edit of some cells: `previous` is the analysis of the same
    /// table before (same settings, rows and features) and only rows [firstRow, lastRow] of the
    /// feature columns `columns` (and of the labels) may differ. Only those columns are fitted and
    /// transformed anew. From kStatisticsUpdateRows rows, for at most kMaxUpdatedRows edited
    /// rows, the statistics are updated from the previous ones (SufficientStatistics::updated,
    /// no pass over the rows; statisticsUpdated() says so); else computed as usual. Equal to
    /// Analysis(data, settings) to the bit but for such updated statistics (equal to rounding);
    /// falls back to it when the shapes or the dummy flags differ.
    Analysis(const Dataset& data, Analysis&& previous, const std::vector<arma::uword>& columns,
             arma::uword firstRow, arma::uword lastRow);
    /// Tables from this many rows update their statistics after a cell edit.
    static constexpr arma::uword kStatisticsUpdateRows = 50000;
    /// An edit of more rows than this computes the statistics afresh.
    static constexpr arma::uword kMaxUpdatedRows = 4096;

    const Transform& transform() const { return m_transform; }
    /// The transformed features (n x d): what the model sees.
    const arma::mat& features() const { return m_features; }
    /// The labels (n).
    const arma::vec& labels() const { return m_labels; }
    /// Statistics of the transformed features and the labels.
    const SufficientStatistics& statistics() const { return m_stats; }
    /// True when statistics() were updated from an earlier analysis' rather than computed from
    /// the rows: right to rounding, which many updates can add up (see setExactStatistics()).
    bool statisticsUpdated() const { return m_statisticsUpdated; }
    /// Puts in statistics computed afresh, SufficientStatistics::compute(features(), labels())
    /// (on another thread, after updates); statisticsUpdated() is then false. Throws
    /// std::invalid_argument when their sizes are not this analysis'.
    void setExactStatistics(SufficientStatistics exact);
    /// The features' means in their original units (before the transform).
    const arma::rowvec& rawMeans() const { return m_rawMean; }

    /// Predictions, residuals, metrics and gradients of `model` on the transformed data, all
    /// computed directly from the rows, in the same operations as the lesson's NumPy lines.
    Evaluation evaluate(const LinearModel& model) const;
    /// The same, for a slider tick on large data: predictions, residuals and MAE from the rows
    /// (the plots need them), MSE, RMSE, R2 and both gradients from the statistics in O(d^2).
    /// Agrees with evaluate() to rounding.
    Evaluation evaluateFast(const LinearModel& model) const;
    /// evaluateFast into `e`, reusing its vectors when their sizes fit: one pass over the rows
    /// (two threads on large data), no allocation. What a slider tick at a million rows costs.
    void evaluateFast(const LinearModel& model, Evaluation& e) const;

    /// A slider tick on very large data: predictions and residuals of the display rows only (rows
    /// 0, k, 2k, ... for k = displayStep(n): what the plots draw), MSE, RMSE, R2 and both gradients
    /// from the statistics, and MAE left NaN: it needs every row, see meanAbsoluteError().
    /// O(kMaxDisplayRows d + d^2), from a compact copy of the display rows.
    void evaluateSampled(const LinearModel& model, Evaluation& e) const;
    /// The mean absolute error of `model` over every row, in one pass on the calling thread. NaN
    /// if `cancel` turns true before the pass ends (it is checked between blocks of rows).
    double meanAbsoluteError(const LinearModel& model,
                             const std::atomic<bool>* cancel = nullptr) const;
    /// The MAE over every row and, with `testMask` (one flag per row, 1 = a test row), over the
    /// train (flag 0) and the test rows, all in one pass (as meanAbsoluteError(); train and test
    /// NaN without a mask, every part NaN when cancelled).
    SplitMae splitMeanAbsoluteError(const LinearModel& model, const arma::uvec* testMask,
                                    const std::atomic<bool>* cancel = nullptr) const;
    /// Row `row`'s prediction x_row . w + b, to the bit as the evaluations compute it.
    double predict(const LinearModel& model, arma::uword row) const;

    /// The model's prediction, in the label's units, as raw feature `feature` takes the values
    /// `x` (original units) and every other feature sits at its raw mean: the line drawn over a
    /// label-vs-feature plot.
    arma::vec partialPrediction(const LinearModel& model, arma::uword feature,
                                const arma::vec& x) const;

private:
    /// What every constructor does once the transform, features and labels are in place: the
    /// raw means, and the statistics (`updated` when given, else computed from the rows).
    void finish(const Dataset& data, std::optional<SufficientStatistics> updated = std::nullopt);
    /// The statistics after the edit the cell-edit constructor makes, or nullopt (see there).
    std::optional<SufficientStatistics> updateStatistics(const Analysis& previous,
                                                         const arma::mat& oldRows,
                                                         const arma::vec& oldLabels,
                                                         arma::uword firstRow) const;
    /// Fills MSE, RMSE, R2, both gradients and the comparison with least squares from the
    /// statistics (O(d^2)); leaves MAE alone.
    void fillFromStatistics(const LinearModel& model, Evaluation& e) const;
    /// Fills the distance to the least-squares fit and the excess loss.
    void compareWithLeastSquares(const LinearModel& model, Evaluation& e) const;

    arma::rowvec m_rawMean;
    // The display rows' transformed features and labels, packed: a tick reads 1.6 MB in order
    // instead of gathering one cache line per value from the whole table.
    arma::uword m_displayStep = 1;
    arma::mat m_displayFeatures;
    arma::vec m_displayLabels;
    Transform m_transform;
    arma::mat m_features;
    arma::vec m_labels;
    SufficientStatistics m_stats;
    bool m_statisticsUpdated = false;
};

} // namespace linlab
