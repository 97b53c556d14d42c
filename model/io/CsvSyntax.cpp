#include "model/io/CsvSyntax.h"

namespace linlab::csv {

namespace {

constexpr std::size_t kMaxShownChars = 40; // longer found text is shortened in messages

std::string fieldCount(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " field" : " fields");
}

} // namespace

std::string_view trimBlanks(std::string_view s) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string shownText(std::string_view text) {
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

std::string numberMessage(std::string_view text, ParseStatus status) {
    return "expected a number, found \"" + shownText(text) + "\" (" + parseStatusText(status) + ")";
}

std::string fieldCountMessage(std::size_t expected, std::size_t found) {
    return "expected " + fieldCount(expected) + ", found " + std::to_string(found);
}

} // namespace linlab::csv
