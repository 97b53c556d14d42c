#pragma once
// Builds a TypedTable from cells already split by a CSV scanner: infers each column's type from
// its text, reads missing tokens, and lists the cells that do not read. Plain C++17, no Qt.
//
// Inference, per column, over its non-missing cells (a cell equal to a missing token, blanks
// around ignored, is missing):
// - numeric: every cell a whole finite number (linlab::parseDouble, as the numeric reader);
// - numeric with invalid cells: numbers but for at most 3 cells, or at most 1 in 10, and more
//   numbers than others (a typo such as "1.5abc" does not make categories); those cells are read
//   as missing, with CellState::Invalid, and listed by TypedTable::invalidCells();
// - date: every cell an ISO 8601 date or date-time (linlab::parseIsoDate);
// - categorical: at most maxLevels (50) distinct values, blanks around ignored; levels sorted
//   bytewise, or as numbers when every level is one;
// - text: more distinct values (counting stops there), kept as read.
// A column with no value at all is numeric. A forced type skips inference: its non-matching cells
// are invalid (numeric, date), or its levels are not limited (categorical).
// One pass to classify (rows in blocks across every column, so the text is read from memory
// once; a second pass for categorical or text columns): O(cells); large tables on two threads.
// Short decimals ("-12.5", at most 15 digits) are read without std::from_chars, to the same bits.

#include "model/data/ClassifiedColumn.h"
#include "model/data/TypedTable.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linlab {

/// The default missing tokens: "", NA, N/A, NaN, nan, null, NULL, ?, and ".".
std::vector<std::string> defaultMissingTokens();

/// How to read one column: a forced type and its own missing tokens.
struct ColumnReadOptions {
    std::optional<ColumnType> type;                        ///< nullopt = inferred
    std::optional<std::vector<std::string>> missingTokens; ///< nullopt = the table's tokens
};

/// How to read the cells.
struct TypedReadOptions {
    std::vector<std::string> missingTokens = defaultMissingTokens(); ///< cells read as missing
    std::map<std::string, ColumnReadOptions> columns; ///< by column name; unknown names throw
    char decimal = '.';                               ///< the numbers' decimal separator
    std::size_t maxLevels = 50;                       ///< more distinct values make text
};

class TypedReader {
public:
    /// Builds the typed table: `header` names the columns, each row of `rows` has one cell per
    /// column. Throws std::invalid_argument for a row of another length (naming its 1-based
    /// number) or a column option naming no column.
    static TypedTable read(const std::vector<std::string>& header,
                           const std::vector<std::vector<std::string_view>>& rows,
                           const TypedReadOptions& options = {});
    /// The same, from owned strings.
    static TypedTable read(const std::vector<std::string>& header,
                           const std::vector<std::vector<std::string>>& rows,
                           const TypedReadOptions& options = {});

    /// The same from every cell in one vector, row after row (one allocation for the CSV scanner
    /// to fill); throws std::invalid_argument when its size is not a multiple of the header's.
    static TypedTable readFlat(const std::vector<std::string>& header,
                               const std::vector<std::string_view>& cells,
                               const TypedReadOptions& options = {});

    /// The same from each column's cells (`columns[c][row]`, all of one length; a scanner fills
    /// them record by record, and each column is then read from contiguous memory). Throws
    /// std::invalid_argument when there is not one per name or they differ in length.
    static TypedTable readByColumn(const std::vector<std::string>& header,
                                   const std::vector<std::vector<std::string_view>>& columns,
                                   const TypedReadOptions& options = {});

    /// The same from columns a scanner classified while splitting the text (ClassifiedColumn,
    /// all of one length), as readByColumn() reads their cells; `options.columns` must be empty
    /// (a forced type or own tokens classify otherwise). Throws std::invalid_argument else.
    static TypedTable readClassified(const std::vector<std::string>& header,
                                     std::vector<ClassifiedColumn> columns,
                                     const TypedReadOptions& options = {});

    /// One column named `name` from its cells, read as read() reads a column with the default
    /// options but `type` (nullopt: inferred) and `missingTokens`; cells not Present in `known`
    /// (when not empty; one state per cell) are missing whatever their text. Cells that do not
    /// read are appended to `invalid` (when given) as cells of column `column`.
    static Column readColumn(const std::string& name, const std::vector<std::string_view>& cells,
                             std::optional<ColumnType> type,
                             const std::vector<std::string>& missingTokens,
                             const std::vector<CellState>& known = {},
                             std::vector<InvalidCell>* invalid = nullptr, std::size_t column = 0);

    /// The type inferred from counts of a column's non-missing cells: `numbers` read as numbers,
    /// `dates` as dates, `distinct` values (counted up to maxLevels + 1) among `nonMissing`.
    static ColumnType inferType(std::size_t nonMissing, std::size_t numbers, std::size_t dates,
                                std::size_t distinct, std::size_t maxLevels = 50);
};

} // namespace linlab
