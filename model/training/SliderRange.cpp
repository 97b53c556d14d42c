#include "model/training/SliderRange.h"

#include "model/training/Rounding.h"

#include <algorithm>
#include <cmath>

namespace linlab {

namespace {

// tick = mantissa * 10^exponent, as the largest 1, 2 or 5 times a power of ten <= x.
struct Tick {
    double mantissa;
    int exponent;
};

Tick niceFloorTick(double x) {
    const int exponent = int(std::floor(std::log10(x)));
    const double m = x / std::pow(10.0, exponent);
    return {m >= 5.0 ? 5.0 : (m >= 2.0 ? 2.0 : 1.0), exponent};
}

// k ticks, as the double nearest the decimal k * mantissa * 10^exponent (dividing by an exact
// power of ten is correctly rounded; multiplying by an inexact 0.1 would not be).
double ticks(double k, const Tick& tick) {
    const double units = k * tick.mantissa;
    return tick.exponent >= 0 ? units * std::pow(10.0, tick.exponent)
                              : units / std::pow(10.0, -tick.exponent);
}

} // namespace

double niceCeil(double x) {
    if (!(x > 0) || !std::isfinite(x))
        return 1.0;
    const double exponent = std::floor(std::log10(x));
    const double power = std::pow(10.0, exponent);
    for (double m : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        const double candidate = exponent < 0 ? m / std::pow(10.0, -exponent) : m * power;
        if (candidate >= x * (1 - 1e-12))
            return candidate;
    }
    return 10.0 * power;
}

SliderRange roundedRange(double centre, double half) {
    const Tick tick = niceFloorTick(half / 10);
    const double size = ticks(1, tick);
    return {ticks(std::floor((centre - half) / size), tick),
            ticks(std::ceil((centre + half) / size), tick)};
}

double labelShiftScale(const SufficientStatistics& stats, arma::uword k) {
    const arma::uword d = stats.featureCount();
    const double n = double(stats.sampleCount());
    if (!(n > 0) || k > d)
        return arma::datum::nan;
    const double labelSpread = std::sqrt(stats.centredLabelSquares() / n);
    if (k == d)
        return labelSpread;
    // The diagonal is all this reads: on wide data, without forming the d x d matrix.
    return labelSpread / std::sqrt(stats.centredSquares(k) / n);
}

SliderRange automaticRange(double best, double current, double scale) {
    const double centre = std::isfinite(best) ? best : (std::isfinite(current) ? current : 0.0);
    double half = 1.0;
    if (std::isfinite(best))
        half = std::max(half, 2.0 * std::abs(best));
    else if (std::isfinite(current))
        half = std::max(half, std::abs(current)); // no fit to centre on: room around the value
    if (std::isfinite(current))
        half = std::max(half, 3.0 * std::abs(current - centre));
    if (std::isfinite(scale) && scale > 0)
        half = std::max(half, scale);
    SliderRange range = roundedRange(centre, niceCeil(half));
    if (!(range.lo < range.hi) || !std::isfinite(range.hi - range.lo))
        range = SliderRange{};
    // Rounding cannot exclude it in exact arithmetic; in floating point, make sure.
    if (std::isfinite(current)) {
        range.lo = std::min(range.lo, current);
        range.hi = std::max(range.hi, current);
    }
    return range;
}

SliderRange rangeIncluding(const SliderRange& range, double value) {
    if (!std::isfinite(value) || (value >= range.lo && value <= range.hi))
        return range;
    const double margin = (range.hi - range.lo) * 0.1;
    if (value < range.lo)
        return {value - margin, range.hi};
    return {range.lo, value + margin};
}

double sliderValue(const SliderRange& range, int position, int steps) {
    position = std::clamp(position, 0, steps);
    const double step = (range.hi - range.lo) / steps;
    const double raw = position == steps ? range.hi : range.lo + step * position;
    // The shortest decimal that stays well inside this slider step: the slider cannot tell the
    // two apart, and the spin box and undo text then read like numbers a person would type.
    return shortestDecimal(raw, step * 1e-3);
}

int sliderPosition(const SliderRange& range, double value, int steps) {
    if (!std::isfinite(value))
        return 0;
    const double t = (value - range.lo) / (range.hi - range.lo) * steps;
    if (!std::isfinite(t))
        return 0;
    return int(std::lround(std::clamp(t, 0.0, double(steps))));
}

} // namespace linlab
