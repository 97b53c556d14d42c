#include "model/io/CsvReader.h"

#include "model/io/NumberFormat.h"
#include "model/support/HugePages.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <future>
#include <stdexcept>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace linlab {

namespace {

constexpr std::size_t kDetectRecords = 20; // records inspected to detect the delimiter
constexpr std::size_t kMaxShownChars = 40; // longer found text is shortened in messages
constexpr std::array<char, 3> kCandidates{'\t', ';', ','}; // preference order on ties

// One field of the current record; `text` points into the source, or into the scanner's
// scratch buffer when the field needed unescaping ("" inside quotes).
struct Field {
    std::string_view text;
    std::size_t line = 0;
    bool quoted = false;
};

bool isSpaceOrTab(char c, char delimiter) {
    return c == ' ' || (c == '\t' && delimiter != '\t');
}

bool isBlankLineChar(char c, char delimiter) {
    return c == '\r' || isSpaceOrTab(c, delimiter);
}

std::string_view trimBlanks(std::string_view s) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    return s;
}

// Found text for a message: one line (control characters escaped), at most kMaxShownChars.
std::string shownText(std::string_view text) {
    bool shortened = false;
    if (text.size() > kMaxShownChars) {
        std::size_t cut = kMaxShownChars;
        // Do not split a UTF-8 sequence: back off over continuation bytes.
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
        text = text.substr(0, cut);
        shortened = true;
    }
    std::string out;
    out.reserve(text.size() + 3);
    for (char c : text) {
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else
            out += c;
    }
    if (shortened)
        out += "...";
    return out;
}

// The RFC 4180 state machine: walks the text once, one record per next() call.
class RecordScanner {
public:
    RecordScanner(std::string_view text, char delimiter, const std::string& source)
        : m_text(text)
        , m_delimiter(delimiter)
        , m_source(source) {}

    // Fills `fields` with the next non-blank record; false at the end of the text.
    bool next(std::vector<Field>& fields) {
        fields.clear();
        m_scratch.clear();
        m_escaped.clear();
        if (!skipBlankLines())
            return false;
        while (readField(fields)) {
        }
        // The scratch buffer may have moved while growing; point escaped fields at it now.
        for (const auto& [index, offset] : m_escaped)
            fields[index].text = {m_scratch.data() + offset, fields[index].text.size()};
        return true;
    }

    // Offset just past the last record returned.
    std::size_t position() const { return m_pos; }
    // The physical line at position() (1-based).
    std::size_t line() const { return m_line; }

private:
    // Skips fully blank lines; false when only blanks remain.
    bool skipBlankLines() {
        const std::size_t size = m_text.size();
        while (m_pos < size) {
            std::size_t p = m_pos;
            while (p < size && isBlankLineChar(m_text[p], m_delimiter))
                ++p;
            if (p == size) {
                m_pos = size;
                return false;
            }
            if (m_text[p] != '\n')
                return true;
            m_pos = p + 1;
            ++m_line;
        }
        return false;
    }

    // Reads one field at m_pos; true when another field of the same record follows.
    bool readField(std::vector<Field>& fields) {
        const std::size_t size = m_text.size();
        Field field;
        field.line = m_line;

        std::size_t p = m_pos;
        while (p < size && isSpaceOrTab(m_text[p], m_delimiter))
            ++p;
        if (p < size && m_text[p] == '"') {
            field.quoted = true;
            p = readQuoted(p + 1, fields.size(), field);
            // Only blanks may sit between the closing quote and the delimiter or line end.
            while (p < size && isBlankLineChar(m_text[p], m_delimiter))
                ++p;
            if (p < size && m_text[p] != m_delimiter && m_text[p] != '\n')
                throw CsvError(m_source, field.line, fields.size() + 1,
                               "unexpected text after a closing quote");
        } else {
            p = m_pos;
            while (p < size && m_text[p] != m_delimiter && m_text[p] != '\n')
                ++p;
            std::string_view text = m_text.substr(m_pos, p - m_pos);
            if (p < size && m_text[p] == '\n' && !text.empty() && text.back() == '\r')
                text.remove_suffix(1); // CRLF
            field.text = text;
        }
        fields.push_back(field);

        if (p >= size) {
            m_pos = size;
            return false;
        }
        m_pos = p + 1;
        if (m_text[p] == '\n') {
            ++m_line;
            return false;
        }
        return true; // a delimiter: another field follows, even if empty
    }

