#pragma once
// A numeric CSV file read in blocks of rows, in a bounded buffer, never held whole: what
// `linlab --batch --stream` reads files larger than memory with. The dialect (delimiter, decimal,
// header) is CsvDialect's, the numbers parseDouble's, the errors CsvError's (file, line, column).
// Plain C++17 + Armadillo, no Qt.

#include "model/io/CsvReader.h"

#include <armadillo>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace linlab {

/// What one pass over the data found.
struct CsvChunkPass {
    std::size_t rows = 0;             ///< data records read
    std::size_t skipped = 0;          ///< records left out for a missing value in a read column
    std::vector<std::size_t> missing; ///< per column of the file: its missing cells
};

class CsvChunkReader {
public:
    /// Records per block handed to the caller (at most).
    static constexpr std::size_t kBlockRows = 65536;
    /// Bytes read from the file at a time (a longer line grows the buffer to hold it).
    static constexpr std::size_t kBufferBytes = std::size_t(16) << 20;

    /// Opens `path` and reads its dialect and column names from the first bytes. Throws CsvError
    /// naming the path (line 0 when the file cannot be read, is empty, is not text or is not a
    /// regular file: a pipe could not be read a second time) and
    /// std::invalid_argument for impossible options (CsvDialect::checkOptions).
    CsvChunkReader(std::string path, const CsvReadOptions& options);

    /// The column names: the header's, else x1, x2, ..., y.
    const std::vector<std::string>& names() const { return m_names; }
    /// The field delimiter and the decimal separator found (or given).
    char delimiter() const { return m_delimiter; }
    char decimal() const { return m_decimal; }

    /// Called with a block of records (one row each, one column per entry of `columns`, in that
    /// order) and the part it came from: 0 or 1. The two parts of each buffer are parsed on two
    /// threads, so calls for part 0 and part 1 may run at once; each part's calls come in file
    /// order, and every block of part 0 precedes, in the file, those of part 1 of the same buffer.
    using OnBlock = std::function<void(const arma::mat& block, std::size_t part)>;

    /// One pass over the data from the first record: every record's fields `columns` (0-based,
    /// each < names().size()) parsed as numbers, records with a missing cell there (a trimmed
    /// cell in `missingTokens`) left out and counted; the other columns are only checked for
    /// missing cells (counted). Throws CsvError naming file, line and column for a wrong field
    /// count, a text that is no number, a quote (the stream reads unquoted data), no data rows,
    /// or a read failure; the first in file order. Can be called again for another pass.
    CsvChunkPass read(const std::vector<std::size_t>& columns,
                      const std::vector<std::string>& missingTokens, const OnBlock& onBlock) const;

private:
    std::string m_path;
    char m_delimiter = ',';
    char m_decimal = '.';
    std::vector<std::string> m_names;
    std::size_t m_dataOffset = 0; // bytes from the file's start (BOM and header included)
    std::size_t m_firstLine = 1;  // the physical line at m_dataOffset
    std::size_t m_headerLine = 1; // the first record's line
};

} // namespace linlab
