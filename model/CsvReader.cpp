#include "CsvReader.h"

#include "NumberFormat.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unordered_set>
#include <utility>
#include <vector>

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

bool isSpaceOrTab(char c, char delimiter) { return c == ' ' || (c == '\t' && delimiter != '\t'); }

bool isBlankLineChar(char c, char delimiter) { return c == '\r' || isSpaceOrTab(c, delimiter); }

std::string_view trimBlanks(std::string_view s)
{
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    return s;
}

// Found text for a message: one line (control characters escaped), at most kMaxShownChars.
std::string shownText(std::string_view text)
{
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
        , m_source(source)
    {
    }

    // Fills `fields` with the next non-blank record; false at the end of the text.
    bool next(std::vector<Field>& fields)
    {
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

private:
    // Skips fully blank lines; false when only blanks remain.
    bool skipBlankLines()
    {
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
    bool readField(std::vector<Field>& fields)
    {
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
    std::size_t readQuoted(std::size_t start, std::size_t fieldIndex, Field& field)
    {
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

int candidateIndex(char c, char excluded)
{
    for (std::size_t i = 0; i < kCandidates.size(); ++i)
        if (kCandidates[i] == c && c != excluded)
            return static_cast<int>(i);
    return -1;
}

// Picks the delimiter from the first kDetectRecords records (quotes respected): the first
// candidate with the same non-zero count on every record, else the most frequent on the first
// record, else 0 (one column). `excluded` is a candidate that cannot be the delimiter.
char detectDelimiter(std::string_view text, char excluded)
{
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
                     ParseStatus status)
{
    return CsvError(source, field.line, column,
                    "expected a number, found \"" + shownText(field.text) + "\" (" +
                        parseStatusText(status) + ")");
}

std::string fieldCount(std::size_t n)
{
    return std::to_string(n) + (n == 1 ? " field" : " fields");
}

void checkOptions(const CsvReadOptions& options)
{
    const char d = options.delimiter;
    if (d == '"' || d == '\n' || d == '\r')
        throw std::invalid_argument("CsvReader: the delimiter cannot be a quote or a line break");
    if (options.decimal != 0 && options.decimal != '.' && options.decimal != ',')
        throw std::invalid_argument("CsvReader: the decimal separator must be '.' or ','");
    if (d != 0 && d == options.decimal)
        throw std::invalid_argument("CsvReader: the delimiter and the decimal separator are equal");
}

} // namespace

CsvTable CsvReader::readFile(const std::string& path, const CsvReadOptions& options)
{
    checkOptions(options);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw CsvError(path, 0, 0, "cannot read the file: it is a folder");
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int error = errno;
        throw CsvError(path, 0, 0,
                       std::string("cannot open the file (") +
                           (error != 0 ? std::strerror(error) : "unknown error") + ")");
    }
    std::string content;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
        content.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (in.bad())
        throw CsvError(path, 0, 0, "cannot read the file (read error)");
    return readString(content, path, options);
}

CsvTable CsvReader::readString(std::string_view text, const std::string& sourceName,
                               const CsvReadOptions& options)
{
    checkOptions(options);
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
            if (text.substr(scanner.position()).find(',') != std::string_view::npos) {
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
            !options.progress(static_cast<double>(scanner.position()) / static_cast<double>(text.size())))
            throw CsvCancelled();
    }
    if (rows == 0)
        throw CsvError(sourceName, firstLine, 0, "no data rows after the header");

    // Read the row-major values as a k x n matrix (no copy), then transpose into n x k.
    const arma::mat byColumn(values.data(), columns, rows, /*copy_aux_mem=*/false, /*strict=*/true);
    table.data = byColumn.t();
    return table;
}

} // namespace linlab
