// Tests for the CSV reader and writer (model/CsvReader, model/CsvWriter).

#include "model/io/CsvError.h"
#include "model/io/CsvReader.h"
#include "model/io/CsvWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace linlab;

namespace {

const std::string kSource = "data.csv";

CsvTable read(const std::string& text, const CsvReadOptions& options = {}) {
    return CsvReader::readString(text, kSource, options);
}

// Names joined with '|', so one QCOMPARE shows them all.
QString joined(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i ? "|" : "") + names[i];
    return QString::fromStdString(out);
}

// A 1 x 1 matrix; arma::mat{{v}} is ambiguous.
arma::mat scalar(double v) {
    return arma::mat(1, 1, arma::fill::value(v));
}

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

CsvReadOptions options(char delimiter, char decimal, CsvReadOptions::Header header) {
    CsvReadOptions o;
    o.delimiter = delimiter;
    o.decimal = decimal;
    o.header = header;
    return o;
}

// Every value of `a` and `b` has the same bit pattern (so -0 and 0 differ).
bool bitExact(const arma::mat& a, const arma::mat& b) {
    if (a.n_rows != b.n_rows || a.n_cols != b.n_cols)
        return false;
    for (arma::uword i = 0; i < a.n_elem; ++i)
        if (!(a(i) == b(i)) || !sameBits(a(i), b(i)))
            return false;
    return true;
}

} // namespace

class tst_Csv : public QObject {
    Q_OBJECT

private slots:
    void lessonDataWithHeader();
    void noHeaderNamesX1X2Y();
    void singleColumn();
    void semicolonDecimalComma();
    void semicolonDecimalCommaFirstRowOnly();
    void semicolonWithDecimalPoint();
    void tabDelimited();
    void quotedFields();
    void bomCrlfTrailingBlankLines();
    void blankLinesInMiddleIgnored();
    void malformed_data();
    void malformed();
    void errorMessageFormat();
    void explicitOptionsOverrideDetection();
    void invalidReadOptions();
    void roundTripBitExact_data();
    void roundTripBitExact();
    void writerFormatsValues();
    void writerQuotesNames();
    void writerRejectsBadInput();
    void readFileMissing();
    void readFileFolder();
    void writeFileThenReadFile();
    void writeFileImpossiblePath();
    void writeFileFailedRenameLeavesNothing();
    void readingWaysAgree_data();
    void readingWaysAgree();
    void largeFileInTwoThreads();
    void largeFileFirstErrorInFileOrder_data();
    void largeFileFirstErrorInFileOrder();
    void largeFileQuoteLateFallsBackToScanner();
    void largeFileCancel();
};

