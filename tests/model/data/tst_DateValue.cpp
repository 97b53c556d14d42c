#include "model/data/DateValue.h"

#include <QTest>

#include <cmath>

using namespace linlab;

class tst_DateValue : public QObject {
    Q_OBJECT
private slots:
    void civilDays();
    void parsesIsoDates();
    void rejectsOthers();
    void formatsBack();
};

void tst_DateValue::civilDays() {
    QCOMPARE(daysFromCivil(1970, 1, 1), std::int64_t(0));
    QCOMPARE(daysFromCivil(1969, 12, 31), std::int64_t(-1));
    QCOMPARE(daysFromCivil(2000, 3, 1), std::int64_t(11017));
    QCOMPARE(daysFromCivil(1600, 1, 1), std::int64_t(-135140)); // numpy 1.24: datetime64 days
}

void tst_DateValue::parsesIsoDates() {
    // pandas 1.5.3: (pd.to_datetime(s, utc=True) - pd.Timestamp("1970-01-01", tz="UTC"))
    // / pd.Timedelta(days=1).
    QCOMPARE(parseIsoDate("2020-03-01"), std::optional<double>(18322));
    QCOMPARE(parseIsoDate(" 2024/02/29 "), std::optional<double>(19782));
    QCOMPARE(parseIsoDate("2000-02-29 12:00"), std::optional<double>(11016.5));
    QCOMPARE(parseIsoDate("2000-02-29T12:00:00"), std::optional<double>(11016.5));
    const double early = *parseIsoDate("1900-01-01T06:30:15");
    QVERIFY(std::abs(early - -25566.728993055556) < 1e-9);
    const double zoned = *parseIsoDate("2026-12-01T10:00:00Z");
    QVERIFY(std::abs(zoned - 20788.416666666668) < 1e-9);
    // An offset is turned into UTC: 12:00+02:00 is 10:00Z.
    QCOMPARE(parseIsoDate("2026-12-01T12:00:00+02:00"), parseIsoDate("2026-12-01T10:00:00Z"));
    QCOMPARE(parseIsoDate("2026-12-01T10:00:00.5").value(),
             parseIsoDate("2026-12-01T10:00:00").value() + 0.5 / 86400);
}

void tst_DateValue::rejectsOthers() {
    for (const char* text :
         {"", "2021-02-29", "1900-02-29", "2020-13-01", "2020-00-10", "2020-04-31", "2020-01/01",
          "2020-1-5", "20200101", "2020-01-01x", "2020-01-01T", "2020-01-01 24:00",
          "2020-01-01 12:60", "2020-01-01 12:00:", "2020-01-01 12:00:00.", "2020-01-01 12:00+2",
          "01/02/2020", "2020", "-2020-01-01"})
        QVERIFY2(!parseIsoDate(text), text);
}

void tst_DateValue::formatsBack() {
    QCOMPARE(formatIsoDate(0), std::string("1970-01-01"));
    QCOMPARE(formatIsoDate(-1), std::string("1969-12-31"));
    QCOMPARE(formatIsoDate(19782), std::string("2024-02-29"));
    QCOMPARE(formatIsoDate(11016.5), std::string("2000-02-29 12:00:00"));
    QCOMPARE(formatIsoDate(-25566.728993055556), std::string("1900-01-01 06:30:15"));
    QCOMPARE(formatIsoDate(0.9999999999), std::string("1970-01-02")); // rounds to midnight
    QCOMPARE(formatIsoDate(NAN), std::string("nan"));
    // Every 997th day of the years 0000 to 9999 (four-digit years) reads back.
    const auto first = daysFromCivil(0, 1, 1), last = daysFromCivil(9999, 12, 31);
    QCOMPARE(formatIsoDate(double(first)), std::string("0000-01-01"));
    QCOMPARE(formatIsoDate(double(last)), std::string("9999-12-31"));
    for (auto days = first; days <= last; days += 997)
        QCOMPARE(parseIsoDate(formatIsoDate(double(days))), std::optional<double>(double(days)));
}

QTEST_APPLESS_MAIN(tst_DateValue)
#include "tst_DateValue.moc"
