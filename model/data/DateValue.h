#pragma once
// ISO 8601 dates as numbers: days since 1970-01-01 (a time of day is the fraction of a day).
// Plain C++17, no Qt.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linlab {

/// Days from 1970-01-01 to the proleptic Gregorian date year-month-day (negative before 1970).
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day);

/// Parses a whole cell as an ISO 8601 date: YYYY-MM-DD or YYYY/MM/DD, optionally followed by 'T'
/// or ' ' and HH:MM[:SS[.fraction]] with an optional 'Z' or +HH:MM / -HH:MM offset (converted to
/// UTC). Blanks around are ignored. Returns days since 1970-01-01, or nullopt.
std::optional<double> parseIsoDate(std::string_view text);

/// The date `days` (since 1970-01-01) as YYYY-MM-DD, with " HH:MM:SS" when it has a time of day.
std::string formatIsoDate(double days);

} // namespace linlab
