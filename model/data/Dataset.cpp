#include "model/data/Dataset.h"

#include "model/io/CsvTable.h"

#include <algorithm>
#include <stdexcept>

namespace linlab {

namespace {
std::string sizeText(arma::uword value) {
    return std::to_string(static_cast<unsigned long long>(value));
}
} // namespace

Dataset::Dataset()
    : m_features(0, 0)
    , m_labelName("y") {}

Dataset::Dataset(arma::mat features, arma::vec labels, std::vector<std::string> featureNames,
                 std::string labelName)
    : m_features(std::move(features))
    , m_labels(std::move(labels))
    , m_featureNames(std::move(featureNames))
    , m_labelName(std::move(labelName)) {
    if (m_features.n_rows != m_labels.n_elem)
        throw std::invalid_argument("Dataset: " + sizeText(m_features.n_rows) +
                                    " feature rows but " + sizeText(m_labels.n_elem) + " labels");
    if (m_features.n_cols != m_featureNames.size())
        throw std::invalid_argument("Dataset: " + sizeText(m_features.n_cols) + " features but " +
                                    sizeText(m_featureNames.size()) + " names");
}

Dataset Dataset::lesson() {
    // The lesson's X (hours studied, hours slept) and y (exam score), one row per student.
    arma::mat X = {{5, 7}, {3, 6}, {8, 8}, {2, 5}};
    arma::vec y = {75, 60, 90, 55};
    return Dataset(std::move(X), std::move(y), {"hours_studied", "hours_slept"}, "exam_score");
}

arma::vec Dataset::lessonWeights() {
    return arma::vec{4, 3};
}

double Dataset::lessonBias() {
    return 10.0;
}

bool Dataset::isLesson() const {
    static const Dataset reference = lesson();
    return m_labelName == reference.m_labelName && m_featureNames == reference.m_featureNames &&
           arma::size(m_features) == arma::size(reference.m_features) &&
           arma::all(arma::vectorise(m_features == reference.m_features)) &&
           arma::all(m_labels == reference.m_labels);
}

namespace {

// The feature columns (every other column when none are given) and their names; throws
// std::invalid_argument naming a column that cannot be used.
std::vector<std::string> pickColumns(const CsvTable& table, arma::uword labelColumn,
                                     std::vector<arma::uword>& featureColumns) {
    const arma::uword k = table.data.n_cols;
    if (labelColumn >= k)
        throw std::invalid_argument("Dataset::fromTable: label column " +
                                    sizeText(labelColumn + 1) + " does not exist (the table has " +
                                    sizeText(k) + " columns)");
    if (featureColumns.empty()) {
        for (arma::uword c = 0; c < k; ++c)
            if (c != labelColumn)
                featureColumns.push_back(c);
    }
    std::vector<std::string> names;
    for (arma::uword c : featureColumns) {
        if (c >= k)
            throw std::invalid_argument("Dataset::fromTable: feature column " + sizeText(c + 1) +
                                        " does not exist (the table has " + sizeText(k) +
                                        " columns)");
        if (c == labelColumn)
            throw std::invalid_argument("Dataset::fromTable: column \"" + table.names[c] +
                                        "\" cannot be both a feature and the label");
        names.push_back(table.names[c]);
    }
    return names;
}

// Matrices at least this large (in values) are shrunk in place rather than copied; far above
// the few values Armadillo keeps inside the matrix object itself.
constexpr arma::uword kShrinkMinValues = 128;

// Whether set_size() to fewer values keeps a matrix's memory, and so its values. Armadillo does
// (Analysis recycles memory the same way), but promises only the memory; checked once, so a
// version that did otherwise would cost a copy, never a value.
bool shrinkKeepsValues() {
    static const bool keeps = [] {
        arma::mat m(kShrinkMinValues, 2);
        for (arma::uword i = 0; i < m.n_elem; ++i)
            m(i) = static_cast<double>(i);
        const double* before = m.memptr();
        m.set_size(kShrinkMinValues, 1);
        if (m.memptr() != before)
            return false;
        for (arma::uword i = 0; i < m.n_elem; ++i)
            if (m(i) != static_cast<double>(i))
                return false;
        return true;
    }();
    return keeps;
}

} // namespace

Dataset Dataset::fromTable(const CsvTable& table, arma::uword labelColumn,
                           std::vector<arma::uword> featureColumns) {
    std::vector<std::string> names = pickColumns(table, labelColumn, featureColumns);
    const arma::uvec cols(featureColumns);
    arma::mat X = table.data.cols(cols);
    arma::vec y = table.data.col(labelColumn);
    return Dataset(std::move(X), std::move(y), std::move(names), table.names[labelColumn]);
}

Dataset Dataset::fromTable(CsvTable&& table, arma::uword labelColumn,
                           std::vector<arma::uword> featureColumns) {
    std::vector<std::string> names = pickColumns(table, labelColumn, featureColumns);
    const arma::uword n = table.data.n_rows, d = featureColumns.size();
    const bool ascending = std::adjacent_find(featureColumns.begin(), featureColumns.end(),
                                              [](arma::uword a, arma::uword b) {
                                                  return a >= b;
                                              }) == featureColumns.end();
    if (!ascending || n * d < kShrinkMinValues || !shrinkKeepsValues()) {
        Dataset copied =
            fromTable(static_cast<const CsvTable&>(table), labelColumn, std::move(featureColumns));
        table.data.reset();
        return copied;
    }
    arma::vec y = table.data.col(labelColumn);
    arma::mat X = std::move(table.data);
    table.data.reset();
    // Each feature moves to its place among the first d columns. In ascending order a column
    // is only ever written after it has been read (feature k comes from column >= k).
    for (arma::uword k = 0; k < d; ++k)
        if (featureColumns[k] != k)
            std::copy_n(X.colptr(featureColumns[k]), n, X.colptr(k));
    X.set_size(n, d); // the first d columns, where they are (column-major)
    return Dataset(std::move(X), std::move(y), std::move(names), table.names[labelColumn]);
}

void Dataset::setDummyFeatures(std::vector<bool> dummies) {
    if (!dummies.empty() && dummies.size() != featureCount())
        throw std::invalid_argument("Dataset::setDummyFeatures: " + sizeText(dummies.size()) +
                                    " flags for " + sizeText(featureCount()) + " features");
    m_dummy = std::move(dummies);
    compactDummies();
}

void Dataset::compactDummies() {
    if (std::find(m_dummy.begin(), m_dummy.end(), true) == m_dummy.end())
        m_dummy.clear();
}

const std::string& Dataset::columnName(arma::uword column) const {
    checkColumn("Dataset::columnName", column);
    return column == featureCount() ? m_labelName : m_featureNames[column];
}

double Dataset::value(arma::uword row, arma::uword column) const {
    checkRow("Dataset::value", row);
    checkColumn("Dataset::value", column);
    return column == featureCount() ? m_labels(row) : m_features(row, column);
}

void Dataset::setValue(arma::uword row, arma::uword column, double value) {
    checkRow("Dataset::setValue", row);
    checkColumn("Dataset::setValue", column);
    if (column == featureCount())
        m_labels(row) = value;
    else
        m_features(row, column) = value;
}

void Dataset::insertRows(arma::uword row, arma::uword count, const arma::mat& values) {
    if (row > rowCount())
        throw std::out_of_range("Dataset::insertRows: row " + sizeText(row) + " is past the end (" +
                                sizeText(rowCount()) + " rows)");
    if (count == 0)
        return;
    arma::mat block =
        values.is_empty() ? arma::mat(count, columnCount(), arma::fill::zeros) : values;
    if (block.n_rows != count || block.n_cols != columnCount())
        throw std::invalid_argument("Dataset::insertRows: values are " + sizeText(block.n_rows) +
                                    " x " + sizeText(block.n_cols) + ", expected " +
                                    sizeText(count) + " x " + sizeText(columnCount()));
    const arma::uword d = featureCount();
    if (d == 0)
        m_features.set_size(rowCount() + count, 0); // Armadillo cannot insert rows into n x 0
    else
        m_features.insert_rows(row, block.head_cols(d));
    m_labels.insert_rows(row, block.col(d));
}

void Dataset::removeRows(arma::uword row, arma::uword count) {
    if (count == 0)
        return;
    if (row >= rowCount() || count > rowCount() - row)
        throw std::out_of_range("Dataset::removeRows: rows " + sizeText(row) + ".." +
                                sizeText(row + count - 1) + " out of range (" +
                                sizeText(rowCount()) + " rows)");
    if (featureCount() == 0)
        m_features.set_size(rowCount() - count, 0);
    else
        m_features.shed_rows(row, row + count - 1);
    m_labels.shed_rows(row, row + count - 1);
}

arma::mat Dataset::rowBlock(arma::uword row, arma::uword count) const {
    if (row > rowCount() || count > rowCount() - row)
        throw std::out_of_range("Dataset::rowBlock: rows out of range");
    arma::mat block(count, columnCount());
    if (count == 0)
        return block;
    if (featureCount() > 0)
        block.head_cols(featureCount()) = m_features.rows(row, row + count - 1);
    block.col(featureCount()) = m_labels.subvec(row, row + count - 1);
    return block;
}

void Dataset::insertFeature(arma::uword column, const std::string& name, const arma::vec& values) {
    if (column > featureCount())
        throw std::out_of_range("Dataset::insertFeature: column " + sizeText(column) +
                                " is past the features (" + sizeText(featureCount()) + ")");
    arma::vec col = values.is_empty() ? arma::vec(rowCount(), arma::fill::zeros) : values;
    if (col.n_elem != rowCount())
        throw std::invalid_argument("Dataset::insertFeature: " + sizeText(col.n_elem) +
                                    " values for " + sizeText(rowCount()) + " rows");
    if (m_features.n_rows != rowCount())
        m_features.set_size(rowCount(), 0);
    m_features.insert_cols(column, col);
    m_featureNames.insert(m_featureNames.begin() + static_cast<std::ptrdiff_t>(column), name);
    if (!m_dummy.empty())
        m_dummy.insert(m_dummy.begin() + static_cast<std::ptrdiff_t>(column), false);
}

void Dataset::removeFeature(arma::uword column) {
    if (column >= featureCount())
        throw std::out_of_range("Dataset::removeFeature: feature " + sizeText(column) +
                                " out of range (" + sizeText(featureCount()) + " features)");
    m_features.shed_col(column);
    m_featureNames.erase(m_featureNames.begin() + static_cast<std::ptrdiff_t>(column));
    if (!m_dummy.empty()) {
        m_dummy.erase(m_dummy.begin() + static_cast<std::ptrdiff_t>(column));
        compactDummies();
    }
}

void Dataset::renameColumn(arma::uword column, const std::string& name) {
    checkColumn("Dataset::renameColumn", column);
    if (column == featureCount())
        m_labelName = name;
    else
        m_featureNames[column] = name;
}

void Dataset::swapLabelWithFeature(arma::uword column) {
    if (column >= featureCount())
        throw std::out_of_range("Dataset::swapLabelWithFeature: feature " + sizeText(column) +
                                " out of range");
    const arma::vec oldLabels = m_labels;
    m_labels = m_features.col(column);
    m_features.col(column) = oldLabels;
    std::swap(m_featureNames[column], m_labelName);
    if (!m_dummy.empty()) {
        m_dummy[column] = false; // the old label: a number, not a dummy
        compactDummies();
    }
}

std::string Dataset::uniqueName(const std::string& stem) const {
    auto used = [this](const std::string& name) {
        return name == m_labelName || std::find(m_featureNames.begin(), m_featureNames.end(),
                                                name) != m_featureNames.end();
    };
    if (!used(stem))
        return stem;
    for (int i = 2;; ++i) {
        std::string candidate = stem + "_" + std::to_string(i);
        if (!used(candidate))
            return candidate;
    }
}

void Dataset::checkRow(const char* function, arma::uword row) const {
    if (row >= rowCount())
        throw std::out_of_range(std::string(function) + ": row " + sizeText(row) +
                                " out of range (" + sizeText(rowCount()) + " rows)");
}

void Dataset::checkColumn(const char* function, arma::uword column) const {
    if (column >= columnCount())
        throw std::out_of_range(std::string(function) + ": column " + sizeText(column) +
                                " out of range (" + sizeText(columnCount()) + " columns)");
}

} // namespace linlab
