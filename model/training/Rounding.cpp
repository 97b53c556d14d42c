#include "model/training/Rounding.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace linlab {

double roundDownSignificant(double value, int digits) {
    if (!(value > 0) || !std::isfinite(value) || digits < 1)
        return value;
    const int exponent = int(std::floor(std::log10(value)));
    const int shift =
        digits - 1 - exponent; // value * 10^shift has `digits` digits before the point
    // Dividing by an exact power of ten rounds correctly; multiplying by 0.001 would not.
    if (shift >= 0 && shift <= 22) {
        const double p = std::pow(10.0, shift);
        double r = std::floor(value * p * (1 + 1e-15)) / p;
        if (r > value) // the nudge must never round up past the value
            r = std::floor(value * p) / p;
        return r > 0 ? r : value;
    }
    if (shift < 0 && shift >= -22) {
        const double p = std::pow(10.0, -shift);
        const double r = std::floor(value / p) * p;
        return r > 0 ? r : value;
    }
    return value;
}

double shortestDecimal(double value, double tolerance) {
    if (!std::isfinite(value) || !(tolerance > 0))
        return value;
    char buffer[40];
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
        const double candidate = std::strtod(buffer, nullptr);
        if (std::abs(candidate - value) <= tolerance)
            return candidate;
    }
    return value;
}

} // namespace linlab
