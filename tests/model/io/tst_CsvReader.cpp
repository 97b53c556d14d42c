// Tests for the CSV reader (model/io/CsvReader): tables from text, and every error's place
// and wording.

#include "tests/model/io/CsvTestData.h"

#include "model/io/CsvError.h"
#include "model/io/CsvReader.h"

#include <QtTest>

#include <stdexcept>
#include <string>

using namespace linlab;
using namespace csvtest;

class tst_CsvReader : public QObject {
    Q_OBJECT

private slots:
    void lessonDataWithHeader();
    void noHeaderNamesX1X2Y();
    void singleColumn();
    void quotedFields();
    void bomCrlfTrailingBlankLines();
    void blankLinesInMiddleIgnored();
    void malformed_data();
    void malformed();
    void errorMessageFormat();
    void invalidReadOptions();
};

void tst_CsvReader::lessonDataWithHeader() {
    const CsvTable t = read("hours_studied,hours_slept,exam_score\n"
                            "5,7,75\n3,6,60\n8,8,90\n2,5,55\n");
    QCOMPARE(joined(t.names), QStringLiteral("hours_studied|hours_slept|exam_score"));
    QVERIFY(t.hadHeader);
    QCOMPARE(t.delimiter, ',');
    QCOMPARE(t.decimal, '.');
    QCOMPARE(t.data.n_rows, arma::uword(4));
    QCOMPARE(t.data.n_cols, arma::uword(3));
    const arma::mat expected{{5, 7, 75}, {3, 6, 60}, {8, 8, 90}, {2, 5, 55}};
    QVERIFY(bitExact(t.data, expected));
}

void tst_CsvReader::noHeaderNamesX1X2Y() {
    const CsvTable t = read("5,7,75\n3,6,60\n");
    QVERIFY(!t.hadHeader);
    QCOMPARE(joined(t.names), QStringLiteral("x1|x2|y"));
    QVERIFY(bitExact(t.data, arma::mat{{5, 7, 75}, {3, 6, 60}}));
}

void tst_CsvReader::singleColumn() {
    const CsvTable t = read("1\n2.5\n-3\n");
    QCOMPARE(joined(t.names), QStringLiteral("y"));
    QCOMPARE(t.data.n_cols, arma::uword(1));
    QVERIFY(bitExact(t.data, arma::mat(arma::vec{1, 2.5, -3})));

    const CsvTable named = read("score\n1\n2\n");
    QVERIFY(named.hadHeader);
    QCOMPARE(joined(named.names), QStringLiteral("score"));
    QCOMPARE(named.data.n_rows, arma::uword(2));
}

void tst_CsvReader::quotedFields() {
    const CsvTable t = read("\"a,b\",\"say \"\"hi\"\"\",\"multi\nline\"\n"
                            "1,\"2\",3\n"
                            " \"4\" ,5,\"6\"\n");
    QVERIFY(t.hadHeader);
    QCOMPARE(t.delimiter, ',');
    QCOMPARE(joined(t.names), QStringLiteral("a,b|say \"hi\"|multi\nline"));
    QVERIFY(bitExact(t.data, arma::mat{{1, 2, 3}, {4, 5, 6}}));

    // A quoted decimal-comma number in a ';' file.
    const CsvTable semi = read("x;y\n\"1,5\";2\n");
    QCOMPARE(semi.decimal, ',');
    QVERIFY(bitExact(semi.data, arma::mat{{1.5, 2}}));

    // Quoted names keep their blanks; unquoted names are trimmed.
    const CsvTable blanks = read("\" a \", b \n1,2\n");
    QCOMPARE(joined(blanks.names), QStringLiteral(" a |b"));
}

void tst_CsvReader::bomCrlfTrailingBlankLines() {
    const CsvTable t = read("\xEF\xBB\xBFx,y\r\n1,2\r\n3,4\r\n\r\n\r\n  \n\n");
    QCOMPARE(joined(t.names), QStringLiteral("x|y"));
    QVERIFY(bitExact(t.data, arma::mat{{1, 2}, {3, 4}}));
}

void tst_CsvReader::blankLinesInMiddleIgnored() {
    const CsvTable t = read("\nx,y\n\n1,2\n   \n\r\n3,4");
    QCOMPARE(joined(t.names), QStringLiteral("x|y"));
    QVERIFY(bitExact(t.data, arma::mat{{1, 2}, {3, 4}}));
}

