#pragma once
// What a typed document holds: the table of typed columns the user edits, the tokens its cells
// are read as missing with, and the design choices (roles, fills, reference levels) that turn it
// into the numbers a fit uses. Plain C++17, no Qt.

#include "model/data/Design.h"
#include "model/data/TypedReader.h"
#include "model/data/TypedTable.h"

#include <string>
#include <vector>

namespace linlab {

struct SourceTable {
    TypedTable table;                                                ///< every column and row
    DesignOptions design;                                            ///< by column name
    std::vector<std::string> missingTokens = defaultMissingTokens(); ///< what a typed cell reads as
};

} // namespace linlab
