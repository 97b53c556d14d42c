// Tests for the CSV dialect detection (model/io/CsvDialect): delimiter, decimal separator,
// header, and options that override them.

#include "tests/model/io/CsvTestData.h"

#include "model/io/CsvDialect.h"
#include "model/io/CsvError.h"

#include <QtTest>

#include <initializer_list>
#include <string>
#include <vector>

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
    void detectDelimiter_data();
    void detectDelimiter();
    void decimalAndHeaderSteps();
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

void tst_CsvDialect::detectDelimiter_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<char>("excluded");
    QTest::addColumn<char>("expected"); // 0: one column
    QTest::newRow("comma") << QByteArray("a,b\n1,2\n") << '\0' << ',';
    QTest::newRow("semicolon beats the commas of decimals")
        << QByteArray("a;b\n1,5;2\n3;4,25\n") << '\0' << ';';
    QTest::newRow("tab first on a tie") << QByteArray("a\tb;c\n1\t2;3\n") << '\0' << '\t';
    QTest::newRow("quoted delimiters do not count")
        << QByteArray("\"a;b\",c\n\"1;2\",3\n") << '\0' << ',';
    QTest::newRow("ragged: most on the first record")
        << QByteArray("a;b;c,d\n1;2\n") << '\0' << ';';
    QTest::newRow("blank lines skipped") << QByteArray("\n \r\na;b\n\n1;2\n") << '\0' << ';';
    QTest::newRow("one column") << QByteArray("y\n1\n2\n") << '\0' << '\0';
    QTest::newRow("excluded comma") << QByteArray("1,5\n2,5\n") << ',' << '\0';
    // Only the first 20 records count: a change on record 21 is not seen.
    QTest::newRow("20 records") << QByteArray("a;b\n" + QByteArray("1;2\n").repeated(19) +
                                              "1;2;3\n")
                                << '\0' << ';';
}

void tst_CsvDialect::detectDelimiter() {
    QFETCH(QByteArray, text);
    QFETCH(char, excluded);
    QFETCH(char, expected);
    QCOMPARE(CsvDialect::detectDelimiter(text.toStdString(), excluded), expected);
    // The step the reader takes: options first, ',' for one column.
    CsvReadOptions o;
    QCOMPARE(CsvDialect::delimiter(text.toStdString(), o), expected ? expected : ',');
    o.delimiter = '|';
    QCOMPARE(CsvDialect::delimiter(text.toStdString(), o), '|');
}

void tst_CsvDialect::decimalAndHeaderSteps() {
    using H = CsvReadOptions::Header;
    auto fields = [](std::initializer_list<const char*> texts) {
        std::vector<CsvField> out;
        for (const char* t : texts)
            out.push_back({t, 1, false});
        return out;
    };
    CsvReadOptions o;
    // A comma after the first record of a ';' file is a decimal comma; in a ',' file never.
    QCOMPARE(CsvDialect::decimal("1,5;2\n", fields({"a", "b"}), ';', o, nullptr), ',');
    QCOMPARE(CsvDialect::decimal("1;2\n", fields({"a", "b"}), ';', o, nullptr), '.');
    QCOMPARE(CsvDialect::decimal("1,5\n", fields({"a", "b"}), ',', o, nullptr), '.');
    // Else the first record decides, when it reads as decimal-comma numbers.
    QCOMPARE(CsvDialect::decimal("3;4\n", fields({"1,5", "2"}), ';', o, nullptr), ',');
    QCOMPARE(CsvDialect::decimal("3;4\n", fields({"a,b", "2"}), ';', o, nullptr), '.');
    o.header = H::No;
    QCOMPARE(CsvDialect::decimal("3;4\n", fields({"a,b", "2"}), ';', o, nullptr), ',');
    o.header = H::Yes;
    QCOMPARE(CsvDialect::decimal("3;4\n", fields({"1,5", "2"}), ';', o, nullptr), '.');
    o.decimal = ',';
    QCOMPARE(CsvDialect::decimal("3;4\n", fields({"a", "b"}), ',', o, nullptr), ',');

    CsvReadOptions detect;
    QVERIFY(CsvDialect::header(fields({"1", "x"}), '.', detect));
    QVERIFY(!CsvDialect::header(fields({"1", "2.5"}), '.', detect));
    QVERIFY(!CsvDialect::header(fields({"1", ""}), '.', detect));   // an empty field is data
    QVERIFY(CsvDialect::header(fields({"1", "2.5"}), ',', detect)); // "2.5" under ','
    CsvReadOptions no;
    no.header = H::No;
    QVERIFY(!CsvDialect::header(fields({"x", "y"}), '.', no));
    CsvReadOptions yes;
    yes.header = H::Yes;
    QVERIFY(CsvDialect::header(fields({"1", "2"}), '.', yes));
}

QTEST_APPLESS_MAIN(tst_CsvDialect)
#include "tst_CsvDialect.moc"
