// CsvChunkReader: a CSV file read in blocks agrees with CsvReader on the same text (dialects,
// header, CRLF, blank lines, a BOM, a file cut into two parts and many blocks); rows with a
// missing cell are left out and counted; every error names file, line and column, the first in
// file order.

#include "model/io/CsvChunkReader.h"
#include "model/io/CsvError.h"
#include "model/io/CsvReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <mutex>
#include <sstream>

using namespace linlab;

namespace {

std::string writeText(const QTemporaryDir& dir, const std::string& text) {
    const QString path = dir.filePath(QStringLiteral("data.csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write the test file");
    f.write(text.data(), qint64(text.size()));
    return path.toStdString();
}

// Every block's rows, part 0's before part 1's of the same buffer: the file's order.
struct Collected {
    arma::mat rows;
    CsvChunkPass pass;
};

Collected readAll(const CsvChunkReader& reader, const std::vector<std::size_t>& columns,
                  const std::vector<std::string>& missing = {"", "NA"}) {
    // Blocks of part 1 are kept apart until the buffer is done: parts run at the same time.
    std::mutex mutex;
    std::vector<arma::mat> parts[2];
    Collected c;
    std::size_t blocks = 0;
    c.pass = reader.read(columns, missing, [&](const arma::mat& block, std::size_t part) {
        const std::lock_guard<std::mutex> lock(mutex);
        parts[part].push_back(block);
        ++blocks;
    });
    // With one buffer the parts are two halves of the file, in order.
    c.rows.set_size(0, columns.size());
    for (const auto& list : parts)
        for (const arma::mat& b : list)
            c.rows = arma::join_cols(c.rows, b);
    return c;
}

CsvError errorOf(const std::string& path, const std::vector<std::size_t>& columns) {
    try {
        readAll(CsvChunkReader(path, {}), columns);
    } catch (const CsvError& e) {
        return e;
    }
    qFatal("no CsvError");
}

} // namespace

class tst_CsvChunkReader : public QObject {
    Q_OBJECT
private slots:
    void agreesWithCsvReader_data();
    void agreesWithCsvReader();
    void manyBlocksInTwoParts();
    void missingCellsLeaveRowsOut();
    void errorsNameLineAndColumn_data();
    void errorsNameLineAndColumn();
    void firstErrorInFileOrder();
    void onlyRegularFiles();
    void secondPassReadsTheSame();
};

void tst_CsvChunkReader::agreesWithCsvReader_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("header") << QByteArray("a,b,y\n1,2,3\n4.5,-6e2,7\n");
    QTest::newRow("no header") << QByteArray("1,2,3\n4,5,6\n");
    QTest::newRow("crlf, blank lines, no final newline")
        << QByteArray("a,b,y\r\n1,2,3\r\n\r\n  \r\n4,5,6");
    QTest::newRow("bom, semicolons, decimal comma") << QByteArray("\xEF\xBB\xBF"
                                                                  "a;b;y\n1,5;2;3\n4;5,25;6\n");
    QTest::newRow("tabs, blanks around numbers") << QByteArray("a\tb\ty\n 1\t2 \t3\n4\t+5\t6\n");
    QTest::newRow("quoted header") << QByteArray("\"a, first\",b,y\n1,2,3\n");
}

void tst_CsvChunkReader::agreesWithCsvReader() {
    QFETCH(QByteArray, text);
    QTemporaryDir dir;
    const std::string path = writeText(dir, text.toStdString());
    const CsvTable expected = CsvReader::readFile(path);
    const CsvChunkReader reader(path, {});
    QVERIFY(reader.names() == expected.names);
    QCOMPARE(reader.delimiter(), expected.delimiter);
    QCOMPARE(reader.decimal(), expected.decimal);
    const Collected c = readAll(reader, {0, 1, 2});
    QCOMPARE(c.pass.rows, std::size_t(expected.data.n_rows));
    QCOMPARE(c.pass.skipped, std::size_t(0));
    QVERIFY(arma::approx_equal(c.rows, expected.data, "absdiff", 0.0));
    // The columns in the order asked for.
    const Collected swapped = readAll(reader, {2, 0});
    QVERIFY(arma::approx_equal(swapped.rows.col(0), expected.data.col(2), "absdiff", 0.0));
    QVERIFY(arma::approx_equal(swapped.rows.col(1), expected.data.col(0), "absdiff", 0.0));
}

