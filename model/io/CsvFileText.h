#pragma once
// The text of a CSV file, as the reader sees it: a regular file mapped, anything else read into
// memory. Plain C++17 (POSIX), no Qt.

#include "model/support/MappedFile.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace linlab {

/// The whole text of a file. A regular file is mapped, not copied: no second copy of the text in
/// memory, and readers let the parsed parts go as they advance. (As with any mapping, a file cut
/// short by another program while it is read makes the process fault: the price of not copying
/// it.) A pipe or a device is read into memory.
class CsvFileText {
public:
    /// Opens and maps or reads `path`. Throws CsvError naming the path (line 0) when it is a
    /// folder or cannot be opened or read.
    explicit CsvFileText(const std::string& path);
    CsvFileText(const CsvFileText&) = delete;
    CsvFileText& operator=(const CsvFileText&) = delete;

    /// The file's bytes.
    std::string_view text() const { return m_file.isMapped() ? m_file.text() : m_content; }
    /// The mapping text() lies in; null when the text was read into memory (or is empty).
    const MappedFile* mapping() const { return m_file.isMapped() ? &m_file : nullptr; }

private:
    void readStream(int fd, const std::string& path);

    MappedFile m_file;
    std::string m_content;
};

} // namespace linlab
