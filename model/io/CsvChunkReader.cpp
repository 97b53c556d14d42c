#include "model/io/CsvChunkReader.h"

#include "model/io/CsvDialect.h"
#include "model/io/CsvError.h"
#include "model/io/CsvFileText.h"
#include "model/io/CsvScanner.h"
#include "model/io/CsvSyntax.h"
#include "model/io/NumberFormat.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <thread>
#include <utility>

#include <sys/stat.h>

namespace linlab {

namespace {

// The first bytes, where the dialect and the header are found: the first record must end there.
constexpr std::size_t kHeadBytes = std::size_t(1) << 20;
// A buffer from this size is parsed in two parts, on two threads.
constexpr std::size_t kTwoPartBytes = std::size_t(1) << 20;

constexpr const char* kQuoteMessage =
    "a quoted field: the stream reads unquoted data only (run without --stream)";

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

File openFile(const std::string& path) {
    File f(std::fopen(path.c_str(), "rb"));
    if (!f)
        throw CsvError(path, 0, 0, std::string("cannot open the file: ") + std::strerror(errno));
    return f;
}

// What one part of a buffer found, parsed on its own thread.
struct Part {
    arma::mat block;
    std::size_t blockRows = 0; // rows of `block` filled
    std::size_t records = 0;
    std::size_t skipped = 0;
    std::vector<std::size_t> missing; // per column of the file
    std::exception_ptr error;         // the first error of this part, in file order
};

// The fixed facts of one pass.
struct Pass {
    const std::string& path;
    char delimiter;
    char decimal;
    std::size_t fields;     // per record
    std::vector<long> slot; // file column -> block column, -1: not read
    std::size_t blockColumns;
    const std::vector<std::string>& missingTokens;
    const CsvChunkReader::OnBlock& onBlock;
    std::size_t longestToken = 0; // the longest of missingTokens, trimmed

