#include "model/io/TypedCsvFastScan.h"

#include "model/data/ShortDecimal.h"
#include "model/io/CsvError.h"
#include "model/io/CsvSyntax.h"
#include "model/support/HugePages.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <future>
#include <thread>
#include <utility>

namespace linlab {

namespace {

constexpr std::size_t kTwoThreadsBytes = std::size_t(1) << 20; // less is read on one thread

// One part of the text, scanned on its own thread; lines counted from 0 but in the first part.
struct Part {
    const char* begin = nullptr;
    const char* end = nullptr;
    std::size_t firstLine = 0;
    std::size_t endLine = 0; // the line after the part
    std::vector<ClassifiedColumn> columns;
    std::vector<std::size_t> rowLines;
    bool failed = false; // a ragged row: where, and the message
    std::size_t errorLine = 0, errorColumn = 0;
    std::string errorReason;
};

// What every part shares.
struct Setup {
    std::size_t columns = 0;
    char delimiter = ',';
    char decimal = '.';
    const std::vector<std::string>* tokens = nullptr;
    bool quickNumbers = false; // numbers read where they lie (no token is a number)
};

// The texts of column `c`'s first `rows` rows of `part`, read again: the column held only
// numbers and missing cells up to there.
void fillCells(Part& part, std::size_t c, std::size_t rows, const Setup& setup,
               std::size_t capacity) {
    ClassifiedColumn& column = part.columns[c];
    column.hasCells = true;
    column.cells.reserve(std::max(capacity, rows));
    adviseHugePages(column.cells.data(), column.cells.capacity() * sizeof(std::string_view));
    if (rows == 0)
        return;
    std::size_t done = 0;
    csv::splitUnquotedLines(
        part.begin, part.end, setup.delimiter, setup.columns, 0,
        [&](std::size_t k, std::string_view cell) {
            if (k == c)
                column.cells.push_back(cell);
        },
        [&](std::size_t, std::size_t, const char*) { return ++done < rows; });
}

// Appends cell `c` of row `row` to `part` by ClassifiedColumn::add.
void addCell(Part& part, std::size_t c, std::string_view cell, std::size_t row,
             const Setup& setup) {
    ClassifiedColumn& column = part.columns[c];
    const CellKind kind = column.add(cell, *setup.tokens, setup.decimal);
    if (!column.hasCells && (kind == kCellOther || kind == kCellDate))
        fillCells(part, c, row, setup, column.kinds.capacity());
    if (column.hasCells)
        column.cells.push_back(cell);
}

// Room for about the rows of `bytes` of text whose first record is `recordBytes` long.
std::size_t rowsGuess(std::size_t bytes, std::size_t recordBytes, std::size_t columns) {
    const std::size_t guess = bytes / std::max<std::size_t>(recordBytes, 1);
    return std::min(guess + guess / 16 + 16, bytes / std::max<std::size_t>(columns, 1) + 1);
}

void reserveRows(Part& part, std::size_t rows) {
    for (ClassifiedColumn& column : part.columns) {
        column.kinds.reserve(rows);
        column.values.reserve(rows);
        adviseHugePages(column.kinds.data(), rows);
        adviseHugePages(column.values.data(), rows * sizeof(double));
    }
    part.rowLines.reserve(rows);
}

// Whether `q` ends a field: the delimiter, or the line's end at `eol` (a CR before its LF).
bool endsField(const char* q, const char* eol, bool lf, char delimiter) {
    return q == eol || *q == delimiter || (lf && *q == '\r' && q + 1 == eol);
}

// The cell at `f` when it is a number readNumber reads as std::from_chars does (a short
// decimal, else from_chars' longest number from a digit, '-' or '.'), ending at a field's end:
// its end, and its value in `value`; else null (the cell is then read by the full rules).
const char* numberCell(const char* f, const char* eol, bool lf, char delimiter, double& value) {
    const char* q = f;
    if (readShortDecimal(q, eol, value) && endsField(q, eol, lf, delimiter))
        return q;
    if (f == eol || !((*f >= '0' && *f <= '9') || *f == '-' || *f == '.'))
        return nullptr;
    const auto read = std::from_chars(f, eol, value);
    if (read.ec != std::errc() || !std::isfinite(value) || !endsField(read.ptr, eol, lf, delimiter))
        return nullptr;
    return read.ptr;
}

// Splits and classifies one part, stopping at its first ragged row: csv::splitUnquotedLines' steps,
// but a cell that is a short decimal (nearly every cell of a numeric column) is read where it lies,
// its end found by reading it.
void scanPart(Part& part, const Setup& setup) {
    const std::size_t columns = setup.columns;
    const char delimiter = setup.delimiter;
    const bool quick = setup.quickNumbers;
    std::size_t rows = 0;
    std::size_t line = part.firstLine;
    const char* const end = part.end;
    for (const char* p = part.begin; p < end; ++line) {
        const char* eol = static_cast<const char*>(std::memchr(p, '\n', std::size_t(end - p)));
        const bool lf = eol != nullptr;
        if (!lf)
            eol = end;
        const char* q = p;
        while (q < eol && csv::isBlankLineChar(*q, delimiter))
            ++q;
        if (q != eol) {
            std::size_t c = 0;
            for (const char* f = p;; ++c) {
                const char* d = nullptr;
                double value = 0;
                const char* number =
                    quick && c < columns ? numberCell(f, eol, lf, delimiter, value) : nullptr;
                if (number) {
                    ClassifiedColumn& column = part.columns[c];
                    column.addNumber(value);
                    if (column.hasCells)
                        column.cells.emplace_back(f, std::size_t(number - f));
                    d = number != eol && *number == delimiter ? number : nullptr;
                } else {
                    d = static_cast<const char*>(std::memchr(f, delimiter, std::size_t(eol - f)));
                    std::string_view cell(f, std::size_t((d ? d : eol) - f));
                    if (!d && lf && !cell.empty() && cell.back() == '\r')
                        cell.remove_suffix(1); // CRLF
                    if (c < columns)
                        addCell(part, c, cell, rows, setup);
                }
                if (!d)
                    break;
                f = d + 1;
            }
            if (++c != columns) {
                part.failed = true;
                part.errorLine = line;
                part.errorColumn = std::min(columns, c) + 1;
                part.errorReason = csv::fieldCountMessage(columns, c);
                part.endLine = line + 1;
                return;
            }
            part.rowLines.push_back(line);
            ++rows;
        }
        p = lf ? eol + 1 : end;
    }
    part.endLine = line;
}

template <class T> void append(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

// The second part's rows after the first's, in the first part's vectors.
void join(Part& first, Part& second, const Setup& setup) {
    for (std::size_t c = 0; c < setup.columns; ++c) {
        ClassifiedColumn& a = first.columns[c];
        ClassifiedColumn& b = second.columns[c];
        if (a.hasCells && !b.hasCells)
            fillCells(second, c, b.kinds.size(), setup, 0);
        if (!a.hasCells && b.hasCells)
            fillCells(first, c, a.kinds.size(), setup, a.kinds.size() + b.kinds.size());
        append(a.kinds, b.kinds);
        append(a.values, b.values);
        append(a.cells, b.cells);
        a.nonMissing += b.nonMissing;
        a.numbers += b.numbers;
        a.dates += b.dates;
        b = ClassifiedColumn();
    }
    for (const std::size_t line : second.rowLines)
        first.rowLines.push_back(line + first.endLine);
}

[[noreturn]] void throwError(const Part& part, std::size_t lineOffset, const std::string& source) {
    throw CsvError(source, part.errorLine + lineOffset, part.errorColumn, part.errorReason);
}

} // namespace

FastScanned TypedCsvFastScan::scan(std::string_view text, std::size_t pos, std::size_t line,
                                   std::size_t columns, char delimiter, const std::string& source,
                                   const std::vector<std::string>& tokens, char decimal) {
    // (A delimiter from_chars could read as part of a number would end no number.)
    const bool quick = decimal == '.' && std::strchr(",;\t|", delimiter) != nullptr &&
                       delimiter != 0 && ClassifiedColumn::numbersAreNoTokens(tokens, decimal);
    const Setup setup{columns, delimiter, decimal, &tokens, quick};
    const char* const begin = text.data() + std::min(pos, text.size());
    const char* const end = text.data() + text.size();
    const std::size_t bytes = std::size_t(end - begin);
    const void* const firstEnd = std::memchr(begin, '\n', bytes);
    const std::size_t recordBytes =
        firstEnd ? std::size_t(static_cast<const char*>(firstEnd) - begin) + 1 : bytes;
    const std::size_t totalRows = rowsGuess(bytes, recordBytes, columns);

    std::vector<Part> parts(1);
    parts[0].begin = begin;
    parts[0].end = end;
    parts[0].firstLine = line;
    if (bytes >= kTwoThreadsBytes && std::thread::hardware_concurrency() > 1) {
        const void* cut = std::memchr(begin + bytes / 2, '\n', bytes - bytes / 2);
        if (cut && static_cast<const char*>(cut) + 1 < end) {
            parts.resize(2);
            parts[0].end = parts[1].begin = static_cast<const char*>(cut) + 1;
            parts[1].end = end;
        }
    }
    for (Part& part : parts)
        part.columns.resize(columns);
    reserveRows(parts[0], totalRows);
    if (parts.size() == 1) {
        scanPart(parts[0], setup);
    } else {
        reserveRows(parts[1], rowsGuess(std::size_t(end - parts[1].begin), recordBytes, columns));
        auto second =
            std::async(std::launch::async, scanPart, std::ref(parts[1]), std::cref(setup));
        scanPart(parts[0], setup);
        second.get();
    }
    if (parts[0].failed)
        throwError(parts[0], 0, source);
    if (parts.size() == 2) {
        if (parts[1].failed)
            throwError(parts[1], parts[0].endLine, source);
        join(parts[0], parts[1], setup);
    }
    return {std::move(parts[0].columns), std::move(parts[0].rowLines)};
}

} // namespace linlab
