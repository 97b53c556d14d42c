#include "ui/common/DisplayDigits.h"

#include <QSettings>

#include <algorithm>

namespace {
int g_digits = DisplayDigits::kDefault;
const char* kKey = "display/significantDigits";
} // namespace

int DisplayDigits::digits() {
    return g_digits;
}

void DisplayDigits::setDigits(int digits) {
    digits = std::clamp(digits, 0, 17);
    if (digits == g_digits)
        return;
    g_digits = digits;
    QSettings().setValue(QLatin1String(kKey), digits);
    emit instance()->changed();
}

void DisplayDigits::restore() {
    g_digits = std::clamp(QSettings().value(QLatin1String(kKey), kDefault).toInt(), 0, 17);
}

DisplayDigits* DisplayDigits::instance() {
    static DisplayDigits* object = new DisplayDigits; // lives as long as the program
    return object;
}
