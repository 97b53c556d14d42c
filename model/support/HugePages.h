#pragma once
// A hint for large buffers that threads fill at once. Plain C++17 (POSIX).

#include <cstddef>
#include <cstdint>

#include <sys/mman.h>

namespace linlab {

/// Asks for 2 MiB pages under [memory, memory + bytes): a few hundred page faults instead of
/// tens of thousands when the threads first write a large result. Only a hint; harmless where
/// unsupported, and on memory already in use.
inline void adviseHugePages(void* memory, std::size_t bytes) {
    constexpr std::uintptr_t huge = std::uintptr_t(2) << 20;
    const std::uintptr_t begin =
        (reinterpret_cast<std::uintptr_t>(memory) + huge - 1) / huge * huge;
    const std::uintptr_t end = (reinterpret_cast<std::uintptr_t>(memory) + bytes) / huge * huge;
#ifdef MADV_HUGEPAGE
    if (end > begin)
        ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)begin;
    (void)end;
#endif
}

} // namespace linlab