    // Reads quoted content starting just after the opening quote; returns the offset just past
    // the closing quote.
    std::size_t readQuoted(std::size_t start, std::size_t fieldIndex, Field& field) {
        const std::size_t size = m_text.size();
        const std::size_t openLine = m_line;
        bool escaped = false;
        std::size_t p = start;
        for (;;) {
            if (p >= size)
                throw CsvError(m_source, openLine, fieldIndex + 1,
                               "unterminated quoted field (the quote opened here is never closed)");
            const char c = m_text[p];
            if (c == '"') {
                if (p + 1 < size && m_text[p + 1] == '"') {
                    escaped = true;
                    p += 2;
                    continue;
                }
                break;
            }
            if (c == '\n')
                ++m_line;
            ++p;
        }
        const std::string_view raw = m_text.substr(start, p - start);
        if (!escaped) {
            field.text = raw;
        } else {
            // Only fields with "" pay for a copy; the view is fixed up at the end of next().
            const std::size_t offset = m_scratch.size();
            for (std::size_t i = 0; i < raw.size(); ++i) {
                m_scratch += raw[i];
                if (raw[i] == '"')
                    ++i;
            }
            field.text = std::string_view(m_scratch).substr(offset); // size only; data fixed later
            m_escaped.emplace_back(fieldIndex, offset);
        }
        return p + 1;
    }

    std::string_view m_text;
    char m_delimiter;
    const std::string& m_source;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    std::string m_scratch;
    std::vector<std::pair<std::size_t, std::size_t>> m_escaped; // field index, scratch offset
};

int candidateIndex(char c, char excluded) {
    for (std::size_t i = 0; i < kCandidates.size(); ++i)
        if (kCandidates[i] == c && c != excluded)
            return static_cast<int>(i);
    return -1;
}

// Picks the delimiter from the first kDetectRecords records (quotes respected): the first
// candidate with the same non-zero count on every record, else the most frequent on the first
// record, else 0 (one column). `excluded` is a candidate that cannot be the delimiter.
char detectDelimiter(std::string_view text, char excluded) {
    const std::size_t size = text.size();
    std::array<std::size_t, 3> first{};
    std::array<bool, 3> consistent{true, true, true};
    std::size_t records = 0;
    std::size_t pos = 0;
    while (pos < size && records < kDetectRecords) {
        std::size_t p = pos;
        while (p < size && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r'))
            ++p;
        if (p == size)
            break;
        if (text[p] == '\n') {
            pos = p + 1;
            continue;
        }
        std::array<std::size_t, 3> counts{};
        bool inQuote = false;
        bool fieldStart = true;
        for (; pos < size; ++pos) {
            const char c = text[pos];
            if (inQuote) {
                if (c == '"') {
                    if (pos + 1 < size && text[pos + 1] == '"')
                        ++pos;
                    else
                        inQuote = false;
                }
                continue;
            }
            if (c == '\n') {
                ++pos;
                break;
            }
            const int index = candidateIndex(c, excluded);
            if (index >= 0) {
                ++counts[static_cast<std::size_t>(index)];
                fieldStart = true;
            } else if (c == '"' && fieldStart) {
                inQuote = true;
                fieldStart = false;
            } else if (c != ' ') {
                fieldStart = false;
            }
        }
        if (records == 0)
            first = counts;
        else
            for (std::size_t i = 0; i < counts.size(); ++i)
                consistent[i] = consistent[i] && counts[i] == first[i];
        ++records;
    }
    for (std::size_t i = 0; i < kCandidates.size(); ++i)
        if (consistent[i] && first[i] > 0)
            return kCandidates[i];
    std::size_t best = 0;
    for (std::size_t i = 1; i < kCandidates.size(); ++i)
        if (first[i] > first[best])
            best = i;
    return first[best] > 0 ? kCandidates[best] : 0;
}

CsvError numberError(const std::string& source, const Field& field, std::size_t column,
                     ParseStatus status) {
    return CsvError(source, field.line, column,
                    "expected a number, found \"" + shownText(field.text) + "\" (" +
                        parseStatusText(status) + ")");
}

std::string fieldCount(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " field" : " fields");
}

