// Tests for the CSV dialect detection (model/io/CsvDialect): delimiter, decimal separator,
// header, and options that override them.

#include "tests/model/io/CsvTestData.h"

#include "model/io/CsvDialect.h"
#include "model/io/CsvError.h"

#include <QtTest>

#include <string>

using namespace linlab;
using namespace csvtest;

class tst_CsvDialect : public QObject {
    Q_OBJECT

private slots:
    void semicolonDecimalComma();
    void semicolonDecimalCommaFirstRowOnly();
    void semicolonWithDecimalPoint();
    void tabDelimited();
    void explicitOptionsOverrideDetection();
};

void tst_CsvDialect::semicolonDecimalComma() {
    const CsvTable t = read("x;y\n1,5;2\n-3,25;4e2\n+0,125;7\n");
    QCOMPARE(t.delimiter, ';');
    QCOMPARE(t.decimal, ',');
    QVERIFY(t.hadHeader);
    QVERIFY(bitExact(t.data, arma::mat{{1.5, 2}, {-3.25, 400}, {0.125, 7}}));
}

void tst_CsvDialect::semicolonDecimalCommaFirstRowOnly() {
    // No header; only the first row shows the decimal comma.
    const CsvTable t = read("1,5;2\n3;4\n");
    QCOMPARE(t.delimiter, ';');
    QCOMPARE(t.decimal, ',');
    QVERIFY(!t.hadHeader);
    QVERIFY(bitExact(t.data, arma::mat{{1.5, 2}, {3, 4}}));
}

void tst_CsvDialect::semicolonWithDecimalPoint() {
    const CsvTable t = read("a;b\n1.5;2\n3;4.25\n");
    QCOMPARE(t.delimiter, ';');
    QCOMPARE(t.decimal, '.');
    QVERIFY(bitExact(t.data, arma::mat{{1.5, 2}, {3, 4.25}}));
}

void tst_CsvDialect::tabDelimited() {
    const CsvTable t = read("x one\tx two\ty\n1.5\t2\t3\n4\t5\t6\n");
    QCOMPARE(t.delimiter, '\t');
    QCOMPARE(t.decimal, '.');
    QCOMPARE(joined(t.names), QStringLiteral("x one|x two|y"));
    QVERIFY(bitExact(t.data, arma::mat{{1.5, 2, 3}, {4, 5, 6}}));

    const CsvTable comma = read("a\tb\n1,5\t2\n");
    QCOMPARE(comma.delimiter, '\t');
    QCOMPARE(comma.decimal, ',');
    QVERIFY(bitExact(comma.data, arma::mat{{1.5, 2}}));
}

void tst_CsvDialect::explicitOptionsOverrideDetection() {
    using H = CsvReadOptions::Header;

    // Header::Yes takes a numeric first record as names.
    const CsvTable yes = read("1,2\n3,4\n", options(0, 0, H::Yes));
    QVERIFY(yes.hadHeader);
    QCOMPARE(joined(yes.names), QStringLiteral("1|2"));
    QVERIFY(bitExact(yes.data, arma::mat{{3, 4}}));

    // Header::No makes a text first record a data error.
    try {
        read("x,y\n1,2\n", options(0, 0, H::No));
        QFAIL("no error");
    } catch (const CsvError& e) {
        QCOMPARE(int(e.line()), 1);
        QCOMPARE(int(e.column()), 1);
        QVERIFY2(e.reason().find("\"x\"") != std::string::npos, e.what());
    }

    // An explicit delimiter and decimal beat detection (';' and ',' would be detected here).
    try {
        read("1,5;2\n3;4\n", options(';', '.', H::No));
        QFAIL("no error");
    } catch (const CsvError& e) {
        QCOMPARE(int(e.line()), 1);
        QCOMPARE(int(e.column()), 1);
        QVERIFY2(e.reason().find("\"1,5\"") != std::string::npos, e.what());
    }
    const CsvTable tab = read("1,2\t3\n", options('\t', ',', H::Detect));
    QCOMPARE(tab.delimiter, '\t');
    QCOMPARE(tab.decimal, ',');
    QVERIFY(bitExact(tab.data, arma::mat{{1.2, 3}}));

    // Detection picks ';' here; a forced ',' leaves one column holding "1;2".
    QCOMPARE(joined(read("x;y\n1;2\n").names), QStringLiteral("x|y"));
    try {
        read("x;y\n1;2\n", options(',', 0, H::Detect));
        QFAIL("no error");
    } catch (const CsvError& e) {
        QCOMPARE(int(e.line()), 2);
        QCOMPARE(int(e.column()), 1);
        QVERIFY2(e.reason().find("\"1;2\"") != std::string::npos, e.what());
    }

    // Any delimiter can be forced.
    const CsvTable pipe = read("a|b\n1|2\n", options('|', 0, H::Detect));
    QCOMPARE(pipe.delimiter, '|');
    QVERIFY(bitExact(pipe.data, arma::mat{{1, 2}}));

    // A forced decimal comma rules ',' out as the detected delimiter.
    const CsvTable dc = read("1,5;2,5\n", options(0, ',', H::Detect));
    QCOMPARE(dc.delimiter, ';');
    QVERIFY(bitExact(dc.data, arma::mat{{1.5, 2.5}}));
}

QTEST_APPLESS_MAIN(tst_CsvDialect)
#include "tst_CsvDialect.moc"
