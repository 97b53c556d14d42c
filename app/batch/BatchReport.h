#pragma once
// The JSON report of `linlab --batch`: the data, the transform, the model, its metrics and the
// fit. Plain C++17.

#include "app/batch/BatchInput.h"
#include "app/batch/BatchOptions.h"
#include "model/fit/Analysis.h"
#include "model/fit/LinearModel.h"
#include "model/training/GradientDescent.h"

#include <string>
#include <vector>

namespace linlab {

class BatchReport {
public:
    /// The report of `model` on the analysis (`gd`: the gradient-descent run, or null). It reads
    /// the analysis only: the dataset's own numbers may be gone by then.
    static std::string write(const BatchOptions& o, const TableSummary& summary,
                             const std::vector<std::string>& featureNames,
                             const std::string& labelName, const Analysis& analysis,
                             const LinearModel& model, const GradientDescentResult* gd);
};

} // namespace linlab
