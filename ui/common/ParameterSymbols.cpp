#include "ui/common/ParameterSymbols.h"

namespace ParameterSymbols {

QString subscript(int number) {
    QString digits = QString::number(number);
    for (QChar& c : digits)
        if (c.isDigit())
            c = QChar(char16_t(0x2080 + (c.unicode() - u'0')));
    return digits;
}

QString weightSymbol(int k) {
    return QStringLiteral("w") + subscript(k + 1);
}

QString parameterSymbol(int k, int featureCount) {
    return k < featureCount ? weightSymbol(k) : QStringLiteral("b");
}

QString plainParameterSymbol(int k, int featureCount) {
    return k < featureCount ? QStringLiteral("w%1").arg(k + 1) : QStringLiteral("b");
}

} // namespace ParameterSymbols
