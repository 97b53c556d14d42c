#include "model/data/TypedTable.h"

#include <algorithm>
#include <stdexcept>

namespace linlab {

TypedTable::TypedTable(std::vector<Column> columns, std::vector<InvalidCell> invalid)
    : m_columns(std::move(columns))
    , m_invalid(std::move(invalid)) {
    m_rows = m_columns.empty() ? 0 : m_columns.front().rowCount();
    for (const Column& c : m_columns)
        if (c.rowCount() != m_rows)
            throw std::invalid_argument("TypedTable: column \"" + c.name() + "\" has " +
                                        std::to_string(c.rowCount()) + " rows, not " +
                                        std::to_string(m_rows));
    std::stable_sort(m_invalid.begin(), m_invalid.end(),
                     [](const InvalidCell& a, const InvalidCell& b) {
                         return a.row != b.row ? a.row < b.row : a.column < b.column;
                     });
    if (m_invalid.size() > kMaxListedInvalid)
        m_invalid.resize(kMaxListedInvalid);
}

std::size_t TypedTable::indexOf(const std::string& name) const {
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].name() == name)
            return i;
    return m_columns.size();
}

std::vector<std::string> TypedTable::names() const {
    std::vector<std::string> names;
    names.reserve(m_columns.size());
    for (const Column& c : m_columns)
        names.push_back(c.name());
    return names;
}

std::size_t TypedTable::invalidCount() const {
    std::size_t n = 0;
    for (const Column& c : m_columns)
        n += c.invalidCount();
    return n;
}

} // namespace linlab