void tst_CsvReader::malformed_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QByteArray>("expected"); // must appear in the reason

    QTest::newRow("bad number") << QByteArray("x,y\n1,2\nabc,3\n") << 3 << 1
                                << QByteArray("expected a number, found \"abc\" (not a number)");
    QTest::newRow("partial") << QByteArray("x,y\n1,2\n3,1.5abc\n") << 3 << 2
                             << QByteArray("found \"1.5abc\" (a number followed by other text)");
    QTest::newRow("nan") << QByteArray("x,y\n1,nan\n") << 2 << 2
                         << QByteArray("found \"nan\" (NaN or infinity, which is not allowed)");
    QTest::newRow("inf") << QByteArray("x,y\ninf,1\n") << 2 << 1
                         << QByteArray("found \"inf\" (NaN or infinity, which is not allowed)");
    QTest::newRow("-Infinity") << QByteArray("x,y\n1,2\n3,-Infinity\n") << 3 << 2
                               << QByteArray("found \"-Infinity\" (NaN or infinity");
    QTest::newRow("empty field") << QByteArray("x,y\n1,\n") << 2 << 2
                                 << QByteArray("found \"\" (an empty value)");
    QTest::newRow("empty field crlf") << QByteArray("x,y\r\n1,2\r\n,3\r\n") << 3 << 1
                                      << QByteArray("found \"\" (an empty value)");
    QTest::newRow("empty first value")
        << QByteArray("1,\n3,4\n") << 1 << 2 << QByteArray("found \"\" (an empty value)");
    QTest::newRow("1e999") << QByteArray("x,y\n1e999,2\n") << 2 << 1
                           << QByteArray("found \"1e999\" (a number out of the range of a double)");
    QTest::newRow("ragged short") << QByteArray("x,y,z\n1,2,3\n4,5\n") << 3 << 3
                                  << QByteArray("expected 3 fields, found 2");
    QTest::newRow("ragged long") << QByteArray("x,y\n1,2\n3,4,5\n") << 3 << 3
                                 << QByteArray("expected 2 fields, found 3");
    QTest::newRow("ragged no header")
        << QByteArray("1,2\n3,4\n5\n") << 3 << 2 << QByteArray("expected 2 fields, found 1");
    QTest::newRow("unterminated quote") << QByteArray("x,y\n1,2\n3,\"4\n5,6\n") << 3 << 2
                                        << QByteArray("unterminated quoted field");
    QTest::newRow("text after quote") << QByteArray("x,y\n\"1\"2,3\n") << 2 << 1
                                      << QByteArray("unexpected text after a closing quote");
    QTest::newRow("text after multi-line quote") << QByteArray("x,y\n\"1\n\"2,3\n") << 2 << 1
                                                 << QByteArray("unexpected text after a closing");
    QTest::newRow("line after multi-line name") << QByteArray("\"a\nb\",y\n1,2\nz,3\n") << 4 << 1
                                                << QByteArray("found \"z\" (not a number)");
    QTest::newRow("line after blank lines")
        << QByteArray("x,y\n\n1,2\n\nq,3\n") << 5 << 1 << QByteArray("found \"q\"");
    QTest::newRow("decimal point in comma file")
        << QByteArray("a;b\n1,5;2.5\n") << 2 << 2 << QByteArray("found \"2.5\" (a number followed");
    QTest::newRow("long text shortened")
        << QByteArray("x\n" + QByteArray(60, 'a') + "\n") << 2 << 1
        << QByteArray("found \"" + QByteArray(40, 'a') + "...\" (not a number)");
    QTest::newRow("empty file") << QByteArray("") << 0 << 0 << QByteArray("the file is empty");
    QTest::newRow("only blank lines")
        << QByteArray("\n  \r\n\n") << 0 << 0 << QByteArray("the file is empty");
    QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << 0 << 0
                                << QByteArray("the file is empty");
    QTest::newRow("header only") << QByteArray("x,y\n") << 1 << 0
                                 << QByteArray("no data rows after the header");
    QTest::newRow("duplicate name")
        << QByteArray("x,y,x\n1,2,3\n") << 1 << 3 << QByteArray("duplicate column name \"x\"");
    QTest::newRow("duplicate after trim")
        << QByteArray("x, x\n1,2\n") << 1 << 2 << QByteArray("duplicate column name \"x\"");
    QTest::newRow("empty name") << QByteArray("x,,y\n1,2,3\n") << 1 << 2
                                << QByteArray("empty column name");
    QTest::newRow("trailing delimiter in header")
        << QByteArray("x,y,\n1,2,3\n") << 1 << 3 << QByteArray("empty column name");
}

void tst_CsvReader::malformed() {
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QByteArray, expected);
    try {
        const CsvTable t = read(text.toStdString());
        QFAIL(qPrintable(QStringLiteral("no error; got %1 rows").arg(t.data.n_rows)));
    } catch (const CsvError& e) {
        QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(kSource));
        QCOMPARE(int(e.line()), line);
        QCOMPARE(int(e.column()), column);
        QVERIFY2(e.reason().find(expected.toStdString()) != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find(e.reason()) != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find('\n') == std::string::npos, e.what());
    }
}

void tst_CsvReader::errorMessageFormat() {
    QCOMPARE(QByteArray(CsvError("data.csv", 3, 2, "why").what()), QByteArray("data.csv:3:2: why"));
    QCOMPARE(QByteArray(CsvError("data.csv", 3, 0, "why").what()), QByteArray("data.csv:3: why"));
    QCOMPARE(QByteArray(CsvError("data.csv", 0, 0, "why").what()), QByteArray("data.csv: why"));
    try {
        read("x,y\n1,2\n3,1.5abc\n");
        QFAIL("no error");
    } catch (const CsvError& e) {
        QCOMPARE(QByteArray(e.what()),
                 QByteArray("data.csv:3:2: expected a number, found \"1.5abc\" "
                            "(a number followed by other text)"));
    }
}

void tst_CsvReader::invalidReadOptions() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             read("1,2\n", options('"', 0, CsvReadOptions::Header::Detect)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             read("1,2\n", options(',', ',', CsvReadOptions::Header::Detect)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             read("1,2\n", options(0, 'x', CsvReadOptions::Header::Detect)));
}

QTEST_APPLESS_MAIN(tst_CsvReader)
#include "tst_CsvReader.moc"
