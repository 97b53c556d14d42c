#include "model/data/Column.h"

#include "model/data/DateValue.h"
#include "model/io/NumberFormat.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace linlab {

namespace {

void checkSize(const std::string& name, std::size_t cells, std::size_t states) {
    if (cells != states)
        throw std::invalid_argument("Column \"" + name + "\": " + std::to_string(cells) +
                                    " cells but " + std::to_string(states) + " states");
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

} // namespace linlab
