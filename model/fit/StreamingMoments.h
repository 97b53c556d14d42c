#pragma once
// Running centred moments of a table that arrives in blocks of rows: count, column means,
// minimum and maximum, and the co-moment matrix sum (z - mean)(z - mean)^T. Each block is
// centred on its own mean and merged with the pairwise (Chan et al.) update, never through raw
// sums, so a column offset by 1e6 keeps its digits. The moments are kept about a shift (the first
// row seen): block means of data offset by 1e6 differ by less than their own rounding there, and
// the merge multiplies that difference by the rows. Plain C++17 + Armadillo.

#include <armadillo>

namespace linlab {

class StreamingMoments {
public:
    /// No rows yet, `columns` columns.
    explicit StreamingMoments(arma::uword columns = 0);

    /// Folds in a block of rows (block.n_cols must be columns()); throws std::invalid_argument
    /// naming StreamingMoments::add when it is not. An empty block changes nothing.
    void add(const arma::mat& block);
    /// Folds in the moments of other rows (the same columns); throws std::invalid_argument when
    /// the column counts differ.
    void merge(const StreamingMoments& other);

    /// Rows folded in so far.
    arma::uword count() const { return m_n; }
    /// Number of columns.
    arma::uword columns() const { return m_mean.n_elem; }
    /// Column means (NaN with no rows).
    arma::rowvec mean() const { return m_shift + m_mean; }
    /// The shift the moments are kept about (the first row folded in; zeros with no rows) and
    /// the mean about it: mean() = shift() + shiftedMean(), known to more digits than that sum
    /// keeps (what a z-score's near-zero transformed mean needs).
    const arma::rowvec& shift() const { return m_shift; }
    const arma::rowvec& shiftedMean() const { return m_mean; }
    /// Centred co-moments sum (z - mean)(z - mean)^T (columns x columns, exactly symmetric).
    const arma::mat& comoments() const { return m_m2; }
    /// Column minima (+inf with no rows).
    const arma::rowvec& min() const { return m_min; }
    /// Column maxima (-inf with no rows).
    const arma::rowvec& max() const { return m_max; }

private:
    arma::uword m_n = 0;
    arma::rowvec m_shift; // what every row is taken from before its moments are summed
    arma::rowvec m_mean;  // the mean of the shifted rows
    arma::mat m_m2;
    arma::rowvec m_min, m_max;
};

} // namespace linlab
