// Tests for reading a CSV file's bytes (model/io/CsvFileText): missing files, folders, binary
// data, endless devices and pipes bounded.

#include "tests/model/io/CsvTestData.h"

#include "model/io/CsvError.h"
#include "model/io/CsvFileText.h"
#include "model/io/CsvReader.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace linlab;
using namespace csvtest;

class tst_CsvFileText : public QObject {
    Q_OBJECT

private slots:
    void readFileMissing();
    void readFileFolder();
    void nulInFirstBlockRefused_data();
    void nulInFirstBlockRefused();
    void nulPastFirstBlockIsBadData();
    void endlessDeviceRefusedAtOnce_data();
    void endlessDeviceRefusedAtOnce();
    void pipePastLimitRefused();
    void pipeWithinLimitRead();
};

namespace {

std::string writeFile(const QTemporaryDir& dir, const QByteArray& bytes) {
    const QString path = dir.filePath(QStringLiteral("input.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path.toStdString();
}

// A FIFO in `dir` and a thread that writes `bytes` into it (stopping when the reader has gone),
// so that the reader sees a pipe, not a regular file.
class FedPipe {
public:
    FedPipe(const QTemporaryDir& dir, QByteArray bytes)
        : m_path(dir.filePath(QStringLiteral("pipe")).toStdString())
        , m_bytes(std::move(bytes)) {
        m_made = ::mkfifo(m_path.c_str(), 0600) == 0;
        m_oldPipeHandler = std::signal(SIGPIPE, SIG_IGN); // a reader that stops early: EPIPE
        if (m_made)
            m_writer = std::thread([this] { feed(); });
    }
    ~FedPipe() {
        if (m_writer.joinable()) {
            // A reader that never opened it would leave the writer blocked in open(): open the
            // read end once and close it at once. Held open while joining, it would be a reader
            // that never reads, and a writer still writing would block on it for ever.
            const int unblock = ::open(m_path.c_str(), O_RDONLY | O_NONBLOCK);
            if (unblock >= 0)
                ::close(unblock);
            m_writer.join();
        }
        std::signal(SIGPIPE, m_oldPipeHandler);
    }
    bool made() const { return m_made; }
    const std::string& path() const { return m_path; }

private:
    void feed() {
        const int fd = ::open(m_path.c_str(), O_WRONLY);
        if (fd < 0)
            return;
        for (qsizetype at = 0; at < m_bytes.size();) {
            const ssize_t put =
                ::write(fd, m_bytes.constData() + at, std::size_t(m_bytes.size() - at));
            if (put <= 0)
                break;
            at += put;
        }
        ::close(fd);
    }

    std::string m_path;
    QByteArray m_bytes;
    bool m_made = false;
    void (*m_oldPipeHandler)(int) = nullptr;
    std::thread m_writer;
};

// `rows` lines "i,2*i" under the header x,y.
QByteArray numberedRows(int rows) {
    QByteArray text("x,y\n");
    for (int i = 0; i < rows; ++i)
        text += QByteArray::number(i) + ',' + QByteArray::number(2 * i) + '\n';
    return text;
}

} // namespace

void tst_CsvFileText::readFileMissing() {
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

void tst_CsvFileText::readFileFolder() {
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

void tst_CsvFileText::nulInFirstBlockRefused_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("a NUL in a value") << QByteArray("x,y\n1,2\n3,\0\n", 13);
    QTest::newRow("a NUL in a name, where any text was a name") << QByteArray("x\0,y\n1,2\n", 10);
    QTest::newRow("UTF-16 text") << QByteArray("\xFF\xFEx\0,\0y\0\n\0001\0,\0002\0\n\0", 18);
    QTest::newRow("only NULs") << QByteArray(4096, '\0');
}

void tst_CsvFileText::nulInFirstBlockRefused() {
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = writeFile(dir, bytes);
    QVERIFY(!path.empty());
    try {
        CsvReader::readFile(path);
        QFAIL("no error");
    } catch (const CsvError& e) {
        QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(path));
        QCOMPARE(int(e.line()), 0);
        QVERIFY2(e.reason().find("not a text file") != std::string::npos, e.what());
    }
    // From memory the same: every way of reading refuses it before anything else.
    const std::string text = bytes.toStdString();
    QVERIFY2(outcome(text, 0).find("data.csv: not a text file: NUL bytes in its first 64 KiB") !=
                 std::string::npos,
             outcome(text, 0).c_str());
    QCOMPARE(QString::fromStdString(outcome(text, 1)), QString::fromStdString(outcome(text, 0)));
    QCOMPARE(QString::fromStdString(outcome(text, 2)), QString::fromStdString(outcome(text, 0)));
}

void tst_CsvFileText::nulPastFirstBlockIsBadData() {
    // Only the first block is probed: a NUL further on is a bad value on its line, as before.
    QByteArray text = numberedRows(20000);
    QVERIFY(text.size() > qsizetype(CsvFileText::kProbeBytes));
    text += QByteArray("7,\0\n", 5);
    try {
        read(text.toStdString());
        QFAIL("no error");
    } catch (const CsvError& e) {
        QCOMPARE(int(e.line()), 20002);
        QCOMPARE(int(e.column()), 2);
        QVERIFY2(e.reason().find("expected a number") != std::string::npos, e.what());
    }
}

void tst_CsvFileText::endlessDeviceRefusedAtOnce_data() {
    QTest::addColumn<QString>("device");
    QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero");
    // 64 KiB of random bytes hold a NUL but for a chance of about e^-256.
    QTest::newRow("/dev/urandom") << QStringLiteral("/dev/urandom");
}

void tst_CsvFileText::endlessDeviceRefusedAtOnce() {
    QFETCH(QString, device);
    if (!QFile::exists(device))
        QSKIP("no such device here");
    const std::string path = device.toStdString();
    // Read whole, these would take all the memory; the first block is refused instead.
    try {
        CsvReader::readFile(path);
        QFAIL("no error");
    } catch (const CsvError& e) {
        QCOMPARE(QString::fromStdString(e.file()), device);
        QCOMPARE(int(e.line()), 0);
        QVERIFY2(e.reason().find("not a text file") != std::string::npos, e.what());
    }
}

void tst_CsvFileText::pipePastLimitRefused() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray text = numberedRows(40000); // about 470 KB of good data
    FedPipe pipe(dir, text);
    QVERIFY(pipe.made());
    CsvReadOptions o;
    o.maxStreamBytes = std::size_t(100) << 10;
    try {
        CsvReader::readFile(pipe.path(), o);
        QFAIL("no error");
    } catch (const CsvError& e) {
        QCOMPARE(QString::fromStdString(e.file()), QString::fromStdString(pipe.path()));
        QCOMPARE(int(e.line()), 0);
        QVERIFY2(e.reason().find("more than 100 KiB from a pipe or a device") != std::string::npos,
                 e.what());
    }
}

void tst_CsvFileText::pipeWithinLimitRead() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray text = numberedRows(40000);
    FedPipe pipe(dir, text);
    QVERIFY(pipe.made());
    CsvReadOptions o;
    o.maxStreamBytes = std::size_t(text.size()); // exactly what comes: allowed
    const CsvTable t = CsvReader::readFile(pipe.path(), o);
    QCOMPARE(joined(t.names), QStringLiteral("x|y"));
    QCOMPARE(t.data.n_rows, arma::uword(40000));
    QCOMPARE(t.data(39999, 1), 79998.0);
    // The same table as from memory, to the bit.
    QVERIFY(bitExact(t.data, read(text.toStdString()).data));
}

QTEST_APPLESS_MAIN(tst_CsvFileText)
#include "tst_CsvFileText.moc"
