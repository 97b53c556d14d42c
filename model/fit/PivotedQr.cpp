#include "model/fit/PivotedQr.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace linlab {

PivotedQr::PivotedQr(arma::mat A, double rankTolerance)
    : m_qr(std::move(A)) {
    const arma::uword n = m_qr.n_rows, p = m_qr.n_cols;
    m_pivot = arma::regspace<arma::uvec>(0, p == 0 ? 0 : p - 1);
    m_pivot.resize(p);
    if (p == 0 || n == 0 || !m_qr.is_finite())
        return;
    arma::blas_int m = static_cast<arma::blas_int>(n), cols = static_cast<arma::blas_int>(p);
    arma::blas_int lda = m, info = 0, lwork = -1;
    std::vector<arma::blas_int> jpvt(p, 0); // 0: every column free to move
    m_tau.set_size(std::min(n, p));
    double query = 0;
    arma::lapack::geqp3(&m, &cols, m_qr.memptr(), &lda, jpvt.data(), m_tau.memptr(), &query, &lwork,
                        &info);
    if (info != 0)
        return;
    lwork = static_cast<arma::blas_int>(query);
    std::vector<double> work(static_cast<std::size_t>(std::max<arma::blas_int>(lwork, 1)));
    arma::lapack::geqp3(&m, &cols, m_qr.memptr(), &lda, jpvt.data(), m_tau.memptr(), work.data(),
                        &lwork, &info);
    if (info != 0)
        return;
    for (arma::uword k = 0; k < p; ++k)
        m_pivot(k) = static_cast<arma::uword>(jpvt[k] - 1); // LAPACK counts from 1
    const double r00 = std::abs(m_qr(0, 0));
    while (m_rank < m_tau.n_elem && r00 > 0 && std::abs(m_qr(m_rank, m_rank)) > rankTolerance * r00)
        ++m_rank;
    m_ok = true;
}

arma::mat PivotedQr::leadingR() const {
    if (m_rank == 0)
        return arma::mat();
    return arma::trimatu(m_qr.submat(0, 0, m_rank - 1, m_rank - 1));
}

arma::mat PivotedQr::unpivotedR() const {
    const arma::uword k = std::min(m_qr.n_rows, m_qr.n_cols);
    arma::mat out(k, m_qr.n_cols, arma::fill::zeros);
    if (k == 0)
        return out;
    // R is k x p, trapezoidal when there are fewer rows than columns (trimatu wants a square).
    arma::mat r = m_qr.rows(0, k - 1);
    for (arma::uword c = 0; c + 1 < k; ++c)
        r.submat(c + 1, c, k - 1, c).zeros();
    for (arma::uword c = 0; c < m_qr.n_cols; ++c)
        out.col(m_pivot(c)) = r.col(c);
    return out;
}

arma::vec PivotedQr::applyQt(arma::vec v) const {
    const arma::uword n = m_qr.n_rows;
    // H_k = I - tau_k u u^T with u = (0..0, 1, qr(k+1.., k)): Q^T = H_{K-1} ... H_0.
    for (arma::uword k = 0; k < m_tau.n_elem; ++k) {
        const double* tail = m_qr.colptr(k);
        double s = v(k);
        for (arma::uword i = k + 1; i < n; ++i)
            s += tail[i] * v(i);
        s *= m_tau(k);
        v(k) -= s;
        for (arma::uword i = k + 1; i < n; ++i)
            v(i) -= s * tail[i];
    }
    return v;
}

arma::vec PivotedQr::solve(const arma::vec& v) const {
    arma::vec x(m_qr.n_cols, arma::fill::zeros);
    if (!m_ok || m_rank == 0)
        return x;
    const arma::vec qtv = applyQt(v);
    arma::vec head = qtv.head(m_rank);
    // Back substitution on R11.
    for (arma::uword kk = m_rank; kk-- > 0;) {
        double s = head(kk);
        for (arma::uword j = kk + 1; j < m_rank; ++j)
            s -= m_qr(kk, j) * head(j);
        head(kk) = s / m_qr(kk, kk);
    }
    for (arma::uword k = 0; k < m_rank; ++k)
        x(m_pivot(k)) = head(k);
    return x;
}

} // namespace linlab