void tst_CsvChunkReader::manyBlocksInTwoParts() {
    // 300,000 rows (about 6 MB): two parts on two threads, several full blocks each.
    std::ostringstream text;
    text << "i,x,y\n";
    for (int i = 0; i < 300000; ++i)
        text << i << ',' << (i % 97) * 0.25 << ',' << -i << '\n';
    QTemporaryDir dir;
    const std::string path = writeText(dir, text.str());
    const Collected c = readAll(CsvChunkReader(path, {}), {0, 1, 2});
    QCOMPARE(c.pass.rows, std::size_t(300000));
    QCOMPARE(c.rows.n_rows, arma::uword(300000));
    for (arma::uword i = 0; i < c.rows.n_rows; i += 9973) {
        QCOMPARE(c.rows(i, 0), double(i));
        QCOMPARE(c.rows(i, 1), (i % 97) * 0.25);
        QCOMPARE(c.rows(i, 2), -double(i));
    }
    QCOMPARE(arma::accu(c.rows.col(0)), 299999.0 * 300000.0 / 2.0); // every row once
}

void tst_CsvChunkReader::missingCellsLeaveRowsOut() {
    QTemporaryDir dir;
    const std::string path = writeText(dir, "id,x,y\n"
                                            "a,1,2\n"
                                            "NA,NA,3\n"      // left out: x is read
                                            ",4, \n"         // left out: y is blank
                                            "NA,5,6\n"       // kept: id is not read
                                            " NA ,7,8\r\n"); // a blank-padded token, CRLF
    const Collected c = readAll(CsvChunkReader(path, {}), {1, 2});
    QCOMPARE(c.pass.rows, std::size_t(5));
    QCOMPARE(c.pass.skipped, std::size_t(2));
    QVERIFY(c.pass.missing == std::vector<std::size_t>({4, 1, 1}));
    QVERIFY(arma::approx_equal(c.rows, arma::mat{{1, 2}, {5, 6}, {7, 8}}, "absdiff", 0.0));
}

void tst_CsvChunkReader::errorsNameLineAndColumn_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("reason");
    QTest::newRow("text in a number column")
        << QByteArray("x,y\n1,2\n3,abc\n") << 3 << 2 << QStringLiteral("expected a number");
    QTest::newRow("too few fields")
        << QByteArray("x,y\n1,2\n\n3\n") << 4 << 2 << QStringLiteral("expected 2 fields, found 1");
    QTest::newRow("too many fields before a bad number")
        << QByteArray("x,y\n1,z,3\n") << 2 << 3 << QStringLiteral("expected 2 fields, found 3");
    QTest::newRow("a quote") << QByteArray("x,y\n1,\"2\"\n") << 2 << 2
                             << QStringLiteral("quoted field");
    QTest::newRow("no data rows") << QByteArray("x,y\n") << 1 << 0
                                  << QStringLiteral("no data rows");
}

void tst_CsvChunkReader::errorsNameLineAndColumn() {
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const std::string path = writeText(dir, text.toStdString());
    const CsvError e = errorOf(path, {0, 1});
    QCOMPARE(e.file(), path);
    QCOMPARE(int(e.line()), line);
    QCOMPARE(int(e.column()), column);
    QVERIFY2(QString::fromStdString(e.reason()).contains(reason), e.what());
}

void tst_CsvChunkReader::firstErrorInFileOrder() {
    // Bad cells near the start and near the end of a 4 MB file (two parts): the first is named.
    std::ostringstream text;
    text << "x,y\n";
    for (int i = 0; i < 200000; ++i)
        text << (i == 10 ? "oops" : "1.5") << ',' << (i == 190000 ? "bad" : "2") << '\n';
    QTemporaryDir dir;
    const CsvError e = errorOf(writeText(dir, text.str()), {0, 1});
    QCOMPARE(e.line(), std::size_t(12));
    QCOMPARE(e.column(), std::size_t(1));
}

void tst_CsvChunkReader::onlyRegularFiles() {
    // Read twice: a folder or a device (a pipe alike) is refused at once, naming it.
    QTemporaryDir dir;
    const std::string folder = dir.path().toStdString();
    for (const std::string& path : {folder, std::string("/dev/null")}) {
        try {
            CsvChunkReader reader(path, {});
            QFAIL("no CsvError");
        } catch (const CsvError& e) {
            QCOMPARE(e.file(), path);
            QCOMPARE(e.line(), std::size_t(0));
            QVERIFY2(e.reason().find(path == folder ? "folder" : "not a regular file") !=
                         std::string::npos,
                     e.what());
        }
    }
}

void tst_CsvChunkReader::secondPassReadsTheSame() {
    QTemporaryDir dir;
    const std::string path = writeText(dir, "x,y\n1,2\n3,4\n");
    const CsvChunkReader reader(path, {});
    const Collected a = readAll(reader, {0, 1}), b = readAll(reader, {0, 1});
    QVERIFY(arma::approx_equal(a.rows, b.rows, "absdiff", 0.0));
    QCOMPARE(a.pass.rows, b.pass.rows);
}

QTEST_APPLESS_MAIN(tst_CsvChunkReader)
#include "tst_CsvChunkReader.moc"
