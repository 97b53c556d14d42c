// Tests for reading a CSV file's bytes (model/io/CsvFileText): missing files, folders, binary
// data, endless devices and pipes bounded.

#include "tests/model/io/CsvTestData.h"

#include "model/io/CsvError.h"
#include "model/io/CsvFileText.h"
#include "model/io/CsvReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <string>

using namespace linlab;
using namespace csvtest;

class tst_CsvFileText : public QObject {
    Q_OBJECT

private slots:
    void readFileMissing();
    void readFileFolder();
};

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

QTEST_APPLESS_MAIN(tst_CsvFileText)
#include "tst_CsvFileText.moc"
