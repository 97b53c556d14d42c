#include "model/fit/LeastSquares.h"

#include "model/fit/PivotedQr.h"
#include "model/fit/Regression.h"

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

// The unique solution through Householder QR with column pivoting of the centred data with
// unit-norm columns, refined twice with the residual on the data: every digit the scaled problem's
// condition allows, where the SVD of the raw data loses them to the columns' units (a polynomial's
// x^10 beside x). False when the scaled problem is rank-deficient (Regression::kRankTolerance):
// then the minimum norm of the SVD is the answer. The condition number is the raw centred data's,
// from the singular values of the small R P^T D (Xc = Q R P^T D, D the column norms).
bool solveByQr(const arma::mat& Xc, const arma::vec& yc, LeastSquaresResult& r) {
    const arma::uword d = Xc.n_cols;
    if (Xc.n_rows <= d)
        return false;
    const arma::rowvec scales = arma::sqrt(arma::sum(arma::square(Xc), 0));
    if (!scales.is_finite() || arma::any(scales <= 0))
        return false;
    arma::mat Z = Xc;
    Z.each_row() /= scales;
    const PivotedQr qr(std::move(Z), Regression::kRankTolerance);
    if (!qr.ok() || qr.rank() < d)
        return false;
    arma::vec w = qr.solve(yc) / scales.t();
    for (int pass = 0; pass < 2; ++pass)
        w += qr.solve(yc - Xc * w) / scales.t();
    arma::mat small = qr.unpivotedR();
    small.each_row() %= scales;
    const arma::vec s = arma::svd(small);
    r.weights = w;
    r.rank = d;
    r.conditionNumber = s.min() > 0 ? s.max() / s.min() : arma::datum::inf;
    r.method = "svd"; // the name of the path from the data, which the reports know
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
        if (!solveByQr(Xc, yc, r) && !solveBySvd(Xc, yc, r))
            markFailed(d, r);
    }
    finishRank(d, r);
    return r;
}

} // namespace linlab