void checkOptions(const CsvReadOptions& options) {
    const char d = options.delimiter;
    if (d == '"' || d == '\n' || d == '\r')
        throw std::invalid_argument("CsvReader: the delimiter cannot be a quote or a line break");
    if (options.decimal != 0 && options.decimal != '.' && options.decimal != ',')
        throw std::invalid_argument("CsvReader: the decimal separator must be '.' or ','");
    if (d != 0 && d == options.decimal)
        throw std::invalid_argument("CsvReader: the delimiter and the decimal separator are equal");
}

// ---- The fast path: unquoted data, parsed straight into the column-major matrix ------------
//
// Almost every numeric CSV has no quotes after its header. Then every '\n' ends a record, so the
// data can be cut at line boundaries and the parts parsed at the same time, each number read by
// std::from_chars right where it lies. A quote anywhere in the data sends the whole read back to
// the RFC 4180 scanner above, which stays the reference for every rule and message.

constexpr std::size_t kReportRows = 16384;         // rows between progress reports
constexpr std::size_t kReleaseBytes = 8u << 20;    // mapped bytes parsed between page releases
constexpr std::size_t kCountBlockBytes = 8u << 20; // bytes counted between page releases

// A read-only private mapping of a whole regular file. Mapped pages count as resident memory, so
// the parts already parsed are handed back (release) to keep the peak near the size of the result.
class MappedFile {
public:
    MappedFile() = default;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile() {
        if (m_data)
            ::munmap(m_data, m_size);
    }

    // Maps `fd` (size bytes); false when the system refuses (the caller then reads instead).
    bool map(int fd, std::size_t size) {
        void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (data == MAP_FAILED)
            return false;
        m_data = data;
        m_size = size;
        ::madvise(m_data, m_size,
                  MADV_SEQUENTIAL); // read-ahead, and pages behind are cheap to drop
        return true;
    }

    std::string_view text() const { return {static_cast<const char*>(m_data), m_size}; }

    // Drops the whole pages inside [from, to) from this process (never from the page cache).
    // Reading them again just maps them again, so this is safe whoever still looks at them.
    // Returns where the next release should start: the end of the last page dropped.
    const char* release(const char* from, const char* to) const {
        static const std::uintptr_t page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
        const std::uintptr_t begin =
            (reinterpret_cast<std::uintptr_t>(from) + page - 1) / page * page;
        const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(to) / page * page;
        if (end <= begin)
            return from;
        ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
        return from + (end - reinterpret_cast<std::uintptr_t>(from));
    }

private:
    void* m_data = nullptr;
    std::size_t m_size = 0;
};

// Releases mapped pages behind a reader as it advances; does nothing for text in memory.
class PageReleaser {
public:
    PageReleaser(const MappedFile* file, const char* start)
        : m_file(file)
        , m_done(start) {}
    // Everything before `p` has been read for good.
    void advance(const char* p) {
        if (m_file && static_cast<std::size_t>(p - m_done) >= kReleaseBytes)
            m_done = m_file->release(m_done, p);
    }
    void finish(const char* p) {
        if (m_file)
            m_done = m_file->release(m_done, p);
    }

private:
    const MappedFile* m_file;
    const char* m_done;
};

