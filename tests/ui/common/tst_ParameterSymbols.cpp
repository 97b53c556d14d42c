// ParameterSymbols: the names the panels, the landscapes and the undo texts give parameters.

#include "ui/common/ParameterSymbols.h"

#include <QTest>

using namespace ParameterSymbols;

class tst_ParameterSymbols : public QObject {
    Q_OBJECT
private slots:
    void subscriptsEveryDigit();
    void weightsFromOneThenTheBias();
};

void tst_ParameterSymbols::subscriptsEveryDigit() {
    QCOMPARE(subscript(0), QStringLiteral("\u2080"));
    QCOMPARE(subscript(1234567890),
             QStringLiteral("\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089\u2080"));
}

void tst_ParameterSymbols::weightsFromOneThenTheBias() {
    QCOMPARE(weightSymbol(0), QStringLiteral("w\u2081"));
    QCOMPARE(weightSymbol(11), QStringLiteral("w\u2081\u2082"));
    QCOMPARE(parameterSymbol(1, 2), QStringLiteral("w\u2082"));
    QCOMPARE(parameterSymbol(2, 2), QStringLiteral("b"));
    QCOMPARE(parameterSymbol(0, 0), QStringLiteral("b")); // no features: the bias alone
    QCOMPARE(plainParameterSymbol(9, 5000), QStringLiteral("w10"));
    QCOMPARE(plainParameterSymbol(5000, 5000), QStringLiteral("b"));
}

QTEST_MAIN(tst_ParameterSymbols)
#include "tst_ParameterSymbols.moc"
