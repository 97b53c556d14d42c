#include "ui/common/PreciseSpinBox.h"

#include "model/io/NumberFormat.h"

namespace {

// Qt keeps at most DBL_MAX_10_EXP + DBL_DIG decimals; QDoubleSpinBox rounds every value it is
// given to its decimals, so asking for all of them makes that rounding a no-op.
constexpr int kAllDecimals = 323;

// True when `text` could still become a number by typing more: "-", "1.", "1e", "1e-", ".".
bool isNumberPrefix(const QString& text) {
    bool digits = false, dot = false, exponent = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isDigit() && c.unicode() < 128) {
            digits = digits || !exponent;
        } else if (c == QLatin1Char('+') || c == QLatin1Char('-')) {
            const bool afterExponent =
                i > 0 && (text.at(i - 1) == QLatin1Char('e') || text.at(i - 1) == QLatin1Char('E'));
            if (i != 0 && !afterExponent)
                return false;
        } else if (c == QLatin1Char('.')) {
            if (dot || exponent)
                return false;
            dot = true;
        } else if (c == QLatin1Char('e') || c == QLatin1Char('E')) {
            if (exponent || !digits)
                return false;
            exponent = true;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace

PreciseSpinBox::PreciseSpinBox(QWidget* parent)
    : QDoubleSpinBox(parent) {
    setDecimals(kAllDecimals);
    setRange(-1e300, 1e300);
    setSingleStep(1.0);
    // The text is the whole number; Qt's group separators and locale digits would not parse back.
    setGroupSeparatorShown(false);
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
}

QString PreciseSpinBox::textFromValue(double value) const {
    // -0 and 0 are the same number to a user; "-0" only looks like a typo.
    if (value == 0.0)
        value = 0.0;
    return QString::fromStdString(linlab::formatDouble(value));
}

double PreciseSpinBox::valueFromText(const QString& text) const {
    const linlab::ParseResult r = linlab::parseDouble(text.trimmed().toStdString());
    return r.ok() ? r.value : value();
}

QValidator::State PreciseSpinBox::validate(QString& input, int& pos) const {
    Q_UNUSED(pos);
    const QString text = input.trimmed();
    if (text.isEmpty())
        return QValidator::Intermediate;
    const linlab::ParseResult r = linlab::parseDouble(text.toStdString());
    if (r.ok())
        return (r.value >= minimum() && r.value <= maximum()) ? QValidator::Acceptable
                                                              : QValidator::Intermediate;
    if (r.status == linlab::ParseStatus::OutOfRange)
        return QValidator::Intermediate;
    return isNumberPrefix(text) ? QValidator::Intermediate : QValidator::Invalid;
}

void PreciseSpinBox::fixup(QString& input) const {
    Q_UNUSED(input);
}