void tst_Csv::lessonDataWithHeader() {
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

void tst_Csv::noHeaderNamesX1X2Y() {
    const CsvTable t = read("5,7,75\n3,6,60\n");
    QVERIFY(!t.hadHeader);
    QCOMPARE(joined(t.names), QStringLiteral("x1|x2|y"));
    QVERIFY(bitExact(t.data, arma::mat{{5, 7, 75}, {3, 6, 60}}));
}

void tst_Csv::singleColumn() {
    const CsvTable t = read("1\n2.5\n-3\n");
    QCOMPARE(joined(t.names), QStringLiteral("y"));
    QCOMPARE(t.data.n_cols, arma::uword(1));
    QVERIFY(bitExact(t.data, arma::mat(arma::vec{1, 2.5, -3})));

    const CsvTable named = read("score\n1\n2\n");
    QVERIFY(named.hadHeader);
    QCOMPARE(joined(named.names), QStringLiteral("score"));
    QCOMPARE(named.data.n_rows, arma::uword(2));
}

void tst_Csv::semicolonDecimalComma() {
    const CsvTable t = read("x;y\n1,5;2\n-3,25;4e2\n+0,125;7\n");
    QCOMPARE(t.delimiter, ';');
    QCOMPARE(t.decimal, ',');
    QVERIFY(t.hadHeader);
    QVERIFY(bitExact(t.data, arma::mat{{1.5, 2}, {-3.25, 400}, {0.125, 7}}));
}

void tst_Csv::semicolonDecimalCommaFirstRowOnly() {
    // No header; only the first row shows the decimal comma.
    const CsvTable t = read("1,5;2\n3;4\n");
    QCOMPARE(t.delimiter, ';');
    QCOMPARE(t.decimal, ',');
    QVERIFY(!t.hadHeader);
    QVERIFY(bitExact(t.data, arma::mat{{1.5, 2}, {3, 4}}));
}

void tst_Csv::semicolonWithDecimalPoint() {
    const CsvTable t = read("a;b\n1.5;2\n3;4.25\n");
    QCOMPARE(t.delimiter, ';');
    QCOMPARE(t.decimal, '.');
    QVERIFY(bitExact(t.data, arma::mat{{1.5, 2}, {3, 4.25}}));
}

void tst_Csv::tabDelimited() {
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

void tst_Csv::quotedFields() {
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

void tst_Csv::bomCrlfTrailingBlankLines() {
    const CsvTable t = read("\xEF\xBB\xBFx,y\r\n1,2\r\n3,4\r\n\r\n\r\n  \n\n");
    QCOMPARE(joined(t.names), QStringLiteral("x|y"));
    QVERIFY(bitExact(t.data, arma::mat{{1, 2}, {3, 4}}));
}

void tst_Csv::blankLinesInMiddleIgnored() {
    const CsvTable t = read("\nx,y\n\n1,2\n   \n\r\n3,4");
    QCOMPARE(joined(t.names), QStringLiteral("x|y"));
    QVERIFY(bitExact(t.data, arma::mat{{1, 2}, {3, 4}}));
}

void tst_Csv::malformed_data() {
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

void tst_Csv::malformed() {
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

void tst_Csv::errorMessageFormat() {
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

void tst_Csv::explicitOptionsOverrideDetection() {
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

void tst_Csv::invalidReadOptions() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             read("1,2\n", options('"', 0, CsvReadOptions::Header::Detect)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             read("1,2\n", options(',', ',', CsvReadOptions::Header::Detect)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             read("1,2\n", options(0, 'x', CsvReadOptions::Header::Detect)));
}

void tst_Csv::roundTripBitExact_data() {
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<char>("decimal");
    QTest::newRow("comma") << ',' << '.';
    QTest::newRow("semicolon, decimal comma") << ';' << ',';
    QTest::newRow("tab") << '\t' << '.';
    QTest::newRow("tab, decimal comma") << '\t' << ',';
}

void tst_Csv::roundTripBitExact() {
    QFETCH(char, delimiter);
    QFETCH(char, decimal);

    const std::vector<double> special{0.1 + 0.2,
                                      1.0 / 3.0,
                                      -2.0 / 3.0,
                                      0.30000000000000004,
                                      1.2345678901234567e-5,
                                      9007199254740993.0,
                                      123456789012345678.0,
                                      1e-300,
                                      -1e-300,
                                      1e300,
                                      -1e300,
                                      std::numeric_limits<double>::min(),
                                      std::numeric_limits<double>::denorm_min(),
                                      std::numeric_limits<double>::max(),
                                      std::numeric_limits<double>::lowest(),
                                      -0.0,
                                      0.0,
                                      5e-324,
                                      2.2250738585072009e-308};
    const arma::uword cols = 4;
    const arma::uword rows = 200;
    arma::mat data(rows, cols);
    std::mt19937_64 random(20240611);
    std::uniform_real_distribution<double> uniform(-1e6, 1e6);
    for (arma::uword i = 0; i < data.n_elem; ++i) {
        if (i < special.size()) {
            data(i) = special[i];
        } else if (i % 2 == 0) {
            data(i) = uniform(random); // typically 17 significant digits
        } else {
            // Any finite bit pattern: every exponent, subnormals included.
            double value;
            do {
                const std::uint64_t bits = random();
                std::memcpy(&value, &bits, sizeof value);
            } while (!std::isfinite(value));
            data(i) = value;
        }
    }
    const std::vector<std::string> names{"x1", " spaced ", "q\"uote", "de;lim,s"};

    CsvWriteOptions write;
    write.delimiter = delimiter;
    write.decimal = decimal;
    const std::string text = CsvWriter::toString(names, data, write);
    const CsvTable back = read(text);
    QCOMPARE(back.delimiter, delimiter);
    QCOMPARE(back.decimal, decimal);
    QVERIFY(back.hadHeader);
    QCOMPARE(joined(back.names), joined(names));
    QVERIFY(bitExact(back.data, data));
    // -0 survives as -0, and a 17-digit value is exact to the bit.
    QVERIFY(std::signbit(back.data(15)));
    QVERIFY(sameBits(back.data(0), 0.1 + 0.2));
    QVERIFY(sameBits(back.data(13), std::numeric_limits<double>::max()));
}

void tst_Csv::writerFormatsValues() {
    const arma::mat data{{1.5, -0.0}, {1e-300, 0.1}};
    QCOMPARE(QString::fromStdString(CsvWriter::toString({"x", "y"}, data)),
             QStringLiteral("x,y\n1.5,-0\n1e-300,0.1\n"));
    CsvWriteOptions comma;
    comma.delimiter = ';';
    comma.decimal = ',';
    QCOMPARE(QString::fromStdString(CsvWriter::toString({"x", "y"}, data, comma)),
             QStringLiteral("x;y\n1,5;-0\n1e-300;0,1\n"));
}

void tst_Csv::writerQuotesNames() {
    const std::vector<std::string> names{"plain",  "a,b",         "say \"hi\"", " lead",
                                         "trail ", "line\nbreak", "semi;colon", "in side"};
    const arma::mat data(1, names.size(), arma::fill::zeros);
    const std::string text = CsvWriter::toString(names, data);
    const std::string header = text.substr(0, text.find("\n0,"));
    QCOMPARE(QString::fromStdString(header),
             QStringLiteral("plain,\"a,b\",\"say \"\"hi\"\"\",\" lead\",\"trail \","
                            "\"line\nbreak\",semi;colon,in side"));

    CsvWriteOptions semi;
    semi.delimiter = ';';
    const std::string text2 = CsvWriter::toString({"a,b", "c;d"}, arma::mat{{1, 2}}, semi);
    QCOMPARE(QString::fromStdString(text2), QStringLiteral("a,b;\"c;d\"\n1;2\n"));
    QCOMPARE(joined(CsvReader::readString(text2, "mem").names), QStringLiteral("a,b|c;d"));
}

void tst_Csv::writerRejectsBadInput() {
    const std::vector<std::string> names{"x", "y"};
    arma::mat data{{1, 2}};
    CsvWriteOptions bad;
    bad.decimal = ','; // with the default ',' delimiter
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CsvWriter::toString(names, data, bad));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CsvWriter::toString({"x"}, data));
    data(0, 1) = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CsvWriter::toString(names, data));
    data(0, 1) = -std::numeric_limits<double>::infinity();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CsvWriter::toString(names, data));
}

void tst_Csv::readFileMissing() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("missing.csv")).toStdString();
    try {
        CsvReader::readFile(path);
        QFAIL("no error");
    } catch (const CsvError& e) {
        QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(path));
        QCOMPARE(int(e.line()), 0);
        QCOMPARE(int(e.column()), 0);
        QVERIFY2(std::string(e.what()).rfind(path + ": ", 0) == 0, e.what());
    }
}

