#include "model/training/Rounding.h"

#include <QTest>

#include <cmath>

using namespace linlab;

class tst_Rounding : public QObject {
    Q_OBJECT
private slots:
    void roundDownToSignificantDigits();
    void shortestDecimalWithinTolerance();
};

void tst_Rounding::roundDownToSignificantDigits() {
    QCOMPARE(roundDownSignificant(0.0373134, 3), 0.0373);
    QCOMPARE(roundDownSignificant(0.0373, 3), 0.0373); // already short: unchanged, never below
    QCOMPARE(roundDownSignificant(12345.0, 2), 12000.0);
    QCOMPARE(roundDownSignificant(0.0999999, 2), 0.099); // down, never up to 0.1
    QCOMPARE(roundDownSignificant(-2.5, 2), -2.5);       // not positive: as given
}

void tst_Rounding::shortestDecimalWithinTolerance() {
    QCOMPARE(shortestDecimal(4.2517361, 0.01), 4.25);
    QCOMPARE(shortestDecimal(4.2517361, 0.5), 4.0);
    QCOMPARE(shortestDecimal(4.2517361, 0.0), 4.2517361); // no tolerance: the value itself
    QVERIFY(std::isnan(shortestDecimal(std::nan(""), 0.1)));
}

QTEST_MAIN(tst_Rounding)
#include "tst_Rounding.moc"
