#include "model/io/CsvFileText.h"

#include "model/io/CsvError.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
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

} // namespace

CsvFileText::CsvFileText(const std::string& path) {
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
    // A pipe or a device (or a file that cannot be mapped): read it all.
    readStream(fd.get(), path);
}

void CsvFileText::readStream(int fd, const std::string& path) {
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
        m_content.append(buffer, static_cast<std::size_t>(got));
    }
}

} // namespace linlab
