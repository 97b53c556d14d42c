#include "model/io/CsvDialect.h"

#include "model/io/CsvError.h"
#include "model/io/CsvSyntax.h"
#include "model/io/NumberFormat.h"
#include "model/support/MappedFile.h"

#include <array>
#include <cstddef>
#include <stdexcept>
#include <unordered_set>

namespace linlab {

namespace {

constexpr std::size_t kDetectRecords = 20; // records inspected to detect the delimiter
constexpr std::array<char, 3> kCandidates{'\t', ';', ','}; // preference order on ties

int candidateIndex(char c, char excluded) {
    for (std::size_t i = 0; i < kCandidates.size(); ++i)
        if (kCandidates[i] == c && c != excluded)
            return static_cast<int>(i);
    return -1;
}

// Skips blank lines from `pos`; false when only blanks remain.
bool skipBlankLines(std::string_view text, std::size_t& pos) {
    const std::size_t size = text.size();
    while (pos < size) {
        std::size_t p = pos;
        while (p < size && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r'))
            ++p;
        if (p == size)
            return false;
        if (text[p] != '\n')
            return true;
        pos = p + 1;
    }
    return false;
}

// Counts the candidates outside quotes in the record at `pos`, and moves `pos` past it.
std::array<std::size_t, 3> countCandidates(std::string_view text, std::size_t& pos, char excluded) {
    const std::size_t size = text.size();
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
    return counts;
}

// Whether `text` holds `c`, without keeping the whole mapped file resident.
bool containsByte(std::string_view text, char c, const MappedFile* file) {
    MappedFile::Releaser releaser(file, text.data());
    for (std::size_t at = 0; at < text.size(); at += MappedFile::kReleaseBytes) {
        const std::string_view block = text.substr(at, MappedFile::kReleaseBytes);
        if (block.find(c) != std::string_view::npos)
            return true;
        releaser.finish(block.data() + block.size());
    }
    return false;
}

} // namespace

char CsvDialect::detectDelimiter(std::string_view text, char excluded) {
    std::array<std::size_t, 3> first{};
    std::array<bool, 3> consistent{true, true, true};
    std::size_t records = 0;
    std::size_t pos = 0;
    while (records < kDetectRecords && skipBlankLines(text, pos)) {
        const std::array<std::size_t, 3> counts = countCandidates(text, pos, excluded);
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

char CsvDialect::delimiter(std::string_view text, const CsvReadOptions& options) {
    char delimiter = options.delimiter;
    if (delimiter == 0) {
        // A comma cannot delimit fields whose numbers use a decimal comma.
        delimiter = detectDelimiter(text, options.decimal == ',' ? ',' : 0);
    }
    return delimiter != 0 ? delimiter : ',';
}

char CsvDialect::decimal(std::string_view afterFirst, const std::vector<CsvField>& first,
                         char delimiter, const CsvReadOptions& options, const MappedFile* file) {
    if (options.decimal != 0)
        return options.decimal;
    if (delimiter != ';' && delimiter != '\t')
        return '.';
    // After the first record every field is data, so any ',' there is a decimal comma.
    if (containsByte(afterFirst, ',', file))
        return ',';
    if (options.header == CsvReadOptions::Header::Yes)
        return '.';
    // The first record decides only if it reads as numbers with a decimal comma.
    bool anyComma = false;
    bool allNumbers = true;
    for (const CsvField& f : first) {
        anyComma = anyComma || f.text.find(',') != std::string_view::npos;
        allNumbers = allNumbers && parseDouble(f.text, ',').ok();
    }
    return anyComma && (allNumbers || options.header == CsvReadOptions::Header::No) ? ',' : '.';
}

bool CsvDialect::header(const std::vector<CsvField>& first, char decimal,
                        const CsvReadOptions& options) {
    if (options.header != CsvReadOptions::Header::Detect)
        return options.header == CsvReadOptions::Header::Yes;
    for (const CsvField& f : first) {
        const ParseStatus status = parseDouble(f.text, decimal).status;
        if (status != ParseStatus::Ok && status != ParseStatus::Empty)
            return true;
    }
    return false;
}

// The typed reader's copies of CsvReader.cpp's checkOptions and columnNames (the same words).
void CsvDialect::checkOptions(const CsvReadOptions& options) {
    const char d = options.delimiter;
    if (d == '"' || d == '\n' || d == '\r')
        throw std::invalid_argument("CsvReader: the delimiter cannot be a quote or a line break");
    if (options.decimal != 0 && options.decimal != '.' && options.decimal != ',')
        throw std::invalid_argument("CsvReader: the decimal separator must be '.' or ','");
    if (d != 0 && d == options.decimal)
        throw std::invalid_argument("CsvReader: the delimiter and the decimal separator are equal");
}

std::vector<std::string> CsvDialect::columnNames(const std::vector<CsvField>& first, bool header,
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

} // namespace linlab
