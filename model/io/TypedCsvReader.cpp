#include "model/io/TypedCsvReader.h"

#include "model/io/CsvDialect.h"
#include "model/io/CsvFileText.h"
#include "model/io/CsvScanner.h"
#include "model/io/CsvSyntax.h"
#include "model/io/NumberFormat.h"
#include "model/io/TypedCsvFastScan.h"
#include "model/support/HugePages.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <functional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace linlab {

namespace {

constexpr std::size_t kReportRecords = 16384; // records between progress reports, as CsvReader

// Every data cell, by column, and where each lies in the file.
struct ScannedCells {
    std::vector<std::vector<std::string_view>> columns; // columns[c][row]
    std::size_t rows = 0;
    std::vector<std::size_t> rowLines; // the line of each row's first cell
    // Cells starting on another line than their row's first (after a multi-line quoted cell),
    // by flat index (row * columns + column): rare, so kept apart.
    std::vector<std::pair<std::size_t, std::size_t>> otherLines;
    std::deque<std::string> unescaped; // cells that held "": a deque never moves its strings
};

// Whether `view` points into `text` (and not into the scanner's scratch buffer).
bool liesIn(std::string_view view, std::string_view text) {
    const std::less<const char*> before;
    return !before(view.data(), text.data()) && before(view.data(), text.data() + text.size());
}

// Appends the record in `fields` to `out`: ragged rows throw as the numeric reader's do.
void addRecord(const std::vector<CsvField>& fields, std::size_t columns, std::string_view text,
               const std::string& source, ScannedCells& out) {
    if (fields.size() != columns) {
        const std::size_t column = std::min(columns, fields.size()) + 1;
        const std::size_t line = fields[std::min(columns, fields.size() - 1)].line;
        throw CsvError(source, line, column, csv::fieldCountMessage(columns, fields.size()));
    }
    const std::size_t rowLine = fields.front().line;
    out.rowLines.push_back(rowLine);
    for (std::size_t c = 0; c < columns; ++c) {
        const CsvField& f = fields[c];
        if (f.line != rowLine)
            out.otherLines.emplace_back(out.rows * columns + c, f.line);
        if (f.quoted && !f.text.empty() && !liesIn(f.text, text)) {
            out.unescaped.emplace_back(f.text);
            out.columns[c].emplace_back(out.unescaped.back());
        } else {
            out.columns[c].push_back(f.text);
        }
    }
    ++out.rows;
}

// Room for the rows the text probably holds, judged by the first record's length (at most one
// row per `columns` bytes, the least a record takes), so a million rows are not copied while
// the vectors grow.
void reserveRows(ScannedCells& out, std::size_t columns, std::size_t recordBytes,
                 std::size_t textBytes) {
    const std::size_t guess = textBytes / std::max<std::size_t>(recordBytes, 1);
    const std::size_t rows = std::min(guess + guess / 16 + 16, textBytes / columns + 1);
    for (auto& column : out.columns) {
        column.reserve(rows);
        adviseHugePages(column.data(), rows * sizeof(std::string_view));
    }
}

// The records of text without a quote from `pos` (physical line `line`) to the end, read as
// CsvScanner reads them (csv::splitUnquotedLines), ragged rows refused in the same words.
void scanUnquoted(std::string_view text, std::size_t pos, std::size_t line, char delimiter,
                  const std::string& source, const CsvReadOptions& options, ScannedCells& out) {
    const std::size_t columns = out.columns.size();
    const char* const begin = text.data();
    csv::splitUnquotedLines(
        begin + pos, begin + text.size(), delimiter, columns, line,
        [&out](std::size_t c, std::string_view cell) { out.columns[c].push_back(cell); },
        [&](std::size_t row, std::size_t fields, const char* eol) {
            if (fields != columns)
                throw CsvError(source, row, std::min(columns, fields) + 1,
                               csv::fieldCountMessage(columns, fields));
            out.rowLines.push_back(row);
            ++out.rows;
            if (options.progress && out.rows % kReportRecords == 0 &&
                !options.progress(static_cast<double>(eol - begin) /
                                  static_cast<double>(text.size())))
                throw CsvCancelled();
            return true;
        });
}

// Every record after the first; `fields` holds the first record, data itself when there is no
// header. Past the first data record, text without quotes (nearly every file) is split by
// scanUnquoted.
ScannedCells scanData(CsvScanner& scanner, std::vector<CsvField>& fields, bool header,
                      std::string_view text, char delimiter, const std::string& source,
                      const CsvReadOptions& options) {
    const std::size_t columns = fields.size();
    const std::size_t firstLine = fields.front().line;
    ScannedCells out;
    out.columns.resize(columns);
    const std::size_t start = scanner.position();
    std::size_t rows = 0;
    bool pending = !header; // the first record is already in `fields` when it is data
    while (pending || scanner.next(fields)) {
        pending = false;
        addRecord(fields, columns, text, source, out);
        ++rows;
        if (rows == 1) {
            const std::size_t end = scanner.position();
            reserveRows(out, columns, header ? end - start : end, text.size() - start);
            if (text.find('"', end) == std::string_view::npos) {
                scanUnquoted(text, end, scanner.line(), delimiter, source, options, out);
                break;
            }
        }
        if (options.progress && rows % kReportRecords == 0 &&
            !options.progress(static_cast<double>(scanner.position()) /
                              static_cast<double>(text.size())))
            throw CsvCancelled();
    }
    if (rows == 0)
        throw CsvError(source, firstLine, 0, "no data rows after the header");
    return out;
}

// The place in the file of the cell at `row`, `column` (both 0-based).
CsvPlace placeOf(const ScannedCells& scanned, std::size_t row, std::size_t column,
                 std::size_t columns) {
    const std::size_t flat = row * columns + column;
    const auto other = std::lower_bound(scanned.otherLines.begin(), scanned.otherLines.end(), flat,
                                        [](const std::pair<std::size_t, std::size_t>& entry,
                                           std::size_t at) { return entry.first < at; });
    const bool moved = other != scanned.otherLines.end() && other->first == flat;
    return {moved ? other->second : scanned.rowLines[row], column + 1};
}

// Whether a ';' or tab file that CsvDialect gave a decimal comma (any comma in its data) has
// its commas in text only, and numbers with a decimal point: "Paris, France";1.5. The rule holds
// for numeric files, whose commas can only be in numbers; here a comma must be in one to count.
bool pointAfterAll(const std::vector<std::vector<std::string_view>>& columns) {
    bool point = false;
    for (const auto& cells : columns)
        for (const std::string_view cell : cells) {
            if (cell.find(',') != std::string_view::npos) {
                if (parseDouble(cell, ',').ok())
                    return false;
            } else if (!point && cell.find('.') != std::string_view::npos) {
                point = parseDouble(cell, '.').ok();
            }
        }
    return point;
}

// Whether the data after the header can be split and classified in one pass (TypedCsvFastScan):
// no quote in it, no column options, no progress to report, and a decimal separator that the
// cells cannot change (pointAfterAll needs every cell's text).
bool fastScanFits(std::string_view text, std::size_t pos, const TypedCsvTable& result,
                  const CsvReadOptions& options, const TypedReadOptions& typed) {
    return result.hadHeader && typed.columns.empty() && !options.progress &&
           !(options.decimal == 0 && result.decimal == ',') &&
           text.find('"', pos) == std::string_view::npos;
}

// readFile and readString: the numeric reader's steps, then the typed columns.
TypedCsvTable readText(std::string_view text, const std::string& source,
                       const CsvReadOptions& options, const TypedReadOptions& typed,
                       const MappedFile* file) {
    CsvFileText::requireText(text, source);
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        text.remove_prefix(3);

    TypedCsvTable result;
    result.source = source;
    result.delimiter = CsvDialect::delimiter(text, options);
    CsvScanner scanner(text, result.delimiter, source);
    std::vector<CsvField> fields;
    if (!scanner.next(fields))
        throw CsvError(source, 0, 0, "the file is empty");
    result.decimal = CsvDialect::decimal(text.substr(scanner.position()), fields, result.delimiter,
                                         options, file);
    result.hadHeader = CsvDialect::header(fields, result.decimal, options);
    const std::vector<std::string> names =
        CsvDialect::columnNames(fields, result.hadHeader, source);

    TypedReadOptions own = typed;
    own.decimal = result.decimal;
    if (fastScanFits(text, scanner.position(), result, options, typed)) {
        const std::size_t headerLine = fields.front().line;
        FastScanned fast =
            TypedCsvFastScan::scan(text, scanner.position(), scanner.line(), names.size(),
                                   result.delimiter, source, typed.missingTokens, result.decimal);
        if (fast.rowLines.empty())
            throw CsvError(source, headerLine, 0, "no data rows after the header");
        result.table = TypedReader::readClassified(names, std::move(fast.columns), own);
        for (const InvalidCell& cell : result.table.invalidCells())
            result.invalidAt.push_back({fast.rowLines[cell.row], cell.column + 1});
        return result;
    }
    const ScannedCells scanned =
        scanData(scanner, fields, result.hadHeader, text, result.delimiter, source, options);
    if (options.decimal == 0 && result.decimal == ',' && pointAfterAll(scanned.columns))
        result.decimal = '.';
    own.decimal = result.decimal;
    result.table = TypedReader::readByColumn(names, scanned.columns, own);
    for (const InvalidCell& cell : result.table.invalidCells())
        result.invalidAt.push_back(placeOf(scanned, cell.row, cell.column, names.size()));
    return result;
}

} // namespace

TypedCsvTable TypedCsvReader::readFile(const std::string& path, const CsvReadOptions& csv,
                                       const TypedReadOptions& typed) {
    CsvDialect::checkOptions(csv);
    const CsvFileText file(path, csv.maxStreamBytes);
    return readText(file.text(), path, csv, typed, file.mapping());
}

TypedCsvTable TypedCsvReader::readString(std::string_view text, const std::string& sourceName,
                                         const CsvReadOptions& csv, const TypedReadOptions& typed) {
    CsvDialect::checkOptions(csv);
    return readText(text, sourceName, csv, typed, nullptr);
}

CsvError TypedCsvReader::invalidCellError(const TypedCsvTable& table, std::size_t index) {
    const InvalidCell& cell = table.table.invalidCells().at(index);
    const CsvPlace& place = table.invalidAt.at(index);
    std::string message;
    if (table.table.column(cell.column).type() == ColumnType::Date)
        message = "expected a date (YYYY-MM-DD, time optional), found \"" +
                  csv::shownText(cell.text) + "\"";
    else
        message = csv::numberMessage(cell.text, parseDouble(cell.text, table.decimal).status);
    return CsvError(table.source, place.line, place.column, std::move(message));
}

} // namespace linlab
