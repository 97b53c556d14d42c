#include "tests/bench/BenchTimer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <vector>

namespace {

double elapsedMs(const std::function<void()>& work, int runs) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < runs; ++i)
        work();
    const auto stop = std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::milli>(stop - start).count();
}

} // namespace

BenchTimer::BenchTimer(double budgetMs, int minRepeats, int maxRepeats)
    : m_budgetMs(budgetMs)
    , m_minRepeats(minRepeats)
    , m_maxRepeats(maxRepeats) {}

Timing BenchTimer::measure(const std::function<void()>& work) const {
    constexpr double kMinSampleMs = 0.2;
    Timing t;
    double first = elapsedMs(work, 1); // warm-up: caches, page faults, lazy allocations
    // Calibrate: grow the runs per sample until one sample is long enough to time.
    int runs = 1;
    while (first * runs < kMinSampleMs && runs < (1 << 24)) {
        runs *= 4;
        first = elapsedMs(work, runs) / runs;
    }
    t.runsPerSample = runs;
    const double sampleMs = std::max(first * runs, 1e-6);
    t.repeats =
        std::clamp(static_cast<int>(std::ceil(m_budgetMs / sampleMs)), m_minRepeats, m_maxRepeats);

    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(t.repeats));
    for (int i = 0; i < t.repeats; ++i)
        samples.push_back(elapsedMs(work, runs) / runs);
    std::sort(samples.begin(), samples.end());
    const std::size_t m = samples.size();
    t.medianMs = m % 2 ? samples[m / 2] : 0.5 * (samples[m / 2 - 1] + samples[m / 2]);
    t.minMs = samples.front();
    return t;
}
