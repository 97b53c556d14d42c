#pragma once
// Reads numeric CSV (RFC 4180) into a CsvTable. Plain C++17 + Armadillo, no Qt.
//
// Rules, in short:
// - Fields may be quoted with '"'; "" inside quotes is one quote; quoted fields may hold the
//   delimiter and line breaks. Blanks around a quoted field are ignored.
// - A UTF-8 BOM at the start is dropped; LF and CRLF line endings are accepted.
// - Fully blank lines (nothing but spaces, CRs and, unless tab-delimited, tabs) are ignored
//   anywhere, so trailing blank lines and blank lines between rows are harmless.
// - Header (Detect): the first record is a header iff one of its non-empty fields is not a
//   number under the detected decimal separator. An empty field alone does not make a header,
//   so a data file with a missing first value reports that value instead of a bad name.
//   Unquoted header names are trimmed of blanks; quoted names are kept exactly.
// - Every data field must be a whole finite number (linlab::parseDouble); every record must
//   have as many fields as the header (or the first record).
// - Any problem throws CsvError naming file, physical line and field; nothing partial is
//   returned. A text with a NUL byte in its first 64 KiB is not text: refused at once.
//
// The parts: CsvFileText (the file's bytes), CsvDialect (delimiter, decimal, header), CsvScanner
// (RFC 4180, the reference), CsvFastPath (unquoted data, two threads); this class joins them.

#include "model/io/CsvError.h"
#include "model/io/CsvTable.h"

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace linlab {

/// How to read: 0 / Detect means "work it out from the text".
struct CsvReadOptions {
    char delimiter = 0; ///< 0 = detect among ',', ';', '\t'
    char decimal = 0;   ///< 0 = detect: ',' only for ';'/tab files whose data use a comma; else '.'
    enum class Header { Detect, Yes, No } header = Header::Detect;
    /// Called now and then, always on the calling thread, with the fraction of the text read
    /// (0..1); returning false cancels the read with CsvCancelled. Lets a window show progress
    /// and a Cancel button.
    std::function<bool(double fraction)> progress;
    /// readFile: the most bytes taken from a pipe, a device or anything else that is not a
    /// regular file (a regular file is mapped, whatever its size); more throws CsvError, so an
    /// endless stream cannot take all the memory.
    std::size_t maxStreamBytes = std::size_t(1) << 30;

    // How, not what: every setting below gives the same table or the same error (tests and the
    // fuzzer compare them).
    /// Data of at least this many bytes is parsed by two threads (when the machine has two).
    std::size_t parallelMinBytes = std::size_t(1) << 20;
    /// Unquoted data is parsed straight into the matrix; false reads every record with the
    /// RFC 4180 scanner, the reference.
    bool fastPath = true;
};

/// Thrown when CsvReadOptions::progress asked to stop; nothing was read.
class CsvCancelled : public std::runtime_error {
public:
    CsvCancelled()
        : std::runtime_error("reading was cancelled") {}
};

/// Reads CSV text into a numeric table (see the rules above).
class CsvReader {
public:
    /// Reads the file at `path`; throws CsvError (line 0 when the file cannot be read at all).
    /// A regular file is memory-mapped and, when large and unquoted, parsed by two threads;
    /// anything else is read into memory up to options.maxStreamBytes.
    /// Throws std::invalid_argument for impossible options (e.g. delimiter == decimal).
    static CsvTable readFile(const std::string& path, const CsvReadOptions& options = {});

    /// Reads CSV from memory; `sourceName` stands for the file name in errors.
    static CsvTable readString(std::string_view text, const std::string& sourceName,
                               const CsvReadOptions& options = {});
};

} // namespace linlab
