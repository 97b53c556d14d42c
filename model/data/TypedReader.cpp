#include "model/data/TypedReader.h"

#include "model/data/DateValue.h"
#include "model/io/CsvSyntax.h"
#include "model/io/NumberFormat.h"
#include "model/support/Parallel.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace linlab {

namespace {

// What a cell read as, in the classifying pass.
enum Kind : std::uint8_t { kMissing, kNumber, kDate, kOther };

bool isToken(std::string_view trimmed, const std::vector<std::string>& tokens) {
    for (const std::string& token : tokens)
        if (token.size() == trimmed.size() && token == trimmed)
            return true;
    return false;
}

// A whole-cell number by parseDouble's rules; the usual shape ("-12.5e3" with a '.' decimal)
// straight through std::from_chars first, as the numeric reader's fast path does.
ParseResult readNumber(std::string_view t, char decimal) {
    if (decimal == '.' && !t.empty() &&
        ((t.front() >= '0' && t.front() <= '9') || t.front() == '-' || t.front() == '.')) {
        double value = 0;
        const auto r = std::from_chars(t.data(), t.data() + t.size(), value);
        if (r.ec == std::errc() && r.ptr == t.data() + t.size() && std::isfinite(value))
            return {ParseStatus::Ok, value};
    }
    const char c = t.empty() ? ' ' : t.front();
    if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.' && c != decimal)
        return {ParseStatus::NotANumber, 0.0}; // a word: no need for the full rules
    return parseDouble(t, decimal);            // the reference, for everything else
}

// One column's cells from row-major rows of std::string or std::string_view.
template <class Cell> class ColumnCells {
public:
    ColumnCells(const std::vector<std::vector<Cell>>& rows, std::size_t column)
        : m_rows(rows)
        , m_column(column) {}
    std::size_t size() const { return m_rows.size(); }
    std::string_view operator[](std::size_t row) const {
        return std::string_view(m_rows[row][m_column]);
    }

private:
    const std::vector<std::vector<Cell>>& m_rows;
    std::size_t m_column;
};

// One column's cells from one row-major vector of every cell (stride: the column count).
class FlatCells {
public:
    FlatCells(const std::vector<std::string_view>& cells, std::size_t columns, std::size_t column)
        : m_cells(cells)
        , m_columns(columns)
        , m_column(column) {}
    std::size_t size() const { return m_cells.size() / m_columns; }
    std::string_view operator[](std::size_t row) const {
        return m_cells[row * m_columns + m_column];
    }

private:
    const std::vector<std::string_view>& m_cells;
    std::size_t m_columns;
    std::size_t m_column;
};

// One column's cells, contiguous.
class VectorCells {
public:
    explicit VectorCells(const std::vector<std::string_view>& cells)
        : m_cells(cells) {}
    std::size_t size() const { return m_cells.size(); }
    std::string_view operator[](std::size_t row) const { return m_cells[row]; }

private:
    const std::vector<std::string_view>& m_cells;
};

// The classifying pass: each cell's kind, the numbers or dates read, and the counts.
struct Scan {
    std::vector<std::uint8_t> kinds;
    std::vector<double> values;
    std::size_t nonMissing = 0, numbers = 0, dates = 0;
};

template <class Cells>
Scan scan(const Cells& cells, const std::vector<std::string>& tokens,
          std::optional<ColumnType> forced, char decimal) {
    Scan s;
    const std::size_t n = cells.size();
    s.kinds.resize(n);
    const bool parse = !forced || forced == ColumnType::Numeric || forced == ColumnType::Date;
    if (parse)
        s.values.assign(n, std::numeric_limits<double>::quiet_NaN());
    bool tryNumbers = !forced || forced == ColumnType::Numeric;
    bool tryDates = !forced || forced == ColumnType::Date;
    for (std::size_t r = 0; r < n; ++r) {
        const std::string_view t = csv::trimBlanks(cells[r]);
        if (isToken(t, tokens)) {
            s.kinds[r] = kMissing;
            continue;
        }
        ++s.nonMissing;
        s.kinds[r] = kOther;
        if (tryNumbers) {
            const ParseResult p = readNumber(t, decimal);
            if (p.ok()) {
                s.kinds[r] = kNumber;
                s.values[r] = p.value;
                ++s.numbers;
                tryDates = tryDates && forced; // a number in it: not a date column
                continue;
            }
        }
        if (tryDates) {
            if (const std::optional<double> d = parseIsoDate(t)) {
                s.kinds[r] = kDate;
                s.values[r] = *d;
                ++s.dates;
                continue;
            }
            tryDates = bool(forced); // one non-date: not a date column (unless forced)
        }
    }
    return s;
}

// Numbers, then text, in the sort order of levels.
bool levelLess(const std::string& a, const std::string& b, bool numeric) {
    if (numeric) {
        const double x = parseDouble(a).value, y = parseDouble(b).value;
        if (x != y)
            return x < y;
    }
    return a < b;
}

// A categorical column from the scan's non-missing cells, or nullopt past `maxLevels` levels.
template <class Cells>
std::optional<Column> categories(const Cells& cells, const Scan& s, std::string name,
                                 std::size_t maxLevels) {
    std::unordered_map<std::string_view, std::uint32_t> index;
    std::vector<std::string> levels;
    std::vector<std::uint32_t> codes(cells.size(), Column::kNoLevel);
    std::vector<CellState> states(cells.size(), CellState::Present);
    for (std::size_t r = 0; r < cells.size(); ++r) {
        if (s.kinds[r] == kMissing) {
            states[r] = CellState::Missing;
            continue;
        }
        const std::string_view t = csv::trimBlanks(cells[r]);
        const auto [it, added] = index.try_emplace(t, std::uint32_t(levels.size()));
        if (added) {
            if (levels.size() == maxLevels)
                return std::nullopt; // too many: text (stops counting here)
            levels.emplace_back(t);
        }
        codes[r] = it->second;
    }
    // Sort the levels and renumber the codes: rank[first-seen index] = sorted index.
    const bool numeric = std::all_of(levels.begin(), levels.end(),
                                     [](const std::string& l) { return parseDouble(l).ok(); });
    std::vector<std::uint32_t> order(levels.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return levelLess(levels[a], levels[b], numeric);
    });
    std::vector<std::uint32_t> rank(levels.size());
    std::vector<std::string> sorted(levels.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        rank[order[i]] = i;
        sorted[i] = std::move(levels[order[i]]);
    }
    for (std::uint32_t& code : codes)
        if (code != Column::kNoLevel)
            code = rank[code];
    return Column::categorical(std::move(name), std::move(codes), std::move(sorted),
                               std::move(states));
}

