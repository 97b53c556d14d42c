#pragma once
// The range a parameter's slider spans: chosen from the data and the least-squares fit so that
// its ends read as round numbers and the fit sits near the middle, and the mapping between slider
// positions and values. The model panel only shows what these return. Plain C++17 + Armadillo.

#include "model/fit/SufficientStatistics.h"

#include <armadillo>

namespace linlab {

/// The two ends of a slider (lo < hi for every range these functions return).
struct SliderRange {
    double lo = -1.0;
    double hi = 1.0;
};

/// The smallest "nice" number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten) >= x; 1 when
/// x is not positive and finite.
double niceCeil(double x);

/// [centre - half, centre + half] widened to whole ticks of about half / 10 (1, 2 or 5 times a
/// power of ten), so the ends read as round numbers ("-13 to 17"); half > 0.
SliderRange roundedRange(double centre, double half);

/// How far parameter k (k == featureCount: the bias) must move to shift the predictions by one
/// spread of the label: sd(y) / sd(x_k), or sd(y) for the bias. NaN without rows, for k past the
/// bias, or when the statistics hold no Gram matrix to read sd(x_k) from.
double labelShiftScale(const SufficientStatistics& stats, arma::uword k);

/// The automatic range of a parameter: centred on `best` (the least-squares value; on `current`
/// when best is not finite, on 0 when neither is), reaching at least 1, 2|best| (or |current|
/// without a best), 3|current - centre| and `scale` from the centre, rounded; it always holds a
/// finite `current`.
SliderRange automaticRange(double best, double current, double scale);

/// A user's range grown just enough to show `value`, with a tenth of its width of room past it;
/// unchanged when the value is inside or not finite.
SliderRange rangeIncluding(const SliderRange& range, double value);

/// The value slider position `position` (clamped to 0..steps) stands for: the shortest decimal
/// within a thousandth of a step of the linear position, so ticks read "4.02", not "4.0199999".
double sliderValue(const SliderRange& range, int position, int steps);

/// The slider position (0..steps) closest to `value`; 0 when it or the range is not finite.
int sliderPosition(const SliderRange& range, double value, int steps);

} // namespace linlab
