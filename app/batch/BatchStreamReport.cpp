#include "app/batch/BatchStreamReport.h"

#include "app/batch/BatchReport.h"
#include "app/batch/JsonWriter.h"
#include "model/data/ColumnType.h"

#include <algorithm>

namespace linlab {

namespace {

bool contains(const std::vector<std::size_t>& list, std::size_t value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// The file's columns: the read ones are numeric; the others are not read, only their missing
// cells counted.
void reportColumns(JsonWriter& j, const ColumnChoice& choice, const std::vector<std::string>& names,
                   const CsvChunkPass& pass) {
    j.beginArray("columns");
    for (std::size_t k = 0; k < names.size(); ++k) {
        const bool label = k == choice.label, feature = contains(choice.features, k);
        j.beginObject();
        j.value("name", names[k]);
        j.value("type", label || feature ? columnTypeName(ColumnType::Numeric) : "unread");
        j.value("missing", static_cast<long long>(pass.missing[k]));
        j.value("role", label ? "label" : feature ? "feature" : "ignored");
        j.value("levels", std::vector<std::string>{});
        j.endObject();
    }
    j.endArray();
}

// The "fit" object's keys but its method: as BatchReport writes them for each fit.
void reportFit(JsonWriter& j, const BatchOptions& o, const StreamStatistics& s) {
    const double stableRate = s.statistics.stableLearningRate();
    if (s.descent) {
        BatchReport::writeDescent(j, o, s.gd, s.model);
        return;
    }
    const bool lasso = o.fit == BatchOptions::Fit::Lasso;
    const bool penalised = lasso || o.fit == BatchOptions::Fit::Ridge;
    const LeastSquaresResult& ls = s.statistics.leastSquares();
    j.null("lr");
    j.value("lr_stable_max", stableRate);
    j.value("epochs_run", 0LL);
    j.value("converged", penalised ? s.regularized.converged : true);
    j.value("diverged", false);
    if (!penalised)
        j.value("stop_reason", ls.rankDeficient ? "rank_deficient_minimum_norm" : "solved");
    else
        j.value("stop_reason", !lasso                    ? "solved"
                               : s.regularized.converged ? "converged"
                                                         : "max_iter");
    j.value("loss_history", std::vector<double>{});
    if (penalised) {
        j.value("alpha", o.alpha);
        if (lasso) {
            j.value("iterations", static_cast<long long>(s.regularized.iterations));
            j.value("duality_gap", s.regularized.dualityGap);
        }
    }
}

} // namespace

std::string BatchStreamReport::write(const BatchOptions& o, const ColumnChoice& choice,
                                     const std::vector<std::string>& names,
                                     const std::vector<std::string>& featureNames,
                                     const StreamStatistics& s) {
    const Transform& t = s.transform;
    const LinearModel& model = s.model;
    JsonWriter j;
    j.beginObject();
    j.value("stream", true);
    j.value("n_samples", static_cast<long long>(s.statistics.sampleCount()));
    j.value("n_features", static_cast<long long>(featureNames.size()));
    j.value("feature_names", featureNames);
    j.value("label_name", names[choice.label]);
    j.value("n_rows", static_cast<long long>(s.pass.rows));
    j.value("excluded_count", static_cast<long long>(s.pass.skipped));
    reportColumns(j, choice, names, s.pass);
    BatchReport::writeTransform(j, t);
    j.value("weights", model.weights());
    j.value("bias", model.bias());
    j.value("weights_original", t.weightsToOriginal(model.weights()));
    j.value("bias_original", t.biasToOriginal(model.weights(), model.bias()));
    j.value("mse", s.metrics.mse);
    j.value("rmse", s.metrics.rmse);
    j.value("mae", s.metrics.mae);
    j.value("r2", s.metrics.r2);
    j.value("grad_weights", s.gradient.weights);
    j.value("grad_bias", s.gradient.bias);
    j.value("lesson_gradient", s.lessonGradient);
    BatchReport::writeLeastSquares(j, s.statistics.leastSquares());
    if (o.fit != BatchOptions::Fit::None) {
        j.beginObject("fit");
        j.value("method", BatchReport::fitMethodName(o.fit));
        reportFit(j, o, s);
        j.endObject();
    }
    BatchReport::writeInference(j, s.inference);
    if (!o.predict.empty())
        BatchReport::writeNewPredictions(j, s.predictions);
    j.endObject();
    return j.text();
}

} // namespace linlab