template <class Cells> Column text(const Cells& cells, const Scan& s, std::string name) {
    std::size_t total = 0;
    for (std::size_t r = 0; r < cells.size(); ++r)
        if (s.kinds[r] != kMissing)
            total += cells[r].size();
    std::string chars;
    chars.reserve(total);
    std::vector<std::size_t> offsets;
    offsets.reserve(cells.size() + 1);
    offsets.push_back(0);
    std::vector<CellState> states(cells.size(), CellState::Present);
    for (std::size_t r = 0; r < cells.size(); ++r) {
        if (s.kinds[r] == kMissing)
            states[r] = CellState::Missing;
        else
            chars.append(cells[r]);
        offsets.push_back(chars.size());
    }
    return Column::text(std::move(name), std::move(chars), std::move(offsets), std::move(states));
}

// A numeric or date column: cells of the other kinds are invalid, and listed.
template <class Cells>
Column numbers(const Cells& cells, Scan& s, std::string name, ColumnType type, std::size_t column,
               std::vector<InvalidCell>& invalid) {
    const std::uint8_t good = type == ColumnType::Date ? kDate : kNumber;
    std::vector<CellState> states(cells.size(), CellState::Present);
    std::size_t listed = 0;
    for (std::size_t r = 0; r < cells.size(); ++r) {
        if (s.kinds[r] == good)
            continue;
        if (s.kinds[r] == kMissing) {
            states[r] = CellState::Missing;
            continue;
        }
        states[r] = CellState::Invalid;
        if (listed++ < TypedTable::kMaxListedInvalid)
            invalid.push_back({r, column, std::string(cells[r])});
    }
    return Column::numbers(std::move(name), type, std::move(s.values), std::move(states));
}

