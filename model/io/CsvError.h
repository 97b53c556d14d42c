#pragma once
// The one error type of the CSV reader: a message that says where (file, line, column) and why.
// Plain C++17, no Qt.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace linlab {

/// A CSV read failure. what() is "FILE:LINE:COLUMN: REASON", ":COLUMN" omitted when the column
/// is 0 and ":LINE:COLUMN" omitted when the line is 0 (the whole file is at fault).
class CsvError : public std::runtime_error {
public:
    /// Builds the error; line: 1-based physical (0 = whole file); column: 1-based field (0 = none).
    CsvError(std::string file, std::size_t line, std::size_t column, std::string message)
        : std::runtime_error(compose(file, line, column, message))
        , m_file(std::move(file))
        , m_line(line)
        , m_column(line == 0 ? 0 : column)
        , m_reason(std::move(message)) {}

    /// The file (or source) name the error is about.
    const std::string& file() const { return m_file; }
    /// The 1-based physical line where the offending field starts; 0 for the whole file.
    std::size_t line() const { return m_line; }
    /// The 1-based field index; 0 when no single field is at fault.
    std::size_t column() const { return m_column; }
    /// The message without the location.
    const std::string& reason() const { return m_reason; }

private:
    // Header-only so the error type costs no extra source file in the model library.
    static std::string compose(const std::string& file, std::size_t line, std::size_t column,
                               const std::string& message) {
        std::string text = file;
        if (line != 0) {
            text += ':' + std::to_string(line);
            if (column != 0)
                text += ':' + std::to_string(column);
        }
        text += ": ";
        text += message;
        return text;
    }

    std::string m_file;
    std::size_t m_line;
    std::size_t m_column;
    std::string m_reason;
};

} // namespace linlab
