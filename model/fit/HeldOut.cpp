#include "model/fit/HeldOut.h"

#include "model/fit/DataSplit.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace linlab {

namespace {

void checkRows(const char* function, const arma::mat& X, const arma::vec& y,
               const arma::uvec& rows) {
    if (X.n_rows != y.n_elem)
        throw std::invalid_argument(std::string(function) + ": X has " + std::to_string(X.n_rows) +
                                    " rows, y " + std::to_string(y.n_elem));
    if (!rows.is_empty() && rows.max() >= X.n_rows)
        throw std::out_of_range(std::string(function) + ": row " + std::to_string(rows.max()) +
                                " of " + std::to_string(X.n_rows));
}

} // namespace

Metrics HeldOut::metricsOn(const LinearModel& model, const arma::mat& X, const arma::vec& y,
                           const arma::uvec& rows) {
    checkRows("HeldOut::metricsOn", X, y, rows);
    const arma::mat Xs = X.rows(rows);
    const arma::vec ys = y.elem(rows);
    return model.metrics(Xs, ys);
}

SufficientStatistics HeldOut::statisticsOf(const arma::mat& X, const arma::vec& y,
                                           const arma::uvec& rows) {
    checkRows("HeldOut::statisticsOf", X, y, rows);
    return SufficientStatistics::compute(X.rows(rows), y.elem(rows));
}

CrossValidation HeldOut::crossValidate(const arma::mat& X, const arma::vec& y,
                                       const arma::uvec& folds, arma::uword k, const Fit& fit) {
    if (folds.n_elem != X.n_rows || (k > 0 && !folds.is_empty() && folds.max() >= k))
        throw std::invalid_argument("HeldOut::crossValidate: the folds do not match the rows");
    CrossValidation cv;
    cv.k = k;
    arma::vec mse(k), r2(k);
    for (arma::uword f = 0; f < k; ++f) {
        const arma::uvec train = DataSplit::rowsOf(folds, f, false);
        const arma::uvec test = DataSplit::rowsOf(folds, f, true);
        const arma::mat Xt = X.rows(train);
        const arma::vec yt = y.elem(train);
        const LinearModel model = fit(SufficientStatistics::compute(Xt, yt), Xt, yt);
        cv.folds.push_back(metricsOn(model, X, y, test));
        mse(f) = cv.folds.back().mse;
        r2(f) = cv.folds.back().r2;
    }
    if (k > 0) {
        cv.mseMean = arma::mean(mse);
        cv.mseStd = arma::stddev(mse, 1); // norm_type 1: divide by k
        cv.r2Mean = arma::mean(r2);
    }
    return cv;
}

} // namespace linlab