// The table from `cellsOf(c)`, the cells of column c.
template <class CellsOf>
TypedTable readColumns(const std::vector<std::string>& header, CellsOf cellsOf,
                       const TypedReadOptions& options) {
    for (const auto& entry : options.columns)
        if (std::find(header.begin(), header.end(), entry.first) == header.end())
            throw std::invalid_argument("no column named \"" + entry.first + "\"");

    // Each column on its own (two at a time on two threads when the table is large): its
    // column and its invalid cells are written by its index only.
    std::vector<Column> columns(header.size());
    std::vector<std::vector<InvalidCell>> invalidOf(header.size());
    const std::size_t cellCount = header.empty() ? 0 : cellsOf(0).size() * header.size();
    forEachIndex(header.size(), cellCount, [&](std::size_t c) {
        const auto found = options.columns.find(header[c]);
        const ColumnReadOptions none;
        const ColumnReadOptions& own = found == options.columns.end() ? none : found->second;
        const std::vector<std::string>& tokens =
            own.missingTokens ? *own.missingTokens : options.missingTokens;
        const auto cells = cellsOf(c);
        Scan s = scan(cells, tokens, own.type, options.decimal);
        const std::size_t maxLevels =
            own.type ? std::numeric_limits<std::size_t>::max() : options.maxLevels;
        // Distinct values matter only when the numbers have not decided (counted later, capped).
        ColumnType type = own.type ? *own.type
                                   : TypedReader::inferType(s.nonMissing, s.numbers, s.dates, 0,
                                                            options.maxLevels);
        if (type == ColumnType::Categorical) {
            if (std::optional<Column> column = categories(cells, s, header[c], maxLevels)) {
                columns[c] = std::move(*column);
                return;
            }
            type = ColumnType::Text;
        }
        if (type == ColumnType::Text)
            columns[c] = text(cells, s, header[c]);
        else
            columns[c] = numbers(cells, s, header[c], type, c, invalidOf[c]);
    });
    std::vector<InvalidCell> invalid; // TypedTable sorts them by row, then column
    for (auto& list : invalidOf)
        invalid.insert(invalid.end(), std::make_move_iterator(list.begin()),
                       std::make_move_iterator(list.end()));
    return TypedTable(std::move(columns), std::move(invalid));
}

template <class Cell>
TypedTable readRows(const std::vector<std::string>& header,
                    const std::vector<std::vector<Cell>>& rows, const TypedReadOptions& options) {
    for (std::size_t r = 0; r < rows.size(); ++r)
        if (rows[r].size() != header.size())
            throw std::invalid_argument("row " + std::to_string(r + 1) + " has " +
                                        std::to_string(rows[r].size()) + " cells, the header " +
                                        std::to_string(header.size()));
    return readColumns(
        header, [&](std::size_t c) { return ColumnCells<Cell>(rows, c); }, options);
}

} // namespace

std::vector<std::string> defaultMissingTokens() {
    return {"", "NA", "N/A", "NaN", "nan", "null", "NULL", "?", "."};
}

TypedTable TypedReader::readByColumn(const std::vector<std::string>& header,
                                     const std::vector<std::vector<std::string_view>>& columns,
                                     const TypedReadOptions& options) {
    if (columns.size() != header.size())
        throw std::invalid_argument(std::to_string(columns.size()) + " columns of cells for " +
                                    std::to_string(header.size()) + " names");
    for (const auto& column : columns)
        if (column.size() != columns.front().size())
            throw std::invalid_argument("columns of cells differ in length");
    return readColumns(
        header, [&](std::size_t c) { return VectorCells(columns[c]); }, options);
}

ColumnType TypedReader::inferType(std::size_t nonMissing, std::size_t numbers, std::size_t dates,
                                  std::size_t distinct, std::size_t maxLevels) {
    if (numbers == nonMissing) // every value a number, or no value at all
        return ColumnType::Numeric;
    if (dates == nonMissing)
        return ColumnType::Date;
    const std::size_t others = nonMissing - numbers;
    if (numbers > others && (others <= 3 || others * 10 <= nonMissing))
        return ColumnType::Numeric; // with invalid cells
    return distinct <= maxLevels ? ColumnType::Categorical : ColumnType::Text;
}

TypedTable TypedReader::read(const std::vector<std::string>& header,
                             const std::vector<std::vector<std::string_view>>& rows,
                             const TypedReadOptions& options) {
    return readRows(header, rows, options);
}

TypedTable TypedReader::read(const std::vector<std::string>& header,
                             const std::vector<std::vector<std::string>>& rows,
                             const TypedReadOptions& options) {
    return readRows(header, rows, options);
}

TypedTable TypedReader::readFlat(const std::vector<std::string>& header,
                                 const std::vector<std::string_view>& cells,
                                 const TypedReadOptions& options) {
    if (header.empty() ? !cells.empty() : cells.size() % header.size() != 0)
        throw std::invalid_argument(std::to_string(cells.size()) + " cells are not rows of " +
                                    std::to_string(header.size()));
    return readColumns(
        header, [&](std::size_t c) { return FlatCells(cells, header.size(), c); }, options);
}

} // namespace linlab
