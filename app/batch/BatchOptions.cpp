#include "app/batch/BatchOptions.h"

#include "model/data/Examples.h"
#include "model/io/NumberFormat.h"
#include "model/io/PlotKind.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>

namespace linlab {

const char* BatchOptions::usage() {
    return "Usage: linlab --batch [FILE] [options]\n"
           "Runs the lesson's steps on FILE (a CSV or a .linlab project; none = the lesson's data) "
           "and\n"
           "prints one JSON report.\n"
           "\n"
           "  --example NAME        a built-in data set instead of FILE: lesson, practice, "
           "anscombe\n"
           "                        or penguins (with its label, ignored columns and model)\n"
           "  --label NAME|N        label column, by name or 1-based number (default: the last)\n"
           "  --features A,B,...    feature columns, numeric, categorical or date (default: every\n"
           "                        numeric and categorical column but the label and the ignored)\n"
           "  --scale S             multiply the features by S (default 1)\n"
           "  --normalize MODE      none | zscore | minmax (default none)\n"
           "  --ddof 0|1            std convention for zscore (default 0, as NumPy)\n"
           "  --decimal C           decimal separator in FILE ('.' or ','; default: detected)\n"
           "  --na LIST             cells read as missing, comma-separated, replacing the "
           "defaults\n"
           "                        (empty, NA, N/A, NaN, nan, null, NULL, ?, .); an empty item is "
           "\"\"\n"
           "  --missing drop|mean   a row with a missing label or feature is left out (drop, the "
           "default),\n"
           "                        or missing features are filled: the mean, or the most "
           "frequent level\n"
           "  --invalid error|missing   a cell that does not read as its column's type (\"1.5abc\" "
           "among\n"
           "                        numbers): exit 3 naming it (default), or read it as missing\n"
           "  --categorical A,B     read these columns (by name) as categories, e.g. numbered "
           "groups\n"
           "  --reference COL=LEVEL a category's reference level, which gets no dummy (repeatable "
           "or a\n"
           "                        comma list; default: the first level in sorted order)\n"
           "  --ignore A,B          columns left out of the default features\n"
           "  --weights W1,W2,...   model weights, in transformed units\n"
           "  --bias B              model bias (default: the lesson's 4,3 and 10 on its data; "
           "zeros for a file)\n"
           "  --fit none|lstsq|gd|ridge|lasso   fit the model: least squares, gradient descent, "
           "or\n"
           "                        scikit-learn's Ridge or Lasso on the transformed features "
           "(default none)\n"
           "  --alpha A             the ridge or lasso penalty, A >= 0 (default 1; 0: least "
           "squares)\n"
           "  --no-intercept        fit through the origin: the bias fixed at 0 in every fit and "
           "the\n"
           "                        inference (its R^2 uncentred, as R defines it)\n"
           "  --intercept           fit with an intercept (the default; overrides a project's "
           "fit\n"
           "                        through the origin)\n"
           "  --test-fraction F     hold out round(F n) random rows, 0 <= F < 1 (0: none): every "
           "fit\n"
           "                        uses the others; the report's train, test and test_rows\n"
           "                        (a .linlab project's intercept, split and seed hold unless "
           "given\n"
           "                        here, and its alpha with a --fit of its own penalty)\n"
           "  --cv K                K-fold cross-validation of the fit, 2 <= K <= rows (the "
           "report's cv)\n"
           "  --lr RATE             gradient-descent rate (default: half the stable bound "
           "2/lambda_max)\n"
           "  --epochs N            gradient-descent epochs at most (default 10000)\n"
           "  --tol T               converged when |gradient| <= T * max(1, |gradient at start|) "
           "(default 1e-9)\n"
           "  --momentum M          heavy-ball momentum for gd, 0 <= M < 1 (default 0: plain "
           "descent)\n"
           "  --batch-size B        rows per gd step, shuffled every epoch (default 0: full "
           "batch)\n"
           "  --seed S              seed of that shuffle (default 1) and of the split and folds "
           "(default 0),\n"
           "                        a whole number: same seed, same run on every machine\n"
           "  --confidence L        level of the intervals in the report's inference, 0 < L < 1 "
           "(default 0.95)\n"
           "  --predict NAME=V,...  predict the label at these feature values, with confidence "
           "and\n"
           "                        prediction intervals (repeatable): every feature, a category "
           "by "
           "level\n"
           "                        (species=Gentoo); the report's predictions_new\n"
           "  --derive NAME=EXPR    add a derived feature after the others (repeatable, in order): "
           "+ - * / ^,\n"
           "                        log exp sqrt abs sin cos tan log10 log2; columns by name, any "
           "name\n"
           "                        in brackets: --derive \"r=log([body mass]) * "
           "[species=Gentoo]\"\n"
           "  --poly COLUMN=DEGREE  add COLUMN^2 ... COLUMN^DEGREE (2 <= DEGREE <= 30) as derived "
           "features\n"
           "  --full                include features/labels/predictions/residuals past 1000 rows\n"
           "  --stream              read FILE in blocks and keep only its statistics (files "
           "larger\n"
           "                        than memory): no per-row keys; refuses options that need rows\n"
           "  --output PATH         write the report there (atomically) instead of stdout\n"
           "  --export-plot KIND=PATH   write a plot (repeatable); KIND: data, "
           "predicted-vs-actual,\n"
           "                        residuals, loss-surface, loss-curve; format from PATH: png, "
           "jpg, pdf, svg\n"
           "  --size WxH            plot size in pixels (default 1600x1000)\n"
           "  --export-numpy PATH   write a NumPy script that reproduces the report's numbers\n"
           "  --export-csv PATH     write the data with prediction and residual columns\n"
           "  --save-project PATH   write a LinLab project (.linlab) with the data, settings and "
           "model\n"
           "  --help, --version\n"
           "\n"
           "Exit status: 0 done; 2 bad usage; 3 bad input data (file, line and column on stderr);\n"
           "4 the report could not be written.\n";
}

bool BatchOptions::needsTypedReader() const {
    return missingTokens || !categorical.empty() || !reference.empty();
}

namespace {

double number(const std::string& option, const std::string& text) {
    const ParseResult r = parseDouble(text);
    if (!r.ok())
        throw UsageError(option + " expects a number, found \"" + text + "\" (" +
                         parseStatusText(r.status) + ")");
    return r.value;
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> parts;
    std::string current;
    for (char c : text) {
        if (c == ',') {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    return parts;
}

std::size_t count(const std::string& option, const std::string& text) {
    const double v = number(option, text);
    if (v < 0 || v != std::floor(v) || v > 1e12)
        throw UsageError(option + " expects a whole number from 0 up, found \"" + text + "\"");
    return static_cast<std::size_t>(v);
}

// A seed is an exact integer, so it is read as digits rather than through a double.
std::uint64_t seedNumber(const std::string& option, const std::string& text) {
    constexpr std::uint64_t limit =
        static_cast<std::uint64_t>(std::numeric_limits<long long>::max());
    std::uint64_t v = 0;
    bool ok = !text.empty() && text.size() <= 19;
    for (char c : text) {
        if (!ok || c < '0' || c > '9') {
            ok = false;
            break;
        }
        v = 10 * v + static_cast<std::uint64_t>(c - '0');
    }
    if (!ok ||
        v > limit) // 19 digits cannot overflow 64 bits; the report writes it as a signed integer
        throw UsageError(option + " expects a whole number from 0 to " + std::to_string(limit) +
                         ", found \"" + text + "\"");
    return v;
}

// A list of column names: none empty.
std::vector<std::string> columnList(const std::string& option, const std::string& text) {
    std::vector<std::string> names = splitList(text);
    for (const auto& name : names)
        if (name.empty())
            throw UsageError(option + " has an empty name");
    return names;
}

// --reference COL=LEVEL[,COL=LEVEL...]: a level is everything after the first '='.
void addReferences(const std::string& text, BatchOptions& o) {
    for (const std::string& item : splitList(text)) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
            throw UsageError("--reference expects COLUMN=LEVEL, found \"" + item + "\"");
        o.reference.emplace_back(item.substr(0, eq), item.substr(eq + 1));
    }
}

// --predict NAME=V[,NAME=V...]: a value is everything after the first '='.
std::vector<std::pair<std::string, std::string>> predictionInputs(const std::string& text) {
    std::vector<std::pair<std::string, std::string>> inputs;
    for (const std::string& item : splitList(text)) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
            throw UsageError("--predict expects NAME=VALUE, found \"" + item + "\"");
        inputs.emplace_back(item.substr(0, eq), item.substr(eq + 1));
    }
    return inputs;
}

// The options of real data: missing tokens, fills, invalid cells, categories, roles. False when
// `arg` is none of them.
bool parseDataOption(const std::string& arg, const std::function<std::string()>& take,
                     BatchOptions& o) {
    if (arg == "--na") {
        o.missingTokens = splitList(take()); // "" is an item: empty cells stay missing
    } else if (arg == "--missing") {
        const std::string v = take();
        if (v != "drop" && v != "mean")
            throw UsageError("--missing expects drop or mean, found \"" + v + "\"");
        o.fillMissing = v == "mean";
    } else if (arg == "--invalid") {
        const std::string v = take();
        if (v != "error" && v != "missing")
            throw UsageError("--invalid expects error or missing, found \"" + v + "\"");
        o.invalidAsMissing = v == "missing";
    } else if (arg == "--categorical") {
        for (auto& name : columnList(arg, take()))
            o.categorical.push_back(std::move(name));
    } else if (arg == "--reference") {
        addReferences(take(), o);
    } else if (arg == "--example") {
        o.example = take();
        if (!Examples::find(o.example))
            throw UsageError("--example expects one of " + Examples::names() + ", found \"" +
                             o.example + "\"");
    } else if (arg == "--ignore") {
        for (auto& name : columnList(arg, take()))
            o.ignored.push_back(std::move(name));
    } else {
        return false;
    }
    return true;
}

// Derived features: --derive NAME=EXPR (the name is everything before the first '='), --poly
// COLUMN=DEGREE (the degree after the last). False when `arg` is neither.
bool parseDerivedOption(const std::string& arg, const std::function<std::string()>& take,
                        BatchOptions& o) {
    if (arg != "--derive" && arg != "--poly")
        return false;
    const std::string v = take();
    if (arg == "--derive") {
        const auto eq = v.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == v.size())
            throw UsageError("--derive expects NAME=EXPRESSION, found \"" + v + "\"");
        o.derived.push_back({v.substr(0, eq), v.substr(eq + 1)});
    } else {
        const auto eq = v.rfind('=');
        const std::string degree = eq == std::string::npos ? std::string() : v.substr(eq + 1);
        const std::optional<double> k = degree.empty() ? std::nullopt : toDouble(degree);
        if (eq == 0 || !k || *k != std::floor(*k) || *k < 2 || *k > 30)
            throw UsageError("--poly expects COLUMN=DEGREE with a whole degree from 2 to 30, found "
                             "\"" +
                             v + "\"");
        for (DerivedSpec& spec : DerivedFeature::polynomial(v.substr(0, eq), int(*k)))
            o.derived.push_back(std::move(spec));
    }
    try {
        DerivedFeature check(o.derived.back()); // a syntax error is the command line's
    } catch (const std::invalid_argument& e) {
        throw UsageError(arg + ": " + e.what());
    }
    return true;
}

// Penalties, the intercept and held-out data: --alpha, --no-intercept, --test-fraction, --cv.
// False when `arg` is none of them.
bool parseHeldOutOption(const std::string& arg, const std::function<std::string()>& take,
                        bool hasInline, BatchOptions& o) {
    if (arg == "--alpha") {
        const std::string v = take();
        const ParseResult r = parseDouble(v);
        if (!r.ok() || !(r.value >= 0) || !std::isfinite(r.value))
            throw UsageError("--alpha expects a penalty of 0 or more, found \"" + v + "\"");
        o.alpha = r.value;
        o.alphaGiven = true;
    } else if (arg == "--no-intercept" || arg == "--intercept") {
        if (hasInline)
            throw UsageError(arg + " takes no value");
        if (o.interceptGiven && o.intercept != (arg == "--intercept"))
            throw UsageError("--intercept and --no-intercept cannot both be given");
        o.intercept = arg == "--intercept";
        o.interceptGiven = true;
    } else if (arg == "--test-fraction") {
        const std::string v = take();
        const ParseResult r = parseDouble(v);
        if (!r.ok() || !(r.value >= 0 && r.value < 1))
            throw UsageError("--test-fraction expects a fraction from 0 up to 1 (e.g. 0.2), "
                             "found \"" +
                             v + "\"");
        o.testFraction = r.value;
        o.testFractionGiven = true;
    } else if (arg == "--cv") {
        const std::string v = take();
        const ParseResult r = parseDouble(v);
        if (!r.ok() || !(r.value >= 2) || r.value != std::floor(r.value) || r.value > 1e12)
            throw UsageError("--cv expects a whole number of folds from 2 up, found \"" + v + "\"");
        o.cvFolds = static_cast<arma::uword>(r.value);
    } else {
        return false;
    }
    return true;
}

// The combinations the held-out options refuse.
void checkHeldOutOptions(const BatchOptions& o) {
    using Fit = BatchOptions::Fit;
    if (o.alphaGiven && o.fit != Fit::Ridge && o.fit != Fit::Lasso)
        throw UsageError("--alpha needs --fit ridge or --fit lasso");
    if (!o.intercept && o.bias)
        throw UsageError("--bias cannot be given with --no-intercept (the bias is 0)");
}

} // namespace

