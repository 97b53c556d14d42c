#pragma once
// The table written by "Export Data as CSV": raw or transformed features, the label, and
// optionally each row's prediction and residual, and the least-squares diagnostics. Rows are
// samples. Plain C++17 + Armadillo.

#include "model/data/Dataset.h"
#include "model/fit/Analysis.h"
#include "model/fit/Regression.h"
#include "model/io/CsvTable.h"

namespace linlab {

struct DataExportOptions {
    bool transformed = false;     ///< write the features as the model sees them
    bool withPredictions = false; ///< add "prediction" and "residual" columns
    /// When set: add the least-squares fit's "ls_fitted", "ls_residual" (label - fitted, R's
    /// sign), "leverage", "studentized_residual" and "cooks_distance" of every row.
    const RowDiagnostics* diagnostics = nullptr;
};

class DataExport {
public:
    /// The columns to write: features (raw or transformed), the label, then optionally the
    /// model's predictions and residuals (from `evaluation`, which must belong to `analysis`).
    static CsvTable table(const Dataset& data, const Analysis& analysis,
                          const Evaluation& evaluation, const DataExportOptions& options);
};

} // namespace linlab
