#include "model/fit/StreamingMoments.h"

#include <stdexcept>
#include <string>

namespace linlab {

StreamingMoments::StreamingMoments(arma::uword columns)
    : m_shift(columns, arma::fill::zeros)
    , m_mean(columns, arma::fill::value(arma::datum::nan))
    , m_m2(columns, columns, arma::fill::zeros)
    , m_min(columns, arma::fill::value(arma::datum::inf))
    , m_max(columns, arma::fill::value(-arma::datum::inf)) {}

void StreamingMoments::add(const arma::mat& block) {
    if (block.n_cols != columns())
        throw std::invalid_argument("StreamingMoments::add: a block of " +
                                    std::to_string(block.n_cols) + " columns for " +
                                    std::to_string(columns()));
    if (block.n_rows == 0 || block.n_cols == 0) {
        m_n += block.n_rows;
        return;
    }
    // The block's own moments by the corrected two-pass formula (its rows are in memory), then
    // merged as another set of moments.
    if (m_n == 0)
        m_shift = block.row(0);
    StreamingMoments part(columns());
    part.m_shift = m_shift;
    part.m_n = block.n_rows;
    const double count = static_cast<double>(block.n_rows);
    arma::mat centred = block;
    centred.each_row() -= m_shift; // exact for values near the shift
    const arma::rowvec mean = arma::sum(centred, 0) / count;
    centred.each_row() -= mean;
    const arma::rowvec deviation = arma::sum(centred, 0) / count;
    part.m_m2 = centred.t() * centred; // BLAS syrk
    part.m_m2 -= count * (deviation.t() * deviation);
    part.m_mean = mean + deviation;
    part.m_min = arma::min(block, 0);
    part.m_max = arma::max(block, 0);
    merge(part);
}

void StreamingMoments::merge(const StreamingMoments& other) {
    if (other.columns() != columns())
        throw std::invalid_argument("StreamingMoments::merge: " + std::to_string(other.columns()) +
                                    " columns for " + std::to_string(columns()));
    if (other.m_n == 0)
        return;
    if (m_n == 0) {
        *this = other;
        return;
    }
    // Chan's update: the two centred co-moments plus the spread between the two means.
    const double na = static_cast<double>(m_n), nb = static_cast<double>(other.m_n);
    const double n = na + nb;
    // Both means about this shift: the shifts' difference is exact when they are close.
    const arma::rowvec delta = (other.m_mean + (other.m_shift - m_shift)) - m_mean;
    m_mean += delta * (nb / n);
    m_m2 += other.m_m2 + (na * nb / n) * (delta.t() * delta);
    m_m2 = 0.5 * (m_m2 + m_m2.t()); // exactly symmetric for eig_sym downstream
    m_min = arma::min(m_min, other.m_min);
    m_max = arma::max(m_max, other.m_max);
    m_n += other.m_n;
}

} // namespace linlab
