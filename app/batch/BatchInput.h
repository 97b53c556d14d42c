#pragma once
// What `linlab --batch` reads and the dataset it fits: the lesson's data, a project, or a CSV
// file; an all-numeric CSV through the numeric reader (the fast path), any other through the
// typed reader and the design step (roles, missing rows, fills, dummies). Plain C++17.

#include "app/batch/BatchHooks.h"
#include "app/batch/BatchOptions.h"
#include "model/data/Dataset.h"
#include "model/data/SourceTable.h"
#include "model/io/CsvTable.h"
#include "model/io/TypedCsvTable.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace linlab {

/// One column of the input as the report describes it.
struct ColumnSummary {
    std::string name;
    std::string type;                ///< numeric, categorical, date or text
    std::size_t missing = 0;         ///< missing and invalid cells
    std::string role;                ///< label, feature or ignored
    std::vector<std::string> levels; ///< categorical: the levels in sorted order; else none
};

/// A value filled into a feature's missing cells (--missing mean).
struct FilledValue {
    std::string column;
    bool categorical = false;
    double value = 0;  ///< numeric and date: the mean of the column's values
    std::string level; ///< categorical: the most frequent level
};

/// What the report says about the table behind the dataset.
struct TableSummary {
    std::size_t rows = 0;                  ///< data rows in the input
    std::vector<std::size_t> excludedRows; ///< 0-based rows left out for a missing value
    std::vector<ColumnSummary> columns;
    bool filled = false; ///< --missing mean: the report lists `imputed`
    std::vector<FilledValue> imputed;
};

/// The dataset a run fits, and the summary of the table it came from.
struct BatchData {
    Dataset dataset;
    TableSummary summary;
    /// A typed file with --export-numpy: its table and design, so the script starts from the
    /// raw columns and does the dummy coding in NumPy.
    std::optional<SourceTable> source;
};

/// The columns the options choose (0-based): the label, the features (the default filled in:
/// every column but the label and the ignored) and the ignored.
struct ColumnChoice {
    std::size_t label = 0;
    std::vector<std::size_t> features;
    std::vector<std::size_t> ignored;
};

class BatchInput {
public:
    /// --label, --features and --ignore resolved against `names` (a CSV's columns, named in
    /// messages as `source`); throws UsageError as pick() does. What the stream reads.
    static ColumnChoice chooseColumns(const BatchOptions& o, const std::vector<std::string>& names,
                                      const std::string& source);

    /// Reads FILE (or takes the lesson's data, or a project through `hooks`). Throws CsvError
    /// and the hooks' errors (bad data: exit 3), and the first invalid cell's CsvError unless
    /// --invalid missing.
    static BatchInput load(const BatchOptions& o, BatchHooks* hooks);

    /// True when `file` names a project (.linlab, any case).
    static bool isProject(const std::string& file);

    /// The project read, if FILE is one.
    const std::optional<BatchProject>& project() const { return m_project; }

    /// The label and features chosen by the options, handing the table over (a million rows
    /// are not held twice). Throws UsageError for a column that is not there or named twice,
    /// std::invalid_argument for a choice the data refuses (a categorical label).
    BatchData pick(const BatchOptions& o, const std::string& source) &&;

private:
    BatchData pickNumeric(const BatchOptions& o, const std::string& source);
    BatchData pickTyped(const BatchOptions& o, const std::string& source);

    CsvTable m_table;                     // the numeric path, the lesson or a project
    std::optional<TypedCsvTable> m_typed; // a CSV file that is not all numeric
    std::optional<BatchProject> m_project;
};

} // namespace linlab
