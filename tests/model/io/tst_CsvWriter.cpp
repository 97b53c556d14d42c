// Tests for the CSV writer (model/io/CsvWriter): formatting, quoting, round trips through the
// reader to the bit, and writing files atomically.

#include "tests/model/io/CsvTestData.h"

#include "model/io/CsvReader.h"
#include "model/io/CsvWriter.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace linlab;
using namespace csvtest;

class tst_CsvWriter : public QObject {
    Q_OBJECT

private slots:
    void roundTripBitExact_data();
    void roundTripBitExact();
    void writerFormatsValues();
    void writerQuotesNames();
    void writerRejectsBadInput();
    void writeFileThenReadFile();
    void writeFileImpossiblePath();
    void writeFileFailedRenameLeavesNothing();
};

void tst_CsvWriter::roundTripBitExact_data() {
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<char>("decimal");
    QTest::newRow("comma") << ',' << '.';
    QTest::newRow("semicolon, decimal comma") << ';' << ',';
    QTest::newRow("tab") << '\t' << '.';
    QTest::newRow("tab, decimal comma") << '\t' << ',';
}

void tst_CsvWriter::roundTripBitExact() {
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

void tst_CsvWriter::writerFormatsValues() {
    const arma::mat data{{1.5, -0.0}, {1e-300, 0.1}};
    QCOMPARE(QString::fromStdString(CsvWriter::toString({"x", "y"}, data)),
             QStringLiteral("x,y\n1.5,-0\n1e-300,0.1\n"));
    CsvWriteOptions comma;
    comma.delimiter = ';';
    comma.decimal = ',';
    QCOMPARE(QString::fromStdString(CsvWriter::toString({"x", "y"}, data, comma)),
             QStringLiteral("x;y\n1,5;-0\n1e-300;0,1\n"));
}

void tst_CsvWriter::writerQuotesNames() {
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

void tst_CsvWriter::writerRejectsBadInput() {
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

void tst_CsvWriter::writeFileThenReadFile() {
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

void tst_CsvWriter::writeFileImpossiblePath() {
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

void tst_CsvWriter::writeFileFailedRenameLeavesNothing() {
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

QTEST_APPLESS_MAIN(tst_CsvWriter)
#include "tst_CsvWriter.moc"
