#pragma once
// The character classes and message wording shared by the CSV reader's parts (the RFC 4180
// scanner, the dialect detection, the fast path), so that every way of reading sees the same
// blanks and says the same thing. Plain C++17, no Qt.

#include "model/io/NumberFormat.h"

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

namespace linlab::csv {

/// A blank inside a line: a space, or a tab unless tabs delimit the fields.
inline bool isSpaceOrTab(char c, char delimiter) {
    return c == ' ' || (c == '\t' && delimiter != '\t');
}

/// A character a fully blank line may hold (besides its '\n').
inline bool isBlankLineChar(char c, char delimiter) {
    return c == '\r' || isSpaceOrTab(c, delimiter);
}

/// A character that can start an unquoted number (and so never a blank line).
inline bool isNumberStart(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/// `s` without the spaces, tabs, CRs and LFs around it.
std::string_view trimBlanks(std::string_view s);

/// Found text for a message: one line (control characters escaped), at most 40 characters.
std::string shownText(std::string_view text);

/// "expected a number, found "TEXT" (REASON)".
std::string numberMessage(std::string_view text, ParseStatus status);

/// "expected N fields, found M".
std::string fieldCountMessage(std::size_t expected, std::size_t found);

/// The records of text without quotes in [begin, end), the first on physical line `line`, as the
/// RFC 4180 scanner reads them: one per line that is not blank, split at every delimiter, a CR
/// before the LF dropped. onCell(c, cell) for every field c < columns, then onRow(line, fields,
/// lineEnd), which returns false to stop. Returns the line after the last one read. Two memchr
/// scans a line instead of a state machine per character.
template <class OnCell, class OnRow>
std::size_t splitUnquotedLines(const char* begin, const char* end, char delimiter,
                               std::size_t columns, std::size_t line, OnCell&& onCell,
                               OnRow&& onRow) {
    for (const char* p = begin; p < end; ++line) {
        const char* eol = static_cast<const char*>(std::memchr(p, '\n', std::size_t(end - p)));
        const bool lf = eol != nullptr;
        if (!lf)
            eol = end;
        const char* q = p;
        while (q < eol && isBlankLineChar(*q, delimiter))
            ++q;
        if (q != eol) {
            std::size_t c = 0;
            for (const char* f = p;; ++c) {
                const char* d =
                    static_cast<const char*>(std::memchr(f, delimiter, std::size_t(eol - f)));
                std::string_view cell(f, std::size_t((d ? d : eol) - f));
                if (!d && lf && !cell.empty() && cell.back() == '\r')
                    cell.remove_suffix(1); // CRLF
                if (c < columns)
                    onCell(c, cell);
                if (!d)
                    break;
                f = d + 1;
            }
            if (!onRow(line, c + 1, eol))
                return line + 1;
        }
        p = lf ? eol + 1 : end;
    }
    return line;
}

} // namespace linlab::csv
