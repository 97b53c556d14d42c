#include "model/support/MappedFile.h"

#include <cstdint>

#include <sys/mman.h>
#include <unistd.h>

namespace linlab {

MappedFile::~MappedFile() {
    if (m_data)
        ::munmap(m_data, m_size);
}

bool MappedFile::map(int fd, std::size_t size) {
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED)
        return false;
    m_data = data;
    m_size = size;
    ::madvise(m_data, m_size, MADV_SEQUENTIAL); // read-ahead, and pages behind are cheap to drop
    return true;
}

const char* MappedFile::release(const char* from, const char* to) const {
    static const std::uintptr_t page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const std::uintptr_t begin = (reinterpret_cast<std::uintptr_t>(from) + page - 1) / page * page;
    const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(to) / page * page;
    if (end <= begin)
        return from;
    ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
    return from + (end - reinterpret_cast<std::uintptr_t>(from));
}

} // namespace linlab
