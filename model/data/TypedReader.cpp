#include "model/data/TypedReader.h"

#include "model/data/ClassifiedColumn.h"
#include "model/data/DateValue.h"
#include "model/data/ShortDecimal.h"
#include "model/io/CsvSyntax.h"
#include "model/io/NumberFormat.h"
#include "model/support/HugePages.h"
#include "model/support/Parallel.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <unordered_map>

namespace linlab {

namespace {

// What a cell read as, in the classifying pass (the kinds a scanner's classified columns hold).
constexpr std::uint8_t kMissing = kCellMissing, kNumber = kCellNumber, kDate = kCellDate,
                       kOther = kCellOther;

bool isToken(std::string_view trimmed, const std::vector<std::string>& tokens) {
    for (const std::string& token : tokens)
        if (token.size() == trimmed.size() && token == trimmed)
            return true;
    return false;
}

// "-12.5" and the like, the whole of `t` (readShortDecimal); nullopt for any other text.
std::optional<double> shortDecimal(std::string_view t) {
    const char* p = t.data();
    const char* const end = p + t.size();
    double value = 0;
    if (!readShortDecimal(p, end, value) || p != end)
        return std::nullopt;
    return value;
}

// A whole-cell number by parseDouble's rules; the usual shapes ("-12.5", "-12.5e3" with a '.'
// decimal) straight through shortDecimal or std::from_chars first, as the numeric reader's fast
// path does.
ParseResult readNumber(std::string_view t, char decimal) {
    if (decimal == '.')
        if (const std::optional<double> value = shortDecimal(t))
            return {ParseStatus::Ok, *value};
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

// A classified column's cells: every row counted, the text there only when it has cells (a
// column of numbers alone is never asked for its text).
class ClassifiedCells {
public:
    ClassifiedCells(const std::vector<std::string_view>& cells, std::size_t rows)
        : m_cells(cells)
        , m_rows(rows) {}
    std::size_t size() const { return m_rows; }
    std::string_view operator[](std::size_t row) const { return m_cells[row]; }

private:
    const std::vector<std::string_view>& m_cells;
    std::size_t m_rows;
};

// The classifying pass: each cell's kind, the numbers or dates read, and the counts.
struct Scan {
    std::vector<std::uint8_t> kinds;
    std::vector<double> values;
    std::size_t nonMissing = 0, numbers = 0, dates = 0;
};

// How one column's cells are classified.
struct ScanRule {
    const std::vector<std::string>* tokens = nullptr;
    std::optional<ColumnType> forced;
    const std::vector<CellState>* known = nullptr; // cells not Present: missing whatever the text
};

// Where a column's pass over some rows stands: whether dates are still tried, and its counts.
struct ScanState {
    bool tryDates = true;
    std::size_t nonMissing = 0, numbers = 0, dates = 0;
};

// The classifying pass over rows [begin, end) of one column, into `s` (sized for every row).
template <class Cells>
void scanRows(const Cells& cells, std::size_t begin, std::size_t end, const ScanRule& rule,
              char decimal, Scan& s, ScanState& st) {
    const std::optional<ColumnType> forced = rule.forced;
    const bool tryNumbers = !forced || forced == ColumnType::Numeric;
    for (std::size_t r = begin; r < end; ++r) {
        const std::string_view t = csv::trimBlanks(cells[r]);
        if ((rule.known && (*rule.known)[r] != CellState::Present) || isToken(t, *rule.tokens)) {
            s.kinds[r] = kMissing;
            continue;
        }
        ++st.nonMissing;
        s.kinds[r] = kOther;
        if (tryNumbers) {
            const ParseResult p = readNumber(t, decimal);
            if (p.ok()) {
                s.kinds[r] = kNumber;
                s.values[r] = p.value;
                ++st.numbers;
                st.tryDates = st.tryDates && forced; // a number in it: not a date column
                continue;
            }
        }
        if (st.tryDates) {
            if (const std::optional<double> d = parseIsoDate(t)) {
                s.kinds[r] = kDate;
                s.values[r] = *d;
                ++st.dates;
                continue;
            }
            st.tryDates = bool(forced); // one non-date: not a date column (unless forced)
        }
    }
}

// The classifying pass of every column. The rows go in blocks across all columns, so each
// block's text is read from memory once (a column at a time would read the whole text once per
// column); the two halves of the rows on two threads when the table is large. The halves
// classify alike: a half that stops trying dates does so only where the whole column is not
// one of dates anyway, so the counts decide the same types.
template <class CellsOf>
std::vector<Scan> scanAll(std::size_t rows, CellsOf cellsOf, const std::vector<ScanRule>& rules,
                          char decimal) {
    constexpr std::size_t kBlock = 4096;
    const std::size_t columns = rules.size();
    std::vector<Scan> scans(columns);
    std::vector<ScanState> states(2 * columns);
    for (std::size_t c = 0; c < columns; ++c) {
        const std::optional<ColumnType> forced = rules[c].forced;
        scans[c].kinds.resize(rows);
        if (!forced || forced == ColumnType::Numeric || forced == ColumnType::Date)
            scans[c].values.assign(rows, std::numeric_limits<double>::quiet_NaN());
        states[c].tryDates = states[columns + c].tryDates = !forced || forced == ColumnType::Date;
    }
    const std::size_t half = rows / 2;
    forEachIndex(2, rows * columns, [&](std::size_t h) {
        const std::size_t from = h == 0 ? 0 : half, to = h == 0 ? half : rows;
        for (std::size_t b = from; b < to; b += kBlock)
            for (std::size_t c = 0; c < columns; ++c)
                scanRows(cellsOf(c), b, std::min(to, b + kBlock), rules[c], decimal, scans[c],
                         states[h * columns + c]);
    });
    for (std::size_t c = 0; c < columns; ++c)
        for (const ScanState& st : {states[c], states[columns + c]}) {
            scans[c].nonMissing += st.nonMissing;
            scans[c].numbers += st.numbers;
            scans[c].dates += st.dates;
        }
    return scans;
}

// `rows` Present states, in large pages when many (threads fill several columns at once).
std::vector<CellState> presentStates(std::size_t rows) {
    std::vector<CellState> states;
    states.reserve(rows);
    adviseHugePages(states.data(), rows * sizeof(CellState));
    states.assign(rows, CellState::Present);
    return states;
}

// A categorical column from the scan's non-missing cells, or nullopt past `maxLevels` levels.
constexpr std::size_t kCompareLevels = 16; // levels looked up by comparing while this few

template <class Cells>
std::optional<Column> categories(const Cells& cells, const Scan& s, std::string name,
                                 std::size_t maxLevels) {
    std::unordered_map<std::string_view, std::uint32_t> index;
    std::vector<std::string> levels;
    std::vector<std::uint32_t> codes(cells.size(), Column::kNoLevel);
    std::vector<CellState> states = presentStates(cells.size());
    for (std::size_t r = 0; r < cells.size(); ++r) {
        if (s.kinds[r] == kMissing) {
            states[r] = CellState::Missing;
            continue;
        }
        const std::string_view t = csv::trimBlanks(cells[r]);
        if (levels.size() <= kCompareLevels) { // a few levels: found faster than hashed
            const auto seen = std::find(levels.begin(), levels.end(), t);
            if (seen != levels.end()) {
                codes[r] = std::uint32_t(seen - levels.begin());
                continue;
            }
        }
        const auto [it, added] = index.try_emplace(t, std::uint32_t(levels.size()));
        if (added) {
            if (levels.size() == maxLevels)
                return std::nullopt; // too many: text (stops counting here)
            levels.emplace_back(t);
        }
        codes[r] = it->second;
    }
    // Sort the levels and renumber the codes: rank[first-seen index] = sorted index.
    const std::vector<std::uint32_t> rank = Column::sortLevels(levels);
    for (std::uint32_t& code : codes)
        if (code != Column::kNoLevel)
            code = rank[code];
    return Column::categorical(std::move(name), std::move(codes), std::move(levels),
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
    std::vector<CellState> states = presentStates(cells.size());
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
    std::vector<CellState> states = presentStates(cells.size());
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

// Column `c` named `name` from its cells and their scan; its invalid cells appended to `invalid`.
template <class Cells>
Column readOne(const Cells& cells, Scan& s, const std::string& name, std::size_t c,
               std::optional<ColumnType> forced, std::size_t inferredLevels,
               std::vector<InvalidCell>& invalid) {
    const std::size_t maxLevels = forced ? std::numeric_limits<std::size_t>::max() : inferredLevels;
    // Distinct values matter only when the numbers have not decided (counted later, capped).
    ColumnType type =
        forced ? *forced
               : TypedReader::inferType(s.nonMissing, s.numbers, s.dates, 0, inferredLevels);
    if (type == ColumnType::Categorical) {
        if (std::optional<Column> column = categories(cells, s, name, maxLevels))
            return std::move(*column);
        type = ColumnType::Text;
    }
    if (type == ColumnType::Text)
        return text(cells, s, name);
    return numbers(cells, s, name, type, c, invalid);
}

template <class CellsOf>
TypedTable buildTable(const std::vector<std::string>& header, CellsOf cellsOf,
                      std::vector<Scan>& scans, const std::vector<const ColumnReadOptions*>& ownOf,
                      const TypedReadOptions& options);

// The table from `cellsOf(c)`, the cells of column c.
template <class CellsOf>
TypedTable readColumns(const std::vector<std::string>& header, CellsOf cellsOf,
                       const TypedReadOptions& options) {
    for (const auto& entry : options.columns)
        if (std::find(header.begin(), header.end(), entry.first) == header.end())
            throw std::invalid_argument("no column named \"" + entry.first + "\"");

    const ColumnReadOptions none;
    std::vector<const ColumnReadOptions*> ownOf(header.size(), &none);
    std::vector<ScanRule> rules(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) {
        const auto found = options.columns.find(header[c]);
        if (found != options.columns.end())
            ownOf[c] = &found->second;
        rules[c].tokens =
            ownOf[c]->missingTokens ? &*ownOf[c]->missingTokens : &options.missingTokens;
        rules[c].forced = ownOf[c]->type;
    }
    const std::size_t rows = header.empty() ? 0 : cellsOf(0).size();
    std::vector<Scan> scans = scanAll(rows, cellsOf, rules, options.decimal);
    return buildTable(header, cellsOf, scans, ownOf, options);
}

// The table from each column's cells and their scan.
template <class CellsOf>
TypedTable buildTable(const std::vector<std::string>& header, CellsOf cellsOf,
                      std::vector<Scan>& scans, const std::vector<const ColumnReadOptions*>& ownOf,
                      const TypedReadOptions& options) {
    const std::size_t rows = header.empty() ? 0 : cellsOf(0).size();
    // Then each column on its own (two at a time on two threads when the table is large): its
    // column and its invalid cells are written by its index only.
    std::vector<Column> columns(header.size());
    std::vector<std::vector<InvalidCell>> invalidOf(header.size());
    forEachIndex(header.size(), rows * header.size(), [&](std::size_t c) {
        columns[c] = readOne(cellsOf(c), scans[c], header[c], c, ownOf[c]->type, options.maxLevels,
                             invalidOf[c]);
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

Column TypedReader::readColumn(const std::string& name, const std::vector<std::string_view>& cells,
                               std::optional<ColumnType> type,
                               const std::vector<std::string>& missingTokens,
                               const std::vector<CellState>& known,
                               std::vector<InvalidCell>* invalid, std::size_t column) {
    if (!known.empty() && known.size() != cells.size())
        throw std::invalid_argument("TypedReader::readColumn: " + std::to_string(known.size()) +
                                    " states for " + std::to_string(cells.size()) + " cells");
    ScanRule rule;
    rule.tokens = &missingTokens;
    rule.forced = type;
    rule.known = known.empty() ? nullptr : &known;
    const TypedReadOptions defaults;
    std::vector<Scan> scans = scanAll(
        cells.size(), [&](std::size_t) { return VectorCells(cells); }, {rule}, defaults.decimal);
    std::vector<InvalidCell> listed;
    Column c =
        readOne(VectorCells(cells), scans.front(), name, column, type, defaults.maxLevels, listed);
    if (invalid)
        invalid->insert(invalid->end(), listed.begin(), listed.end());
    return c;
}

CellKind ClassifiedColumn::add(std::string_view cell, const std::vector<std::string>& tokens,
                               char decimal) {
    // scanRows' steps for a column with no forced type and no known states.
    const std::string_view t = csv::trimBlanks(cell);
    CellKind kind = kCellOther;
    double value = std::numeric_limits<double>::quiet_NaN();
    if (isToken(t, tokens)) {
        kind = kCellMissing;
    } else {
        ++nonMissing;
        const ParseResult p = readNumber(t, decimal);
        if (p.ok()) {
            kind = kCellNumber;
            value = p.value;
            ++numbers;
            tryDates = false; // a number in it: not a date column
        } else if (tryDates) {
            if (const std::optional<double> d = parseIsoDate(t)) {
                kind = kCellDate;
                value = *d;
                ++dates;
            } else {
                tryDates = false; // one non-date: not a date column
            }
        }
    }
    kinds.push_back(kind);
    values.push_back(value);
    return kind;
}

bool ClassifiedColumn::numbersAreNoTokens(const std::vector<std::string>& tokens, char decimal) {
    return std::none_of(tokens.begin(), tokens.end(), [decimal](const std::string& token) {
        return readNumber(csv::trimBlanks(token), decimal).ok();
    });
}

TypedTable TypedReader::readClassified(const std::vector<std::string>& header,
                                       std::vector<ClassifiedColumn> columns,
                                       const TypedReadOptions& options) {
    if (columns.size() != header.size())
        throw std::invalid_argument(std::to_string(columns.size()) + " classified columns for " +
                                    std::to_string(header.size()) + " names");
    if (!options.columns.empty())
        throw std::invalid_argument("classified columns take no column options");
    const std::size_t rows = columns.empty() ? 0 : columns.front().kinds.size();
    std::vector<Scan> scans(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        ClassifiedColumn& from = columns[c];
        if (from.kinds.size() != rows || from.values.size() != rows ||
            (from.hasCells && from.cells.size() != rows))
            throw std::invalid_argument("classified columns differ in length");
        scans[c].kinds = std::move(from.kinds);
        scans[c].values = std::move(from.values);
        scans[c].nonMissing = from.nonMissing;
        scans[c].numbers = from.numbers;
        scans[c].dates = from.dates;
    }
    const ColumnReadOptions none;
    const std::vector<const ColumnReadOptions*> ownOf(header.size(), &none);
    return buildTable(
        header, [&](std::size_t c) { return ClassifiedCells(columns[c].cells, rows); }, scans,
        ownOf, options);
}

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
