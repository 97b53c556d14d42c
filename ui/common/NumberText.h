#pragma once
// How numbers appear in widgets: exact (shortest round-trip) or brief, "—" when not finite.

#include <QString>

namespace NumberText {

/// Shortest text that reads back to exactly `value`; "—" for NaN or infinity.
QString exact(double value);
/// At most `significant` significant digits (for compact read-outs); "—" for NaN or infinity.
QString brief(double value, int significant = 6);
/// A count with thousands separators, as "5,000", whatever the system's locale.
QString count(qint64 n);
/// The dash shown where a number is undefined.
QString dash();

} // namespace NumberText
