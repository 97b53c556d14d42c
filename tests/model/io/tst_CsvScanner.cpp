// Tests for the RFC 4180 scanner (model/io/CsvScanner): records, fields, lines and positions.

#include "model/io/CsvError.h"
#include "model/io/CsvScanner.h"

#include <QtTest>

#include <string>
#include <vector>

using namespace linlab;

namespace {

// Every record of `text`, its fields joined with '|', records with '/'.
std::string records(const std::string& text, char delimiter = ',') {
    const std::string source = "s.csv";
    CsvScanner scanner(text, delimiter, source);
    std::vector<CsvField> fields;
    std::string out;
    while (scanner.next(fields)) {
        if (!out.empty())
            out += '/';
        for (std::size_t i = 0; i < fields.size(); ++i)
            out += (i ? "|" : "") + std::string(fields[i].text);
    }
    return out;
}

} // namespace

class tst_CsvScanner : public QObject {
    Q_OBJECT

private slots:
    void fieldsAndRecords_data();
    void fieldsAndRecords();
    void linesAndPositions();
    void escapedQuotesStayValid();
    void brokenQuoting();
};

void tst_CsvScanner::fieldsAndRecords_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("a,b\n1,2\n") << QByteArray("a|b/1|2");
    QTest::newRow("empty fields") << QByteArray(",\n1,\n") << QByteArray("|/1|");
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << QByteArray("a|b/1|2");
    QTest::newRow("blank lines skipped") << QByteArray("\n \t\r\na\n\n  \nb") << QByteArray("a/b");
    QTest::newRow("quoted delimiter and line break")
        << QByteArray("\"a,b\",\"c\nd\"\n") << QByteArray("a,b|c\nd");
    QTest::newRow("blanks around a quoted field")
        << QByteArray("  \"a\"  ,b\n") << QByteArray("a|b");
    QTest::newRow("unquoted blanks kept") << QByteArray(" a , b\n") << QByteArray(" a | b");
    QTest::newRow("escaped quotes")
        << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\n") << QByteArray("say \"hi\"|\"");
}

void tst_CsvScanner::fieldsAndRecords() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(QByteArray::fromStdString(records(text.toStdString())), expected);
}

void tst_CsvScanner::linesAndPositions() {
    const std::string text = "a,\"b\nc\"\n\n1,2\n";
    const std::string source = "s.csv";
    CsvScanner scanner(text, ',', source);
    std::vector<CsvField> fields;
    QVERIFY(scanner.next(fields));
    QCOMPARE(fields.size(), std::size_t(2));
    QCOMPARE(int(fields[0].line), 1);
    QVERIFY(!fields[0].quoted);
    QVERIFY(fields[1].quoted);
    QCOMPARE(int(scanner.line()), 3); // the quoted line break counts
    QCOMPARE(scanner.position(), text.find("\n\n") + 1);
    QVERIFY(scanner.next(fields));
    QCOMPARE(int(fields[0].line), 4); // after the blank line
    QCOMPARE(scanner.position(), text.size());
    QVERIFY(!scanner.next(fields));
}

void tst_CsvScanner::escapedQuotesStayValid() {
    // Many unescaped fields grow the scratch buffer; every view must still point at its text.
    std::string text;
    std::string expected;
    for (int i = 0; i < 200; ++i) {
        text += (i ? "," : "") + std::string("\"v") + std::to_string(i) + "\"\"\"";
        expected += (i ? "|" : "") + std::string("v") + std::to_string(i) + "\"";
    }
    QCOMPARE(QString::fromStdString(records(text + "\n")), QString::fromStdString(expected));
}

void tst_CsvScanner::brokenQuoting() {
    const std::string source = "s.csv";
    std::vector<CsvField> fields;
    const std::string unterminated = "a,b\n1,\"2\n3,4\n";
    CsvScanner first(unterminated, ',', source);
    QVERIFY(first.next(fields));
    try {
        first.next(fields);
        QFAIL("no error");
    } catch (const CsvError& e) {
        QCOMPARE(int(e.line()), 2);
        QCOMPARE(int(e.column()), 2);
        QVERIFY2(e.reason().find("unterminated quoted field") != std::string::npos, e.what());
    }
    const std::string afterQuote = "\"a\"b,c\n";
    CsvScanner second(afterQuote, ',', source);
    QVERIFY_THROWS_EXCEPTION(CsvError, second.next(fields));
}

QTEST_APPLESS_MAIN(tst_CsvScanner)
#include "tst_CsvScanner.moc"
