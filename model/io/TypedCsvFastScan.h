#pragma once
// TypedCsvReader's fast path: data text without a quote split line by line and classified cell
// by cell in the same pass (ClassifiedColumn), the two halves of a large text on two threads.
// A column of numbers keeps no view of its text, so the cells cost 9 bytes instead of 25 and the
// text is read from memory once. Plain C++17, no Qt.

#include "model/data/ClassifiedColumn.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace linlab {

/// The data rows a fast scan read.
struct FastScanned {
    std::vector<ClassifiedColumn> columns;
    std::vector<std::size_t> rowLines; ///< the physical line of each row
};

class TypedCsvFastScan {
public:
    /// Splits `text` from `pos` (physical line `line`) to its end, which holds no quote, into
    /// `columns` cells a record as TypedCsvReader's unquoted scan does (blank lines skipped, a CR
    /// before the LF dropped), classifying each with `tokens` and `decimal`. Throws the CsvError
    /// of the first ragged row in file order, in the numeric reader's words.
    static FastScanned scan(std::string_view text, std::size_t pos, std::size_t line,
                            std::size_t columns, char delimiter, const std::string& source,
                            const std::vector<std::string>& tokens, char decimal);
};

} // namespace linlab
