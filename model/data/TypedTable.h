#pragma once
// A table of typed columns (numeric, date, categorical, text), all of one length, and the cells
// whose text did not read as their column's type. Plain C++17, no Qt.

#include "model/data/Column.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace linlab {

class Dataset;

/// A cell that did not read as its column's type (read as missing): where, and its text.
struct InvalidCell {
    std::size_t row = 0;    ///< 0-based data row
    std::size_t column = 0; ///< 0-based column
    std::string text;       ///< the cell as read

    bool operator==(const InvalidCell& o) const {
        return row == o.row && column == o.column && text == o.text;
    }
};

class TypedTable {
public:
    /// At most this many invalid cells are listed (every column still counts all of its own).
    static constexpr std::size_t kMaxListedInvalid = 1000;

    /// An empty table.
    TypedTable() = default;
    /// A table of `columns`; `invalid` lists cells that did not read (sorted by row, then column,
    /// and cut to kMaxListedInvalid). Throws std::invalid_argument when the columns differ in
    /// length.
    explicit TypedTable(std::vector<Column> columns, std::vector<InvalidCell> invalid = {});

    /// Number of data rows.
    std::size_t rowCount() const { return m_rows; }
    /// Number of columns.
    std::size_t columnCount() const { return m_columns.size(); }
    /// Column `index`.
    const Column& column(std::size_t index) const { return m_columns.at(index); }
    /// Every column.
    const std::vector<Column>& columns() const { return m_columns; }
    /// The index of the first column named `name`, or columnCount() when there is none.
    std::size_t indexOf(const std::string& name) const;
    /// The column names, in order.
    std::vector<std::string> names() const;

    /// The first kMaxListedInvalid invalid cells by row, then column.
    const std::vector<InvalidCell>& invalidCells() const { return m_invalid; }
    /// Invalid cells in every column (may exceed invalidCells().size()).
    std::size_t invalidCount() const;
    /// Cell (row, column) as text (Column::cellText: "" where missing).
    std::string cellText(std::size_t row, std::size_t column) const;

    /// True when both have equal columns and the same invalid-cell list.
    bool operator==(const TypedTable& other) const;
    bool operator!=(const TypedTable& other) const { return !(*this == other); }

    /// The table of a numeric dataset: its features, then its label, all numeric; every cell
    /// present (a NaN, which no reader gives, is read as missing).
    static TypedTable fromDataset(const Dataset& data);

    // Editing, each O(rows) at most. invalidCells() keeps its entries for cells that are still
    // Invalid: an edit that gives a cell a value or a missing token, a column replaced by one in
    // which the cell is not Invalid, and removed rows or columns drop theirs; inserted rows and
    // columns renumber the rest. Cells made Invalid by an edit are counted by their column,
    // never listed (their text is not kept).

    /// Sets cell (row, column) from `text` as the column's type reads it (Column::setCell).
    /// Throws std::invalid_argument (`"abc" is not a number (column "x" is numeric)`) or
    /// std::out_of_range, and leaves the table unchanged.
    void setCell(std::size_t row, std::size_t column, std::string_view text,
                 const std::vector<std::string>& missingTokens);
    /// Replaces column `index` (a type change: setColumn(i, column(i).convertedTo(type, tokens));
    /// its undo: setColumn(i, old)). Throws std::invalid_argument when its length differs.
    void setColumn(std::size_t index, Column column);
    /// Inserts `count` rows of missing cells before row `row` (0..rowCount()).
    void insertRows(std::size_t row, std::size_t count);
    /// Removes rows [row, row + count); throws std::out_of_range when they do not exist.
    void removeRows(std::size_t row, std::size_t count);
    /// Rows [row, row + count) as a table of the same columns (and their invalid cells).
    TypedTable rowsSlice(std::size_t row, std::size_t count) const;
    /// Inserts the rows of `rows` (the same number of columns, of the same types; the names are
    /// this table's) before row `row`; categorical levels merged. The undo of removeRows:
    /// removeRows(r, k) after s = rowsSlice(r, k), then insertTableRows(r, s), gives the table
    /// back. Throws std::invalid_argument for other columns.
    void insertTableRows(std::size_t row, const TypedTable& rows);
    /// Inserts `column` before column `index` (0..columnCount()); its length must be
    /// rowCount() unless the table has no column. Throws std::invalid_argument.
    void insertColumn(std::size_t index, Column column);
    /// Removes column `index` (a table left without columns has no rows).
    void removeColumn(std::size_t index);
    /// Renames column `index`.
    void renameColumn(std::size_t index, std::string name);

private:
    void checkColumn(const char* function, std::size_t index, std::size_t end) const;
    void sortInvalid();

    std::vector<Column> m_columns;
    std::vector<InvalidCell> m_invalid;
    std::size_t m_rows = 0;
};

} // namespace linlab
