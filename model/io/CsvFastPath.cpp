#include "model/io/CsvFastPath.h"

#include "model/io/CsvError.h"
#include "model/io/CsvSyntax.h"
#include "model/io/NumberFormat.h"
#include "model/support/HugePages.h"
#include "model/support/MappedFile.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <future>
#include <thread>
#include <utility>
#include <vector>

namespace linlab {

using csv::isBlankLineChar;
using csv::isNumberStart;

namespace {

constexpr std::size_t kReportRows = 16384; // rows between progress reports

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
    MappedFile::Releaser releaser(file, chunk.begin);
    for (const char* p = chunk.begin; p < chunk.end;) {
        const char* stop = p + std::min<std::size_t>(MappedFile::kReleaseBytes,
                                                     static_cast<std::size_t>(chunk.end - p));
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

// Records the chunk's error.
void fail(Chunk& chunk, FastRead& shared, std::size_t errorLine, std::size_t column,
          std::string reason) {
    chunk.failed = true;
    chunk.errorLine = errorLine;
    chunk.errorColumn = column;
    chunk.errorReason = std::move(reason);
    shared.failed = true;
}

// A record with the wrong field count reports that, before any bad number in it. True when it
// had the wrong count (recorded); false when the count is right or a quote was seen.
bool wrongCount(Chunk& chunk, FastRead& shared, const char* recordStart, std::size_t recordLine) {
    const std::size_t columns = shared.columns;
    const std::size_t found = countFields(recordStart, chunk.end, shared.delimiter, &chunk.quote);
    if (chunk.quote || found == columns)
        return false;
    fail(chunk, shared, recordLine, std::min(columns, found) + 1,
         csv::fieldCountMessage(columns, found));
    return true;
}

// Where the unquoted field at `p` ends (its delimiter, '\n' or `end`); null at a quote.
const char* fieldEnd(const char* p, const char* end, char delimiter) {
    while (p < end && *p != delimiter && *p != '\n') {
        if (*p == '"')
            return nullptr;
        ++p;
    }
    return p;
}

// Where the line at `p` stops being blank: its '\n' or `end` when it is fully blank.
const char* skipLineBlanks(const char* p, const char* end, char delimiter) {
    while (p < end && isBlankLineChar(*p, delimiter))
        ++p;
    return p;
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
    MappedFile::Releaser releaser(shared.file, chunk.begin);

    while (p < end) {
        // Fully blank lines are skipped; a digit or sign cannot start one.
        if (!isNumberStart(*p)) {
            const char* q = skipLineBlanks(p, end, delimiter);
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
                q = fieldEnd(p, end, delimiter);
                if (!q) {
                    chunk.quote = true;
                    shared.abandon = true;
                    return;
                }
                std::string_view text(p, static_cast<std::size_t>(q - p));
                if (q < end && *q == '\n' && !text.empty() && text.back() == '\r')
                    text.remove_suffix(1); // CRLF
                const ParseResult r = parseField(text, decimal);
                if (!r.ok()) {
                    if (!wrongCount(chunk, shared, recordStart, recordLine) && !chunk.quote)
                        fail(chunk, shared, recordLine, column + 1,
                             csv::numberMessage(text, r.status));
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
                wrongCount(chunk, shared, recordStart, recordLine);
                shared.failed = true;
                return;
            }
        }
        if (column != columns) { // fewer fields than columns
            wrongCount(chunk, shared, recordStart, recordLine);
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

// One part for the whole data, or two cut at a line boundary near the middle when there is
// enough to share and a second core to share it with.
std::vector<Chunk> cutChunks(const char* begin, const char* end, const CsvReadOptions& options) {
    const std::size_t bytes = static_cast<std::size_t>(end - begin);
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
    return chunks;
}

// Pass 1: the lines of every part, its first row and line; returns the rows to allocate.
std::size_t layOutChunks(std::vector<Chunk>& chunks, std::size_t firstLine, const char* end,
                         const MappedFile* file) {
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
    return slots;
}

// Pass 2: every part parsed, the second on another thread; `report` stays on this thread.
void parseChunks(std::vector<Chunk>& chunks, FastRead& shared,
                 const std::function<void()>& report) {
    if (chunks.size() != 2) {
        parseChunk(chunks[0], shared, &report);
        return;
    }
    auto parsing = std::async(std::launch::async, parseChunk, std::ref(chunks[1]), std::ref(shared),
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
}

// The first problem in file order wins: throws it, or returns false when a quote comes before
// it (the scanner must decide). True when every part read cleanly.
bool noProblem(const std::vector<Chunk>& chunks, const std::string& source) {
    for (const Chunk& c : chunks) {
        if (c.quote)
            return false;
        if (c.failed)
            throw CsvError(source, c.errorLine, c.errorColumn, c.errorReason);
    }
    return true;
}

// The parts' rows, closed up (blank lines left unused slots between them).
void gatherRows(const arma::mat& parsed, const std::vector<Chunk>& chunks, std::size_t rows,
                arma::mat& data) {
    data.set_size(rows, parsed.n_cols);
    for (std::size_t j = 0; j < parsed.n_cols; ++j) {
        std::size_t to = 0;
        for (const Chunk& c : chunks) {
            std::copy_n(parsed.colptr(j) + c.firstRow, c.rows, data.colptr(j) + to);
            to += c.rows;
        }
    }
}

} // namespace

bool CsvFastPath::read(const Region& region, const std::string& source,
                       const CsvReadOptions& options, const MappedFile* file, arma::mat& data) {
    const std::string_view text = region.text;
    const char* const end = text.data() + text.size();
    std::vector<Chunk> chunks = cutChunks(text.data() + region.start, end, options);
    const std::size_t slots = layOutChunks(chunks, region.firstLine, end, file);

    // The matrix is not zeroed: every slot that stays in it is written.
    FastRead shared;
    shared.delimiter = region.delimiter;
    shared.decimal = region.decimal;
    shared.columns = region.columns;
    arma::mat parsed(slots, region.columns, arma::fill::none);
    adviseHugePages(parsed.memptr(), parsed.n_elem * sizeof(double));
    shared.out = parsed.memptr();
    shared.stride = slots;
    shared.file = file;

    const std::function<void()> report = [&] {
        if (!options.progress)
            return;
        const double done =
            static_cast<double>(region.start + shared.bytesDone.load(std::memory_order_relaxed));
        if (!options.progress(std::min(1.0, done / static_cast<double>(text.size())))) {
            shared.abandon = true;
            throw CsvCancelled();
        }
    };
    parseChunks(chunks, shared, report);
    if (!noProblem(chunks, source))
        return false;

    std::size_t rows = 0;
    for (const Chunk& c : chunks)
        rows += c.rows;
    if (rows == 0)
        throw CsvError(source, region.headerLine, 0, "no data rows after the header");
    if (rows == slots)
        data = std::move(parsed);
    else
        gatherRows(parsed, chunks, rows, data);
    return true;
}

} // namespace linlab
