#pragma once
// How a CSV text is written: its delimiter, its decimal separator, whether it has a header.
// Plain C++17, no Qt.

#include "model/io/CsvReader.h"
#include "model/io/CsvScanner.h"

#include <string>
#include <string_view>
#include <vector>

namespace linlab {

class MappedFile;

/// The dialect detection of the CSV reader (the rules of CsvReader.h); each step returns what
/// the options chose, else what the text shows.
class CsvDialect {
public:
    /// The field delimiter: options.delimiter, else the one detectDelimiter finds, else ','
    /// (one column: the delimiter then only matters for the table).
    static char delimiter(std::string_view text, const CsvReadOptions& options);

    /// The decimal separator: options.decimal, else ',' for a ';' or tab file whose data
    /// (`afterFirst`, the text after the first record) holds a comma, or whose first record reads
    /// as numbers with a decimal comma; else '.'. `file` is the mapping the text lies in, if any
    /// (its pages are let go as they are searched).
    static char decimal(std::string_view afterFirst, const std::vector<CsvField>& first,
                        char delimiter, const CsvReadOptions& options, const MappedFile* file);

    /// Whether the first record holds the column names: as the options say, else whether one of
    /// its non-empty fields is not a number under `decimal`.
    static bool header(const std::vector<CsvField>& first, char decimal,
                       const CsvReadOptions& options);

    /// Picks the delimiter from the first 20 records (quotes respected): the first of '\t', ';',
    /// ',' with the same non-zero count on every record, else the most frequent on the first
    /// record, else 0 (one column). `excluded` is a candidate that cannot be the delimiter.
    static char detectDelimiter(std::string_view text, char excluded);

    /// Throws std::invalid_argument for impossible options (a quote or line break as the
    /// delimiter, a decimal other than '.' or ',', the two equal); the numeric reader's checks.
    static void checkOptions(const CsvReadOptions& options);

    /// The column names: the first record's when it is a header (unquoted ones trimmed; CsvError
    /// naming `source` for an empty or a repeated name), else x1, x2, ..., y.
    static std::vector<std::string> columnNames(const std::vector<CsvField>& first, bool header,
                                                const std::string& source);
};

} // namespace linlab
