#pragma once
// Repeats a piece of work until its median is stable and reports median and minimum.

#include <functional>

/// One case's timing: per-run milliseconds.
struct Timing {
    double medianMs = 0;
    double minMs = 0;
    int repeats = 0;       ///< timed samples
    int runsPerSample = 1; ///< runs averaged inside one sample (very short work only)
};

class BenchTimer {
public:
    /// budgetMs: rough time to spend on samples; repeats stay within [minRepeats, maxRepeats].
    BenchTimer(double budgetMs, int minRepeats, int maxRepeats);

    /// Runs `work` once to warm up, then in samples. Work shorter than ~0.2 ms is run several
    /// times per sample, because a single run is below the clock's useful resolution.
    Timing measure(const std::function<void()>& work) const;

private:
    double m_budgetMs;
    int m_minRepeats;
    int m_maxRepeats;
};
