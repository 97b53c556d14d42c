#include "model/io/NumberFormat.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace linlab {

std::string formatDouble(double value) {
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

namespace {
bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool looksNonFinite(std::string_view t) {
    // from_chars accepts "inf", "infinity" and "nan(...)"; those are never data here.
    std::string lower;
    for (char c : t.substr(0, 3))
        lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower == "nan" || lower == "inf";
}
} // namespace

ParseResult parseDouble(std::string_view text, char decimal) {
    while (!text.empty() && isBlank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isBlank(text.back()))
        text.remove_suffix(1);
    if (text.empty())
        return {ParseStatus::Empty, 0.0};

    std::string_view body = text;
    if (body.front() == '+') {
        body.remove_prefix(1);
        if (!body.empty() && body.front() == '-')
            return {ParseStatus::NotANumber, 0.0};
    }
    if (body.empty() || body.front() == '+')
        return {ParseStatus::NotANumber, 0.0};
    {
        std::string_view unsignedPart = body.front() == '-' ? body.substr(1) : body;
        if (looksNonFinite(unsignedPart))
            return {ParseStatus::NonFinite, 0.0};
    }

    std::string converted;
    if (decimal != '.') {
        // A '.' in a decimal-comma number is not accepted (no thousands separators either).
        if (body.find('.') != std::string_view::npos)
            return {ParseStatus::Partial, 0.0};
        converted.assign(body);
        for (char& c : converted)
            if (c == decimal)
                c = '.';
        body = converted;
    }

    double value = 0.0;
    const char* first = body.data();
    const char* last = body.data() + body.size();
    const auto result = std::from_chars(first, last, value, std::chars_format::general);
    if (result.ec == std::errc::invalid_argument)
        return {ParseStatus::NotANumber, 0.0};
    if (result.ec == std::errc::result_out_of_range)
        return {ParseStatus::OutOfRange, 0.0};
    if (result.ptr != last)
        return {ParseStatus::Partial, 0.0};
    if (!std::isfinite(value))
        return {ParseStatus::NonFinite, 0.0};
    return {ParseStatus::Ok, value};
}

const char* parseStatusText(ParseStatus status) {
    switch (status) {
    case ParseStatus::Ok:
        return "a number";
    case ParseStatus::Empty:
        return "an empty value";
    case ParseStatus::NotANumber:
        return "not a number";
    case ParseStatus::Partial:
        return "a number followed by other text";
    case ParseStatus::NonFinite:
        return "NaN or infinity, which is not allowed";
    case ParseStatus::OutOfRange:
        return "a number out of the range of a double";
    }
    return "not a number";
}

std::optional<double> toDouble(std::string_view text, char decimal) {
    const ParseResult r = parseDouble(text, decimal);
    if (!r.ok())
        return std::nullopt;
    return r.value;
}

} // namespace linlab
