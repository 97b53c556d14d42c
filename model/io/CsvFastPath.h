#pragma once
// The CSV reader's fast path: unquoted data parsed straight into the column-major matrix, by two
// threads when there is enough of it. Plain C++17 + Armadillo, no Qt.

#include "model/io/CsvReader.h"

#include <armadillo>

#include <cstddef>
#include <string>
#include <string_view>

namespace linlab {

class MappedFile;

/// Almost every numeric CSV has no quotes after its header. Then every '\n' ends a record, so
/// the data can be cut at line boundaries and the parts parsed at the same time, each number
/// read by std::from_chars right where it lies. A quote anywhere in the data sends the whole read
/// back to the RFC 4180 scanner (CsvScanner), which stays the reference for every rule and
/// message.
class CsvFastPath {
public:
    /// The data to read and its shape, as the header (or the first record) gave it.
    struct Region {
        std::string_view text;      ///< the whole text; progress is a fraction of its size
        std::size_t start = 0;      ///< where the data begins in `text`
        std::size_t firstLine = 1;  ///< the physical line at `start`
        std::size_t headerLine = 1; ///< the first record's line, for "no data rows"
        std::size_t columns = 0;    ///< fields per record
        char delimiter = ',';
        char decimal = '.';
    };

    /// Reads text[start, end) when it holds no quote: fills `data` (rows x columns) and returns
    /// true, or throws the first error in file order (CsvError naming `source`; CsvCancelled
    /// when options.progress says stop). False when a quote was found: the caller then reads
    /// with the scanner. `file` is the mapping the text lies in, if any.
    static bool read(const Region& region, const std::string& source, const CsvReadOptions& options,
                     const MappedFile* file, arma::mat& data);
};

} // namespace linlab
