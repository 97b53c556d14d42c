// Tests for the CSV reader's fast path (model/io/CsvFastPath): it agrees with the RFC 4180
// scanner on every text, in one thread and in two, on large mapped files, errors and cancel.

#include "tests/model/io/CsvTestData.h"

#include "model/io/CsvError.h"
#include "model/io/CsvReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <string>
#include <vector>

using namespace linlab;
using namespace csvtest;

class tst_CsvFastPath : public QObject {
    Q_OBJECT

private slots:
    void readingWaysAgree_data();
    void readingWaysAgree();
    void largeFileInTwoThreads();
    void largeFileFirstErrorInFileOrder_data();
    void largeFileFirstErrorInFileOrder();
    void largeFileQuoteLateFallsBackToScanner();
    void largeFileCancel();
};

void tst_CsvFastPath::readingWaysAgree_data() {
    QTest::addColumn<QByteArray>("text");
    const char* texts[] = {
        "hours,sleep,score\n5,7,75\n3,6,60\n8,8,90\n",
        "1,2\n3,4\n",
        "x;y\n1,5;2,25\n-3,0;4\n",
        "x\ty\n1.5\t2\n",
        "\xEF\xBB\xBFx,y\r\n1,2\r\n\r\n3,4\r\n\r\n",
        "x,y\n\n  \n1,2\n \t\n3,4",
        "x,y\n1,2\n\"3\",4\n",
        "x,y\n 1 ,+2\n3,4\n",
        "x,y\n1,2\n3,1.5abc\n",
        "x,y\n1,2\n3\n4,5,6\n",
        "x,y\n1,2\n3,\n",
        "x,y\n1,2\n-inf,4\n",
        "x,y\n1,2\n1e999,4\n",
        "x,y\n.5,-.5\n5.,1e-320\n",
        "x,y\n1,2,\n",
        "x,y\n1,2\n3,4\r",
        "x,y\n1,2\n3,4 \n",
        "x,y\n1,\"2\n\"\n",
        "x,y\n1,2\n3,\"4\n",
        "x,y\n1,2\n3,4\nq,\"5\"\n",
        "x,y\n1,2\n3,0x10\n",
    };
    int i = 0;
    for (const char* t : texts)
        QTest::newRow(QByteArray::number(i++).constData()) << QByteArray(t);
}

void tst_CsvFastPath::readingWaysAgree() {
    QFETCH(QByteArray, text);
    const std::string s = text.toStdString();
    const std::string reference = outcome(s, 2);
    QCOMPARE(QString::fromStdString(outcome(s, 0)), QString::fromStdString(reference));
    QCOMPARE(QString::fromStdString(outcome(s, 1)), QString::fromStdString(reference));
}

void tst_CsvFastPath::largeFileInTwoThreads() {
    // About 2.5 MB: past the two-thread threshold, read through the memory map.
    const arma::mat data = variedData(50000);
    std::string text = variedText(data);
    // Blank lines in both halves leave unused rows that are closed up.
    text.insert(lineStart(text, 40000), "\n \r\n");
    text.insert(lineStart(text, 10), "\n");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = writeTemp(dir, text);
    QVERIFY(!path.empty());

    std::vector<double> fractions;
    CsvReadOptions o;
    o.progress = [&](double f) {
        fractions.push_back(f);
        return true;
    };
    const CsvTable t = CsvReader::readFile(path, o);
    QCOMPARE(joined(t.names), QStringLiteral("a|b|y"));
    QVERIFY(bitExact(t.data, data));
    QVERIFY(!fractions.empty());
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    QVERIFY(fractions.front() >= 0 && fractions.back() <= 1);

    // The same text from memory and by the scanner alone.
    QCOMPARE(QString::fromStdString(outcome(text, 0)), QString::fromStdString(outcome(text, 2)));
}

void tst_CsvFastPath::largeFileFirstErrorInFileOrder_data() {
    QTest::addColumn<int>("firstBad");  // line of the first bad value
    QTest::addColumn<int>("secondBad"); // a later bad value, 0 for none
    // The two threads cut the data near its middle (line ~25,000 of 50,001).
    QTest::newRow("first half") << 100 << 0;
    QTest::newRow("second half") << 49000 << 0;
    QTest::newRow("last line") << 50001 << 0;
    // The second thread meets its error long before the first thread reaches its own.
    QTest::newRow("late in first half, early in second") << 24000 << 25100;
}

void tst_CsvFastPath::largeFileFirstErrorInFileOrder() {
    QFETCH(int, firstBad);
    QFETCH(int, secondBad);
    std::string text = variedText(variedData(50000));
    text = withFirstField(text, std::size_t(firstBad), "oops");
    if (secondBad > 0)
        text = withFirstField(text, std::size_t(secondBad), "worse");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = writeTemp(dir, text);
    QVERIFY(!path.empty());
    try {
        CsvReader::readFile(path);
        QFAIL("no error");
    } catch (const CsvError& e) {
        QCOMPARE(int(e.line()), firstBad);
        QCOMPARE(int(e.column()), 1);
        QVERIFY2(e.reason().find("found \"oops\"") != std::string::npos, e.what());
    }
}

void tst_CsvFastPath::largeFileQuoteLateFallsBackToScanner() {
    const arma::mat data = variedData(50000);
    std::string text = variedText(data);
    // A quoted value near the end (line 49,990 holds row 49,988): the fast path gives up there
    // and the scanner reads the whole file, to the same numbers.
    const std::size_t at = lineStart(text, 49990);
    text.insert(text.find(',', at), "\"");
    text.insert(at, "\"");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = writeTemp(dir, text);
    QVERIFY(!path.empty());
    const CsvTable t = CsvReader::readFile(path);
    QVERIFY(bitExact(t.data, data));
}

void tst_CsvFastPath::largeFileCancel() {
    std::string text = variedText(variedData(50000));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = writeTemp(dir, text);
    QVERIFY(!path.empty());
    int calls = 0;
    CsvReadOptions o;
    o.progress = [&](double) {
        ++calls;
        return false; // Cancel at the first report
    };
    QVERIFY_THROWS_EXCEPTION(CsvCancelled, CsvReader::readFile(path, o));
    QCOMPARE(calls, 1);
}

QTEST_APPLESS_MAIN(tst_CsvFastPath)
#include "tst_CsvFastPath.moc"
