#include "model/data/TypedTable.h"

#include "model/data/Dataset.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace linlab {

TypedTable::TypedTable(std::vector<Column> columns, std::vector<InvalidCell> invalid)
    : m_columns(std::move(columns))
    , m_invalid(std::move(invalid)) {
    m_rows = m_columns.empty() ? 0 : m_columns.front().rowCount();
    for (const Column& c : m_columns)
        if (c.rowCount() != m_rows)
            throw std::invalid_argument("TypedTable: column \"" + c.name() + "\" has " +
                                        std::to_string(c.rowCount()) + " rows, not " +
                                        std::to_string(m_rows));
    sortInvalid();
}

void TypedTable::sortInvalid() {
    std::stable_sort(m_invalid.begin(), m_invalid.end(),
                     [](const InvalidCell& a, const InvalidCell& b) {
                         return a.row != b.row ? a.row < b.row : a.column < b.column;
                     });
    if (m_invalid.size() > kMaxListedInvalid)
        m_invalid.resize(kMaxListedInvalid);
}

std::size_t TypedTable::indexOf(const std::string& name) const {
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].name() == name)
            return i;
    return m_columns.size();
}

std::vector<std::string> TypedTable::names() const {
    std::vector<std::string> names;
    names.reserve(m_columns.size());
    for (const Column& c : m_columns)
        names.push_back(c.name());
    return names;
}

std::size_t TypedTable::invalidCount() const {
    std::size_t n = 0;
    for (const Column& c : m_columns)
        n += c.invalidCount();
    return n;
}

std::string TypedTable::cellText(std::size_t row, std::size_t column) const {
    checkColumn("cellText", column, columnCount());
    if (row >= m_rows)
        throw std::out_of_range("TypedTable::cellText: no row " + std::to_string(row));
    return m_columns[column].cellText(row);
}

bool TypedTable::operator==(const TypedTable& other) const {
    return m_rows == other.m_rows && m_columns == other.m_columns && m_invalid == other.m_invalid;
}

TypedTable TypedTable::fromDataset(const Dataset& data) {
    std::vector<Column> columns;
    columns.reserve(data.columnCount());
    const std::size_t n = data.rowCount();
    for (arma::uword c = 0; c < data.columnCount(); ++c) {
        const double* from =
            c == data.featureCount() ? data.labels().memptr() : data.features().colptr(c);
        std::vector<double> values(from, from + n);
        std::vector<CellState> states(n, CellState::Present);
        for (std::size_t r = 0; r < n; ++r)
            if (std::isnan(values[r]))
                states[r] = CellState::Missing;
        columns.push_back(Column::numbers(data.columnName(c), ColumnType::Numeric,
                                          std::move(values), std::move(states)));
    }
    return TypedTable(std::move(columns));
}

void TypedTable::checkColumn(const char* function, std::size_t index, std::size_t end) const {
    if (index >= end)
        throw std::out_of_range(std::string("TypedTable::") + function + ": no column " +
                                std::to_string(index) + " (" + std::to_string(columnCount()) +
                                " columns)");
}

void TypedTable::setCell(std::size_t row, std::size_t column, std::string_view text,
                         const std::vector<std::string>& missingTokens) {
    checkColumn("setCell", column, columnCount());
    m_columns[column].setCell(row, text, missingTokens); // throws before any change
    m_invalid.erase(std::remove_if(m_invalid.begin(), m_invalid.end(),
                                   [&](const InvalidCell& cell) {
                                       return cell.row == row && cell.column == column;
                                   }),
                    m_invalid.end());
}

void TypedTable::setColumn(std::size_t index, Column column) {
    checkColumn("setColumn", index, columnCount());
    if (column.rowCount() != m_rows)
        throw std::invalid_argument("TypedTable::setColumn: column \"" + column.name() + "\" has " +
                                    std::to_string(column.rowCount()) + " rows, not " +
                                    std::to_string(m_rows));
    m_columns[index] = std::move(column);
    const Column& now = m_columns[index];
    m_invalid.erase(std::remove_if(m_invalid.begin(), m_invalid.end(),
                                   [&](const InvalidCell& cell) {
                                       return cell.column == index &&
                                              now.state(cell.row) != CellState::Invalid;
                                   }),
                    m_invalid.end());
}

