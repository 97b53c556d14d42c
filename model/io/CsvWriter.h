#pragma once
// Writes a numeric table as CSV that CsvReader reads back bit-exactly. Plain C++17 + Armadillo.
//
// A header line of names, then one line per row; values use the shortest round-trip text
// (linlab::formatDouble). Names are quoted only when they must be (delimiter, quote, CR, LF,
// leading or trailing blanks). Note: names that all look like numbers make CsvReader's header
// detection see data; read such files with Header::Yes.

#include <armadillo>

#include <string>
#include <vector>

namespace linlab {

/// How to write. A decimal ',' requires the delimiter ';' or '\t'.
struct CsvWriteOptions {
    char delimiter = ',';
    char decimal = '.';
};

/// Turns names + data (rows are samples) into CSV text or a file.
class CsvWriter {
public:
    /// The CSV text, lines ending in "\n". Throws std::invalid_argument for bad options, a name
    /// count that differs from the column count, or a non-finite value.
    static std::string toString(const std::vector<std::string>& names, const arma::mat& data,
                                const CsvWriteOptions& options = {});

    /// Writes via writeFileAtomically ("path.tmp-XXXX" beside `path`, then renamed), so a failure
    /// never leaves a half-written file. Throws std::runtime_error naming the path, and
    /// std::invalid_argument as toString does, before touching the disk.
    static void writeFile(const std::string& path, const std::vector<std::string>& names,
                          const arma::mat& data, const CsvWriteOptions& options = {});
};

} // namespace linlab
