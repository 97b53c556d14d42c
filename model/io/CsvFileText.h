#pragma once
// The text of a CSV file, as the reader sees it: a regular file mapped, anything else read into
// memory within a limit. Plain C++17 (POSIX), no Qt.

#include "model/support/MappedFile.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace linlab {

/// The whole text of a file. A regular file is mapped, not copied: no second copy of the text in
/// memory, and readers let the parsed parts go as they advance. (As with any mapping, a file cut
/// short by another program while it is read makes the process fault: the price of not copying
/// it.) A pipe or a device is read into memory, at most `streamLimit` bytes, so an endless
/// stream (/dev/zero, /dev/urandom) cannot take all the memory.
class CsvFileText {
public:
    /// Bytes at the start of a text that must hold no NUL byte (see requireText).
    static constexpr std::size_t kProbeBytes = std::size_t(64) << 10;

    /// Opens and maps or reads `path`. Throws CsvError naming the path (line 0) when it is a
    /// folder, cannot be opened or read, is not text, or brings more than `streamLimit` bytes
    /// without being a regular file.
    CsvFileText(const std::string& path, std::size_t streamLimit);
    CsvFileText(const CsvFileText&) = delete;
    CsvFileText& operator=(const CsvFileText&) = delete;

    /// The file's bytes.
    std::string_view text() const { return m_file.isMapped() ? m_file.text() : m_content; }
    /// The mapping text() lies in; null when the text was read into memory (or is empty).
    const MappedFile* mapping() const { return m_file.isMapped() ? &m_file : nullptr; }

    /// Throws CsvError naming `source` (line 0) when the first kProbeBytes of `text` hold a NUL
    /// byte: binary data (or UTF-16 text), never a CSV, refused before anything else is read.
    static void requireText(std::string_view text, const std::string& source);

private:
    void readStream(int fd, const std::string& path, std::size_t streamLimit);

    MappedFile m_file;
    std::string m_content;
};

} // namespace linlab
