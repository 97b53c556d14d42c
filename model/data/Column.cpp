#include "model/data/Column.h"

#include "model/data/DateValue.h"
#include "model/data/TypedReader.h"
#include "model/io/CsvSyntax.h"
#include "model/io/NumberFormat.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace linlab {

namespace {

void checkSize(const std::string& name, std::size_t cells, std::size_t states) {
    if (cells != states)
        throw std::invalid_argument("Column \"" + name + "\": " + std::to_string(cells) +
                                    " cells but " + std::to_string(states) + " states");
}

bool isToken(std::string_view trimmed, const std::vector<std::string>& tokens) {
    return std::find(tokens.begin(), tokens.end(), trimmed) != tokens.end();
}

// Numbers compare by value, to the bit, NaN equal to NaN (the values of missing cells).
bool sameNumbers(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

std::string quoted(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

} // namespace

void Column::setStates(std::vector<CellState> states) {
    m_states = std::move(states);
    m_missing = 0;
    m_invalid = 0;
    for (CellState s : m_states) {
        m_missing += s != CellState::Present;
        m_invalid += s == CellState::Invalid;
    }
}

Column Column::numbers(std::string name, ColumnType type, std::vector<double> values,
                       std::vector<CellState> states) {
    if (type != ColumnType::Numeric && type != ColumnType::Date)
        throw std::invalid_argument("Column::numbers: the type must be numeric or date");
    checkSize(name, values.size(), states.size());
    Column c;
    c.m_name = std::move(name);
    c.m_type = type;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (states[i] != CellState::Present)
            values[i] = std::numeric_limits<double>::quiet_NaN();
    c.m_values = std::move(values);
    c.setStates(std::move(states));
    return c;
}

Column Column::categorical(std::string name, std::vector<std::uint32_t> codes,
                           std::vector<std::string> levels, std::vector<CellState> states) {
    checkSize(name, codes.size(), states.size());
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (states[i] != CellState::Present)
            codes[i] = kNoLevel;
        else if (codes[i] >= levels.size())
            throw std::invalid_argument("Column \"" + name + "\": level index out of range");
    }
    Column c;
    c.m_name = std::move(name);
    c.m_type = ColumnType::Categorical;
    c.m_codes = std::move(codes);
    c.m_levels = std::move(levels);
    c.setStates(std::move(states));
    return c;
}

Column Column::text(std::string name, std::string chars, std::vector<std::size_t> offsets,
                    std::vector<CellState> states) {
    checkSize(name, offsets.empty() ? 0 : offsets.size() - 1, states.size());
    if (offsets.empty())
        offsets.push_back(0);
    if (offsets.back() > chars.size() || !std::is_sorted(offsets.begin(), offsets.end()))
        throw std::invalid_argument("Column \"" + name + "\": bad text offsets");
    Column c;
    c.m_name = std::move(name);
    c.m_type = ColumnType::Text;
    c.m_chars = std::move(chars);
    c.m_offsets = std::move(offsets);
    c.setStates(std::move(states));
    return c;
}

std::uint32_t Column::levelIndex(std::string_view level) const {
    const auto it = std::find(m_levels.begin(), m_levels.end(), level);
    return it == m_levels.end() ? kNoLevel : static_cast<std::uint32_t>(it - m_levels.begin());
}

std::string_view Column::text(std::size_t row) const {
    if (m_type != ColumnType::Text || isMissing(row))
        return {};
    return std::string_view(m_chars).substr(m_offsets[row], m_offsets[row + 1] - m_offsets[row]);
}

std::string Column::cellText(std::size_t row) const {
    if (isMissing(row))
        return {};
    switch (m_type) {
    case ColumnType::Numeric:
        return formatDouble(m_values[row]);
    case ColumnType::Date:
        return formatIsoDate(m_values[row]);
    case ColumnType::Categorical:
        return m_levels[m_codes[row]];
    case ColumnType::Text:
        return std::string(text(row));
    }
    return {};
}

std::vector<std::uint32_t> Column::sortLevels(std::vector<std::string>& levels) {
    const bool numeric = std::all_of(levels.begin(), levels.end(),
                                     [](const std::string& l) { return parseDouble(l).ok(); });
    std::vector<double> value(levels.size(), 0.0);
    if (numeric)
        for (std::size_t i = 0; i < levels.size(); ++i)
            value[i] = parseDouble(levels[i]).value;
    std::vector<std::uint32_t> order(levels.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (numeric && value[a] != value[b])
            return value[a] < value[b];
        return levels[a] < levels[b];
    });
    std::vector<std::uint32_t> rank(levels.size());
    std::vector<std::string> sorted(levels.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) {
        rank[order[i]] = i;
        sorted[i] = std::move(levels[order[i]]);
    }
    levels = std::move(sorted);
    return rank;
}

