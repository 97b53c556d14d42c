#pragma once
// A dataset for linear regression. Rows are samples, columns are features: `features()` is
// n x d, `labels()` has n entries. Plain C++17 + Armadillo.

#include <armadillo>
#include <string>
#include <vector>

namespace linlab {

struct CsvTable;

class Dataset {
public:
    /// An empty dataset (0 rows, 0 features, label named "y").
    Dataset();
    /// A dataset from an n x d feature matrix, n labels and d feature names; throws on size
    /// mismatch.
    Dataset(arma::mat features, arma::vec labels, std::vector<std::string> featureNames,
            std::string labelName);

    /// The lesson's data: hours_studied, hours_slept -> exam_score, four students.
    static Dataset lesson();
    /// The lesson's model weights, [4, 3].
    static arma::vec lessonWeights();
    /// The lesson's model bias, 10.
    static double lessonBias();
    /// True when this holds exactly the lesson's data and names.
    bool isLesson() const;

    /// Builds a dataset from CSV columns: `labelColumn` is the label, `featureColumns` the
    /// features in order (empty = every other column). Throws std::invalid_argument naming the
    /// column.
    static Dataset fromTable(const CsvTable& table, arma::uword labelColumn,
                             std::vector<arma::uword> featureColumns = {});
    /// The same, taking over the table's memory: when the features keep the table's order (as
    /// by default) only the label column is copied, so a large table is not held twice. The
    /// table is left without data.
    static Dataset fromTable(CsvTable&& table, arma::uword labelColumn,
                             std::vector<arma::uword> featureColumns = {});

    /// Number of samples (rows).
    arma::uword rowCount() const { return m_labels.n_elem; }
    /// Number of features (columns of X).
    arma::uword featureCount() const { return m_features.n_cols; }
    /// Features plus the label: the table's column count. The label is column featureCount().
    arma::uword columnCount() const { return m_features.n_cols + 1; }

    /// The n x d feature matrix X.
    const arma::mat& features() const { return m_features; }
    /// The n labels y.
    const arma::vec& labels() const { return m_labels; }
    /// Feature names, d of them.
    const std::vector<std::string>& featureNames() const { return m_featureNames; }
    /// The label's name.
    const std::string& labelName() const { return m_labelName; }
    /// Per feature: true for a 0/1 dummy (of a categorical column), which the transform leaves
    /// as it is. Empty when no feature is one (stored so whenever none is true).
    const std::vector<bool>& dummyFeatures() const { return m_dummy; }
    /// Sets the dummy flags: empty or featureCount() of them; throws std::invalid_argument
    /// naming this function on another size.
    void setDummyFeatures(std::vector<bool> dummies);
    /// The name of table column `column` (a feature, or the label when column == featureCount()).
    const std::string& columnName(arma::uword column) const;

    /// The value at (row, column); column featureCount() is the label.
    double value(arma::uword row, arma::uword column) const;
    /// Sets the value at (row, column); column featureCount() is the label.
    void setValue(arma::uword row, arma::uword column, double value);

    /// Inserts rows at `row`; `values` is count x columnCount() (zeros when empty).
    void insertRows(arma::uword row, arma::uword count, const arma::mat& values = {});
    /// Removes `count` rows starting at `row`.
    void removeRows(arma::uword row, arma::uword count);
    /// The rows [row, row + count) as a count x columnCount() matrix (features, then label).
    arma::mat rowBlock(arma::uword row, arma::uword count) const;

    /// Inserts a feature column at `column` (0..featureCount()); `values` has rowCount() entries
    /// (zeros when empty). It is no dummy.
    void insertFeature(arma::uword column, const std::string& name, const arma::vec& values = {});
    /// Removes feature `column`.
    void removeFeature(arma::uword column);
    /// Renames table column `column` (a feature or the label).
    void renameColumn(arma::uword column, const std::string& name);
    /// Makes feature `column` the label and the old label that feature (values and names swap;
    /// the new feature is no dummy).
    void swapLabelWithFeature(arma::uword column);

    /// A name not used by any column, built from `stem` ("x3", "x3_2", ...).
    std::string uniqueName(const std::string& stem) const;

private:
    void checkRow(const char* function, arma::uword row) const;
    void checkColumn(const char* function, arma::uword column) const;
    /// Empties the dummy flags when none is true.
    void compactDummies();

    arma::mat m_features;
    arma::vec m_labels;
    std::vector<std::string> m_featureNames;
    std::string m_labelName;
    std::vector<bool> m_dummy;
};

} // namespace linlab
