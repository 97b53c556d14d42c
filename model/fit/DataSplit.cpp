#include "model/fit/DataSplit.h"

#include <cmath>
#include <stdexcept>
#include <utility>

namespace linlab {

std::uint64_t DataSplit::uniformBelow(std::mt19937_64& rng, std::uint64_t bound) {
    const std::uint64_t threshold = (0 - bound) % bound; // 2^64 mod bound
    for (;;) {
        const std::uint64_t r = rng();
        if (r >= threshold)
            return r % bound;
    }
}

arma::uvec DataSplit::permutation(arma::uword n, std::uint64_t seed) {
    arma::uvec order = arma::regspace<arma::uvec>(0, n == 0 ? 0 : n - 1);
    order.resize(n);
    std::mt19937_64 rng(seed);
    for (arma::uword i = n; i > 1; --i)
        std::swap(order(i - 1), order(uniformBelow(rng, i)));
    return order;
}

TrainTestRows DataSplit::trainTest(arma::uword n, double testFraction, std::uint64_t seed) {
    if (!(testFraction > 0 && testFraction < 1))
        throw std::invalid_argument("DataSplit::trainTest: the test fraction must be between 0 "
                                    "and 1");
    const arma::uvec order = permutation(n, seed);
    const auto testCount = static_cast<arma::uword>(std::round(testFraction * n));
    TrainTestRows rows;
    rows.test = arma::sort(order.head(testCount));
    rows.train = arma::sort(order.tail(n - testCount));
    return rows;
}

arma::uvec DataSplit::folds(arma::uword n, arma::uword k, std::uint64_t seed) {
    if (k < 2 || k > n)
        throw std::invalid_argument("DataSplit::folds: needs 2 <= k <= n (k = " +
                                    std::to_string(k) + ", n = " + std::to_string(n) + ")");
    const arma::uvec order = permutation(n, seed);
    arma::uvec fold(n);
    arma::uword position = 0;
    for (arma::uword f = 0; f < k; ++f) {
        const arma::uword size = n / k + (f < n % k ? 1 : 0);
        for (arma::uword i = 0; i < size; ++i)
            fold(order(position++)) = f;
    }
    return fold;
}

arma::uvec DataSplit::rowsOf(const arma::uvec& folds, arma::uword fold, bool inFold) {
    return inFold ? arma::uvec(arma::find(folds == fold)) : arma::uvec(arma::find(folds != fold));
}

} // namespace linlab
