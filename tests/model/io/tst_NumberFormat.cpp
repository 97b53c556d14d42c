#include "model/io/NumberFormat.h"

#include <QTest>

#include <cstring>
#include <limits>
#include <random>

using namespace linlab;
Q_DECLARE_METATYPE(linlab::ParseStatus)

class tst_NumberFormat : public QObject {
    Q_OBJECT
private slots:
    void shortestForm_data();
    void shortestForm();
    void roundTripIsBitExact();
    void parse_data();
    void parse();
};

void tst_NumberFormat::shortestForm_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("integer") << 51.0 << QStringLiteral("51");
    QTest::newRow("0.1+0.2") << (0.1 + 0.2) << QStringLiteral("0.30000000000000004");
    QTest::newRow("5.5*1.4") << 7.700000000000001 << QStringLiteral("7.700000000000001");
    QTest::newRow("negative") << -147.5 << QStringLiteral("-147.5");
    QTest::newRow("tiny") << 1e-300 << QStringLiteral("1e-300");
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << QStringLiteral("nan");
}

void tst_NumberFormat::shortestForm() {
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatDouble(value)), text);
}

void tst_NumberFormat::roundTripIsBitExact() {
    std::mt19937_64 rng(42);
    for (int i = 0; i < 20000; ++i) {
        std::uint64_t bits = rng();
        double v;
        std::memcpy(&v, &bits, sizeof v);
        if (!std::isfinite(v))
            continue;
        const ParseResult r = parseDouble(formatDouble(v));
        QVERIFY2(r.ok(), formatDouble(v).c_str());
        QVERIFY(std::memcmp(&r.value, &v, sizeof v) == 0);
    }
}

void tst_NumberFormat::parse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<char>("decimal");
    QTest::addColumn<ParseStatus>("status");
    QTest::addColumn<double>("value");
    QTest::newRow("plain") << QStringLiteral("1.5") << '.' << ParseStatus::Ok << 1.5;
    QTest::newRow("blanks") << QStringLiteral("  -2e3 ") << '.' << ParseStatus::Ok << -2000.0;
    QTest::newRow("plus") << QStringLiteral("+4") << '.' << ParseStatus::Ok << 4.0;
    QTest::newRow("comma") << QStringLiteral("3,25") << ',' << ParseStatus::Ok << 3.25;
    QTest::newRow("dot in comma mode")
        << QStringLiteral("3.25") << ',' << ParseStatus::Partial << 0.0;
    QTest::newRow("empty") << QStringLiteral("  ") << '.' << ParseStatus::Empty << 0.0;
    QTest::newRow("word") << QStringLiteral("abc") << '.' << ParseStatus::NotANumber << 0.0;
    QTest::newRow("partial") << QStringLiteral("1.5abc") << '.' << ParseStatus::Partial << 0.0;
    QTest::newRow("two numbers") << QStringLiteral("1 2") << '.' << ParseStatus::Partial << 0.0;
    QTest::newRow("nan") << QStringLiteral("NaN") << '.' << ParseStatus::NonFinite << 0.0;
    QTest::newRow("inf") << QStringLiteral("-inf") << '.' << ParseStatus::NonFinite << 0.0;
    QTest::newRow("infinity") << QStringLiteral("Infinity") << '.' << ParseStatus::NonFinite << 0.0;
    QTest::newRow("overflow") << QStringLiteral("1e999") << '.' << ParseStatus::OutOfRange << 0.0;
    QTest::newRow("double sign") << QStringLiteral("+-1") << '.' << ParseStatus::NotANumber << 0.0;
    QTest::newRow("hex") << QStringLiteral("0x10") << '.' << ParseStatus::Partial << 0.0;
}

void tst_NumberFormat::parse() {
    QFETCH(QString, text);
    QFETCH(char, decimal);
    QFETCH(ParseStatus, status);
    QFETCH(double, value);
    const ParseResult r = parseDouble(text.toStdString(), decimal);
    QCOMPARE(r.status, status);
    if (status == ParseStatus::Ok)
        QCOMPARE(r.value, value);
}

QTEST_APPLESS_MAIN(tst_NumberFormat)
#include "tst_NumberFormat.moc"
