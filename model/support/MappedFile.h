#pragma once
// A read-only memory mapping of a whole regular file. Plain C++17 (POSIX).

#include <cstddef>
#include <string_view>

namespace linlab {

/// A read-only private mapping of a whole regular file. Mapped pages count as resident memory,
/// so readers hand back (release) the parts already read to keep the peak near the size of what
/// they build from it.
class MappedFile {
public:
    /// Bytes read between two releases of a Releaser (fewer system calls, a bounded residue).
    static constexpr std::size_t kReleaseBytes = std::size_t(8) << 20;

    MappedFile() = default;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    /// Maps `fd` (size bytes, size > 0) for sequential reading; false when the system refuses
    /// (the caller then reads instead). The descriptor may be closed afterwards.
    bool map(int fd, std::size_t size);
    /// Whether map() succeeded.
    bool isMapped() const { return m_data != nullptr; }
    /// The mapped bytes (empty before map()).
    std::string_view text() const { return {static_cast<const char*>(m_data), m_size}; }

    /// Drops the whole pages inside [from, to) from this process (never from the page cache).
    /// Reading them again just maps them again, so this is safe whoever still looks at them.
    /// Returns where the next release should start: the end of the last page dropped.
    const char* release(const char* from, const char* to) const;

    /// Releases the pages behind a reader as it advances; does nothing without a mapping (text
    /// in memory).
    class Releaser {
    public:
        /// Follows a reader of `file` (null: text in memory) that starts at `start`.
        Releaser(const MappedFile* file, const char* start)
            : m_file(file)
            , m_done(start) {}
        /// Everything before `p` has been read for good; releases every kReleaseBytes.
        void advance(const char* p) {
            if (m_file && static_cast<std::size_t>(p - m_done) >= kReleaseBytes)
                m_done = m_file->release(m_done, p);
        }
        /// Everything before `p` has been read for good; releases it now.
        void finish(const char* p) {
            if (m_file)
                m_done = m_file->release(m_done, p);
        }

    private:
        const MappedFile* m_file;
        const char* m_done;
    };

private:
    void* m_data = nullptr;
    std::size_t m_size = 0;
};

} // namespace linlab
