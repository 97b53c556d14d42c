#pragma once
// The design step: from a typed table to the numbers a fit uses. Roles per column (label,
// feature, ignored); rows with a missing label or a missing used feature left out (listwise, the
// row numbers kept); optional fills (numeric and date: the mean, categorical: the most frequent
// level); one-hot dummies, k - 1 per categorical feature, named COLUMN=LEVEL; dates as days
// since 1970-01-01; then the derived features (DerivedFeature), after the others. Plain C++17 +
// Armadillo, no Qt.

#include "model/data/Dataset.h"
#include "model/data/DerivedFeature.h"
#include "model/data/TypedTable.h"

#include <armadillo>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace linlab {

/// What a column is for.
enum class Role { Label, Feature, Ignored };

/// The report's name of a role: "label", "feature" or "ignored".
const char* roleName(Role role);

/// The choices of the design step, by column name.
struct DesignOptions {
    std::string label;                 ///< the label column (numeric or date)
    std::vector<std::string> features; ///< in order; empty = every numeric and categorical column
                                       ///< but the label and the ignored ones
    std::vector<std::string> ignored;  ///< left out of the default features
    bool fillAll = false;              ///< fill the missing values of every feature
    std::vector<std::string> fill;     ///< features whose missing values are filled
    /// Categorical feature -> its reference level (no dummy); default and fallback: the first
    /// level, in sorted order, seen in the used rows. Levels not seen there get no dummy.
    std::map<std::string, std::string> reference;
    /// Derived features, evaluated in this order on the used rows (after the fills, before the
    /// transform) and put after the other features. An expression may read the expanded features
    /// (dummies COLUMN=LEVEL among them), the table's other numeric and date columns (not the
    /// label: that would leak the answer) and the derived features before it. A row whose value
    /// in such a source is missing (a source that is not a filled feature) is left out like any
    /// row with a missing feature.
    std::vector<DerivedSpec> derived;
};

/// A value put into the missing cells of a feature.
struct Imputation {
    std::size_t column = 0; ///< the table column
    std::string name;       ///< its name
    double value = 0;       ///< numeric and date: the mean; categorical: the level's index
    std::string level;      ///< categorical: the most frequent level; else ""
    std::size_t cells = 0;  ///< cells filled among the used rows
};

class Design {
public:
    /// An empty design (no rows, no features).
    Design() = default;
    /// Applies `options` to `table`. Throws std::invalid_argument naming the column for an
    /// unknown name, a label that is not numeric or a date, a text feature, a feature named
    /// twice or also ignored or the label, an unknown reference level, or a fill with no value;
    /// and naming the expression for a derived feature DerivedFeature or DerivedColumns refuses
    /// (its name taken, an unknown name, the label or a categorical or text column as a source,
    /// a value that is not finite: the first such row's 1-based table row and value).
    static Design build(const TypedTable& table, const DesignOptions& options);
    /// The role of every column under `options`, as build() gives them, without reading a cell
    /// (what a header shows; O(columns)). Throws as build() does for the options.
    static std::vector<Role> rolesFor(const TypedTable& table, const DesignOptions& options);

    /// X: used rows x expanded features (dummies 0/1, dates in days).
    const arma::mat& features() const { return m_features; }
    /// y: the label of each used row.
    const arma::vec& labels() const { return m_labels; }
    /// The expanded feature names (COLUMN=LEVEL for dummies), one per column of X.
    const std::vector<std::string>& featureNames() const { return m_featureNames; }
    /// featureColumns() of a derived feature: it comes from no one column.
    static constexpr std::size_t kNoColumn = std::size_t(-1);
    /// The table column each column of X comes from (kNoColumn for the derived ones).
    const std::vector<std::size_t>& featureColumns() const { return m_featureColumns; }
    /// Per column of X: true for a 0/1 dummy (empty when there is none), as the dataset has it.
    const std::vector<bool>& dummyFeatures() const { return m_dummies; }
    /// The label's name.
    const std::string& labelName() const { return m_labelName; }
    /// The derived features: the last derivedCount() columns of X.
    std::size_t derivedCount() const { return m_derivedCount; }
    /// The role of every table column.
    const std::vector<Role>& roles() const { return m_roles; }
    /// Categorical features: the reference level used (no dummy); "" for other columns.
    const std::vector<std::string>& references() const { return m_references; }

    /// Rows of the table (used and excluded).
    std::size_t tableRows() const { return m_tableRows; }
    /// The 0-based table rows used, in order: row i of X is table row usedRows()[i].
    const std::vector<std::size_t>& usedRows() const { return m_usedRows; }
    /// The 0-based table rows left out for a missing label or feature, in order.
    const std::vector<std::size_t>& excludedRows() const { return m_excludedRows; }
    /// The fills applied, in feature order.
    const std::vector<Imputation>& imputed() const { return m_imputed; }

    /// The dataset of X, y, the names and the dummy flags, for the rest of the pipeline.
    Dataset dataset() const&;
    /// The same, handing over X and y (the design is left without them).
    Dataset dataset() &&;

private:
    arma::mat m_features;
    arma::vec m_labels;
    std::vector<std::string> m_featureNames;
    std::vector<std::size_t> m_featureColumns;
    std::vector<bool> m_dummies;
    std::string m_labelName;
    std::size_t m_derivedCount = 0;
    std::vector<Role> m_roles;
    std::vector<std::string> m_references;
    std::size_t m_tableRows = 0;
    std::vector<std::size_t> m_usedRows;
    std::vector<std::size_t> m_excludedRows;
    std::vector<Imputation> m_imputed;
};

} // namespace linlab
