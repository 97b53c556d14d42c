#pragma once
// A model judged on rows it was not fitted to: metrics on a subset of rows, and k-fold
// cross-validation of any fit made from the statistics of the training rows. Rows are samples,
// columns are features. Plain C++17 + Armadillo.

#include "model/fit/LinearModel.h"
#include "model/fit/SufficientStatistics.h"

#include <armadillo>

#include <functional>
#include <vector>

namespace linlab {

/// k-fold cross-validation: each fold's metrics, fitted on the other folds.
struct CrossValidation {
    arma::uword k = 0;
    std::vector<Metrics> folds; ///< the held-out metrics of fold 0, 1, ...
    double mseMean = arma::datum::nan;
    double mseStd =
        arma::datum::nan; ///< population std (ddof 0), as NumPy's std of sklearn's scores
    double r2Mean = arma::datum::nan;
};

class HeldOut {
public:
    /// Makes the model of a fit from the training rows: their statistics and the rows themselves
    /// (mini-batch descent needs them; the closed forms read the statistics only).
    using Fit = std::function<LinearModel(const SufficientStatistics& statistics,
                                          const arma::mat& X, const arma::vec& y)>;

    /// MSE, RMSE, MAE and R^2 of `model` on rows `rows` of (X, y): scikit-learn's metrics on that
    /// subset (R^2 about the subset's own mean). Throws std::out_of_range for a row past n.
    static Metrics metricsOn(const LinearModel& model, const arma::mat& X, const arma::vec& y,
                             const arma::uvec& rows);
    /// The statistics of rows `rows` of (X, y), computed once for every fit on them.
    static SufficientStatistics statisticsOf(const arma::mat& X, const arma::vec& y,
                                             const arma::uvec& rows);
    /// Cross-validation over `folds` (each row's fold in 0 .. k-1, DataSplit::folds): `fit` on
    /// the statistics of every fold but one, judged on that one. O(k n d^2).
    static CrossValidation crossValidate(const arma::mat& X, const arma::vec& y,
                                         const arma::uvec& folds, arma::uword k, const Fit& fit);
};

} // namespace linlab