void TypedTable::insertRows(std::size_t row, std::size_t count) {
    if (row > m_rows)
        throw std::out_of_range("TypedTable::insertRows: row " + std::to_string(row) +
                                " is past the end (" + std::to_string(m_rows) + " rows)");
    if (m_columns.empty())
        return; // a table without columns has no rows
    for (Column& c : m_columns)
        c.insertRows(row, count);
    for (InvalidCell& cell : m_invalid)
        if (cell.row >= row)
            cell.row += count;
    m_rows += count;
}

void TypedTable::removeRows(std::size_t row, std::size_t count) {
    if (row > m_rows || count > m_rows - row)
        throw std::out_of_range("TypedTable::removeRows: rows " + std::to_string(row) + " + " +
                                std::to_string(count) + " out of range (" + std::to_string(m_rows) +
                                " rows)");
    for (Column& c : m_columns)
        c.removeRows(row, count);
    std::vector<InvalidCell> kept;
    for (InvalidCell& cell : m_invalid) {
        if (cell.row >= row && cell.row < row + count)
            continue;
        if (cell.row >= row + count)
            cell.row -= count;
        kept.push_back(std::move(cell));
    }
    m_invalid = std::move(kept);
    m_rows -= count;
}

TypedTable TypedTable::rowsSlice(std::size_t row, std::size_t count) const {
    if (row > m_rows || count > m_rows - row)
        throw std::out_of_range("TypedTable::rowsSlice: rows out of range");
    std::vector<Column> columns;
    columns.reserve(m_columns.size());
    for (const Column& c : m_columns)
        columns.push_back(c.rowsSlice(row, count));
    std::vector<InvalidCell> invalid;
    for (const InvalidCell& cell : m_invalid)
        if (cell.row >= row && cell.row < row + count)
            invalid.push_back({cell.row - row, cell.column, cell.text});
    return TypedTable(std::move(columns), std::move(invalid));
}

void TypedTable::insertTableRows(std::size_t row, const TypedTable& rows) {
    if (row > m_rows)
        throw std::out_of_range("TypedTable::insertTableRows: row " + std::to_string(row) +
                                " is past the end (" + std::to_string(m_rows) + " rows)");
    if (rows.columnCount() != columnCount())
        throw std::invalid_argument(
            "TypedTable::insertTableRows: " + std::to_string(rows.columnCount()) +
            " columns, not " + std::to_string(columnCount()));
    for (std::size_t c = 0; c < columnCount(); ++c)
        if (rows.m_columns[c].type() != m_columns[c].type())
            throw std::invalid_argument("TypedTable::insertTableRows: column \"" +
                                        m_columns[c].name() + "\" is " +
                                        columnTypeName(m_columns[c].type()) + ", the rows' " +
                                        columnTypeName(rows.m_columns[c].type()));
    for (std::size_t c = 0; c < columnCount(); ++c)
        m_columns[c].insertRowsFrom(row, rows.m_columns[c]);
    for (InvalidCell& cell : m_invalid)
        if (cell.row >= row)
            cell.row += rows.rowCount();
    for (const InvalidCell& cell : rows.m_invalid)
        m_invalid.push_back({cell.row + row, cell.column, cell.text});
    m_rows += rows.rowCount();
    sortInvalid();
}

void TypedTable::insertColumn(std::size_t index, Column column) {
    checkColumn("insertColumn", index, columnCount() + 1);
    if (!m_columns.empty() && column.rowCount() != m_rows)
        throw std::invalid_argument("TypedTable::insertColumn: column \"" + column.name() +
                                    "\" has " + std::to_string(column.rowCount()) + " rows, not " +
                                    std::to_string(m_rows));
    m_rows = column.rowCount();
    m_columns.insert(m_columns.begin() + std::ptrdiff_t(index), std::move(column));
    for (InvalidCell& cell : m_invalid)
        if (cell.column >= index)
            ++cell.column;
}

void TypedTable::removeColumn(std::size_t index) {
    checkColumn("removeColumn", index, columnCount());
    m_columns.erase(m_columns.begin() + std::ptrdiff_t(index));
    std::vector<InvalidCell> kept;
    for (InvalidCell& cell : m_invalid) {
        if (cell.column == index)
            continue;
        if (cell.column > index)
            --cell.column;
        kept.push_back(std::move(cell));
    }
    m_invalid = std::move(kept);
    if (m_columns.empty())
        m_rows = 0;
}

void TypedTable::renameColumn(std::size_t index, std::string name) {
    checkColumn("renameColumn", index, columnCount());
    m_columns[index].setName(std::move(name));
}

} // namespace linlab
