#pragma once
// Number text conversion for LinLab: shortest round-trip output, strict whole-string input.
// Plain C++17, no Qt.

#include <optional>
#include <string>
#include <string_view>

namespace linlab {

/// Shortest text that reads back to exactly `value` (std::to_chars); "nan"/"inf"/"-inf" for
/// non-finite.
std::string formatDouble(double value);

/// Why a text is not a usable number; `Ok` when it is.
enum class ParseStatus { Ok, Empty, NotANumber, Partial, NonFinite, OutOfRange };

/// The outcome of parseDouble: a value when status is Ok.
struct ParseResult {
    ParseStatus status = ParseStatus::Empty;
    double value = 0.0;
    bool ok() const { return status == ParseStatus::Ok; }
};

/// Parses the whole text as one finite double (std::from_chars). Surrounding blanks and a leading
/// '+' are accepted; `decimal` is the decimal separator ('.' or ','). Partial parses ("1.5abc"),
/// NaN, Inf and out-of-range values are rejected with the reason.
ParseResult parseDouble(std::string_view text, char decimal = '.');

/// A short human reason for a failed parse, e.g. "not a number".
const char* parseStatusText(ParseStatus status);

/// Convenience: the value, or nullopt when parseDouble fails.
std::optional<double> toDouble(std::string_view text, char decimal = '.');

} // namespace linlab