bool Column::operator==(const Column& other) const {
    if (m_name != other.m_name || m_type != other.m_type || m_states != other.m_states)
        return false;
    switch (m_type) {
    case ColumnType::Numeric:
    case ColumnType::Date:
        return sameNumbers(m_values, other.m_values);
    case ColumnType::Categorical:
        return m_codes == other.m_codes && m_levels == other.m_levels;
    case ColumnType::Text:
        for (std::size_t r = 0; r < rowCount(); ++r)
            if (text(r) != other.text(r))
                return false;
        return true;
    }
    return false;
}

void Column::setState(std::size_t row, CellState state) {
    m_missing -= m_states[row] != CellState::Present;
    m_invalid -= m_states[row] == CellState::Invalid;
    m_states[row] = state;
    m_missing += state != CellState::Present;
    m_invalid += state == CellState::Invalid;
}

void Column::checkRows(const char* function, std::size_t row, std::size_t count) const {
    if (row > rowCount() || count > rowCount() - row)
        throw std::out_of_range(std::string("Column::") + function + ": rows " +
                                std::to_string(row) + " + " + std::to_string(count) +
                                " out of range (" + std::to_string(rowCount()) + " rows)");
}

void Column::normaliseLevels() {
    // The distinct used levels, by name (a merge may have repeated some).
    std::vector<std::uint32_t> newIndex(m_levels.size(), kNoLevel);
    std::unordered_map<std::string_view, std::uint32_t> byName;
    std::vector<std::string> kept;
    for (std::uint32_t& code : m_codes) {
        if (code == kNoLevel)
            continue;
        if (newIndex[code] == kNoLevel) {
            const auto [it, added] = byName.try_emplace(m_levels[code], std::uint32_t(kept.size()));
            if (added)
                kept.push_back(m_levels[code]);
            newIndex[code] = it->second;
        }
        code = newIndex[code];
    }
    const std::vector<std::uint32_t> rank = sortLevels(kept);
    for (std::uint32_t& code : m_codes)
        if (code != kNoLevel)
            code = rank[code];
    m_levels = std::move(kept);
}

void Column::setTextCell(std::size_t row, std::string_view text) {
    const std::size_t begin = m_offsets[row], end = m_offsets[row + 1];
    m_chars.replace(begin, end - begin, text);
    const std::size_t grown = text.size(), shrunk = end - begin;
    for (std::size_t r = row + 1; r < m_offsets.size(); ++r)
        m_offsets[r] = m_offsets[r] + grown - shrunk;
}

void Column::setCell(std::size_t row, std::string_view text,
                     const std::vector<std::string>& missingTokens) {
    checkRows("setCell", row, 1);
    const std::string_view t = csv::trimBlanks(text);
    const bool missing = isToken(t, missingTokens);
    switch (m_type) {
    case ColumnType::Numeric:
    case ColumnType::Date: {
        double value = std::numeric_limits<double>::quiet_NaN();
        if (!missing) {
            const bool numeric = m_type == ColumnType::Numeric;
            const std::optional<double> read =
                numeric ? toDouble(t) : std::optional<double>(parseIsoDate(t));
            if (!read)
                throw std::invalid_argument(quoted(t) + " is not a " +
                                            (numeric ? "number" : "date") + " (column " +
                                            quoted(m_name) + " is " + columnTypeName(m_type) + ")");
            value = *read;
        }
        m_values[row] = value;
        break;
    }
    case ColumnType::Categorical: {
        std::uint32_t code = kNoLevel;
        bool added = false;
        if (!missing) {
            code = levelIndex(t);
            if (code == kNoLevel) {
                code = std::uint32_t(m_levels.size());
                m_levels.emplace_back(t);
                added = true;
            }
        }
        const std::uint32_t old = m_codes[row];
        m_codes[row] = code;
        const bool dropped = old != kNoLevel && old != code &&
                             std::find(m_codes.begin(), m_codes.end(), old) == m_codes.end();
        if (added || dropped)
            normaliseLevels(); // O(rows): only when the levels change
        break;
    }
    case ColumnType::Text:
        setTextCell(row, missing ? std::string_view() : text);
        break;
    }
    setState(row, missing ? CellState::Missing : CellState::Present);
}