void tst_Csv::readFileFolder() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    try {
        CsvReader::readFile(dir.path().toStdString());
        QFAIL("no error");
    } catch (const CsvError& e) {
        QCOMPARE(int(e.line()), 0);
        QCOMPARE(QString::fromStdString(e.file()), dir.path());
    }
}

void tst_Csv::writeFileThenReadFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("out.csv")).toStdString();
    const arma::mat first{{5, 7, 75}, {3, 6, 60}};
    CsvWriter::writeFile(path, {"a", "b", "y"}, first);
    const arma::mat second{{0.1, -0.0}, {1e300, 2.5}, {3, 4}};
    CsvWriter::writeFile(path, {"p", "q"}, second); // replaces the first file

    const CsvTable t = CsvReader::readFile(path);
    QCOMPARE(joined(t.names), QStringLiteral("p|q"));
    QVERIFY(bitExact(t.data, second));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
             QStringList{QStringLiteral("out.csv")});
}

void tst_Csv::writeFileImpossiblePath() {
    const std::string path = "/nonexistent-dir/x.csv";
    QVERIFY(!QFileInfo::exists(QStringLiteral("/nonexistent-dir")));
    try {
        CsvWriter::writeFile(path, {"x"}, scalar(1));
        QFAIL("no error");
    } catch (const std::runtime_error& e) {
        QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
    }
    QVERIFY(!QFileInfo::exists(QStringLiteral("/nonexistent-dir")));

    // Bad data is rejected before anything touches the disk.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string inDir = dir.filePath(QStringLiteral("x.csv")).toStdString();
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        CsvWriter::writeFile(inDir, {"x"}, scalar(std::numeric_limits<double>::infinity())));
    QVERIFY(QDir(dir.path()).isEmpty());
}

