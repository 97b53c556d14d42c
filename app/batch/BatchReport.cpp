#include "app/batch/BatchReport.h"

#include "app/batch/JsonWriter.h"

#include <algorithm>

namespace linlab {

namespace {

// Reports past this many rows leave out the per-row arrays unless --full is given.
constexpr arma::uword kPerRowLimit = 1000;
// At most this many excluded rows are listed.
constexpr std::size_t kExcludedListed = 1000;

// The table behind the data: its rows, the rows left out, its columns and the fills.
void reportTable(JsonWriter& j, const TableSummary& s) {
    j.value("n_rows", static_cast<long long>(s.rows));
    j.beginArray("excluded_rows");
    for (std::size_t k = 0; k < s.excludedRows.size() && k < kExcludedListed; ++k)
        j.value({}, static_cast<long long>(s.excludedRows[k] + 1)); // 1-based data rows
    j.endArray();
    j.beginArray("columns");
    for (const ColumnSummary& c : s.columns) {
        j.beginObject();
        j.value("name", c.name);
        j.value("type", c.type);
        j.value("missing", static_cast<long long>(c.missing));
        j.value("role", c.role);
        j.value("levels", c.levels);
        j.endObject();
    }
    j.endArray();
    if (s.filled) {
        j.beginObject("imputed");
        for (const FilledValue& f : s.imputed) {
            if (f.categorical)
                j.value(f.column, f.level);
            else
                j.value(f.column, f.value);
        }
        j.endObject();
    }
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
void reportSolved(JsonWriter& j, const Analysis& analysis, const LeastSquaresResult& ls) {
    j.null("lr");
    j.value("lr_stable_max", analysis.statistics().stableLearningRate());
    j.value("epochs_run", 0LL);
    j.value("converged", true);
    j.value("diverged", false);
    j.value("stop_reason", ls.rankDeficient ? "rank_deficient_minimum_norm" : "solved");
    j.value("loss_history", std::vector<double>{});
}

// `inference`: the least squares' coefficient table and model numbers, in the features' units
// (statsmodels' OLS definitions); a term aliased by others is "estimable": false, its numbers null.
void reportInference(JsonWriter& j, const RegressionReport& r) {
    j.beginObject("inference");
    j.value("n", static_cast<long long>(r.n));
    j.value("df_model", r.dfModel);
    j.value("df_residual", r.dfResidual);
    j.value("sigma", r.sigma);
    j.value("r2", r.r2);
    j.value("r2_adjusted", r.r2Adjusted);
    j.value("f_statistic", r.fStatistic);
    j.value("f_pvalue", r.fPValue);
    j.value("log_likelihood", r.logLikelihood);
    j.value("aic", r.aic);
    j.value("bic", r.bic);
    j.value("condition_number", r.conditionNumber);
    j.value("confidence_level", r.confidenceLevel);
    j.value("rank", static_cast<long long>(r.rank));
    if (!r.problem.empty())
        j.value("problem", r.problem);
    j.beginArray("coefficients");
    for (const Coefficient& c : r.coefficients) {
        j.beginObject();
        j.value("name", c.name);
        j.value("estimable", c.estimable);
        j.value("estimate", c.estimate);
        j.value("std_error", c.stdError);
        j.value("t", c.t);
        j.value("p", c.p);
        j.value("ci_low", c.ciLow);
        j.value("ci_high", c.ciHigh);
        j.value("std_beta", c.stdBeta);
        j.value("vif", c.vif);
        j.endObject();
    }
    j.endArray();
    j.endObject();
}

// Issue 15's keys. The "fit" object's for ridge and lasso: solved (ridge) or iterated (lasso's
// coordinate-descent sweeps), with the penalty.
void reportRegularized(JsonWriter& j, const BatchOptions& o, const Analysis& analysis,
                       const RegularizedFit& f) {
    const bool lasso = o.fit == BatchOptions::Fit::Lasso;
    j.null("lr");
    j.value("lr_stable_max", analysis.statistics().stableLearningRate());
    j.value("epochs_run", 0LL);
    j.value("converged", f.converged);
    j.value("diverged", false);
    j.value("stop_reason", !lasso ? "solved" : f.converged ? "converged" : "max_iter");
    j.value("loss_history", std::vector<double>{});
    j.value("alpha", o.alpha);
    if (lasso) {
        j.value("iterations", static_cast<long long>(f.iterations));
        j.value("duality_gap", f.dualityGap);
    }
}

// The 1-based data-row numbers of used rows `rows` (ascending), as excluded_rows numbers them:
// the table's rows less those left out.
std::vector<long long> dataRowNumbers(const TableSummary& s, const arma::uvec& rows) {
    std::vector<std::size_t> excluded = s.excludedRows;
    std::sort(excluded.begin(), excluded.end());
    std::vector<long long> out;
    std::size_t row = 0, used = 0, skip = 0;
    for (const arma::uword wanted : rows) {
        for (;; ++row) {
            while (skip < excluded.size() && excluded[skip] < row)
                ++skip;
            if (skip < excluded.size() && excluded[skip] == row)
                continue;
            if (used == wanted)
                break;
            ++used;
        }
        out.push_back(static_cast<long long>(row + 1));
    }
    return out;
}

void reportMetrics(JsonWriter& j, const char* key, arma::uword n, const Metrics& m) {
    j.beginObject(key);
    j.value("n", static_cast<long long>(n));
    j.value("mse", m.mse);
    j.value("rmse", m.rmse);
    j.value("mae", m.mae);
    j.value("r2", m.r2);
    j.endObject();
}

// `train`, `test` and `test_rows` of a split; `cv` of --cv.
void reportHeldOut(JsonWriter& j, const TableSummary& summary, const BatchFitResult& f) {
    if (f.split) {
        reportMetrics(j, "train", f.split->train.n_elem, f.train);
        reportMetrics(j, "test", f.split->test.n_elem, f.test);
        j.beginArray("test_rows");
        for (const long long row : dataRowNumbers(summary, f.split->test))
            j.value({}, row);
        j.endArray();
    }
    if (f.cv) {
        j.beginObject("cv");
        j.value("k", static_cast<long long>(f.cv->k));
        j.value("mse_mean", f.cv->mseMean);
        j.value("mse_std", f.cv->mseStd);
        j.value("r2_mean", f.cv->r2Mean);
        j.beginArray("folds");
        for (const arma::uword fold : f.folds)
            j.value({}, static_cast<long long>(fold));
        j.endArray();
        j.endObject();
    }
}

void reportNewPredictions(JsonWriter& j, const std::vector<NewPrediction>& predictions) {
    j.beginArray("predictions_new");
    for (const NewPrediction& p : predictions) {
        j.beginObject();
        j.beginObject("inputs");
        for (const NewPrediction::Input& in : p.inputs) {
            if (in.isLevel)
                j.value(in.name, in.level);
            else
                j.value(in.name, in.value);
        }
        j.endObject();
        j.value("fit", p.interval.fit);
        j.value("std_error_mean", p.interval.stdErrorMean);
        j.value("ci_low", p.interval.ciLow);
        j.value("ci_high", p.interval.ciHigh);
        j.value("pi_low", p.interval.piLow);
        j.value("pi_high", p.interval.piHigh);
        j.endObject();
    }
    j.endArray();
}

// --derive and --poly: each derived feature (the last of feature_names) and its expression.
void reportDerived(JsonWriter& j, const std::vector<DerivedSpec>& derived) {
    j.beginArray("derived");
    for (const DerivedSpec& spec : derived) {
        j.beginObject();
        j.value("name", spec.name);
        j.value("expression", spec.expression);
        j.endObject();
    }
    j.endArray();
}

} // namespace

std::string BatchReport::write(const BatchOptions& o, const TableSummary& summary,
                               const std::vector<std::string>& featureNames,
                               const std::string& labelName, const Analysis& analysis,
                               const LinearModel& model, const GradientDescentResult* gd,
                               const BatchInference& inference, const BatchFitResult* fitted) {
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
    if (!o.derived.empty())
        reportDerived(j, o.derived);
    reportTable(j, summary);
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
    const LeastSquaresResult& ls =
        fitted ? fitted->leastSquares : analysis.statistics().leastSquares();
    reportLeastSquares(j, ls);
    if (o.fit != BatchOptions::Fit::None) {
        j.beginObject("fit");
        j.value("method", BatchReport::fitMethodName(o.fit));
        if (gd)
            reportDescent(j, o, *gd, model);
        else if (fitted && (o.fit == BatchOptions::Fit::Ridge || o.fit == BatchOptions::Fit::Lasso))
            reportRegularized(j, o, analysis, fitted->regularized);
        else
            reportSolved(j, analysis, ls);
        if (!o.intercept)
            j.value("intercept", false);
        j.endObject();
    }
    if (fitted)
        reportHeldOut(j, summary, *fitted);
    reportInference(j, inference.regression.report());
    if (!o.predict.empty())
        reportNewPredictions(j, inference.predictions);
    j.endObject();
    return j.text();
}

void BatchReport::writeTransform(JsonWriter& j, const Transform& t) {
    reportTransform(j, t);
}

void BatchReport::writeLeastSquares(JsonWriter& j, const LeastSquaresResult& ls) {
    reportLeastSquares(j, ls);
}

void BatchReport::writeDescent(JsonWriter& j, const BatchOptions& o,
                               const GradientDescentResult& gd, const LinearModel& model) {
    reportDescent(j, o, gd, model);
}

void BatchReport::writeInference(JsonWriter& j, const RegressionReport& r) {
    reportInference(j, r);
}

void BatchReport::writeNewPredictions(JsonWriter& j,
                                      const std::vector<NewPrediction>& predictions) {
    reportNewPredictions(j, predictions);
}

const char* BatchReport::fitMethodName(BatchOptions::Fit fit) {
    switch (fit) {
    case BatchOptions::Fit::GradientDescent:
        return "gd";
    case BatchOptions::Fit::Ridge:
        return "ridge";
    case BatchOptions::Fit::Lasso:
        return "lasso";
    default:
        return "lstsq";
    }
}

} // namespace linlab
