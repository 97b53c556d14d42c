// Tests for MappedFile (model/support/MappedFile): a file's bytes mapped, pages let go behind a
// reader and still readable.

#include "model/support/MappedFile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cstddef>
#include <string>

#include <fcntl.h>
#include <unistd.h>

using linlab::MappedFile;

class tst_MappedFile : public QObject {
    Q_OBJECT

private slots:
    void mapsTheWholeFile();
    void releaseKeepsTheBytes();
    void releaserWithoutMapping();
};

namespace {

// A file of `size` bytes 'a'..'z' repeated in `dir`; its descriptor (or -1).
int openFileOf(const QTemporaryDir& dir, std::size_t size, std::string& bytes) {
    bytes.resize(size);
    for (std::size_t i = 0; i < size; ++i)
        bytes[i] = char('a' + i % 26);
    const QString path = dir.filePath(QStringLiteral("bytes"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.data(), qint64(size)) != qint64(size))
        return -1;
    file.close();
    return ::open(path.toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
}

} // namespace

void tst_MappedFile::mapsTheWholeFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string bytes;
    const int fd = openFileOf(dir, 10000, bytes);
    QVERIFY(fd >= 0);
    MappedFile file;
    QVERIFY(!file.isMapped());
    QVERIFY(file.text().empty());
    QVERIFY(file.map(fd, bytes.size()));
    ::close(fd); // the mapping keeps the file
    QVERIFY(file.isMapped());
    QCOMPARE(file.text().size(), bytes.size());
    QVERIFY(file.text() == bytes);
}

void tst_MappedFile::releaseKeepsTheBytes() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::string bytes;
    const std::size_t size = MappedFile::kReleaseBytes + (std::size_t(4) << 20);
    const int fd = openFileOf(dir, size, bytes);
    QVERIFY(fd >= 0);
    MappedFile file;
    QVERIFY(file.map(fd, size));
    ::close(fd);
    const char* begin = file.text().data();
    const std::size_t page = std::size_t(::sysconf(_SC_PAGESIZE));

    // Less than a whole page: nothing released, the next release starts where this one did.
    QCOMPARE(file.release(begin + 1, begin + page) - begin, std::ptrdiff_t(1));
    // From inside the first page: whole pages only, up to the last page boundary before `to`.
    const char* next = file.release(begin + 1, begin + 5 * page + 7);
    QCOMPARE(next - begin, std::ptrdiff_t(5 * page));
    // Released pages read back the same bytes (they are mapped again from the file).
    QVERIFY(file.text() == bytes);

    MappedFile::Releaser releaser(&file, begin);
    releaser.advance(begin + MappedFile::kReleaseBytes - 1); // not yet
    releaser.advance(begin + MappedFile::kReleaseBytes + 4096);
    releaser.finish(begin + size);
    QVERIFY(file.text() == bytes);
}

void tst_MappedFile::releaserWithoutMapping() {
    // Text in memory: the releaser does nothing (and must not touch the memory).
    const std::string text(std::size_t(20) << 20, 'x');
    MappedFile::Releaser releaser(nullptr, text.data());
    releaser.advance(text.data() + text.size());
    releaser.finish(text.data() + text.size());
    QCOMPARE(text.find_first_not_of('x'), std::string::npos);
}

QTEST_APPLESS_MAIN(tst_MappedFile)
#include "tst_MappedFile.moc"
