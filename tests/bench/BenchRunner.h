#pragma once
// Runs linlab-bench's cases on one generated dataset and collects their timings.

#include "tests/bench/BenchOptions.h"
#include "tests/bench/BenchTimer.h"

#include "model/data/Dataset.h"

#include <armadillo>

#include <string>
#include <vector>

class FrameBench;

/// One line of the report.
struct CaseResult {
    std::string name;
    arma::uword n = 0;
    arma::uword d = 0;
    Timing timing;
    double rssDeltaMb = -1; ///< csv_load: peak RSS above the level before the read
    int replots = -1;       ///< frame: replots per frame
    int plots = -1;         ///< frame: visible plots
    double modelMs =
        -1; ///< frame: median time in Document::setModel (recompute, synchronous slots)
    double eventsMs = -1; ///< frame: median time in the queued work (replots, lesson pane)
    double paintMs = -1;  ///< frame: median time painting the plots
    double editMs = -1;   ///< report: median time of the edit itself (until the push returns)
};

class BenchRunner {
public:
    /// CSVs and LinLab's lstsq JSON go to `dataDir`.
    BenchRunner(const BenchOptions& options, std::string dataDir);

    /// The window for the frame case; without one the case is skipped.
    void setFrameBench(FrameBench* frame) { m_frame = frame; }
    /// Generates the n x d data and runs every selected case on it.
    void run(arma::uword n, arma::uword d);
    const std::vector<CaseResult>& results() const { return m_results; }

private:
    void add(CaseResult r);
    /// The alpha_drag cases (ridge, then lasso): one tick of an alpha drag on a document.
    void alphaDrag(const linlab::Dataset& data, arma::uword n, arma::uword d);

    const BenchOptions& m_options;
    std::string m_dataDir;
    BenchTimer m_timer;
    BenchTimer m_slowTimer; // work of a second or more: fewer samples
    FrameBench* m_frame = nullptr;
    std::vector<CaseResult> m_results;
};
