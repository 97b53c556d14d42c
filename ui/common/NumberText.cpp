#include "ui/common/NumberText.h"

#include "model/io/NumberFormat.h"
#include "ui/common/DisplayDigits.h"

#include <QLocale>

#include <cmath>

namespace NumberText {

QString dash() {
    return QStringLiteral("\u2014");
}

QString exact(double value) {
    if (!std::isfinite(value))
        return dash();
    return QString::fromStdString(linlab::formatDouble(value));
}

QString brief(double value, int significant) {
    if (!std::isfinite(value))
        return dash();
    if (value == 0.0)
        return QStringLiteral("0");
    return QString::number(value, 'g', significant);
}

QString shown(double value) {
    const int digits = DisplayDigits::digits();
    return digits == 0 ? exact(value) : brief(value, digits);
}

QString count(qint64 n) {
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(n);
}

} // namespace NumberText
