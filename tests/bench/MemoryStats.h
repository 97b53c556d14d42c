#pragma once
// Resident memory of this process, from /proc/self (Linux). Values in bytes; 0 when unknown.

#include <cstddef>

class MemoryStats {
public:
    /// Current resident set size (VmRSS).
    static std::size_t currentRss();
    /// Peak resident set size since start or the last resetPeak() (VmHWM).
    static std::size_t peakRss();
    /// Restarts VmHWM at the current RSS (writes 5 to /proc/self/clear_refs, Linux 4.0+), so
    /// one step's peak can be read. Remembers the old peak: processPeakRss() stays exact.
    /// False when the kernel does not allow it.
    static bool resetPeak();
    /// The largest VmHWM seen, across resets: the peak RSS of the whole run.
    static std::size_t processPeakRss();
};
