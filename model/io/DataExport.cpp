#include "model/io/DataExport.h"

#include <stdexcept>

namespace linlab {

CsvTable DataExport::table(const Dataset& data, const Analysis& analysis,
                           const Evaluation& evaluation, const DataExportOptions& options) {
    const arma::mat& X = options.transformed ? analysis.features() : data.features();
    if (X.n_rows != data.rowCount() || analysis.labels().n_elem != data.rowCount())
        throw std::invalid_argument(
            "DataExport::table: the analysis does not belong to this dataset");
    CsvTable t;
    t.names = data.featureNames();
    t.names.push_back(data.labelName());
    t.data = arma::join_rows(X, data.labels());
    if (options.withPredictions) {
        if (evaluation.predictions.n_elem != data.rowCount())
            throw std::invalid_argument(
                "DataExport::table: the evaluation does not belong to this dataset");
        t.names.push_back(data.uniqueName("prediction"));
        t.names.push_back(data.uniqueName("residual"));
        t.data =
            arma::join_rows(t.data, arma::join_rows(evaluation.predictions, evaluation.residuals));
    }
    if (const RowDiagnostics* d = options.diagnostics) {
        if (d->fitted.n_elem != data.rowCount() || d->cooksDistance.n_elem != data.rowCount())
            throw std::invalid_argument(
                "DataExport::table: the diagnostics do not belong to this dataset");
        for (const char* name :
             {"ls_fitted", "ls_residual", "leverage", "studentized_residual", "cooks_distance"})
            t.names.push_back(data.uniqueName(name));
        t.data = arma::join_rows(arma::join_rows(t.data, d->fitted, d->residuals, d->leverage),
                                 d->studentized, d->cooksDistance);
    }
    t.hadHeader = true;
    return t;
}

} // namespace linlab
