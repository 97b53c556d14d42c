#include "tests/bench/BenchOptions.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace {

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string part =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty())
            parts.push_back(part);
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return parts;
}

// "1000", "1e6" or "1000000": a positive whole count.
arma::uword parseCount(const std::string& text) {
    std::size_t used = 0;
    double value = 0;
    try {
        value = std::stod(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || !(value >= 1) || value > 1e9 || value != std::floor(value))
        throw std::invalid_argument("not a positive whole number: " + text);
    return static_cast<arma::uword>(value);
}

} // namespace

const std::vector<std::string>& BenchOptions::allCases() {
    static const std::vector<std::string> cases{
        "csv_load", "statistics", "tick_stats",       "tick_direct", "mae_pass",
        "lstsq",    "gd_epoch",   "loss_surface_200", "frame",       "cell_edit",
        "report",   "derive",     "validation_curve", "alpha_drag"};
    return cases;
}

bool BenchOptions::wants(const std::string& name) const {
    return cases.empty() || std::find(cases.begin(), cases.end(), name) != cases.end();
}

std::string BenchOptions::usage() {
    return "usage: linlab-bench [--json] [--quick] [--huge] [--cases a,b] [--sizes 1000,1e6] "
           "[--dims 2,10]\n"
           "                    [--data-dir DIR] [--budget-ms MS]\n"
           "       linlab-bench --window-rss FILE\n"
           "  Times LinLab on generated data (label = X w + b + noise, fixed seed).\n"
           "  --json       print {\"cases\": [...]} instead of a table\n"
           "  --quick      n up to 1e5 and a shorter budget: a smoke run\n"
           "  --huge       also n = 1e7 (about 2.2 GB of CSV for d = 10)\n"
           "  --cases      any of: csv_load statistics tick_stats tick_direct mae_pass lstsq "
           "gd_epoch\n"
           "               loss_surface_200 frame cell_edit report derive\n"
           "               validation_curve alpha_drag\n"
           "  --sizes      row counts (default 1e3,1e4,1e5,1e6)\n"
           "  --dims       feature counts (default 2,10)\n"
           "  --data-dir   keep the CSVs and LinLab's lstsq weights here (compare_numpy.py reads "
           "them);\n"
           "               default: a temporary folder removed at the end\n"
           "  --budget-ms  time to spend on one case's samples (default 1500)\n"
           "  --window-rss FILE  open FILE in LinLab's window (offscreen) as the import dialog "
           "would,\n"
           "               wait until every view has settled and print {\"rss_mb\", "
           "\"peak_rss_mb\", \"load_ms\"}\n";
}

BenchOptions BenchOptions::parse(int argc, char** argv) {
    BenchOptions o;
    bool sizesGiven = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                throw std::invalid_argument(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--json") {
            o.json = true;
        } else if (arg == "--quick") {
            o.quick = true;
        } else if (arg == "--huge") {
            o.huge = true;
        } else if (arg == "--help" || arg == "-h") {
            o.help = true;
        } else if (arg == "--cases") {
            o.cases = splitList(value());
            for (const std::string& c : o.cases)
                if (std::find(allCases().begin(), allCases().end(), c) == allCases().end())
                    throw std::invalid_argument("unknown case: " + c);
        } else if (arg == "--sizes") {
            o.sizes.clear();
            for (const std::string& s : splitList(value()))
                o.sizes.push_back(parseCount(s));
            sizesGiven = true;
        } else if (arg == "--dims") {
            o.dims.clear();
            for (const std::string& s : splitList(value()))
                o.dims.push_back(parseCount(s));
        } else if (arg == "--data-dir") {
            o.dataDir = value();
        } else if (arg == "--window-rss") {
            o.windowRssFile = value();
        } else if (arg == "--budget-ms") {
            o.budgetMs = static_cast<double>(parseCount(value()));
        } else {
            throw std::invalid_argument("unknown option: " + arg);
        }
    }
    if (!sizesGiven) {
        o.sizes = {1000, 10000, 100000};
        if (!o.quick)
            o.sizes.push_back(1000000);
        if (o.huge && !o.quick)
            o.sizes.push_back(10000000);
    }
    if (o.quick)
        o.budgetMs = std::min(o.budgetMs, 400.0);
    if (o.sizes.empty() || o.dims.empty())
        throw std::invalid_argument("no sizes or no dims to run");
    return o;
}
