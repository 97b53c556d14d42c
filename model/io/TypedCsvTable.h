#pragma once
// A typed table read from CSV, with the dialect it was read in and where in the file each listed
// invalid cell lies. Plain C++17, no Qt.

#include "model/data/TypedTable.h"

#include <cstddef>
#include <string>
#include <vector>

namespace linlab {

/// Where a cell lies in its file: the physical line where it starts (counting the header, blank
/// lines and line breaks inside quoted cells) and its 1-based field.
struct CsvPlace {
    std::size_t line = 0;
    std::size_t column = 0;
};

/// What TypedCsvReader returns: the typed columns and how the text was written.
struct TypedCsvTable {
    TypedTable table;                ///< the columns; names from the header, else x1, ..., y
    std::string source;              ///< the file (or source) name, for messages
    char delimiter = ',';            ///< the field delimiter used or detected
    char decimal = '.';              ///< the decimal separator used or detected
    bool hadHeader = false;          ///< whether the first record held the column names
    std::vector<CsvPlace> invalidAt; ///< one per table.invalidCells(), in the same order
};

} // namespace linlab
