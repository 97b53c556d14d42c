#pragma once
// Householder QR with column pivoting (LAPACK's dgeqp3, through Armadillo) of a tall matrix, kept
// in LAPACK's compact form: Q is never formed, only applied. Plain C++17 + Armadillo.

#include <armadillo>

namespace linlab {

class PivotedQr {
public:
    /// Factorises A P = Q R (A: n x p). Column k of R is column pivot()(k) of A. The rank is the
    /// number of leading k with |R_kk| > rankTolerance |R_00|. ok() is false when LAPACK fails or
    /// A is not finite.
    PivotedQr(arma::mat A, double rankTolerance);

    bool ok() const { return m_ok; }
    arma::uword rank() const { return m_rank; }
    /// The column of A behind each column of R (a permutation of 0..p-1).
    const arma::uvec& pivot() const { return m_pivot; }
    /// The leading rank x rank block of R (upper triangular).
    arma::mat leadingR() const;
    /// R with its columns put back in A's order (min(n, p) x p): A = Q times it, so its columns
    /// span what A's do, in a small matrix.
    arma::mat unpivotedR() const;
    /// Q^T v (n): the Householder reflectors applied in order.
    arma::vec applyQt(arma::vec v) const;
    /// The basic solution of min |A x - v|: R11^-1 (Q^T v)[0, rank) on the pivoted leading
    /// columns, zero on the others (the aliased ones).
    arma::vec solve(const arma::vec& v) const;

private:
    arma::mat m_qr; // R on and above the diagonal, the reflectors' tails below (LAPACK's form)
    arma::vec m_tau;
    arma::uvec m_pivot;
    arma::uword m_rank = 0;
    bool m_ok = false;
};

} // namespace linlab
