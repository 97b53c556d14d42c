#include "model/io/CsvFileText.h"

#include "model/io/CsvError.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace linlab {

namespace {

// Closes the descriptor however the reading ends.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd)
        : m_fd(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    int get() const { return m_fd; }

private:
    int m_fd;
};

// "1 GiB", "64 KiB", "1000 bytes": a limit as a person would write it.
std::string byteCount(std::size_t bytes) {
    static const char* const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    std::size_t unit = 0;
    while (unit + 1 < std::size(units) && bytes != 0 && bytes % 1024 == 0) {
        bytes /= 1024;
        ++unit;
    }
    return std::to_string(bytes) + ' ' + units[unit];
}

} // namespace

CsvFileText::CsvFileText(const std::string& path, std::size_t streamLimit) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw CsvError(path, 0, 0, "cannot read the file: it is a folder");
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        const int error = errno;
        throw CsvError(path, 0, 0,
                       std::string("cannot open the file (") +
                           (error != 0 ? std::strerror(error) : "unknown error") + ")");
    }
    struct stat info {};
    const bool regular = ::fstat(fd.get(), &info) == 0 && S_ISREG(info.st_mode);
    if (regular && info.st_size == 0)
        return;
    if (regular && m_file.map(fd.get(), static_cast<std::size_t>(info.st_size)))
        return; // the mapping keeps the file
    // A pipe or a device (or a regular file that cannot be mapped, bounded by its size).
    readStream(fd.get(), path, regular ? std::string::npos : streamLimit);
}

void CsvFileText::readStream(int fd, const std::string& path, std::size_t streamLimit) {
    char buffer[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got == 0)
            break;
        if (got < 0) {
            if (errno == EINTR)
                continue;
            throw CsvError(path, 0, 0, "cannot read the file (read error)");
        }
        const std::size_t bytes = static_cast<std::size_t>(got);
        // Binary data is refused at its first block, not after reading all of it.
        if (m_content.size() < kProbeBytes)
            requireText(std::string_view(buffer, bytes).substr(0, kProbeBytes - m_content.size()),
                        path);
        if (bytes > streamLimit - m_content.size())
            throw CsvError(path, 0, 0,
                           "more than " + byteCount(streamLimit) +
                               " from a pipe or a device (the most LinLab reads from anything "
                               "but a regular file); save the data to a file and open that");
        m_content.append(buffer, bytes);
    }
}

void CsvFileText::requireText(std::string_view text, const std::string& source) {
    if (text.substr(0, kProbeBytes).find('\0') != std::string_view::npos)
        throw CsvError(source, 0, 0,
                       "not a text file: NUL bytes in its first " + byteCount(kProbeBytes) +
                           " (binary data, or text saved as UTF-16?)");
}

} // namespace linlab