Column Column::convertedTo(ColumnType type, const std::vector<std::string>& missingTokens) const {
    if (type == m_type)
        return *this; // (a date re-read from its text would lose fractions of a second)
    // Every cell's text in one buffer, then views of it (no string per cell).
    const std::size_t n = rowCount();
    std::string chars;
    std::vector<std::size_t> offsets(n + 1, 0);
    for (std::size_t r = 0; r < n; ++r) {
        if (m_type == ColumnType::Text)
            chars.append(text(r));
        else if (!isMissing(r))
            chars.append(cellText(r));
        offsets[r + 1] = chars.size();
    }
    std::vector<std::string_view> cells(n);
    for (std::size_t r = 0; r < n; ++r)
        cells[r] = std::string_view(chars).substr(offsets[r], offsets[r + 1] - offsets[r]);
    Column c = TypedReader::readColumn(m_name, cells, type, missingTokens, m_states);
    if (m_invalid > 0) { // their text did not read before and is gone: still invalid
        std::vector<CellState> states = c.m_states;
        for (std::size_t r = 0; r < n; ++r)
            if (m_states[r] == CellState::Invalid)
                states[r] = CellState::Invalid;
        c.setStates(std::move(states));
    }
    return c;
}

void Column::insertRows(std::size_t row, std::size_t count) {
    checkRows("insertRows", row, 0);
    const auto at = [row](auto& v) { return v.begin() + std::ptrdiff_t(row); };
    m_states.insert(at(m_states), count, CellState::Missing);
    m_missing += count;
    if (isNumber())
        m_values.insert(at(m_values), count, std::numeric_limits<double>::quiet_NaN());
    else if (m_type == ColumnType::Categorical)
        m_codes.insert(at(m_codes), count, kNoLevel);
    else
        m_offsets.insert(at(m_offsets), count, m_offsets[row]);
}

void Column::removeRows(std::size_t row, std::size_t count) {
    checkRows("removeRows", row, count);
    if (count == 0)
        return;
    const auto range = [row, count](auto& v) {
        v.erase(v.begin() + std::ptrdiff_t(row), v.begin() + std::ptrdiff_t(row + count));
    };
    if (isNumber()) {
        range(m_values);
    } else if (m_type == ColumnType::Categorical) {
        range(m_codes);
        normaliseLevels();
    } else {
        const std::size_t begin = m_offsets[row], end = m_offsets[row + count];
        m_chars.erase(begin, end - begin);
        m_offsets.erase(m_offsets.begin() + std::ptrdiff_t(row + 1),
                        m_offsets.begin() + std::ptrdiff_t(row + count + 1));
        for (std::size_t r = row + 1; r < m_offsets.size(); ++r)
            m_offsets[r] -= end - begin;
    }
    range(m_states);
    setStates(std::move(m_states));
}

Column Column::rowsSlice(std::size_t row, std::size_t count) const {
    checkRows("rowsSlice", row, count);
    Column c = *this; // simple and O(rows): an undo copy of a row range
    c.removeRows(row + count, rowCount() - row - count);
    c.removeRows(0, row);
    return c;
}

void Column::insertRowsFrom(std::size_t row, const Column& rows) {
    checkRows("insertRowsFrom", row, 0);
    if (rows.m_type != m_type)
        throw std::invalid_argument("Column::insertRowsFrom: rows of a " +
                                    std::string(columnTypeName(rows.m_type)) + " column into " +
                                    quoted(m_name) + ", a " + columnTypeName(m_type) + " column");
    const auto at = [row](auto& v) { return v.begin() + std::ptrdiff_t(row); };
    std::vector<CellState> states = m_states;
    states.insert(at(states), rows.m_states.begin(), rows.m_states.end());
    if (isNumber()) {
        m_values.insert(at(m_values), rows.m_values.begin(), rows.m_values.end());
    } else if (m_type == ColumnType::Categorical) {
        // Their codes after this column's levels; normaliseLevels merges repeated names.
        const std::uint32_t base = std::uint32_t(m_levels.size());
        m_levels.insert(m_levels.end(), rows.m_levels.begin(), rows.m_levels.end());
        std::vector<std::uint32_t> codes = rows.m_codes;
        for (std::uint32_t& code : codes)
            if (code != kNoLevel)
                code += base;
        m_codes.insert(at(m_codes), codes.begin(), codes.end());
        normaliseLevels();
    } else {
        const std::size_t begin = m_offsets[row];
        std::string inserted;
        std::vector<std::size_t> offsets;
        for (std::size_t r = 0; r < rows.rowCount(); ++r) {
            inserted.append(rows.text(r));
            offsets.push_back(begin + inserted.size());
        }
        m_chars.insert(begin, inserted);
        for (std::size_t r = row + 1; r < m_offsets.size(); ++r)
            m_offsets[r] += inserted.size();
        m_offsets.insert(m_offsets.begin() + std::ptrdiff_t(row + 1), offsets.begin(),
                         offsets.end());
    }
    setStates(std::move(states));
}

} // namespace linlab