    bool isMissing(std::string_view cell) const {
        const std::string_view trimmed = csv::trimBlanks(cell);
        return std::find(missingTokens.begin(), missingTokens.end(), trimmed) !=
               missingTokens.end();
    }
};

// The usual record, in one scan: every read field a number std::from_chars takes whole, every
// other field free of quotes and missing tokens, the right field count. Fills `out` (row `row`)
// and returns the end of the record (just past its '\n', or `end`); null when the record needs
// the full rules (blanks, missing cells, errors, a blank line), which then read it again.
const char* fastRecord(const Pass& pass, const char* p, const char* end, double* out,
                       std::size_t stride, std::size_t row) {
    const char delimiter = pass.delimiter;
    for (std::size_t c = 0; c < pass.fields; ++c) {
        const long k = pass.slot[c];
        if (k >= 0) {
            double value = 0;
            const auto r = std::from_chars(p, end, value);
            if (r.ec != std::errc() || r.ptr == p || !std::isfinite(value))
                return nullptr;
            out[std::size_t(k) * stride + row] = value;
            p = r.ptr;
        } else {
            const char* from = p;
            while (p < end && *p != delimiter && *p != '\n' && *p != '\r') {
                if (*p == '"')
                    return nullptr;
                ++p;
            }
            const std::string_view cell(from, std::size_t(p - from));
            if (!cell.empty() && (csv::isSpaceOrTab(cell.front(), delimiter) ||
                                  csv::isSpaceOrTab(cell.back(), delimiter)))
                return nullptr; // blanks around it: the full rules trim them
            if (cell.size() <= pass.longestToken && pass.isMissing(cell))
                return nullptr; // counted by the full rules
        }
        if (c + 1 < pass.fields) {
            if (p == end || *p != delimiter)
                return nullptr;
            ++p;
        }
    }
    if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n')
        ++p; // CRLF
    if (p == end)
        return end;
    return *p == '\n' ? p + 1 : nullptr;
}

// Parses the whole records in [begin, end) (the first on physical line `line`) into blocks of
// `part`, handing each full block (and the last, partial one) to the caller.
void parsePart(const Pass& pass, const char* begin, const char* end, std::size_t line,
               std::size_t partIndex, Part& part) {
    if (part.block.n_rows != CsvChunkReader::kBlockRows)
        part.block.set_size(CsvChunkReader::kBlockRows, pass.blockColumns);
    part.blockRows = 0;
    auto flush = [&] {
        if (part.blockRows == part.block.n_rows)
            pass.onBlock(part.block, partIndex);
        else if (part.blockRows > 0)
            pass.onBlock(part.block.head_rows(part.blockRows), partIndex);
        part.blockRows = 0;
    };
    // The record being read by the full rules: a missing cell, or the first cell that is no
    // number.
    bool rowMissing = false;
    std::size_t badColumn = 0; // 1-based; 0: none
    std::string badReason;
    double* const out = part.block.memptr();
    const std::size_t stride = part.block.n_rows;
    auto onCell = [&](std::size_t c, std::string_view cell) {
        if (badColumn != 0)
            return;
        const long k = pass.slot[c];
        if (k < 0) { // a column not read: only its missing cells are counted
            if (std::memchr(cell.data(), '"', cell.size())) {
                badColumn = c + 1;
                badReason = kQuoteMessage;
            } else if (pass.isMissing(cell)) {
                ++part.missing[c];
            }
            return;
        }
        if (std::memchr(cell.data(), '"', cell.size())) {
            badColumn = c + 1;
            badReason = kQuoteMessage;
            return;
        }
        if (pass.isMissing(cell)) {
            ++part.missing[c];
            rowMissing = true;
            return;
        }
        const ParseResult r = parseDouble(cell, pass.decimal);
        if (!r.ok()) {
            badColumn = c + 1;
            badReason = csv::numberMessage(cell, r.status);
            return;
        }
        out[std::size_t(k) * stride + part.blockRows] = r.value;
    };
    auto onRow = [&](std::size_t recordLine, std::size_t found, const char*) {
        // The field count first, as the in-memory reader says it.
        if (found != pass.fields)
            throw CsvError(pass.path, recordLine, std::min(pass.fields, found) + 1,
                           csv::fieldCountMessage(pass.fields, found));
        if (badColumn != 0)
            throw CsvError(pass.path, recordLine, badColumn, badReason);
        ++part.records;
        if (rowMissing) {
            ++part.skipped;
            rowMissing = false;
            return true;
        }
        if (++part.blockRows == stride)
            flush();
        return true;
    };
    try {
        const bool fast = pass.decimal == '.';
        for (const char* p = begin; p < end; ++line) {
            if (fast) {
                if (const char* next = fastRecord(pass, p, end, out, stride, part.blockRows)) {
                    ++part.records;
                    if (++part.blockRows == stride)
                        flush();
                    p = next;
                    continue;
                }
            }
            const void* nl = std::memchr(p, '\n', std::size_t(end - p));
            const char* next = nl ? static_cast<const char*>(nl) + 1 : end;
            csv::splitUnquotedLines(p, next, pass.delimiter, pass.fields, line, onCell, onRow);
            p = next;
        }
        flush();
    } catch (...) {
        part.error = std::current_exception();
    }
}

} // namespace

CsvChunkReader::CsvChunkReader(std::string path, const CsvReadOptions& options)
    : m_path(std::move(path)) {
    CsvDialect::checkOptions(options);
    // Read twice, so only a regular file: a pipe or a device would be gone after the first pass.
    struct stat info {};
    if (::stat(m_path.c_str(), &info) != 0)
        throw CsvError(m_path, 0, 0, std::string("cannot open the file: ") + std::strerror(errno));
    if (S_ISDIR(info.st_mode))
        throw CsvError(m_path, 0, 0, "is a folder, not a file");
    if (!S_ISREG(info.st_mode))
        throw CsvError(m_path, 0, 0,
                       "not a regular file: the stream reads its file twice (save the data to a "
                       "file first)");
    const File f = openFile(m_path);
    std::string head(kHeadBytes, '\0');
    head.resize(std::fread(head.data(), 1, head.size(), f.get()));
    if (std::ferror(f.get()))
        throw CsvError(m_path, 0, 0, "cannot read the file (a folder?)");
    CsvFileText::requireText(head, m_path);
    std::string_view text(head);
    std::size_t bom = 0;
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        text.remove_prefix(3);
        bom = 3;
    }
    m_delimiter = CsvDialect::delimiter(text, options);
    CsvScanner scanner(text, m_delimiter, m_path);
    std::vector<CsvField> fields;
    if (!scanner.next(fields))
        throw CsvError(m_path, 0, 0, "the file is empty");
    if (head.size() == kHeadBytes && scanner.position() >= text.size())
        throw CsvError(m_path, 1, 0, "the first record is longer than 1 MiB");
    m_decimal =
        CsvDialect::decimal(text.substr(scanner.position()), fields, m_delimiter, options, nullptr);
    const bool header = CsvDialect::header(fields, m_decimal, options);
    m_names = CsvDialect::columnNames(fields, header, m_path);
    m_headerLine = fields.front().line;
    m_dataOffset = bom + (header ? scanner.position() : 0);
    m_firstLine = header ? scanner.line() : 1;
}

