#include "model/io/CsvScanner.h"

#include "model/io/CsvError.h"
#include "model/io/CsvSyntax.h"

namespace linlab {

using csv::isBlankLineChar;
using csv::isSpaceOrTab;

bool CsvScanner::next(std::vector<CsvField>& fields) {
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

// Skips fully blank lines; false when only blanks remain.
bool CsvScanner::skipBlankLines() {
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
bool CsvScanner::readField(std::vector<CsvField>& fields) {
    const std::size_t size = m_text.size();
    CsvField field;
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

// Reads quoted content starting just after the opening quote; returns the offset just past the
// closing quote.
std::size_t CsvScanner::readQuoted(std::size_t start, std::size_t fieldIndex, CsvField& field) {
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

} // namespace linlab
