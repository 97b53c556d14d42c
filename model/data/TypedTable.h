#pragma once
// A table of typed columns (numeric, date, categorical, text), all of one length, and the cells
// whose text did not read as their column's type. Plain C++17, no Qt.

#include "model/data/Column.h"

#include <cstddef>
#include <string>
#include <vector>

namespace linlab {

/// A cell that did not read as its column's type (read as missing): where, and its text.
struct InvalidCell {
    std::size_t row = 0;    ///< 0-based data row
    std::size_t column = 0; ///< 0-based column
    std::string text;       ///< the cell as read
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

private:
    std::vector<Column> m_columns;
    std::vector<InvalidCell> m_invalid;
    std::size_t m_rows = 0;
};

} // namespace linlab
