#pragma once
// The kinds of column in a typed table and the state of one cell. Plain C++17, no Qt.

#include <cstdint>
#include <optional>
#include <string_view>

namespace linlab {

/// What a column holds: numbers, dates (days since 1970-01-01), categories (a level index into
/// sorted levels) or free text (names, identifiers: shown, never used as numbers).
enum class ColumnType { Numeric, Date, Categorical, Text };

/// One cell: a value, a missing token, or text that did not read as the column's type (an
/// invalid cell, read as missing and reported).
enum class CellState : std::uint8_t { Present, Missing, Invalid };

/// The report's name of a type: "numeric", "date", "categorical" or "text".
const char* columnTypeName(ColumnType type);

/// The type named `name` (as columnTypeName writes it), or nullopt.
std::optional<ColumnType> columnTypeFromName(std::string_view name);

} // namespace linlab
