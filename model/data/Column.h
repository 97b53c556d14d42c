#pragma once
// One typed column of a table: its name, type, cells and which cells are missing. Plain C++17,
// no Qt.
//
// Storage by type, every cell with a CellState (missing is explicit, never a magic value):
// - numeric and date: one double per cell (dates in days since 1970-01-01); NaN where missing;
// - categorical: a level index per cell into levels() (distinct, sorted), kNoLevel where missing;
// - text: all cells in one character buffer with offsets (a million names are two allocations).

#include "model/data/ColumnType.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace linlab {

class Column {
public:
    /// The level index of a missing categorical cell.
    static constexpr std::uint32_t kNoLevel = UINT32_MAX;

    /// An empty numeric column named "".
    Column() = default;
    /// A numeric or date column; `values` and `states` have one entry per cell (values of
    /// non-present cells are set to NaN). Throws std::invalid_argument on a size mismatch.
    static Column numbers(std::string name, ColumnType type, std::vector<double> values,
                          std::vector<CellState> states);
    /// A categorical column: `codes` index `levels`; codes of non-present cells are set to
    /// kNoLevel. Throws std::invalid_argument on a size mismatch or a code out of range.
    static Column categorical(std::string name, std::vector<std::uint32_t> codes,
                              std::vector<std::string> levels, std::vector<CellState> states);
    /// A text column: cell i is chars[offsets[i], offsets[i + 1]) (offsets has one entry more
    /// than states). Throws std::invalid_argument on a size mismatch.
    static Column text(std::string name, std::string chars, std::vector<std::size_t> offsets,
                       std::vector<CellState> states);

    /// The column's name (from the header).
    const std::string& name() const { return m_name; }
    /// Renames the column.
    void setName(std::string name) { m_name = std::move(name); }
    /// Its type.
    ColumnType type() const { return m_type; }
    /// Numeric or date: its cells are numbers.
    bool isNumber() const { return m_type == ColumnType::Numeric || m_type == ColumnType::Date; }
    /// Number of cells.
    std::size_t rowCount() const { return m_states.size(); }
    /// Cells that are not present: missing tokens and invalid cells.
    std::size_t missingCount() const { return m_missing; }
    /// Cells whose text did not read as the column's type (counted in missingCount()).
    std::size_t invalidCount() const { return m_invalid; }

    /// The state of cell `row`.
    CellState state(std::size_t row) const { return m_states[row]; }
    /// True when cell `row` has no value (a missing token or an invalid cell).
    bool isMissing(std::size_t row) const { return m_states[row] != CellState::Present; }
    /// Every cell's state.
    const std::vector<CellState>& states() const { return m_states; }

    /// Numeric or date: every cell's value (NaN where missing); empty for other types.
    const std::vector<double>& values() const { return m_values; }
    /// Numeric or date: the value of cell `row` (NaN where missing).
    double value(std::size_t row) const { return m_values[row]; }

    /// Categorical: the distinct levels in sorted order; empty for other types.
    const std::vector<std::string>& levels() const { return m_levels; }
    /// Categorical: every cell's level index (kNoLevel where missing).
    const std::vector<std::uint32_t>& codes() const { return m_codes; }
    /// Categorical: the level index of cell `row` (kNoLevel where missing).
    std::uint32_t code(std::size_t row) const { return m_codes[row]; }
    /// Categorical: the index of `level` in levels(), or kNoLevel.
    std::uint32_t levelIndex(std::string_view level) const;

    /// The cell as text: text cells as read, levels by name, numbers shortest round-trip, dates
    /// as YYYY-MM-DD; "" where missing.
    std::string cellText(std::size_t row) const;
    /// Text: cell `row` as read ("" where missing); empty for other types.
    std::string_view text(std::size_t row) const;

    /// True when both have the same name, type, states and cell contents (levels compared by
    /// name, in order; numbers to the bit).
    bool operator==(const Column& other) const;
    bool operator!=(const Column& other) const { return !(*this == other); }

    // Editing. Each costs O(rows) at most; a categorical column keeps what TypedReader gives:
    // its levels are the values of its present cells, sorted by sortLevels.

    /// Sets cell `row` from `text` read as this column's type, blanks around ignored: a missing
    /// token makes it Missing; numeric: a whole number (parseDouble, decimal '.'); date: an ISO
    /// date (parseIsoDate); categorical: an existing level or a new one (sorted in, codes
    /// renumbered; a level no cell uses any more is dropped); text: as typed. Throws
    /// std::invalid_argument (`"abc" is not a number (column "x" is numeric)`), or
    /// std::out_of_range for a bad row, and leaves the column unchanged.
    void setCell(std::size_t row, std::string_view text,
                 const std::vector<std::string>& missingTokens);
    /// The column with its type forced to `type`, re-read by TypedReader from its cell texts:
    /// numeric or date cells that do not read become Invalid; categorical levels are not
    /// limited; text keeps the texts. Missing cells stay missing, Invalid cells (whose text was
    /// not kept) stay Invalid. The same type: a copy.
    Column convertedTo(ColumnType type, const std::vector<std::string>& missingTokens) const;
    /// Inserts `count` missing cells before row `row` (0..rowCount()); throws std::out_of_range.
    void insertRows(std::size_t row, std::size_t count);
    /// Removes rows [row, row + count); throws std::out_of_range when they do not exist.
    void removeRows(std::size_t row, std::size_t count);
    /// Rows [row, row + count) as a column of the same name and type (levels: those used).
    Column rowsSlice(std::size_t row, std::size_t count) const;
    /// Inserts the cells of `rows` (a column of the same type) before row `row`; categorical
    /// levels merged and sorted. Throws std::invalid_argument for another type.
    void insertRowsFrom(std::size_t row, const Column& rows);

    /// Sorts levels as a categorical column keeps them: as numbers when every level is one
    /// (ties and the rest bytewise), else bytewise. Returns rank: rank[old index] = new index.
    static std::vector<std::uint32_t> sortLevels(std::vector<std::string>& levels);

private:
    void setStates(std::vector<CellState> states);
    void setState(std::size_t row, CellState state);
    void checkRows(const char* function, std::size_t row, std::size_t count) const;
    /// Drops unused and repeated levels, sorts the rest and renumbers the codes.
    void normaliseLevels();
    void setTextCell(std::size_t row, std::string_view text);

    std::string m_name;
    ColumnType m_type = ColumnType::Numeric;
    std::vector<CellState> m_states;
    std::size_t m_missing = 0;
    std::size_t m_invalid = 0;
    std::vector<double> m_values;
    std::vector<std::uint32_t> m_codes;
    std::vector<std::string> m_levels;
    std::string m_chars;
    std::vector<std::size_t> m_offsets;
};

} // namespace linlab
