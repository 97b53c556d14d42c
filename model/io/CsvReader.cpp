#include "model/io/CsvReader.h"

#include "model/io/CsvDialect.h"
#include "model/io/CsvFastPath.h"
#include "model/io/CsvFileText.h"
#include "model/io/CsvScanner.h"
#include "model/io/CsvSyntax.h"
#include "model/io/NumberFormat.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_set>
#include <utility>
#include <vector>

namespace linlab {

namespace {

constexpr std::size_t kReportRecords = 16384; // records between progress reports (scanner)

void checkOptions(const CsvReadOptions& options) {
    const char d = options.delimiter;
    if (d == '"' || d == '\n' || d == '\r')
        throw std::invalid_argument("CsvReader: the delimiter cannot be a quote or a line break");
    if (options.decimal != 0 && options.decimal != '.' && options.decimal != ',')
        throw std::invalid_argument("CsvReader: the decimal separator must be '.' or ','");
    if (d != 0 && d == options.decimal)
        throw std::invalid_argument("CsvReader: the delimiter and the decimal separator are equal");
}

// The column names: the header's (unquoted ones trimmed; none empty, none twice), else x1, x2,
// ..., y.
std::vector<std::string> columnNames(const std::vector<CsvField>& first, bool header,
                                     const std::string& source) {
    const std::size_t columns = first.size();
    std::vector<std::string> names;
    names.reserve(columns);
    if (!header) {
        for (std::size_t i = 1; i < columns; ++i)
            names.push_back("x" + std::to_string(i));
        names.push_back("y");
        return names;
    }
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < columns; ++i) {
        const CsvField& f = first[i];
        const std::string_view name = f.quoted ? f.text : csv::trimBlanks(f.text);
        if (name.empty())
            throw CsvError(source, f.line, i + 1, "empty column name");
        names.emplace_back(name);
        // reserve() above keeps these views valid while names grows.
        if (!seen.insert(names.back()).second)
            throw CsvError(source, f.line, i + 1,
                           "duplicate column name \"" + csv::shownText(name) + "\"");
    }
    return names;
}

// The data read record by record with the RFC 4180 scanner (the reference, and the only way for
// quoted data). `fields` holds the first record, data itself when there is no header.
arma::mat readScanned(CsvScanner& scanner, std::vector<CsvField>& fields, bool header, char decimal,
                      std::size_t textSize, const std::string& source,
                      const CsvReadOptions& options) {
    const std::size_t columns = fields.size();
    const std::size_t firstLine = fields.front().line;
    // Values row-major as they come; turned into the column-major matrix at the end.
    std::vector<double> values;
    std::size_t rows = 0;
    bool pending = !header; // the first record is already in `fields` when it is data
    while (pending || scanner.next(fields)) {
        pending = false;
        if (fields.size() != columns) {
            const std::size_t column = std::min(columns, fields.size()) + 1;
            const std::size_t line = fields[std::min(columns, fields.size() - 1)].line;
            throw CsvError(source, line, column, csv::fieldCountMessage(columns, fields.size()));
        }
        for (std::size_t i = 0; i < columns; ++i) {
            const ParseResult r = parseDouble(fields[i].text, decimal);
            if (!r.ok())
                throw CsvError(source, fields[i].line, i + 1,
                               csv::numberMessage(fields[i].text, r.status));
            values.push_back(r.value);
        }
        ++rows;
        if (options.progress && rows % kReportRecords == 0 &&
            !options.progress(static_cast<double>(scanner.position()) /
                              static_cast<double>(textSize)))
            throw CsvCancelled();
    }
    if (rows == 0)
        throw CsvError(source, firstLine, 0, "no data rows after the header");

    // Read the row-major values as a k x n matrix (no copy), then transpose into n x k.
    const arma::mat byColumn(values.data(), columns, rows, /*copy_aux_mem=*/false, /*strict=*/true);
    return byColumn.t();
}

// readFile and readString: the rules of CsvReader.h. `file` is the mapping `text` lies in, if any.
CsvTable readText(std::string_view text, const std::string& source, const CsvReadOptions& options,
                  const MappedFile* file) {
    CsvFileText::requireText(text, source);
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0)
        text.remove_prefix(3);

    CsvTable table;
    table.delimiter = CsvDialect::delimiter(text, options);
    CsvScanner scanner(text, table.delimiter, source);
    std::vector<CsvField> fields;
    if (!scanner.next(fields))
        throw CsvError(source, 0, 0, "the file is empty");
    table.decimal = CsvDialect::decimal(text.substr(scanner.position()), fields, table.delimiter,
                                        options, file);
    table.hadHeader = CsvDialect::header(fields, table.decimal, options);
    table.names = columnNames(fields, table.hadHeader, source);

    // Data without quotes (nearly every file): straight into the matrix, in two threads.
    CsvFastPath::Region region;
    region.text = text;
    region.start = table.hadHeader ? scanner.position() : 0;
    region.firstLine = table.hadHeader ? scanner.line() : 1;
    region.headerLine = fields.front().line;
    region.columns = fields.size();
    region.delimiter = table.delimiter;
    region.decimal = table.decimal;
    if (options.fastPath && CsvFastPath::read(region, source, options, file, table.data))
        return table;
    table.data =
        readScanned(scanner, fields, table.hadHeader, table.decimal, text.size(), source, options);
    return table;
}

} // namespace

CsvTable CsvReader::readFile(const std::string& path, const CsvReadOptions& options) {
    checkOptions(options);
    const CsvFileText file(path, options.maxStreamBytes);
    return readText(file.text(), path, options, file.mapping());
}

CsvTable CsvReader::readString(std::string_view text, const std::string& sourceName,
                               const CsvReadOptions& options) {
    checkOptions(options);
    return readText(text, sourceName, options, nullptr);
}

} // namespace linlab
