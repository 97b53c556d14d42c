#include "tests/bench/MemoryStats.h"

#include <algorithm>
#include <fstream>
#include <string>

namespace {

std::size_t s_peakBeforeReset = 0; // VmHWM is lost on reset; keep the largest seen

// Reads "Key:   1234 kB" from /proc/self/status.
std::size_t statusValue(const std::string& key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, key.size(), key) == 0 && line.size() > key.size() &&
            line[key.size()] == ':')
            return static_cast<std::size_t>(std::stoull(line.substr(key.size() + 1))) * 1024;
    }
    return 0;
}

} // namespace

std::size_t MemoryStats::currentRss() {
    return statusValue("VmRSS");
}

std::size_t MemoryStats::peakRss() {
    return statusValue("VmHWM");
}

bool MemoryStats::resetPeak() {
    s_peakBeforeReset = std::max(s_peakBeforeReset, peakRss());
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
    out.flush();
    return static_cast<bool>(out);
}

std::size_t MemoryStats::processPeakRss() {
    return std::max(s_peakBeforeReset, peakRss());
}
