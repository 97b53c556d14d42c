#include "model/io/AtomicFile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace linlab {

namespace {
std::string failure(const std::string& path, const char* what, int error) {
    return "cannot write \"" + path + "\": " + what + ": " + std::strerror(error);
}

std::string temporaryName(const std::string& path) {
    static std::mt19937_64 engine{std::random_device{}()};
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, ".tmp-%08llx",
                  static_cast<unsigned long long>(engine() & 0xffffffffULL));
    return path + suffix;
}
} // namespace

namespace {
void writeAll(int fd, const std::string& path, std::string_view content, const std::string& temp) {
    const char* data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            if (!temp.empty())
                ::unlink(temp.c_str());
            throw std::runtime_error(failure(path, "write failed", error));
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
}
} // namespace

void writeFileAtomically(const std::string& path, std::string_view content) {
    // A device or pipe (/dev/stdout, /dev/full) is written to, never renamed over.
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode)) {
        const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
        if (fd < 0)
            throw std::runtime_error(failure(path, "cannot open it for writing", errno));
        writeAll(fd, path, content, {});
        if (::close(fd) != 0)
            throw std::runtime_error(failure(path, "close failed", errno));
        return;
    }

    const std::string temp = temporaryName(path);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error(failure(path, "cannot create a file there", errno));
    writeAll(fd, path, content, temp);
    if (::fsync(fd) != 0 && errno != EINVAL) {
        const int error = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        throw std::runtime_error(failure(path, "flush failed", error));
    }
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        throw std::runtime_error(failure(path, "close failed", error));
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        throw std::runtime_error(failure(path, "rename failed", error));
    }
}

} // namespace linlab
