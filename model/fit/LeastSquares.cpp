#include "model/fit/LeastSquares.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace linlab {

namespace {

// Minimum-norm solution through a thin SVD of the centred data, with NumPy's default cut-off
// (singular values below eps * max(n, d) * s_max count as zero).
bool solveBySvd(const arma::mat& Xc, const arma::vec& yc, LeastSquaresResult& r) {
    arma::mat U, V;
    arma::vec s;
    if (!arma::svd_econ(U, s, V, Xc, "both", "std"))
        return false;
    const double smax = s.is_empty() ? 0.0 : s.max();
    const double tol = smax * std::numeric_limits<double>::epsilon() *
                       static_cast<double>(std::max(Xc.n_rows, Xc.n_cols));
    arma::vec coeff = U.t() * yc;
    arma::uword rank = 0;
    for (arma::uword i = 0; i < s.n_elem; ++i) {
        if (s(i) > tol && smax > 0) {
            coeff(i) /= s(i);
            ++rank;
        } else {
            coeff(i) = 0.0;
        }
    }
    r.weights = V * coeff;
    r.rank = rank;
    const double smin = s.is_empty() ? 0.0 : s.min();
    r.conditionNumber = smin > 0 ? smax / smin : arma::datum::inf;
    r.method = "svd";
    return true;
}

// The rank and condition number as the report defines them, once the weights are in: rank of
// [X 1] (the intercept column added), condition infinite when the weights are not unique.
void finishRank(arma::uword d, LeastSquaresResult& r) {
    r.rankDeficient = r.rank < d;
    if (r.rankDeficient) // the smallest singular value is rounding (or missing when n <= d)
        r.conditionNumber = arma::datum::inf;
    r.rank += 1; // the intercept column of [X 1]
}

void markFailed(arma::uword d, LeastSquaresResult& r) {
    r.weights.zeros(d);
    r.rank = 0;
    r.conditionNumber = arma::datum::inf;
    r.method = "failed";
}

} // namespace

LeastSquaresResult LeastSquares::solveCentredData(const arma::mat& Xc, const arma::vec& yc) {
    const arma::uword d = Xc.n_cols;
    LeastSquaresResult r;
    r.weights.zeros(d);
    r.conditionNumber = 1.0;
    if (d == 0 || Xc.n_rows == 0) {
        r.method = "normal-equations";
        r.rankDeficient = d > 0;
        r.rank = Xc.n_rows > 0 ? 1 : 0;
        return r;
    }
    if (!Xc.is_finite() || !solveBySvd(Xc, yc, r))
        markFailed(d, r);
    finishRank(d, r);
    return r;
}

LeastSquaresResult LeastSquares::solveCentred(const arma::mat& Xc, const arma::vec& yc,
                                              const arma::mat& Sxx, const arma::vec& Sxy) {
    return solveCentred(
        Xc.n_rows, Sxx, Sxy, [&](const arma::vec& w) { return arma::vec(Xc.t() * (Xc * w - yc)); },
        [&](arma::mat& X, arma::vec& y) {
            X = Xc;
            y = yc;
        });
}

LeastSquaresResult LeastSquares::solveCentred(arma::uword rows, const arma::mat& Sxx,
                                              const arma::vec& Sxy,
                                              const ResidualGradient& residualGradient,
                                              const CentredData& centredData) {
    const arma::uword d = Sxx.n_cols;
    LeastSquaresResult r;
    r.weights.zeros(d);
    r.conditionNumber = 1.0;
    r.method = "normal-equations";
    if (d == 0 || rows == 0) {
        r.rankDeficient = d > 0;
        // No features: [X 1] is the intercept column alone, of rank 1 (as numpy's lstsq says).
        r.rank = rows > 0 ? 1 : 0;
        return r;
    }

    arma::vec lambda;
    arma::mat V;
    bool useSvd = true;
    // An overflowed Gram matrix (features near 1e300) goes straight to the SVD of the data.
    if (Sxx.is_finite() && arma::eig_sym(lambda, V, Sxx)) {
        const double lmax = lambda.max(), lmin = lambda.min();
        if (lmax > 0 && lmin > lmax / kGramConditionLimit) {
            useSvd = false;
            r.conditionNumber = std::sqrt(lmax / lmin);
            r.rank = d;
            // Solve the normal equations, then refine once with the residual computed on the
            // data itself: that recovers the accuracy the Gram matrix's squared condition loses.
            r.weights = V * ((V.t() * Sxy) / lambda);
            const arma::vec correction = V * ((V.t() * residualGradient(r.weights)) / lambda);
            r.weights -= correction;
        }
    }
    if (useSvd) {
        arma::mat Xc;
        arma::vec yc;
        centredData(Xc, yc);
        if (!solveBySvd(Xc, yc, r))
            markFailed(d, r);
    }
    finishRank(d, r);
    return r;
}

} // namespace linlab
