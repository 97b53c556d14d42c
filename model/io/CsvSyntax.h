#pragma once
// The character classes and message wording shared by the CSV reader's parts (the RFC 4180
// scanner, the dialect detection, the fast path), so that every way of reading sees the same
// blanks and says the same thing. Plain C++17, no Qt.

#include "model/io/NumberFormat.h"

#include <cstddef>
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

} // namespace linlab::csv
