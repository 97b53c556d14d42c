#pragma once
// Splits column-wise work over two threads when there is enough of it. Plain C++17.

#include <cstddef>
#include <thread>

namespace linlab {

/// Work (in values touched) below which a second thread costs more than it saves.
constexpr std::size_t kParallelMinWork = std::size_t(1) << 20;

/// Calls fn(j) for every j in [0, count): the even j on one thread and the odd on another when
/// `work` is at least kParallelMinWork and the machine has two cores; else all on this thread.
/// fn must only write what belongs to its j.
template <typename Fn> void forEachIndex(std::size_t count, std::size_t work, Fn&& fn) {
    if (count < 2 || work < kParallelMinWork || std::thread::hardware_concurrency() < 2) {
        for (std::size_t j = 0; j < count; ++j)
            fn(j);
        return;
    }
    std::thread odd([&] {
        for (std::size_t j = 1; j < count; j += 2)
            fn(j);
    });
    for (std::size_t j = 0; j < count; j += 2)
        fn(j);
    odd.join();
}

} // namespace linlab
