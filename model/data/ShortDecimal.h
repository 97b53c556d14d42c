#pragma once
// The usual number in a CSV cell, "-12.5" (at most 15 digits, a '.' decimal, no exponent), read
// to the bit as std::from_chars reads it: the digits as an integer and one division by a power
// of ten, both exact doubles, so the one rounding is the correct one (Clinger's fast path).
// Plain C++17, no Qt.

#include <cstddef>
#include <cstdint>

namespace linlab {

/// Reads "-12.5" and the like from `p` up to the first other character (or `end`), moving `p`
/// there; false (p unspecified) when that text holds no digit or more than 15.
inline bool readShortDecimal(const char*& p, const char* end, double& value) {
    static constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const bool negative = p != end && *p == '-';
    p += negative;
    // The digits before the point, then those after it (more than 15 wrap, but are refused).
    std::uint64_t digits = 0;
    const char* const whole = p;
    while (p != end && static_cast<unsigned>(*p - '0') < 10)
        digits = 10 * digits + static_cast<std::uint64_t>(*p++ - '0');
    std::ptrdiff_t count = p - whole, scale = 0;
    if (p != end && *p == '.') {
        const char* const fraction = ++p;
        while (p != end && static_cast<unsigned>(*p - '0') < 10)
            digits = 10 * digits + static_cast<std::uint64_t>(*p++ - '0');
        scale = p - fraction;
        count += scale;
    }
    if (count == 0 || count > 15)
        return false;
    const double magnitude = static_cast<double>(digits) / kPow10[scale];
    value = negative ? -magnitude : magnitude;
    return true;
}

} // namespace linlab