const std::vector<std::string>& BatchOptions::plotKinds() {
    static const std::vector<std::string> kinds = plotKindNames();
    return kinds;
}

// --example: the data set's label, ignored columns, transform and model, where no option says
// otherwise (the window opens it the same way).
static void applyExample(BatchOptions& o) {
    if (!o.file.empty())
        throw UsageError("--example takes the place of FILE: give one of them (found \"" + o.file +
                         "\")");
    const Example& e = *Examples::find(o.example);
    if (o.label.empty())
        o.label = e.label;
    if (o.features.empty())
        for (const std::string& name : e.ignored)
            if (std::find(o.ignored.begin(), o.ignored.end(), name) == o.ignored.end())
                o.ignored.push_back(name);
    if (!o.normalizeGiven)
        o.transform.normalization = e.transform.normalization;
    if (!o.weights && !o.bias && !e.weights.is_empty()) {
        o.weights = arma::conv_to<std::vector<double>>::from(e.weights);
        o.bias = e.bias;
    }
}

BatchOptions BatchOptions::parse(const std::vector<std::string>& args) {
    BatchOptions o;
    bool haveFile = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        std::string inlineValue;
        bool hasInline = false;
        if (arg.rfind("--", 0) == 0) {
            const auto eq = arg.find('=');
            if (eq != std::string::npos) {
                inlineValue = arg.substr(eq + 1);
                arg = arg.substr(0, eq);
                hasInline = true;
            }
        }
        auto take = [&]() -> std::string {
            if (hasInline)
                return inlineValue;
            if (i + 1 >= args.size())
                throw UsageError(arg + " needs a value");
            return args[++i];
        };
        auto flag = [&]() {
            if (hasInline)
                throw UsageError(arg + " takes no value");
        };

        if (arg == "--batch") {
            flag();
        } else if (arg == "--help" || arg == "-h") {
            flag();
            o.help = true;
        } else if (arg == "--version") {
            flag();
            o.version = true;
        } else if (arg == "--full") {
            flag();
            o.full = true;
        } else if (arg == "--stream") {
            flag();
            o.stream = true;
        } else if (arg == "--label") {
            o.label = take();
            if (o.label.empty())
                throw UsageError("--label needs a column name or number");
        } else if (arg == "--features") {
            o.features = columnList(arg, take());
        } else if (arg == "--scale") {
            o.transform.scale = number(arg, take());
            o.scaleGiven = true;
        } else if (arg == "--normalize") {
            const std::string v = take();
            if (!parseNormalization(v, o.transform.normalization))
                throw UsageError("--normalize expects none, zscore or minmax, found \"" + v + "\"");
            o.normalizeGiven = true;
        } else if (arg == "--ddof") {
            const std::string v = take();
            if (v != "0" && v != "1")
                throw UsageError("--ddof expects 0 or 1, found \"" + v + "\"");
            o.transform.ddof = v == "1" ? 1 : 0;
            o.ddofGiven = true;
        } else if (arg == "--decimal") {
            const std::string v = take();
            if (v != "." && v != ",")
                throw UsageError("--decimal expects '.' or ',', found \"" + v + "\"");
            o.decimal = v[0];
        } else if (arg == "--weights") {
            std::vector<double> w;
            const std::string v = take();
            if (!v.empty())
                for (const auto& part : splitList(v))
                    w.push_back(number(arg, part));
            o.weights = w;
        } else if (arg == "--bias") {
            o.bias = number(arg, take());
        } else if (arg == "--fit") {
            const std::string v = take();
            if (v == "none")
                o.fit = Fit::None;
            else if (v == "lstsq")
                o.fit = Fit::LeastSquares;
            else if (v == "gd")
                o.fit = Fit::GradientDescent;
            else if (v == "ridge")
                o.fit = Fit::Ridge;
            else if (v == "lasso")
                o.fit = Fit::Lasso;
            else
                throw UsageError("--fit expects none, lstsq, gd, ridge or lasso, found \"" + v +
                                 "\"");
        } else if (arg == "--lr") {
            o.gd.learningRate = number(arg, take());
            if (!(o.gd.learningRate > 0))
                throw UsageError("--lr expects a rate above 0");
        } else if (arg == "--epochs") {
            o.gd.maxEpochs = count(arg, take());
        } else if (arg == "--tol") {
            o.gd.tolerance = number(arg, take());
            if (o.gd.tolerance < 0)
                throw UsageError("--tol expects a tolerance of 0 or more");
        } else if (arg == "--momentum") {
            o.gd.momentum = number(arg, take());
            if (!(o.gd.momentum >= 0 && o.gd.momentum < 1))
                throw UsageError("--momentum expects a value from 0 up to, not including, 1");
        } else if (arg == "--batch-size") {
            o.gd.batchSize = count(arg, take());
        } else if (arg == "--seed") {
            o.gd.seed = o.splitSeed = seedNumber(arg, take());
            o.seedGiven = true;
        } else if (arg == "--confidence") {
            const std::string v = take();
            const ParseResult r = parseDouble(v);
            if (!r.ok() || !(r.value > 0 && r.value < 1))
                throw UsageError("--confidence expects a level between 0 and 1 (e.g. 0.95), "
                                 "found \"" +
                                 v + "\"");
            o.confidence = r.value;
        } else if (arg == "--predict") {
            o.predict.push_back(predictionInputs(take()));
        } else if (arg == "--export-plot") {
            const std::string v = take();
            const auto eq = v.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == v.size())
                throw UsageError("--export-plot expects KIND=PATH, found \"" + v + "\"");
            const std::string kind = v.substr(0, eq);
            const auto& kinds = plotKinds();
            if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
                throw UsageError("--export-plot: unknown plot \"" + kind + "\" (" + plotKindList() +
                                 ")");
            o.exportPlots.emplace_back(kind, v.substr(eq + 1));
        } else if (arg == "--size") {
            const std::string v = take();
            const auto x = v.find_first_of("xX");
            const auto w = x == std::string::npos ? std::nullopt : toDouble(v.substr(0, x));
            const auto h = x == std::string::npos ? std::nullopt : toDouble(v.substr(x + 1));
            if (!w || !h || *w != std::floor(*w) || *h != std::floor(*h) || *w < 16 || *h < 16 ||
                *w > 20000 || *h > 20000)
                throw UsageError("--size expects WxH in whole pixels from 16 to 20000, found \"" +
                                 v + "\"");
            o.width = static_cast<int>(*w);
            o.height = static_cast<int>(*h);
        } else if (arg == "--export-numpy" || arg == "--export-csv" || arg == "--save-project") {
            const std::string v = take();
            if (v.empty())
                throw UsageError(arg + " needs a path");
            (arg == "--export-numpy" ? o.exportNumpy
             : arg == "--export-csv" ? o.exportCsv
                                     : o.saveProject) = v;
        } else if (arg == "--output") {
            o.output = take();
            if (o.output.empty())
                throw UsageError("--output needs a path");
        } else if (parseDataOption(arg, take, o) || parseDerivedOption(arg, take, o) ||
                   parseHeldOutOption(arg, take, hasInline, o)) {
            // done
        } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
            throw UsageError("unknown option " + arg);
        } else {
            if (haveFile)
                throw UsageError("only one FILE may be given (found \"" + o.file + "\" and \"" +
                                 arg + "\")");
            o.file = arg;
            haveFile = true;
        }
    }
    if (!o.example.empty())
        applyExample(o);
    checkHeldOutOptions(o);
    o.gd.intercept = o.intercept; // what replays the run (plots) must keep b at 0 too
    return o;
}

} // namespace linlab
