#pragma once
// Numbers a person would type: a rate rounded down to a few digits (so a suggestion under a bound
// stays under it), the shortest decimal for a dragged or slid value. Plain C++17.

namespace linlab {

/// `value` > 0 rounded down to `digits` significant digits (0.0373134 -> 0.0373), so a
/// suggestion under a bound stays under it and reads like a number a person would type.
double roundDownSignificant(double value, int digits);

/// The shortest decimal within `tolerance` of `value` (the value itself when none is shorter),
/// so a dragged point lands on "4.25", not "4.2517361".
double shortestDecimal(double value, double tolerance);

} // namespace linlab
