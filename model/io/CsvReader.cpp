#include "model/io/CsvReader.h"

#include "model/io/CsvDialect.h"
#include "model/io/CsvFastPath.h"
#include "model/io/CsvFileText.h"
#include "model/io/CsvScanner.h"
#include "model/io/CsvSyntax.h"
#include "model/io/NumberFormat.h"

#include <algorithm>
#include <stdexcept>
#include <utility>
#include <vector>

namespace linlab {

namespace {

constexpr std::size_t kReportRecords = 16384; // records between progress reports (scanner)

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
    table.names = CsvDialect::columnNames(fields, table.hadHeader, source);

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
    CsvDialect::checkOptions(options);
    const CsvFileText file(path, options.maxStreamBytes);
    return readText(file.text(), path, options, file.mapping());
}

CsvTable CsvReader::readString(std::string_view text, const std::string& sourceName,
                               const CsvReadOptions& options) {
    CsvDialect::checkOptions(options);
    return readText(text, sourceName, options, nullptr);
}

} // namespace linlab
