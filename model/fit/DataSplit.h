#pragma once
// Seeded train/test splits and k-fold assignments of n rows that are the same on every machine:
// std::mt19937_64's raw output (fixed by the C++ standard) through our own Fisher-Yates, not
// std::shuffle or std::uniform_int_distribution, whose results the standard leaves to each
// library. Plain C++17 + Armadillo.

#include <armadillo>

#include <cstdint>
#include <random>

namespace linlab {

/// The rows of a train/test split, each ascending.
struct TrainTestRows {
    arma::uvec train;
    arma::uvec test;
};

class DataSplit {
public:
    /// A uniform integer in [0, bound) (bound >= 1) from the generator's raw 64-bit output, by
    /// rejection: draws below 2^64 mod bound are thrown away, so the accepted range is a whole
    /// number of copies of [0, bound) and r % bound is exactly uniform.
    static std::uint64_t uniformBelow(std::mt19937_64& rng, std::uint64_t bound);
    /// 0 .. n-1 shuffled by Fisher-Yates from the top (i = n-1 down to 1 swaps with
    /// uniformBelow(i + 1)), std::mt19937_64 seeded with `seed`.
    static arma::uvec permutation(arma::uword n, std::uint64_t seed);
    /// The first round(testFraction * n) rows of permutation(n, seed) are the test rows, the
    /// others train. Throws std::invalid_argument unless 0 < testFraction < 1.
    static TrainTestRows trainTest(arma::uword n, double testFraction, std::uint64_t seed);
    /// Each row's fold in 0 .. k-1: permutation(n, seed) cut in k consecutive pieces, the first
    /// n % k of them one row longer (as scikit-learn's KFold sizes them). Throws
    /// std::invalid_argument unless 2 <= k <= n.
    static arma::uvec folds(arma::uword n, arma::uword k, std::uint64_t seed);
    /// The rows of `fold` (ascending) or, with `inFold` false, every other row.
    static arma::uvec rowsOf(const arma::uvec& folds, arma::uword fold, bool inFold = true);
};

} // namespace linlab
