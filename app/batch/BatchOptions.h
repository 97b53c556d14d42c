#pragma once
// The options of `linlab --batch`, parsed from the command line. Plain C++17.

#include "model/data/DerivedFeature.h"
#include "model/data/Transform.h"
#include "model/training/GradientDescent.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace linlab {

/// A command line that cannot be run as written; what() is a one-line reason.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct BatchOptions {
    enum class Fit { None, LeastSquares, GradientDescent, Ridge, Lasso };

    std::string file;    ///< a CSV path; empty: the lesson's data
    std::string example; ///< --example NAME: a built-in data set (Examples) instead of FILE
    std::string label;   ///< column name or 1-based number; empty: the last column
    std::vector<std::string> features; ///< names or 1-based numbers; empty: every other column
    TransformSettings transform;
    char decimal = 0; ///< 0: detect
    std::optional<std::vector<double>> weights;
    std::optional<double> bias;
    Fit fit = Fit::None;
    GradientDescentSettings gd;
    bool full = false;
    bool stream = false; ///< --stream: the file read in blocks, only its statistics kept
    std::string output;  ///< empty: stdout
    /// What was given explicitly: a project file's own settings hold otherwise.
    bool scaleGiven = false, normalizeGiven = false, ddofGiven = false;
    std::vector<std::pair<std::string, std::string>> exportPlots; ///< (kind, path), in order
    int width = 1600, height = 1000; ///< --size for plot exports, in pixels
    std::string exportNumpy;         ///< --export-numpy PATH
    std::string exportCsv;           ///< --export-csv PATH
    std::string saveProject;         ///< --save-project PATH

    // Real data (the typed reader and the design step).
    std::optional<std::vector<std::string>> missingTokens;      ///< --na; nullopt: the defaults
    bool fillMissing = false;                                   ///< --missing mean (else drop)
    bool invalidAsMissing = false;                              ///< --invalid missing (else error)
    std::vector<std::string> categorical;                       ///< --categorical, by name
    std::vector<std::pair<std::string, std::string>> reference; ///< --reference (column, level)
    std::vector<std::string> ignored;                           ///< --ignore
    /// The report's `inference`: the confidence level of its intervals (--confidence).
    double confidence = 0.95;
    /// --predict "NAME=V,...", one per option given: (name, value text) in order, checked
    /// against the features once the data is read.
    std::vector<std::vector<std::pair<std::string, std::string>>> predict;
    // Penalties, the intercept and held-out data (issue 15).
    double alpha = 1.0;      ///< --alpha: ridge's and lasso's penalty (scikit-learn's default 1)
    bool alphaGiven = false; ///< --alpha was given (only ridge and lasso take it)
    bool intercept = true;   ///< false: --no-intercept, b fixed at 0 in every fit
    double testFraction = 0; ///< --test-fraction: 0 none, else the share of rows held out
    arma::uword cvFolds = 0; ///< --cv K: 0 none, else k-fold cross-validation
    std::uint64_t splitSeed = 0; ///< --seed for the split and the folds (default 0)
    /// Given explicitly (--intercept or --no-intercept, --test-fraction, --seed): a project's
    /// own fit settings hold otherwise.
    bool interceptGiven = false, testFractionGiven = false, seedGiven = false;

    /// True when the options only the typed reader knows are given (missing tokens, forced
    /// categories, reference levels): the numeric reader is not tried first.
    bool needsTypedReader() const;

    /// Derived features (issue 15), in the order given: --derive NAME=EXPR, and --poly
    /// COLUMN=DEGREE as COLUMN^2 ... COLUMN^DEGREE. Each expression's syntax is checked here.
    std::vector<DerivedSpec> derived;

    /// The plot kinds --export-plot knows.
    static const std::vector<std::string>& plotKinds();
    bool help = false;
    bool version = false;

    /// Parses the arguments after the program name (with or without "--batch"); throws UsageError.
    static BatchOptions parse(const std::vector<std::string>& args);
    /// The --help text.
    static const char* usage();
};

} // namespace linlab
