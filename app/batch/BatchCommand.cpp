#include "app/batch/BatchCommand.h"

#include "app/batch/BatchHooks.h"
#include "app/batch/BatchOptions.h"
#include "app/batch/JsonWriter.h"
#include "model/fit/Analysis.h"
#include "model/io/AtomicFile.h"
#include "model/io/CsvError.h"
#include "model/io/CsvReader.h"
#include "model/io/CsvTable.h"
#include "model/io/CsvWriter.h"
#include "model/io/DataExport.h"
#include "model/io/NumberFormat.h"
#include "model/io/NumpyScript.h"
#include "model/support/Parallel.h"

#include <algorithm>
#include <optional>
#include <ostream>

#ifndef LINLAB_VERSION
#define LINLAB_VERSION "0.0.0"
#endif

namespace linlab {

namespace {

// Reports past this many rows leave out the per-row arrays unless --full is given.
constexpr arma::uword kPerRowLimit = 1000;

CsvTable lessonTable() {
    const Dataset lesson = Dataset::lesson();
    CsvTable t;
    t.names = lesson.featureNames();
    t.names.push_back(lesson.labelName());
    t.data = arma::join_rows(lesson.features(), lesson.labels());
    t.hadHeader = true;
    return t;
}

// A column named NAME, else a 1-based column number N.
arma::uword findColumn(const CsvTable& table, const std::string& option, const std::string& wanted,
                       const std::string& source) {
    for (arma::uword c = 0; c < table.names.size(); ++c)
        if (table.names[c] == wanted)
            return c;
    if (!wanted.empty() &&
        std::all_of(wanted.begin(), wanted.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
        wanted.size() < 10) {
        const unsigned long k = std::stoul(wanted);
        if (k >= 1 && k <= table.names.size())
            return k - 1;
    }
    std::string names;
    for (const auto& n : table.names)
        names += (names.empty() ? "" : ", ") + n;
    throw UsageError(option + ": no column \"" + wanted + "\" in " + source +
                     " (columns: " + names + ")");
}

// The transform fitted to the features: its settings and per-feature statistics.
void reportTransform(JsonWriter& j, const Transform& t) {
    j.beginObject("transform");
    j.value("scale", t.settings().scale);
    j.value("normalize", normalizationName(t.settings().normalization));
    j.value("ddof", static_cast<long long>(t.settings().ddof));
    j.value("mean", t.mean());
    j.value("std", t.stddev());
    j.value("min", t.min());
    j.value("max", t.max());
    j.value("zero_variance", t.zeroSpread());
    j.endObject();
}

void reportLeastSquares(JsonWriter& j, const LeastSquaresResult& ls) {
    j.beginObject("least_squares");
    j.value("weights", ls.weights);
    j.value("bias", ls.bias);
    j.value("mse", ls.mse);
    j.value("rank", static_cast<long long>(ls.rank));
    j.value("rank_deficient", ls.rankDeficient);
    j.value("condition_number", ls.conditionNumber);
    j.endObject();
}

// The "fit" object's keys for a gradient-descent run.
void reportDescent(JsonWriter& j, const BatchOptions& o, const GradientDescentResult& gd,
                   const LinearModel& model) {
    j.value("lr", gd.learningRate);
    j.value("lr_stable_max", gd.stableRateMax);
    j.value("epochs_run", static_cast<long long>(gd.epochsRun));
    j.value("converged", gd.converged);
    j.value("diverged", gd.diverged);
    j.value("stop_reason", stopReasonName(gd.stopReason));
    j.value("loss_history", gd.lossHistory);
    // Past GradientDescentSettings::maxLossHistoryPoints the history is thinned as the
    // trajectory is: then the epoch of each point follows (shorter runs keep every epoch and
    // their report as it was).
    if (!gd.lossHistoryComplete()) {
        j.beginArray("loss_history_epochs");
        for (const std::size_t epoch : gd.lossHistoryEpochs)
            j.value({}, static_cast<long long>(epoch));
        j.endArray();
    }
    j.value("momentum", o.gd.momentum);
    j.value("batch_size", static_cast<long long>(o.gd.batchSize));
    j.value("seed", static_cast<long long>(o.gd.seed)); // --seed keeps it within long long
    // The path taken, for drawing on the loss surface: "trajectory" holds one row
    // [w1, ..., wd, b] per point (at most 1000, the start first and the final model last)
    // and "trajectory_epochs" the epoch of each row (0 = the start).
    arma::mat path(gd.trajectory.size(), model.weights().n_elem + 1);
    for (arma::uword k = 0; k < path.n_rows; ++k)
        path.row(k) = gd.trajectory[k].t();
    j.rows("trajectory", path);
    j.beginArray("trajectory_epochs");
    for (const std::size_t epoch : gd.trajectoryEpochs)
        j.value({}, static_cast<long long>(epoch));
    j.endArray();
}

// The "fit" object's keys for least squares: solved, not iterated.
void reportSolved(JsonWriter& j, const Analysis& analysis) {
    const LeastSquaresResult& ls = analysis.statistics().leastSquares();
    j.null("lr");
    j.value("lr_stable_max", analysis.statistics().stableLearningRate());
    j.value("epochs_run", 0LL);
    j.value("converged", true);
    j.value("diverged", false);
    j.value("stop_reason", ls.rankDeficient ? "rank_deficient_minimum_norm" : "solved");
    j.value("loss_history", std::vector<double>{});
}

// The report reads the analysis only: the dataset's own numbers may be gone by then.
std::string report(const BatchOptions& o, const std::vector<std::string>& featureNames,
                   const std::string& labelName, const Analysis& analysis, const LinearModel& model,
                   const GradientDescentResult* gd) {
    const Transform& t = analysis.transform();
    const Evaluation ev = analysis.evaluate(model);
    const arma::uword rows = analysis.labels().n_elem;
    const bool perRow = o.full || rows <= kPerRowLimit;

    JsonWriter j;
    j.beginObject();
    j.value("n_samples", static_cast<long long>(rows));
    j.value("n_features", static_cast<long long>(analysis.features().n_cols));
    j.value("feature_names", featureNames);
    j.value("label_name", labelName);
    reportTransform(j, t);
    if (perRow) {
        j.rows("features", analysis.features());
        j.value("labels", analysis.labels());
    }
    j.value("weights", model.weights());
    j.value("bias", model.bias());
    j.value("weights_original", t.weightsToOriginal(model.weights()));
    j.value("bias_original", t.biasToOriginal(model.weights(), model.bias()));
    if (perRow) {
        j.value("predictions", ev.predictions);
        j.value("residuals", ev.residuals);
    }
    j.value("mse", ev.metrics.mse);
    j.value("rmse", ev.metrics.rmse);
    j.value("mae", ev.metrics.mae);
    j.value("r2", ev.metrics.r2);
    j.value("grad_weights", ev.gradient.weights);
    j.value("grad_bias", ev.gradient.bias);
    j.value("lesson_gradient", ev.lessonGradient);
    reportLeastSquares(j, analysis.statistics().leastSquares());
    if (o.fit != BatchOptions::Fit::None) {
        j.beginObject("fit");
        j.value("method", o.fit == BatchOptions::Fit::LeastSquares ? "lstsq" : "gd");
        if (gd)
            reportDescent(j, o, *gd, model);
        else
            reportSolved(j, analysis);
        j.endObject();
    }
    j.endObject();
    return j.text();
}

} // namespace

namespace {
bool endsWith(const std::string& s, const std::string& suffix) {
    if (s.size() < suffix.size())
        return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        char c = s[s.size() - suffix.size() + i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != suffix[i])
            return false;
    }
    return true;
}

bool isProject(const std::string& file) {
    return endsWith(file, ".linlab");
}

// A dataset as a table, so --label and --features pick from a project's columns as from a CSV's.
CsvTable tableOf(const Dataset& d) {
    CsvTable t;
    t.names = d.featureNames();
    t.names.push_back(d.labelName());
    t.data = arma::join_rows(d.features(), d.labels());
    t.hadHeader = true;
    return t;
}

// Thrown for a failed export: exit status 4, like a failed --output.
class WriteError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
} // namespace

namespace {

// Projects and plots need the Qt side (the hooks).
bool wantsHooks(const BatchOptions& o) {
    return isProject(o.file) || !o.exportPlots.empty() || !o.saveProject.empty();
}

// What the command reads: the table, and the project it came from if it is one.
struct Input {
    CsvTable table;
    std::optional<BatchProject> project;
};

// Step 1: the lesson's data, a project (through the hooks) or a CSV file.
Input loadInput(const BatchOptions& o, BatchHooks* hooks) {
    Input in;
    if (o.file.empty()) {
        in.table = lessonTable();
    } else if (isProject(o.file)) {
        in.project = hooks->loadProject(o.file);
        in.table = tableOf(in.project->dataset);
    } else {
        CsvReadOptions readOptions;
        readOptions.decimal = o.decimal;
        in.table = CsvReader::readFile(o.file, readOptions);
    }
    return in;
}

// Step 2: the label and feature columns picked from the table (which the dataset takes over:
// a million rows are not held twice).
Dataset pickDataset(const BatchOptions& o, CsvTable&& table, const std::string& source) {
    const arma::uword label =
        o.label.empty() ? table.data.n_cols - 1 : findColumn(table, "--label", o.label, source);
    std::vector<arma::uword> featureColumns;
    for (const auto& f : o.features) {
        const arma::uword column = findColumn(table, "--features", f, source);
        // A column twice is a mistake (and a copy of it makes the fit singular).
        if (std::find(featureColumns.begin(), featureColumns.end(), column) != featureColumns.end())
            throw UsageError("--features: column \"" + table.names[column] + "\" is named twice");
        featureColumns.push_back(column);
    }
    return Dataset::fromTable(std::move(table), label, featureColumns);
}

// Step 3: a project brings its own settings; options given on the command line win.
TransformSettings transformSettings(const BatchOptions& o,
                                    const std::optional<BatchProject>& project) {
    TransformSettings settings = o.transform;
    if (project) {
        if (!o.scaleGiven)
            settings.scale = project->transform.scale;
        if (!o.normalizeGiven)
            settings.normalization = project->transform.normalization;
        if (!o.ddofGiven)
            settings.ddof = project->transform.ddof;
    }
    return settings;
}

// Step 4: the file's numbers are finite, but a scale factor can carry values near 1e300 past the
// largest double: name the column rather than report a page of nulls. (A pass over every value:
// the columns are shared between two threads.)
void checkTransformedFinite(const Dataset& data, const Analysis& analysis,
                            const TransformSettings& settings) {
    const arma::uword d = data.featureCount();
    std::vector<char> finite(d);
    forEachIndex(d, data.rowCount() * d,
                 [&](std::size_t c) { finite[c] = analysis.features().col(c).is_finite(); });
    for (arma::uword c = 0; c < d; ++c)
        if (!finite[c])
            throw std::invalid_argument("--scale " + formatDouble(settings.scale) +
                                        " takes feature \"" + data.featureNames()[c] +
                                        "\" past the largest double");
}

// Step 5: the model to start from: the lesson's on its data, a project's own when its columns
// are the ones used, zeros otherwise; then --weights and --bias.
LinearModel startModel(const BatchOptions& o, const Dataset& data,
                       const std::optional<BatchProject>& project) {
    const arma::uword d = data.featureCount();
    LinearModel model(d);
    if (o.file.empty() && data.isLesson())
        model = LinearModel(Dataset::lessonWeights(), Dataset::lessonBias());
    const bool sameColumns = project && data.featureNames() == project->dataset.featureNames() &&
                             data.labelName() == project->dataset.labelName();
    if (sameColumns && project->model.weights().n_elem == d)
        model = project->model;
    if (o.weights) {
        if (o.weights->size() != d)
            throw UsageError("--weights has " + std::to_string(o.weights->size()) + " values for " +
                             std::to_string(d) + " features");
        model.setWeights(arma::vec(*o.weights));
    }
    if (o.bias)
        model.setBias(*o.bias);
    return model;
}

// Step 6: --fit: the model least squares gives, or where gradient descent from `start` ends
// (its run kept in `gd`, returned as true).
bool fitModel(const BatchOptions& o, const Analysis& analysis, LinearModel& model,
              GradientDescentResult& gd) {
    if (o.fit == BatchOptions::Fit::LeastSquares) {
        const LeastSquaresResult& ls = analysis.statistics().leastSquares();
        model = LinearModel(ls.weights, ls.bias);
    } else if (o.fit == BatchOptions::Fit::GradientDescent) {
        gd = GradientDescent::run(analysis.statistics(), analysis.features(), analysis.labels(),
                                  model, o.gd);
        model = gd.model;
        return true;
    }
    return false;
}

// Step 7: plots, project, CSV and NumPy script, before anything goes to stdout: if one fails,
// the status says so (WriteError) and the report is not printed.
void writeExports(const BatchOptions& o, BatchHooks* hooks, const Dataset& data,
                  const TransformSettings& settings, const Analysis& analysis,
                  const LinearModel& start, const LinearModel& model,
                  const GradientDescentResult* gd) {
    try {
        if (!o.exportPlots.empty() || !o.saveProject.empty()) {
            // A project holds a copy of the data: made only for the hooks that need it.
            const BatchProject state{data, settings, model};
            const BatchRun run{start, o.gd};
            for (const auto& [kind, path] : o.exportPlots)
                hooks->exportPlot(kind, path, o.width, o.height,
                                  gd ? BatchProject{data, settings, start} : state,
                                  gd ? &run : nullptr);
            if (!o.saveProject.empty())
                hooks->saveProject(o.saveProject, state);
        }
        if (!o.exportCsv.empty()) {
            const CsvTable t =
                DataExport::table(data, analysis, analysis.evaluate(model), {false, true});
            CsvWriter::writeFile(o.exportCsv, t.names, t.data);
        }
        if (!o.exportNumpy.empty()) {
            // Plain full-batch gradient descent is repeated in the script; momentum and
            // mini-batch runs are not, so the script starts from their result instead.
            const bool repeatRun = gd && o.gd.momentum == 0.0 &&
                                   (o.gd.batchSize == 0 || o.gd.batchSize >= data.rowCount());
            const std::string script = repeatRun
                                           ? NumpyScript::generate(data, settings, start, o.gd)
                                           : NumpyScript::generate(data, settings, model);
            writeFileAtomically(o.exportNumpy, script);
        }
    } catch (const std::exception& e) {
        throw WriteError(e.what());
    }
}

// Step 8: the report to stdout, or atomically to --output.
int deliver(const BatchOptions& o, const std::string& text, std::ostream& out, std::ostream& err) {
    if (o.output.empty()) {
        out << text;
        out.flush();
        return BatchCommand::Done;
    }
    try {
        writeFileAtomically(o.output, text);
    } catch (const std::runtime_error& e) {
        err << "linlab: " << e.what() << "\n";
        return BatchCommand::WriteFailed;
    }
    return BatchCommand::Done;
}

// Steps 2 to 8 on the loaded input.
int runOn(const BatchOptions& o, Input&& in, const std::string& source, std::ostream& out,
          std::ostream& err, BatchHooks* hooks) {
    Dataset data = pickDataset(o, std::move(in.table), source);
    const TransformSettings settings = transformSettings(o, in.project);
    const Analysis analysis(data, settings);
    checkTransformedFinite(data, analysis, settings);

    const LinearModel start = startModel(o, data, in.project);
    LinearModel model = start;
    GradientDescentResult gd;
    const GradientDescentResult* gdPtr = fitModel(o, analysis, model, gd) ? &gd : nullptr;
    writeExports(o, hooks, data, settings, analysis, start, model, gdPtr);

    // Past the exports only the analysis is read, which holds its own (transformed) copy of the
    // numbers: letting the loaded ones go keeps a large table from being in memory twice while
    // the report is built.
    const std::vector<std::string> featureNames = data.featureNames();
    const std::string labelName = data.labelName();
    data = Dataset();
    return deliver(o, report(o, featureNames, labelName, analysis, model, gdPtr), out, err);
}

} // namespace

bool BatchCommand::needsHooks(const std::vector<std::string>& args) {
    try {
        return wantsHooks(BatchOptions::parse(args));
    } catch (const UsageError&) {
        return false; // run() reports it
    }
}

int BatchCommand::run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                      BatchHooks* hooks) {
    BatchOptions o;
    try {
        o = BatchOptions::parse(args);
    } catch (const UsageError& e) {
        err << "linlab: " << e.what() << " (see linlab --help)\n";
        return BadUsage;
    }
    if (o.help) {
        out << BatchOptions::usage();
        return Done;
    }
    if (o.version) {
        out << "linlab " << LINLAB_VERSION << "\n";
        return Done;
    }
    if (wantsHooks(o) && !hooks) {
        err << "linlab: project files and plot exports need the full program (see linlab --help)\n";
        return BadUsage;
    }

    Input in;
    try {
        in = loadInput(o, hooks);
    } catch (const std::exception& e) { // CsvError and a project's errors name the file
        err << "linlab: " << e.what() << "\n";
        return BadData;
    }

    const std::string source = o.file.empty() ? std::string("the lesson's data") : o.file;
    try {
        return runOn(o, std::move(in), source, out, err, hooks);
    } catch (const UsageError& e) {
        err << "linlab: " << e.what() << " (see linlab --help)\n";
        return BadUsage;
    } catch (const WriteError& e) {
        err << "linlab: " << e.what() << "\n";
        return WriteFailed;
    } catch (const std::exception& e) { // std::invalid_argument among them
        err << "linlab: " << source << ": " << e.what() << "\n";
        return BadData;
    }
}

} // namespace linlab
