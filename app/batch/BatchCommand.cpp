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

// The report reads the analysis only: the dataset's own numbers may be gone by then.
std::string report(const BatchOptions& o, const std::vector<std::string>& featureNames,
                   const std::string& labelName, const Analysis& analysis, const LinearModel& model,
                   const GradientDescentResult* gd) {
    const Transform& t = analysis.transform();
    const Evaluation ev = analysis.evaluate(model);
    const LeastSquaresResult& ls = analysis.statistics().leastSquares();
    const arma::uword rows = analysis.labels().n_elem;
    const bool perRow = o.full || rows <= kPerRowLimit;

    JsonWriter j;
    j.beginObject();
    j.value("n_samples", static_cast<long long>(rows));
    j.value("n_features", static_cast<long long>(analysis.features().n_cols));
    j.value("feature_names", featureNames);
    j.value("label_name", labelName);
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
    j.beginObject("least_squares");
    j.value("weights", ls.weights);
    j.value("bias", ls.bias);
    j.value("mse", ls.mse);
    j.value("rank", static_cast<long long>(ls.rank));
    j.value("rank_deficient", ls.rankDeficient);
    j.value("condition_number", ls.conditionNumber);
    j.endObject();
    if (o.fit != BatchOptions::Fit::None) {
        j.beginObject("fit");
        j.value("method", o.fit == BatchOptions::Fit::LeastSquares ? "lstsq" : "gd");
        if (gd) {
            j.value("lr", gd->learningRate);
            j.value("lr_stable_max", gd->stableRateMax);
            j.value("epochs_run", static_cast<long long>(gd->epochsRun));
            j.value("converged", gd->converged);
            j.value("diverged", gd->diverged);
            j.value("stop_reason", stopReasonName(gd->stopReason));
            j.value("loss_history", gd->lossHistory);
            // Past GradientDescentSettings::maxLossHistoryPoints the history is thinned as the
            // trajectory is: then the epoch of each point follows (shorter runs keep every epoch
            // and their report as it was).
            if (!gd->lossHistoryComplete()) {
                j.beginArray("loss_history_epochs");
                for (const std::size_t epoch : gd->lossHistoryEpochs)
                    j.value({}, static_cast<long long>(epoch));
                j.endArray();
            }
            j.value("momentum", o.gd.momentum);
            j.value("batch_size", static_cast<long long>(o.gd.batchSize));
            j.value("seed", static_cast<long long>(o.gd.seed)); // --seed keeps it within long long
            // The path taken, for drawing on the loss surface: "trajectory" holds one row
            // [w1, ..., wd, b] per point (at most 1000, the start first and the final model last)
            // and "trajectory_epochs" the epoch of each row (0 = the start).
            arma::mat path(gd->trajectory.size(), model.weights().n_elem + 1);
            for (arma::uword k = 0; k < path.n_rows; ++k)
                path.row(k) = gd->trajectory[k].t();
            j.rows("trajectory", path);
            j.beginArray("trajectory_epochs");
            for (const std::size_t epoch : gd->trajectoryEpochs)
                j.value({}, static_cast<long long>(epoch));
            j.endArray();
        } else {
            j.null("lr");
            j.value("lr_stable_max", analysis.statistics().stableLearningRate());
            j.value("epochs_run", 0LL);
            j.value("converged", true);
            j.value("diverged", false);
            j.value("stop_reason", ls.rankDeficient ? "rank_deficient_minimum_norm" : "solved");
            j.value("loss_history", std::vector<double>{});
        }
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

bool BatchCommand::needsHooks(const std::vector<std::string>& args) {
    try {
        const BatchOptions o = BatchOptions::parse(args);
        return isProject(o.file) || !o.exportPlots.empty() || !o.saveProject.empty();
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

    CsvTable table;
    std::optional<BatchProject> project;
    const std::string source = o.file.empty() ? std::string("the lesson's data") : o.file;
    if ((isProject(o.file) || !o.exportPlots.empty() || !o.saveProject.empty()) && !hooks) {
        err << "linlab: project files and plot exports need the full program (see linlab --help)\n";
        return BadUsage;
    }
    try {
        if (o.file.empty()) {
            table = lessonTable();
        } else if (isProject(o.file)) {
            project = hooks->loadProject(o.file);
            table = tableOf(project->dataset);
        } else {
            CsvReadOptions readOptions;
            readOptions.decimal = o.decimal;
            table = CsvReader::readFile(o.file, readOptions);
        }
    } catch (const CsvError& e) {
        err << "linlab: " << e.what() << "\n";
        return BadData;
    } catch (const std::exception& e) {
        err << "linlab: " << e.what() << "\n";
        return BadData;
    }

    try {
        const arma::uword label =
            o.label.empty() ? table.data.n_cols - 1 : findColumn(table, "--label", o.label, source);
        std::vector<arma::uword> featureColumns;
        for (const auto& f : o.features) {
            const arma::uword column = findColumn(table, "--features", f, source);
            // A column twice is a mistake (and a copy of it makes the fit singular).
            if (std::find(featureColumns.begin(), featureColumns.end(), column) !=
                featureColumns.end())
                throw UsageError("--features: column \"" + table.names[column] +
                                 "\" is named twice");
            featureColumns.push_back(column);
        }
        // The dataset takes the table's memory: a million rows are not held twice.
        Dataset data = Dataset::fromTable(std::move(table), label, featureColumns);
        // A project brings its own settings and model; options given on the command line win.
        TransformSettings settings = o.transform;
        if (project) {
            if (!o.scaleGiven)
                settings.scale = project->transform.scale;
            if (!o.normalizeGiven)
                settings.normalization = project->transform.normalization;
            if (!o.ddofGiven)
                settings.ddof = project->transform.ddof;
        }
        const Analysis analysis(data, settings);
        const arma::uword d = data.featureCount();
        // The file's numbers are finite, but a scale factor can carry values near 1e300 past the
        // largest double: name the column rather than report a page of nulls. (A pass over every
        // value: the columns are shared between two threads.)
        std::vector<char> finite(d);
        forEachIndex(d, data.rowCount() * d,
                     [&](std::size_t c) { finite[c] = analysis.features().col(c).is_finite(); });
        for (arma::uword c = 0; c < d; ++c)
            if (!finite[c])
                throw std::invalid_argument("--scale " + formatDouble(settings.scale) +
                                            " takes feature \"" + data.featureNames()[c] +
                                            "\" past the largest double");

        LinearModel model(d);
        const bool lessonDefaults = o.file.empty() && data.isLesson();
        if (lessonDefaults)
            model = LinearModel(Dataset::lessonWeights(), Dataset::lessonBias());
        const bool sameColumns = project &&
                                 data.featureNames() == project->dataset.featureNames() &&
                                 data.labelName() == project->dataset.labelName();
        if (sameColumns && project->model.weights().n_elem == d)
            model = project->model;
        if (o.weights) {
            if (o.weights->size() != d)
                throw UsageError("--weights has " + std::to_string(o.weights->size()) +
                                 " values for " + std::to_string(d) + " features");
            model.setWeights(arma::vec(*o.weights));
        }
        if (o.bias)
            model.setBias(*o.bias);

        const LinearModel start = model;
        GradientDescentResult gd;
        const GradientDescentResult* gdPtr = nullptr;
        if (o.fit == BatchOptions::Fit::LeastSquares) {
            const LeastSquaresResult& ls = analysis.statistics().leastSquares();
            model = LinearModel(ls.weights, ls.bias);
        } else if (o.fit == BatchOptions::Fit::GradientDescent) {
            gd = GradientDescent::run(analysis.statistics(), analysis.features(), analysis.labels(),
                                      model, o.gd);
            model = gd.model;
            gdPtr = &gd;
        }

        // Exports first: if one fails, nothing goes to stdout and the status says so.
        try {
            if (!o.exportPlots.empty() || !o.saveProject.empty()) {
                // A project holds a copy of the data: made only for the hooks that need it.
                const BatchProject state{data, settings, model};
                const BatchRun run{start, o.gd};
                for (const auto& [kind, path] : o.exportPlots)
                    hooks->exportPlot(kind, path, o.width, o.height,
                                      gdPtr ? BatchProject{data, settings, start} : state,
                                      gdPtr ? &run : nullptr);
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
                const bool repeatRun = gdPtr && o.gd.momentum == 0.0 &&
                                       (o.gd.batchSize == 0 || o.gd.batchSize >= data.rowCount());
                const std::string script = repeatRun
                                               ? NumpyScript::generate(data, settings, start, o.gd)
                                               : NumpyScript::generate(data, settings, model);
                writeFileAtomically(o.exportNumpy, script);
            }
        } catch (const std::exception& e) {
            throw WriteError(e.what());
        }

        // Past the exports only the analysis is read, which holds its own (transformed) copy of
        // the numbers: letting the loaded ones go keeps a large table from being in memory twice
        // while the report is built.
        const std::vector<std::string> featureNames = data.featureNames();
        const std::string labelName = data.labelName();
        data = Dataset();
        const std::string text = report(o, featureNames, labelName, analysis, model, gdPtr);
        if (o.output.empty()) {
            out << text;
            out.flush();
        } else {
            try {
                writeFileAtomically(o.output, text);
            } catch (const std::runtime_error& e) {
                err << "linlab: " << e.what() << "\n";
                return WriteFailed;
            }
        }
        return Done;
    } catch (const UsageError& e) {
        err << "linlab: " << e.what() << " (see linlab --help)\n";
        return BadUsage;
    } catch (const WriteError& e) {
        err << "linlab: " << e.what() << "\n";
        return WriteFailed;
    } catch (const std::invalid_argument& e) {
        err << "linlab: " << source << ": " << e.what() << "\n";
        return BadData;
    } catch (const std::exception& e) {
        err << "linlab: " << source << ": " << e.what() << "\n";
        return BadData;
    }
}

} // namespace linlab
