#include "model/io/TypedCsvReader.h"

#include "model/io/CsvDialect.h"
#include "model/io/CsvFileText.h"
#include "model/io/CsvScanner.h"
#include "model/io/CsvSyntax.h"
#include "model/io/NumberFormat.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace linlab {

namespace {

constexpr std::size_t kReportRecords = 16384; // records between progress reports, as CsvReader

// Every data cell, row after row, and where each lies in the file.
struct ScannedCells {
    std::vector<std::string_view> cells;
    std::vector<std::size_t> rowLines; // the line of each row's first cell
    // Cells starting on another line than their row's first (after a multi-line quoted cell),
    // by flat index: rare, so kept apart.
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
    for (const CsvField& f : fields) {
        if (f.line != rowLine)
            out.otherLines.emplace_back(out.cells.size(), f.line);
        if (f.quoted && !f.text.empty() && !liesIn(f.text, text)) {
            out.unescaped.emplace_back(f.text);
            out.cells.emplace_back(out.unescaped.back());
        } else {
            out.cells.push_back(f.text);
        }
    }
}

// Every record after the first; `fields` holds the first record, data itself when there is no
// header.
ScannedCells scanData(CsvScanner& scanner, std::vector<CsvField>& fields, bool header,
                      std::string_view text, const std::string& source,
                      const CsvReadOptions& options) {
    const std::size_t columns = fields.size();
    const std::size_t firstLine = fields.front().line;
    ScannedCells out;
    std::size_t rows = 0;
    bool pending = !header; // the first record is already in `fields` when it is data
    while (pending || scanner.next(fields)) {
        pending = false;
        addRecord(fields, columns, text, source, out);
        ++rows;
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
bool pointAfterAll(const std::vector<std::string_view>& cells) {
    bool point = false;
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

    const ScannedCells scanned = scanData(scanner, fields, result.hadHeader, text, source, options);
    if (options.decimal == 0 && result.decimal == ',' && pointAfterAll(scanned.cells))
        result.decimal = '.';
    TypedReadOptions own = typed;
    own.decimal = result.decimal;
    result.table = TypedReader::readFlat(names, scanned.cells, own);
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
