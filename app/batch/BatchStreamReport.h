#pragma once
// The JSON report of `linlab --batch FILE --stream`: the in-memory report's keys without the
// per-row ones (features, labels, predictions, residuals, excluded_rows), with "stream": true and
// "excluded_count". Plain C++17.

#include "app/batch/BatchInput.h"
#include "app/batch/BatchOptions.h"
#include "app/batch/BatchReport.h"
#include "model/data/Transform.h"
#include "model/fit/LinearModel.h"
#include "model/fit/Regression.h"
#include "model/fit/Regularized.h"
#include "model/fit/StreamingMoments.h"
#include "model/fit/SufficientStatistics.h"
#include "model/io/CsvChunkReader.h"
#include "model/training/GradientDescent.h"

#include <string>
#include <vector>

namespace linlab {

/// What the two passes of a stream found and what was fitted on them.
struct StreamStatistics {
    CsvChunkPass pass;               ///< the first pass: records, rows left out, missing cells
    StreamingMoments moments;        ///< raw moments of (features..., label)
    Transform transform;             ///< fitted from the moments
    SufficientStatistics statistics; ///< of the transformed features, anchor from the rows
    LinearModel model;               ///< the model reported
    bool descent = false;            ///< --fit gd: `gd` holds the run
    GradientDescentResult gd;
    RegularizedFit regularized; ///< --fit ridge or lasso
    Metrics metrics;            ///< of `model`, from the second pass
    Gradient gradient;          ///< of the MSE at `model`, from the second pass
    arma::vec lessonGradient;   ///< X^T e / n
    RegressionReport inference;
    std::vector<NewPrediction> predictions; ///< --predict
};

class BatchStreamReport {
public:
    /// The report of a stream over the file's columns `names` (`choice` of them used).
    static std::string write(const BatchOptions& o, const ColumnChoice& choice,
                             const std::vector<std::string>& names,
                             const std::vector<std::string>& featureNames,
                             const StreamStatistics& s);
};

} // namespace linlab
