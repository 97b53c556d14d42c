#include "model/data/DateValue.h"

#include "model/io/CsvSyntax.h"

#include <cmath>
#include <cstdio>

namespace linlab {

namespace {

bool isLeap(std::int64_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned daysInMonth(std::int64_t year, unsigned month) {
    static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : days[month - 1];
}

// Reads `count` digits at text[pos]; false when any is not a digit.
bool digits(std::string_view text, std::size_t pos, std::size_t count, unsigned& out) {
    if (pos + count > text.size())
        return false;
    out = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        out = out * 10 + unsigned(text[i] - '0');
    }
    return true;
}

// The time after the date ("HH:MM[:SS[.f]]" and an optional zone) as a fraction of a day.
std::optional<double> parseTime(std::string_view t) {
    unsigned hour = 0, minute = 0, second = 0;
    if (!digits(t, 0, 2, hour) || t.size() < 5 || t[2] != ':' || !digits(t, 3, 2, minute))
        return std::nullopt;
    std::size_t pos = 5;
    double fraction = 0;
    if (pos < t.size() && t[pos] == ':') {
        if (!digits(t, pos + 1, 2, second))
            return std::nullopt;
        pos += 3;
        if (pos < t.size() && t[pos] == '.') {
            double scale = 0.1;
            std::size_t start = ++pos;
            for (; pos < t.size() && t[pos] >= '0' && t[pos] <= '9'; ++pos, scale /= 10)
                fraction += (t[pos] - '0') * scale;
            if (pos == start)
                return std::nullopt;
        }
    }
    if (hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    int offsetMinutes = 0;
    if (pos < t.size() && t[pos] == 'Z') {
        ++pos;
    } else if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) {
        unsigned oh = 0, om = 0;
        if (!digits(t, pos + 1, 2, oh) || pos + 3 >= t.size() || t[pos + 3] != ':' ||
            !digits(t, pos + 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offsetMinutes = int(oh * 60 + om) * (t[pos] == '-' ? -1 : 1);
        pos += 6;
    }
    if (pos != t.size())
        return std::nullopt;
    const double seconds = hour * 3600.0 + minute * 60.0 + second + fraction - offsetMinutes * 60.0;
    return seconds / 86400.0;
}

} // namespace

std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day) {
    // Howard Hinnant's days_from_civil: eras of 400 years, March-based years.
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<double> parseIsoDate(std::string_view text) {
    text = csv::trimBlanks(text);
    unsigned year = 0, month = 0, day = 0;
    if (text.size() < 10 || !digits(text, 0, 4, year) || (text[4] != '-' && text[4] != '/') ||
        text[7] != text[4] || !digits(text, 5, 2, month) || !digits(text, 8, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return std::nullopt;
    const double days = double(daysFromCivil(year, month, day));
    if (text.size() == 10)
        return days;
    if (text[10] != 'T' && text[10] != ' ')
        return std::nullopt;
    const std::optional<double> time = parseTime(text.substr(11));
    if (!time)
        return std::nullopt;
    return days + *time;
}

std::string formatIsoDate(double days) {
    if (!std::isfinite(days) || std::fabs(days) > 1e9) // past year 2,700,000: not a date
        return "nan";
    const double whole = std::floor(days);
    // Hinnant's civil_from_days.
    const std::int64_t z = static_cast<std::int64_t>(whole) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2);
    const long long seconds = std::llround((days - whole) * 86400.0);
    if (seconds == 86400)
        return formatIsoDate(whole + 1); // rounds up to the next midnight
    char buffer[96];                     // room for any year the compiler can imagine
    if (seconds == 0)
        std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(year),
                      month, day);
    else
        std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u %02lld:%02lld:%02lld",
                      static_cast<long long>(year), month, day, seconds / 3600, seconds / 60 % 60,
                      seconds % 60);
    return buffer;
}

} // namespace linlab
