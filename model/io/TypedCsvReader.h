#pragma once
// Reads a CSV file of any columns (numbers, dates, categories, text, missing tokens) into a
// TypedTable. Plain C++17, no Qt.
//
// The text is read as CsvReader reads it (the rules of CsvReader.h: RFC 4180 quoting, BOM, CRLF,
// blank lines, the same delimiter, decimal and header detection by CsvDialect) and its errors are
// the same errors in the same words: bad quoting, ragged rows, NUL bytes, the stream limit, empty
// or repeated names, no data rows. Then TypedReader (model/data/TypedReader.h) types each column;
// the decimal separator it reads numbers with is the dialect's, whatever TypedReadOptions says,
// with one exception: a detected decimal comma (a ';' or tab file with a comma in its data) is a
// point when no cell with a comma reads as a number and some cell reads as one with a point
// ("Paris, France";1.5), where the numeric reader refuses the file anyway.
// Cells that do not read as their column's type are not errors: they are read as missing and
// listed with their place in the file (TypedCsvTable::invalidAt, invalidCellError).
//
// A file with a header and no quote after it (nearly every file), read with no column options and
// no progress callback, is split and classified in one pass (TypedCsvFastScan, two threads on
// large files): a column of numbers keeps no view of its text. Any other goes through the
// RFC 4180 scanner (past the first record, text without a quote is split line by line in the
// same way, faster) into one vector of views into the text per column (cells with "" inside own
// their unescaped copy), and each column is then typed from contiguous memory.
// All-numeric files are read faster by CsvReader, which stays the fast path.

#include "model/data/TypedReader.h"
#include "model/io/CsvError.h"
#include "model/io/CsvReader.h"
#include "model/io/TypedCsvTable.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace linlab {

class TypedCsvReader {
public:
    /// Reads the file at `path` (mapped, or read up to csv.maxStreamBytes when not a regular
    /// file); throws CsvError as CsvReader::readFile does, CsvCancelled when csv.progress says
    /// stop, std::invalid_argument for impossible options or a column option naming no column.
    static TypedCsvTable readFile(const std::string& path, const CsvReadOptions& csv = {},
                                  const TypedReadOptions& typed = {});

    /// Reads CSV from memory; `sourceName` stands for the file name in errors.
    static TypedCsvTable readString(std::string_view text, const std::string& sourceName,
                                    const CsvReadOptions& csv = {},
                                    const TypedReadOptions& typed = {});

    /// The error naming listed invalid cell `index` in the numeric reader's words, e.g.
    /// "data.csv:7:3: expected a number, found "1.5abc" (a number followed by other text)"; a date
    /// column's says "expected a date (YYYY-MM-DD, time optional)". Throws std::out_of_range for an
    /// index past the list.
    static CsvError invalidCellError(const TypedCsvTable& table, std::size_t index);
};

} // namespace linlab
