#pragma once
// The lesson's pipeline on one dataset: scale and normalise the features, summarise them in
// sufficient statistics, and evaluate any linear model on them. Rows are samples, columns are
// features. The batch command line and the window both use this, so they show the same numbers.
// Plain C++17 + Armadillo.

#include "Dataset.h"
#include "LinearModel.h"
#include "SufficientStatistics.h"
#include "Transform.h"

#include <armadillo>

namespace linlab {

/// Everything that follows from one model on the transformed data, computed directly (O(n d)).
struct Evaluation {
    arma::vec predictions;    ///< X w + b
    arma::vec residuals;      ///< prediction - label
    Metrics metrics;          ///< MSE, RMSE, MAE, R2
    Gradient gradient;        ///< true gradient of the MSE
    arma::vec lessonGradient; ///< the lesson's X^T e / n
    double distanceToLeastSquares = arma::datum::nan; ///< |(w, b) - (w*, b*)|, Euclidean
    double excessLoss = arma::datum::nan;             ///< MSE - MSE of the least-squares fit
};

class Analysis {
public:
    /// No data.
    Analysis() = default;
    /// Fits the transform to the dataset's features, applies it and computes the statistics.
    Analysis(const Dataset& data, const TransformSettings& settings);
    /// The same, reusing the memory of `recycled` (an analysis about to be replaced) for the
    /// transformed features: a large table recomputes without allocating it anew.
    Analysis(const Dataset& data, const TransformSettings& settings, Analysis&& recycled);

    const Transform& transform() const { return m_transform; }
    /// The transformed features (n x d): what the model sees.
    const arma::mat& features() const { return m_features; }
    /// The labels (n).
    const arma::vec& labels() const { return m_labels; }
    /// Statistics of the transformed features and the labels.
    const SufficientStatistics& statistics() const { return m_stats; }

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

    /// The model's prediction, in the label's units, as raw feature `feature` takes the values
    /// `x` (original units) and every other feature sits at its raw mean: the line drawn over a
    /// label-vs-feature plot.
    arma::vec partialPrediction(const LinearModel& model, arma::uword feature, const arma::vec& x) const;

private:
    /// Fills the distance to the least-squares fit and the excess loss.
    void compareWithLeastSquares(const LinearModel& model, Evaluation& e) const;

    arma::rowvec m_rawMean;
    Transform m_transform;
    arma::mat m_features;
    arma::vec m_labels;
    SufficientStatistics m_stats;
};

} // namespace linlab
