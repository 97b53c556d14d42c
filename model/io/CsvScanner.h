#pragma once
// The RFC 4180 scanner: the reference reading of CSV text, one record at a time. Plain C++17,
// no Qt.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace linlab {

/// One field of a record; `text` points into the source, or into the scanner's scratch buffer
/// when the field needed unescaping ("" inside quotes).
struct CsvField {
    std::string_view text; ///< the content, quotes removed
    std::size_t line = 0;  ///< the physical line where the field starts (1-based)
    bool quoted = false;   ///< whether the field was quoted
};

/// The RFC 4180 state machine: walks the text once, one record per next() call, and throws
/// CsvError (naming `source`, line and field) on broken quoting. Fully blank lines are skipped.
class CsvScanner {
public:
    /// Scans `text`, fields split at `delimiter`; both must outlive the scanner, as `source`.
    CsvScanner(std::string_view text, char delimiter, const std::string& source)
        : m_text(text)
        , m_delimiter(delimiter)
        , m_source(source) {}

    /// Fills `fields` with the next non-blank record; false at the end of the text. The fields
    /// stay valid until the next call.
    bool next(std::vector<CsvField>& fields);

    /// Offset just past the last record returned.
    std::size_t position() const { return m_pos; }
    /// The physical line at position() (1-based).
    std::size_t line() const { return m_line; }

private:
    bool skipBlankLines();
    bool readField(std::vector<CsvField>& fields);
    std::size_t readQuoted(std::size_t start, std::size_t fieldIndex, CsvField& field);

    std::string_view m_text;
    char m_delimiter;
    const std::string& m_source;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    std::string m_scratch;
    std::vector<std::pair<std::size_t, std::size_t>> m_escaped; // field index, scratch offset
};

} // namespace linlab