bool isNumberStart(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// Strict parse of one unquoted field (the rules of parseDouble), fast for the usual shapes.
ParseResult parseField(std::string_view text, char decimal) {
    if (decimal == ',' && !text.empty() && text.size() < 64 && isNumberStart(text.front()) &&
        text.find('.') == std::string_view::npos) {
        // Decimal comma: swap it for a point in a small buffer rather than a std::string.
        char buffer[64];
        std::size_t n = 0;
        for (char c : text)
            buffer[n++] = c == ',' ? '.' : c;
        double value = 0;
        const auto r = std::from_chars(buffer, buffer + n, value);
        if (r.ec == std::errc() && r.ptr == buffer + n && std::isfinite(value))
            return {ParseStatus::Ok, value};
    }
    return parseDouble(text, decimal); // the reference: blanks, '+', and every error's reason
}

// Which part of the data one thread reads and what it found.
struct Chunk {
    const char* begin = nullptr;
    const char* end = nullptr; // just past a '\n', or the end of the text
    std::size_t newlines = 0;  // '\n' in [begin, end)
    std::size_t slots = 0;     // most records it can hold: its lines
    std::size_t firstRow = 0;  // its first record's row in the matrix
    std::size_t firstLine = 0; // physical line of begin
    bool first = false;        // the chunk at the start of the data
    // Results
    std::size_t rows = 0;
    bool quote = false;        // a '"' was seen: the fast path does not apply
    bool failed = false;       // the error below is set
    std::size_t errorLine = 0; // absolute physical line
    std::size_t errorColumn = 0;
    std::string errorReason;
};

// What every chunk shares.
struct FastRead {
    char delimiter = ',';
    char decimal = '.';
    std::size_t columns = 0;
    double* out = nullptr; // column-major, `stride` rows
    std::size_t stride = 0;
    const MappedFile* file = nullptr;
    std::atomic<std::size_t> bytesDone{0};
    std::atomic<bool> failed{false};  // a chunk found an error
    std::atomic<bool> abandon{false}; // a quote was found (the scanner takes over), or cancelled
};

// Counts the '\n' of a chunk; releases mapped pages as it goes.
void countLines(Chunk& chunk, const MappedFile* file) {
    std::size_t count = 0;
    PageReleaser releaser(file, chunk.begin);
    for (const char* p = chunk.begin; p < chunk.end;) {
        const char* stop =
            p + std::min<std::size_t>(kCountBlockBytes, static_cast<std::size_t>(chunk.end - p));
        // 255 bytes at a time into an 8-bit sum: the compiler keeps it in byte-wide vector lanes.
        for (; stop - p >= 255; p += 255) {
            std::uint8_t lines = 0;
            for (int i = 0; i < 255; ++i)
                lines += p[i] == '\n';
            count += lines;
        }
        for (; p < stop; ++p)
            count += *p == '\n';
        releaser.finish(p);
    }
    chunk.newlines = count;
}

// Fields of the record starting at `p` (quotes ignored; *quote set when one is seen).
std::size_t countFields(const char* p, const char* end, char delimiter, bool* quote) {
    std::size_t fields = 1;
    for (; p < end && *p != '\n'; ++p) {
        if (*p == delimiter)
            ++fields;
        else if (*p == '"')
            *quote = true;
    }
    return fields;
}

// Parses one chunk of unquoted records into shared.out from row chunk.firstRow on. Stops at the
// first error (recorded in the chunk), at a quote, on cancel, or after an earlier chunk failed.
// `report`, on the caller's thread only, is called every kReportRows rows.
void parseChunk(Chunk& chunk, FastRead& shared, const std::function<void()>* report) {
    const char delimiter = shared.delimiter;
    const char decimal = shared.decimal;
    const std::size_t columns = shared.columns;
    const std::size_t stride = shared.stride;
    double* const out = shared.out;
    const char* const end = chunk.end;
    const char* p = chunk.begin;
    const char* reported = p;
    std::size_t line = chunk.firstLine;
    std::size_t row = chunk.firstRow;
    std::size_t sinceReport = 0;
    PageReleaser releaser(shared.file, chunk.begin);

    auto fail = [&](std::size_t errorLine, std::size_t column, std::string reason) {
        chunk.failed = true;
        chunk.errorLine = errorLine;
        chunk.errorColumn = column;
        chunk.errorReason = std::move(reason);
        shared.failed = true;
    };
    // A record with the wrong field count reports that, before any bad number in it.
    auto wrongCount = [&](const char* recordStart, std::size_t recordLine) {
        const std::size_t found = countFields(recordStart, end, delimiter, &chunk.quote);
        if (chunk.quote || found == columns)
            return false;
        fail(recordLine, std::min(columns, found) + 1,
             "expected " + fieldCount(columns) + ", found " + std::to_string(found));
        return true;
    };

    while (p < end) {
        // Fully blank lines are skipped; a digit or sign cannot start one.
        if (!isNumberStart(*p)) {
            const char* q = p;
            while (q < end && isBlankLineChar(*q, delimiter))
                ++q;
            if (q == end)
                break;
            if (*q == '\n') {
                p = q + 1;
                ++line;
                continue;
            }
        }
        const char* const recordStart = p;
        const std::size_t recordLine = line;
        std::size_t column = 0;
        for (;;) {
            double value = 0;
            const char* q = p;
            bool ok = false;
            if (decimal == '.' && p < end && isNumberStart(*p)) {
                // The usual field: a number followed at once by the delimiter or the line end.
                const auto r = std::from_chars(p, end, value);
                q = r.ptr;
                if (r.ec == std::errc() && std::isfinite(value)) {
                    if (q < end && *q == '\r' && q + 1 < end && q[1] == '\n')
                        ++q; // CRLF
                    ok = q == end || *q == delimiter || *q == '\n';
                }
            }
            if (!ok) {
                // Anything else: find the field's end and parse it by the full rules.
                q = p;
                while (q < end && *q != delimiter && *q != '\n') {
                    if (*q == '"') {
                        chunk.quote = true;
                        shared.abandon = true;
                        return;
                    }
                    ++q;
                }
                std::string_view text(p, static_cast<std::size_t>(q - p));
                if (q < end && *q == '\n' && !text.empty() && text.back() == '\r')
                    text.remove_suffix(1); // CRLF
                const ParseResult r = parseField(text, decimal);
                if (!r.ok()) {
                    if (!wrongCount(recordStart, recordLine) && !chunk.quote)
                        fail(recordLine, column + 1,
                             "expected a number, found \"" + shownText(text) + "\" (" +
                                 parseStatusText(r.status) + ")");
                    shared.failed = true;
                    return;
                }
                value = r.value;
            }
            out[column * stride + row] = value;
            ++column;
            if (q == end) {
                p = q;
                break;
            }
            if (*q == '\n') {
                p = q + 1;
                ++line;
                break;
            }
            p = q + 1;               // a delimiter: another field follows, even if empty
            if (column == columns) { // more fields than columns
                wrongCount(recordStart, recordLine);
                shared.failed = true;
                return;
            }
        }
        if (column != columns) { // fewer fields than columns
            wrongCount(recordStart, recordLine);
            shared.failed = true;
            return;
        }
        ++row;
        if (++sinceReport == kReportRows) {
            sinceReport = 0;
            shared.bytesDone += static_cast<std::size_t>(p - reported);
            reported = p;
            releaser.advance(p);
            if (report)
                (*report)();
            // The first chunk goes on past a later chunk's error: it may hold an earlier one.
            if (shared.abandon.load(std::memory_order_relaxed) ||
                (!chunk.first && shared.failed.load(std::memory_order_relaxed)))
                return;
        }
    }
    shared.bytesDone += static_cast<std::size_t>(p - reported);
    releaser.finish(p);
    chunk.rows = row - chunk.firstRow;
}

// Whether `text` holds `c`, without keeping the whole mapped file resident.
bool containsByte(std::string_view text, char c, const MappedFile* file) {
    PageReleaser releaser(file, text.data());
    for (std::size_t at = 0; at < text.size(); at += kCountBlockBytes) {
        const std::string_view block = text.substr(at, kCountBlockBytes);
        if (block.find(c) != std::string_view::npos)
            return true;
        releaser.finish(block.data() + block.size());
    }
    return false;
}

// Reads the data region [start, end of text) when it holds no quote: fills table.data and
// returns true, or throws the first error in file order. False when a quote was found: the
// caller then reads with the RFC 4180 scanner.
bool readUnquoted(std::string_view text, std::size_t start, std::size_t firstLine, char delimiter,
                  char decimal, std::size_t columns, std::size_t headerLine,
                  const std::string& source, const CsvReadOptions& options, const MappedFile* file,
                  CsvTable& table) {
    const char* const begin = text.data() + start;
    const char* const end = text.data() + text.size();
    const std::size_t bytes = static_cast<std::size_t>(end - begin);

    // Two parts cut at a line boundary near the middle, when there is enough to share.
    std::vector<Chunk> chunks(1);
    chunks[0].begin = begin;
    chunks[0].end = end;
    chunks[0].first = true;
    if (bytes >= options.parallelMinBytes && std::thread::hardware_concurrency() > 1) {
        const void* cut = std::memchr(begin + bytes / 2, '\n', bytes - bytes / 2);
        if (cut && static_cast<const char*>(cut) + 1 < end) {
            chunks.resize(2);
            chunks[0].end = static_cast<const char*>(cut) + 1;
            chunks[1].begin = chunks[0].end;
            chunks[1].end = end;
        }
    }

    // Pass 1: lines per part, so the matrix can be allocated once and filled in place.
    if (chunks.size() == 2) {
        auto counting = std::async(std::launch::async, countLines, std::ref(chunks[1]), file);
        countLines(chunks[0], file);
        counting.get();
    } else {
        countLines(chunks[0], file);
    }
    std::size_t slots = 0;
    std::size_t line = firstLine;
    for (Chunk& c : chunks) {
        c.slots = c.newlines + (c.end == end && c.end > c.begin && end[-1] != '\n' ? 1 : 0);
        c.firstRow = slots;
        c.firstLine = line;
        slots += c.slots;
        line += c.newlines;
    }

    // Pass 2: parse. The matrix is not zeroed: every slot that stays in it is written.
    FastRead shared;
    shared.delimiter = delimiter;
    shared.decimal = decimal;
    shared.columns = columns;
    arma::mat data(slots, columns, arma::fill::none);
    adviseHugePages(data.memptr(), data.n_elem * sizeof(double));
    shared.out = data.memptr();
    shared.stride = slots;
    shared.file = file;

    const std::function<void()> report = [&] {
        if (!options.progress)
            return;
        const double done =
            static_cast<double>(start + shared.bytesDone.load(std::memory_order_relaxed));
        if (!options.progress(std::min(1.0, done / static_cast<double>(text.size())))) {
            shared.abandon = true;
            throw CsvCancelled();
        }
    };
    if (chunks.size() == 2) {
        auto parsing =
            std::async(std::launch::async, parseChunk, std::ref(chunks[1]), std::ref(shared),
                       static_cast<const std::function<void()>*>(nullptr));
        try {
            // This thread parses the first part, reporting progress (the callback stays on the
            // caller's thread), then reports while the other part finishes.
            parseChunk(chunks[0], shared, &report);
            while (parsing.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready)
                report();
        } catch (...) {
            shared.abandon = true;
            parsing.wait();
            throw;
        }
        parsing.get();
    } else {
        parseChunk(chunks[0], shared, &report);
    }

    // The first problem in file order wins; a quote before it means the scanner must decide.
    for (const Chunk& c : chunks) {
        if (c.quote)
            return false;
        if (c.failed)
            throw CsvError(source, c.errorLine, c.errorColumn, c.errorReason);
    }

    std::size_t rows = 0;
    for (const Chunk& c : chunks)
        rows += c.rows;
    if (rows == 0)
        throw CsvError(source, headerLine, 0, "no data rows after the header");
    if (rows == slots) {
        table.data = std::move(data);
        return true;
    }
    // Blank lines left unused slots: copy the rows together.
    table.data.set_size(rows, columns);
    for (std::size_t j = 0; j < columns; ++j) {
        std::size_t to = 0;
        for (const Chunk& c : chunks) {
            std::copy_n(data.colptr(j) + c.firstRow, c.rows, table.data.colptr(j) + to);
            to += c.rows;
        }
    }
    return true;
}

// readFile and readString: the rules of CsvReader.h. `file` is the mapping `text` lies in, if any.
CsvTable readText(std::string_view text, const std::string& sourceName,
                  const CsvReadOptions& options, const MappedFile* file) {
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        text.remove_prefix(3);

    CsvTable table;
    char delimiter = options.delimiter;
    if (delimiter == 0) {
        // A comma cannot delimit fields whose numbers use a decimal comma.
        delimiter = detectDelimiter(text, options.decimal == ',' ? ',' : 0);
    }
    // With no delimiter found the file has one column; ',' then only matters for the table.
    table.delimiter = delimiter != 0 ? delimiter : ',';

    RecordScanner scanner(text, table.delimiter, sourceName);
    std::vector<Field> fields;
    if (!scanner.next(fields))
        throw CsvError(sourceName, 0, 0, "the file is empty");

    char decimal = options.decimal;
    if (decimal == 0) {
        decimal = '.';
        if (table.delimiter == ';' || table.delimiter == '\t') {
            // After the first record every field is data, so any ',' there is a decimal comma.
            if (containsByte(text.substr(scanner.position()), ',', file)) {
                decimal = ',';
            } else if (options.header != CsvReadOptions::Header::Yes) {
                // The first record decides only if it reads as numbers with a decimal comma.
                bool anyComma = false;
                bool allNumbers = true;
                for (const Field& f : fields) {
                    anyComma = anyComma || f.text.find(',') != std::string_view::npos;
                    allNumbers = allNumbers && parseDouble(f.text, ',').ok();
                }
                if (anyComma && (allNumbers || options.header == CsvReadOptions::Header::No))
                    decimal = ',';
            }
        }
    }
    table.decimal = decimal;

    bool header = options.header == CsvReadOptions::Header::Yes;
    if (options.header == CsvReadOptions::Header::Detect) {
        for (const Field& f : fields) {
            const ParseStatus status = parseDouble(f.text, decimal).status;
            if (status != ParseStatus::Ok && status != ParseStatus::Empty) {
                header = true;
                break;
            }
        }
    }
    table.hadHeader = header;

    const std::size_t columns = fields.size();
    const std::size_t firstLine = fields.front().line;
    table.names.reserve(columns);
    if (header) {
        std::unordered_set<std::string_view> seen;
        for (std::size_t i = 0; i < columns; ++i) {
            const Field& f = fields[i];
            const std::string_view name = f.quoted ? f.text : trimBlanks(f.text);
            if (name.empty())
                throw CsvError(sourceName, f.line, i + 1, "empty column name");
            table.names.emplace_back(name);
            // reserve() above keeps these views valid while names grows.
            if (!seen.insert(table.names.back()).second)
                throw CsvError(sourceName, f.line, i + 1,
                               "duplicate column name \"" + shownText(name) + "\"");
        }
    } else {
        for (std::size_t i = 1; i < columns; ++i)
            table.names.push_back("x" + std::to_string(i));
        table.names.push_back("y");
    }

    // Data without quotes (nearly every file): straight into the matrix, in two threads.
    const std::size_t dataStart = header ? scanner.position() : 0;
    const std::size_t dataLine = header ? scanner.line() : 1;
    if (options.fastPath && readUnquoted(text, dataStart, dataLine, table.delimiter, decimal,
                                         columns, firstLine, sourceName, options, file, table))
        return table;

    // Quoted data: the RFC 4180 scanner, record by record.
    // Values row-major as they come; turned into the column-major matrix at the end.
    std::vector<double> values;
    std::size_t rows = 0;
    bool pending = !header; // the first record is already in `fields` when it is data
    while (pending || scanner.next(fields)) {
        pending = false;
        if (fields.size() != columns) {
            const std::size_t column = std::min(columns, fields.size()) + 1;
            const std::size_t line = fields[std::min(columns, fields.size() - 1)].line;
            throw CsvError(sourceName, line, column,
                           "expected " + fieldCount(columns) + ", found " +
                               std::to_string(fields.size()));
        }
        for (std::size_t i = 0; i < columns; ++i) {
            const ParseResult r = parseDouble(fields[i].text, decimal);
            if (!r.ok())
                throw numberError(sourceName, fields[i], i + 1, r.status);
            values.push_back(r.value);
        }
        ++rows;
        if (options.progress && rows % 16384 == 0 &&
            !options.progress(static_cast<double>(scanner.position()) /
                              static_cast<double>(text.size())))
            throw CsvCancelled();
    }
    if (rows == 0)
        throw CsvError(sourceName, firstLine, 0, "no data rows after the header");

    // Read the row-major values as a k x n matrix (no copy), then transpose into n x k.
    const arma::mat byColumn(values.data(), columns, rows, /*copy_aux_mem=*/false, /*strict=*/true);
    table.data = byColumn.t();
    return table;
}

} // namespace

