#pragma once
// linlab-bench's command line.

#include <armadillo>

#include <string>
#include <vector>

struct BenchOptions {
    bool json = false;  ///< --json: machine-readable output
    bool quick = false; ///< --quick: n up to 1e5, shorter budgets
    bool huge = false;  ///< --huge: add n = 1e7
    bool help = false;
    std::vector<std::string> cases;       ///< --cases a,b (empty: all)
    std::vector<arma::uword> sizes;       ///< --sizes 1000,1e6 (overrides the defaults)
    std::vector<arma::uword> dims{2, 10}; ///< --dims 2,10
    std::string dataDir;                  ///< --data-dir DIR: CSVs and lstsq JSON stay there
    double budgetMs = 1500;               ///< --budget-ms: time spent on one case's samples
    std::string windowRssFile; ///< --window-rss FILE: only the window's memory with FILE open

    /// Every case name, in run order.
    static const std::vector<std::string>& allCases();
    /// Parses argv; throws std::invalid_argument with a message for the user.
    static BenchOptions parse(int argc, char** argv);
    /// The usage text.
    static std::string usage();
    /// True when case `name` is selected.
    bool wants(const std::string& name) const;
};
