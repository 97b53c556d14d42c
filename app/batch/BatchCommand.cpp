#include "app/batch/BatchCommand.h"

#include "app/batch/BatchFit.h"
#include "app/batch/BatchHooks.h"
#include "app/batch/BatchInput.h"
#include "app/batch/BatchOptions.h"
#include "app/batch/BatchReport.h"
#include "app/batch/BatchStream.h"
#include "model/data/DerivedFeature.h"
#include "model/fit/Analysis.h"
#include "model/io/AtomicFile.h"
#include "model/io/CsvError.h"
#include "model/io/CsvTable.h"
#include "model/io/CsvWriter.h"
#include "model/io/DataExport.h"
#include "model/io/NumberFormat.h"
#include "model/io/NumpyScript.h"
#include "model/support/Parallel.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <ostream>

#ifndef LINLAB_VERSION
#define LINLAB_VERSION "0.0.0"
#endif

namespace linlab {

namespace {

// Thrown for a failed export: exit status 4, like a failed --output.
class WriteError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Projects and plots need the Qt side (the hooks).
bool wantsHooks(const BatchOptions& o) {
    return BatchInput::isProject(o.file) || !o.exportPlots.empty() || !o.saveProject.empty();
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
    BatchFit::applyGivenModel(o, model);
    if (!o.intercept)
        model.setBias(0.0); // through the origin
    return model;
}

// The categorical feature columns of the design, by name, with their levels.
std::map<std::string, std::vector<std::string>> categoricalFeatures(const TableSummary& s) {
    std::map<std::string, std::vector<std::string>> out;
    for (const ColumnSummary& c : s.columns)
        if (c.type == "categorical" && c.role == "feature")
            out[c.name] = c.levels;
    return out;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

// --predict with derived features (the last of the features): each computed from the values
// given, in order. Throws UsageError for a source that is no feature or a value not finite.
void deriveInputs(const std::vector<DerivedSpec>& derived,
                  const std::vector<std::string>& featureNames, arma::vec& x) {
    const std::size_t first = featureNames.size() - derived.size();
    for (std::size_t k = 0; k < derived.size(); ++k) {
        const DerivedFeature f(derived[k]);
        std::vector<double> values;
        for (const std::string& source : f.sources()) {
            const auto at =
                std::find(featureNames.begin(), featureNames.begin() + long(first + k), source);
            if (at == featureNames.begin() + long(first + k))
                throw UsageError("--predict cannot compute derived feature \"" + f.name() +
                                 "\": it reads \"" + source + "\", which is no feature");
            values.push_back(x(arma::uword(at - featureNames.begin())));
        }
        x(first + k) = f.evaluateRow(values);
        if (!std::isfinite(x(first + k)))
            throw UsageError("--predict: derived feature \"" + f.name() + "\" = \"" +
                             f.expression() + "\" gives " + formatDouble(x(first + k)) +
                             " at these values");
    }
}

// One --predict: every feature's value (a category by its level) into the design's columns, in
// the features' units. Throws UsageError naming an unknown feature, level or number, or a
// feature left out.
NewPrediction newPrediction(const std::vector<std::pair<std::string, std::string>>& spec,
                            const std::vector<std::string>& featureNames,
                            const TableSummary& summary, const Regression& regression,
                            const std::vector<DerivedSpec>& derived) {
    const auto categories = categoricalFeatures(summary);
    std::map<std::string, std::string> levelOf;
    std::map<std::string, double> valueOf;
    std::vector<std::string> numeric;
    const std::size_t given = featureNames.size() - derived.size(); // derived: computed
    for (std::size_t k = 0; k < given; ++k) {
        const std::string& name = featureNames[k];
        const auto eq = name.find('=');
        if (eq == std::string::npos || !categories.count(name.substr(0, eq)))
            numeric.push_back(name);
    }
    NewPrediction p;
    for (const auto& [name, text] : spec) {
        if (valueOf.count(name) || levelOf.count(name))
            throw UsageError("--predict gives \"" + name + "\" twice");
        NewPrediction::Input in;
        in.name = name;
        if (const auto c = categories.find(name); c != categories.end()) {
            if (std::find(c->second.begin(), c->second.end(), text) == c->second.end())
                throw UsageError("--predict: \"" + name + "\" has no level \"" + text + "\" (" +
                                 joined(c->second) + ")");
            in.isLevel = true;
            in.level = levelOf[name] = text;
        } else if (std::find(numeric.begin(), numeric.end(), name) != numeric.end()) {
            const ParseResult r = parseDouble(text);
            if (!r.ok())
                throw UsageError("--predict: the value of \"" + name + "\" is not a number: \"" +
                                 text + "\"");
            in.value = valueOf[name] = r.value;
        } else {
            throw UsageError("--predict: no feature named \"" + name + "\" (features: " +
                             joined(numeric) + (categories.empty() ? "" : ", ") + joined([&] {
                                 std::vector<std::string> names;
                                 for (const auto& c : categories)
                                     names.push_back(c.first);
                                 return names;
                             }()) +
                             ")");
        }
        p.inputs.push_back(in);
    }
    arma::vec x(featureNames.size(), arma::fill::zeros);
    for (std::size_t k = 0; k < given; ++k) {
        const std::string& name = featureNames[k];
        if (std::find(numeric.begin(), numeric.end(), name) != numeric.end()) {
            if (!valueOf.count(name))
                throw UsageError("--predict has no value for feature \"" + name + "\"");
            x(k) = valueOf[name];
            continue;
        }
        const auto eq = name.find('=');
        const std::string column = name.substr(0, eq);
        if (!levelOf.count(column))
            throw UsageError("--predict has no level for feature \"" + column + "\"");
        x(k) = levelOf[column] == name.substr(eq + 1) ? 1.0 : 0.0;
    }
    for (const auto& c : categories) // a category with every level a reference: no dummy
        if (!levelOf.count(c.first))
            throw UsageError("--predict has no level for feature \"" + c.first + "\"");
    deriveInputs(derived, featureNames, x);
    p.interval = regression.predict(x);
    return p;
}

BatchInference inferenceOf(const BatchOptions& o, const Analysis& analysis,
                           const std::vector<std::string>& featureNames,
                           const TableSummary& summary, const std::optional<TrainTestRows>& split) {
    BatchInference inference{BatchFit::inference(o, analysis, featureNames, split), {}};
    for (const auto& spec : o.predict)
        inference.predictions.push_back(
            newPrediction(spec, featureNames, summary, inference.regression, o.derived));
    return inference;
}

// Step 7: plots, project, CSV and NumPy script, before anything goes to stdout: if one fails,
// the status says so (WriteError) and the report is not printed.
void writeExports(const BatchOptions& o, BatchHooks* hooks, const Dataset& data,
                  const std::optional<SourceTable>& source, const TransformSettings& settings,
                  const Analysis& analysis, const LinearModel& start, const LinearModel& model,
                  const GradientDescentResult* gd) {
    try {
        if (!o.exportPlots.empty() || !o.saveProject.empty()) {
            // A project holds a copy of the data: made only for the hooks that need it.
            const FitSettings fit = BatchFit::settingsOf(o);
            const BatchProject state{data, settings, model, fit};
            const BatchRun run{start, o.gd};
            for (const auto& [kind, path] : o.exportPlots)
                hooks->exportPlot(kind, path, o.width, o.height,
                                  gd ? BatchProject{data, settings, start, fit} : state,
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
            // (Nor are runs through the origin or on the train rows of a split.)
            const bool repeatRun = gd && o.gd.momentum == 0.0 &&
                                   (o.gd.batchSize == 0 || o.gd.batchSize >= data.rowCount()) &&
                                   o.intercept && !(o.testFraction > 0);
            const LinearModel& from = repeatRun ? start : model;
            const std::optional<GradientDescentSettings> run =
                repeatRun ? std::optional<GradientDescentSettings>(o.gd) : std::nullopt;
            const std::string script =
                source ? NumpyScript::generate(*source, settings, from, run)
                       : NumpyScript::generate(data, o.derived, settings, from, run);
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

// Steps 2 to 8 on the loaded input. Step 2: the label and features chosen from the table (which
// the dataset takes over: a million rows are not held twice).
int runOn(const BatchOptions& given, BatchInput&& in, const std::string& source, std::ostream& out,
          std::ostream& err, BatchHooks* hooks) {
    const std::optional<BatchProject>& project = in.project(); // pick() leaves it
    const BatchOptions o = project ? BatchFit::withProjectFit(given, project->fit) : given;
    BatchData picked = std::move(in).pick(o, source);
    Dataset& data = picked.dataset;
    const TransformSettings settings = transformSettings(o, project);
    const Analysis analysis(data, settings);
    checkTransformedFinite(data, analysis, settings);

    // --predict's mistakes are the user's: said before anything is written. Step 6: --fit (on
    // the train rows of a split), the held-out metrics and the cross-validation.
    const std::optional<TrainTestRows> split = BatchFit::split(o, analysis.labels().n_elem);
    const BatchInference inference =
        inferenceOf(o, analysis, data.featureNames(), picked.summary, split);
    const LinearModel start = startModel(o, data, project);
    const BatchFitResult fitted = BatchFit::run(o, analysis, start, split);
    const LinearModel& model = fitted.model;
    const GradientDescentResult* gdPtr = fitted.descent ? &fitted.gd : nullptr;
    writeExports(o, hooks, data, picked.source, settings, analysis, start, model, gdPtr);
    picked.source.reset();

    // Past the exports only the analysis is read, which holds its own (transformed) copy of the
    // numbers: letting the loaded ones go keeps a large table from being in memory twice while
    // the report is built.
    const std::vector<std::string> featureNames = data.featureNames();
    const std::string labelName = data.labelName();
    data = Dataset();
    return deliver(o,
                   BatchReport::write(o, picked.summary, featureNames, labelName, analysis, model,
                                      gdPtr, inference, &fitted),
                   out, err);
}

// --stream: the file read in blocks (BatchStream), its report delivered as any other.
int runStream(const BatchOptions& o, std::ostream& out, std::ostream& err) {
    std::string text;
    try {
        text = BatchStream::report(o);
    } catch (const UsageError& e) {
        err << "linlab: " << e.what() << " (see linlab --help)\n";
        return BatchCommand::BadUsage;
    } catch (const CsvError& e) { // names the file, line and column
        err << "linlab: " << e.what() << "\n";
        return BatchCommand::BadData;
    } catch (const std::exception& e) {
        err << "linlab: " << o.file << ": " << e.what() << "\n";
        return BatchCommand::BadData;
    }
    return deliver(o, text, out, err);
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
    if (o.stream)
        return runStream(o, out, err);
    if (wantsHooks(o) && !hooks) {
        err << "linlab: project files and plot exports need the full program (see linlab --help)\n";
        return BadUsage;
    }

    BatchInput in;
    try {
        in = BatchInput::load(o, hooks);
    } catch (const UsageError& e) { // a --categorical name that is no column
        err << "linlab: " << e.what() << " (see linlab --help)\n";
        return BadUsage;
    } catch (const std::exception& e) { // CsvError and a project's errors name the file
        err << "linlab: " << e.what() << "\n";
        return BadData;
    }

    const std::string source = !o.example.empty() ? "example " + o.example
                               : o.file.empty()   ? std::string("the lesson's data")
                                                  : o.file;
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