CsvTable CsvReader::readFile(const std::string& path, const CsvReadOptions& options) {
    checkOptions(options);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw CsvError(path, 0, 0, "cannot read the file: it is a folder");
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        throw CsvError(path, 0, 0,
                       std::string("cannot open the file (") +
                           (error != 0 ? std::strerror(error) : "unknown error") + ")");
    }
    // A regular file is mapped, not copied: no second copy of the text in memory, and the parsed
    // parts are let go as the threads advance. (As with any mapping, a file cut short by another
    // program while it is being read makes the process fault: the price of not copying it.)
    struct stat info {};
    MappedFile file;
    const bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
    const bool mapped =
        regular && info.st_size > 0 && file.map(fd, static_cast<std::size_t>(info.st_size));
    if (mapped || (regular && info.st_size == 0)) {
        ::close(fd); // the mapping keeps the file
        return readText(mapped ? file.text() : std::string_view(), path, options,
                        mapped ? &file : nullptr);
    }
    // A pipe or a device (or a file that cannot be mapped): read it all.
    std::string content;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got > 0) {
            content.append(buffer, static_cast<std::size_t>(got));
        } else if (got == 0) {
            break;
        } else if (errno != EINTR) {
            ::close(fd);
            throw CsvError(path, 0, 0, "cannot read the file (read error)");
        }
    }
    ::close(fd);
    return readText(content, path, options, nullptr);
}

CsvTable CsvReader::readString(std::string_view text, const std::string& sourceName,
                               const CsvReadOptions& options) {
    checkOptions(options);
    return readText(text, sourceName, options, nullptr);
}

} // namespace linlab