void tst_Csv::writeFileFailedRenameLeavesNothing() {
    // The temporary file can be written, but renaming it over a folder fails.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("target")));
    const std::string path = dir.filePath(QStringLiteral("target")).toStdString();
    try {
        CsvWriter::writeFile(path, {"x"}, scalar(1));
        QFAIL("no error");
    } catch (const std::runtime_error& e) {
        QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
             QStringList{QStringLiteral("target")});
}

namespace {

// The reader's three ways of reading (fast path in one thread, in two, the RFC 4180 scanner
// alone): the table's values, names and settings, or the error message, as one string.
std::string outcome(const std::string& text, int way, CsvReadOptions o = {}) {
    if (way == 1)
        o.parallelMinBytes = 1;
    if (way == 2)
        o.fastPath = false;
    try {
        const CsvTable t = CsvReader::readString(text, kSource, o);
        std::string out = std::string(1, t.delimiter) + t.decimal + (t.hadHeader ? "H" : "-");
        for (const std::string& name : t.names)
            out += "|" + name;
        for (arma::uword i = 0; i < t.data.n_elem; ++i) {
            std::uint64_t bits = 0;
            std::memcpy(&bits, &t.data(i), sizeof bits);
            out += " " + std::to_string(bits);
        }
        return out + " " + std::to_string(t.data.n_rows) + "x" + std::to_string(t.data.n_cols);
    } catch (const std::exception& e) {
        return std::string("error: ") + e.what();
    }
}

// n rows x 3 columns of varied values, written as LinLab writes them (shortest round trip).
arma::mat variedData(arma::uword n) {
    std::mt19937_64 random(42);
    std::uniform_real_distribution<double> value(-1e3, 1e3);
    arma::mat data(n, 3);
    for (double& v : data)
        v = value(random);
    data(0, 0) = 1e-300;
    data(1, 1) = -0.0;
    data(2, 2) = 123456789012345678.0;
    return data;
}

// The text of `data` under the header a,b,y; line k + 2 holds row k.
std::string variedText(const arma::mat& data) {
    return CsvWriter::toString({"a", "b", "y"}, data);
}

std::string writeTemp(const QTemporaryDir& dir, const std::string& text) {
    const QString path = dir.filePath(QStringLiteral("big.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), qint64(text.size())) != qint64(text.size()))
        return {};
    return path.toStdString();
}

// Where line `line` (1-based) of `text` starts.
std::size_t lineStart(const std::string& text, std::size_t line) {
    std::size_t at = 0;
    for (std::size_t l = 1; l < line; ++l)
        at = text.find('\n', at) + 1;
    return at;
}

// Replaces the first field of line `line` of `text` with `field`.
std::string withFirstField(std::string text, std::size_t line, const std::string& field) {
    const std::size_t at = lineStart(text, line);
    return text.replace(at, text.find(',', at) - at, field);
}

} // namespace

void tst_Csv::readingWaysAgree_data() {
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

void tst_Csv::readingWaysAgree() {
    QFETCH(QByteArray, text);
    const std::string s = text.toStdString();
    const std::string reference = outcome(s, 2);
    QCOMPARE(QString::fromStdString(outcome(s, 0)), QString::fromStdString(reference));
    QCOMPARE(QString::fromStdString(outcome(s, 1)), QString::fromStdString(reference));
}

void tst_Csv::largeFileInTwoThreads() {
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

void tst_Csv::largeFileFirstErrorInFileOrder_data() {
    QTest::addColumn<int>("firstBad");  // line of the first bad value
    QTest::addColumn<int>("secondBad"); // a later bad value, 0 for none
    // The two threads cut the data near its middle (line ~25,000 of 50,001).
    QTest::newRow("first half") << 100 << 0;
    QTest::newRow("second half") << 49000 << 0;
    QTest::newRow("last line") << 50001 << 0;
    // The second thread meets its error long before the first thread reaches its own.
    QTest::newRow("late in first half, early in second") << 24000 << 25100;
}

void tst_Csv::largeFileFirstErrorInFileOrder() {
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

void tst_Csv::largeFileQuoteLateFallsBackToScanner() {
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

void tst_Csv::largeFileCancel() {
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

QTEST_APPLESS_MAIN(tst_Csv)
#include "tst_Csv.moc"
