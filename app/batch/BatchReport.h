#pragma once
// The JSON report of `linlab --batch`: the data, the transform, the model, its metrics and the
// fit. Plain C++17.

#include "app/batch/BatchFit.h"
#include "app/batch/BatchInput.h"
#include "app/batch/BatchOptions.h"
#include "model/fit/Analysis.h"
#include "model/fit/LinearModel.h"
#include "model/fit/Regression.h"
#include "model/training/GradientDescent.h"

#include <string>
#include <vector>

namespace linlab {

class JsonWriter;

/// One --predict: the inputs as given (a number, or a category's level) and the prediction.
struct NewPrediction {
    struct Input {
        std::string name;
        bool isLevel = false;
        double value = 0;  ///< a numeric feature's value
        std::string level; ///< a categorical feature's level
    };
    std::vector<Input> inputs;
    IntervalPrediction interval;
};

/// The least-squares report and the --predict answers: the report's `inference` and
/// `predictions_new`.
struct BatchInference {
    Regression regression;
    std::vector<NewPrediction> predictions;
};

class BatchReport {
public:
    /// The report's `fit.method` for --fit: "gd", "ridge", "lasso" or "lstsq".
    static const char* fitMethodName(BatchOptions::Fit fit);
    /// The report of `model` on the analysis (`gd`: the gradient-descent run, or null) and the
    /// least squares' inference. It reads the analysis only: the dataset's own numbers may be
    /// gone by then. `fitted` (BatchFit::run): the penalty, the intercept and the held-out
    /// numbers; null: a fit of every row with an intercept, as before them.
    static std::string write(const BatchOptions& o, const TableSummary& summary,
                             const std::vector<std::string>& featureNames,
                             const std::string& labelName, const Analysis& analysis,
                             const LinearModel& model, const GradientDescentResult* gd,
                             const BatchInference& inference,
                             const BatchFitResult* fitted = nullptr);

    // The report's parts on their own, for a report made without an Analysis (BatchStream's).
    /// The "transform" object.
    static void writeTransform(JsonWriter& j, const Transform& t);
    /// The "least_squares" object.
    static void writeLeastSquares(JsonWriter& j, const LeastSquaresResult& ls);
    /// The "fit" object's keys for a gradient-descent run.
    static void writeDescent(JsonWriter& j, const BatchOptions& o, const GradientDescentResult& gd,
                             const LinearModel& model);
    /// The "inference" object.
    static void writeInference(JsonWriter& j, const RegressionReport& r);
    /// The "predictions_new" array of --predict.
    static void writeNewPredictions(JsonWriter& j, const std::vector<NewPrediction>& predictions);
};

} // namespace linlab