CsvChunkPass CsvChunkReader::read(const std::vector<std::size_t>& columns,
                                  const std::vector<std::string>& missingTokens,
                                  const OnBlock& onBlock) const {
    Pass pass{m_path,
              m_delimiter,
              m_decimal,
              m_names.size(),
              std::vector<long>(m_names.size(), -1),
              columns.size(),
              missingTokens,
              onBlock};
    for (std::size_t k = 0; k < columns.size(); ++k) {
        if (columns[k] >= m_names.size())
            throw std::invalid_argument("CsvChunkReader::read: no column " +
                                        std::to_string(columns[k]) + " in " + m_path);
        pass.slot[columns[k]] = long(k);
    }
    for (const std::string& token : missingTokens)
        pass.longestToken = std::max(pass.longestToken, token.size());
    const File f = openFile(m_path);
    if (std::fseek(f.get(), long(m_dataOffset), SEEK_SET) != 0)
        throw CsvError(m_path, 0, 0, "cannot read the file");

    Part parts[2];
    for (Part& p : parts)
        p.missing.assign(m_names.size(), 0);
    std::vector<char> buffer(kBufferBytes);
    std::size_t have = 0, line = m_firstLine;
    bool eof = false;
    const bool twoCores = std::thread::hardware_concurrency() > 1;
    for (;;) {
        if (!eof) {
            const std::size_t want = buffer.size() - have;
            const std::size_t got = std::fread(buffer.data() + have, 1, want, f.get());
            have += got;
            if (got < want) {
                if (std::ferror(f.get()))
                    throw CsvError(m_path, line, 0, "cannot read the file past this line");
                eof = true;
            }
        }
        if (have == 0)
            break;
        const char* begin = buffer.data();
        const char* stop = begin + have;
        if (!eof) { // whole records only: the partial last line waits for the next read
            const char* last = begin + have;
            while (last > begin && last[-1] != '\n')
                --last;
            if (last == begin) { // one line longer than the buffer
                buffer.resize(buffer.size() * 2);
                continue;
            }
            stop = last;
        }
        const char* cut = stop;
        if (twoCores && std::size_t(stop - begin) >= kTwoPartBytes) {
            const char* middle = begin + (stop - begin) / 2;
            const void* nl = std::memchr(middle, '\n', std::size_t(stop - middle));
            if (nl && static_cast<const char*>(nl) + 1 < stop)
                cut = static_cast<const char*>(nl) + 1;
        }
        const std::size_t secondLine = line + std::size_t(std::count(begin, cut, '\n'));
        if (cut < stop) {
            std::thread second([&] { parsePart(pass, cut, stop, secondLine, 1, parts[1]); });
            parsePart(pass, begin, cut, line, 0, parts[0]);
            second.join();
        } else {
            parsePart(pass, begin, cut, line, 0, parts[0]);
        }
        for (const Part& p : parts) // the first error in file order
            if (p.error)
                std::rethrow_exception(p.error);
        line = secondLine + std::size_t(std::count(cut, stop, '\n'));
        const std::size_t tail = std::size_t(begin + have - stop);
        std::memmove(buffer.data(), stop, tail);
        have = tail;
        if (eof && have == 0)
            break;
    }

    CsvChunkPass result;
    result.missing.assign(m_names.size(), 0);
    for (const Part& p : parts) {
        result.rows += p.records;
        result.skipped += p.skipped;
        for (std::size_t c = 0; c < m_names.size(); ++c)
            result.missing[c] += p.missing[c];
    }
    if (result.rows == 0)
        throw CsvError(m_path, m_headerLine, 0, "no data rows after the header");
    return result;
}

} // namespace linlab
