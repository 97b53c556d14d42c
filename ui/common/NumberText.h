#pragma once
// How numbers appear in widgets: exact (shortest round-trip) or brief, "—" when not finite.

#include <QString>

namespace NumberText {

/// Shortest text that reads back to exactly `value`; "—" for NaN or infinity.
QString exact(double value);
/// At most `significant` significant digits (for compact read-outs); "—" for NaN or infinity.
QString brief(double value, int significant);
/// As the display setting says (DisplayDigits: 6 significant digits by default, or every digit):
/// what a person reads in the panels. Tooltips, copies and exports take exact().
QString shown(double value);
/// shown(), for the old brief(value) calls.
inline QString brief(double value) {
    return shown(value);
}
/// A count with thousands separators, as "5,000", whatever the system's locale.
QString count(qint64 n);
/// The dash shown where a number is undefined.
QString dash();

} // namespace NumberText
