#include "ui/plots/StableOrder.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

/// An unsigned key that orders as the double does (plottable values: no NaN). -0 and +0 get one
/// key, as they compare equal.
std::uint64_t orderKey(double x) {
    if (x == 0)
        x = 0; // -0 -> +0
    std::uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    return (bits >> 63) ? ~bits : bits | (std::uint64_t(1) << 63);
}

} // namespace

void StableOrder::of(const QVector<double>& x, QVector<int>& order) {
    const int n = int(x.size());
    const auto size = static_cast<std::size_t>(n);
    std::vector<std::uint64_t> keys(size), keysTmp(size);
    std::vector<int> index(size), indexTmp(size);
    for (int i = 0; i < n; ++i) {
        keys[std::size_t(i)] = orderKey(x[i]);
        index[std::size_t(i)] = i;
    }
    constexpr int kBits = 11;
    constexpr std::uint64_t kMask = (std::uint64_t(1) << kBits) - 1;
    std::vector<int> count(std::size_t(kMask) + 2);
    for (int shift = 0; shift < 64; shift += kBits) {
        std::fill(count.begin(), count.end(), 0);
        for (std::uint64_t k : keys)
            ++count[std::size_t((k >> shift) & kMask) + 1];
        if (n == 0 || count[std::size_t((keys[0] >> shift) & kMask) + 1] == n)
            continue; // one digit for all: this pass would move nothing
        for (std::size_t b = 1; b < count.size(); ++b)
            count[b] += count[b - 1];
        for (int i = 0; i < n; ++i) {
            const std::size_t to =
                std::size_t(count[std::size_t((keys[std::size_t(i)] >> shift) & kMask)]++);
            keysTmp[to] = keys[std::size_t(i)];
            indexTmp[to] = index[std::size_t(i)];
        }
        keys.swap(keysTmp);
        index.swap(indexTmp);
    }
    order.resize(n);
    std::copy(index.begin(), index.end(), order.begin());
}
