#pragma once
// Least squares with an intercept, solved on centred data. Rows are samples, columns are features.
// Plain C++17 + Armadillo.

#include <armadillo>
#include <functional>
#include <string>

namespace linlab {

/// A least-squares fit y ~ X w + b.
struct LeastSquaresResult {
    arma::vec weights;              ///< minimum-norm weights (the intercept is not penalised)
    double bias = arma::datum::nan; ///< intercept
    double mse = arma::datum::nan;  ///< mean squared error of the fit
    arma::uword rank = 0;           ///< rank of [X 1], as numpy.linalg.lstsq reports it
    bool rankDeficient =
        false; ///< true when the weights are not unique (collinear or constant features, n <= d)
    double conditionNumber =
        arma::datum::nan; ///< 2-norm condition number of the centred X (inf when singular)
    /// "normal-equations", or "svd": solved from the centred data (a pivoted QR of its
    /// equilibrated columns when they have full rank, else the SVD's minimum norm).
    std::string method;
};

class LeastSquares {
public:
    /// Normal equations are trusted below this condition number of the centred Gram matrix;
    /// above it the solver falls back to the centred data: a pivoted QR of its unit-norm columns
    /// (rank decided there), or the SVD's minimum norm when those are rank-deficient.
    static constexpr double kGramConditionLimit = 1e10;

    /// Solves min |Xc w - yc| for centred data Xc (n x d) and yc, given Sxx = Xc^T Xc and
    /// Sxy = Xc^T yc. Fills weights, rank, rankDeficient, conditionNumber and method; the
    /// caller sets bias and mse. Never prints; a failed decomposition gives zero weights, flagged.
    static LeastSquaresResult solveCentred(const arma::mat& Xc, const arma::vec& yc,
                                           const arma::mat& Sxx, const arma::vec& Sxy);

    /// Solves min |Xc w - yc| from the centred data alone, by a thin SVD (of the smaller side):
    /// the minimum-norm weights, with rank and condition number as above. What wide data uses
    /// (d much larger than n), where no d x d matrix is formed.
    static LeastSquaresResult solveCentredData(const arma::mat& Xc, const arma::vec& yc);

    /// Xc^T (Xc w - yc) for given weights w: one pass over the data.
    using ResidualGradient = std::function<arma::vec(const arma::vec& weights)>;
    /// Makes the centred data (Xc, yc), for the rare fit that needs the SVD.
    using CentredData = std::function<void(arma::mat& Xc, arma::vec& yc)>;
    /// The same, without the centred data in memory: `residualGradient` refines the normal
    /// equations' answer and `centredData` is called only when the SVD is needed. `rows` is n.
    static LeastSquaresResult solveCentred(arma::uword rows, const arma::mat& Sxx,
                                           const arma::vec& Sxy,
                                           const ResidualGradient& residualGradient,
                                           const CentredData& centredData);
};

} // namespace linlab
