// `linlab --batch FILE` on input that is not CSV text: binary files and endless devices are
// refused at once as bad input data (exit status 3), naming the file, with nothing on stdout.

#include "app/batch/BatchCommand.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>
#include <string>

class tst_BatchInput : public QObject {
    Q_OBJECT

private slots:
    void binaryFileIsBadData();
    void endlessDeviceIsBadData_data();
    void endlessDeviceIsBadData();
};

void tst_BatchInput::binaryFileIsBadData() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("data.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray bytes("x\0,y\n1,2\n3,4\n", 13); // a NUL in a name: once a valid table
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();

    std::ostringstream out, err;
    const int status = linlab::BatchCommand::run({"--batch", path.toStdString()}, out, err);
    QCOMPARE(status, int(linlab::BatchCommand::BadData));
    QVERIFY(out.str().empty());
    const std::string expected = "linlab: " + path.toStdString() + ": not a text file";
    QVERIFY2(err.str().rfind(expected, 0) == 0, err.str().c_str());
}

void tst_BatchInput::endlessDeviceIsBadData_data() {
    QTest::addColumn<QString>("device");
    QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero");
    QTest::newRow("/dev/urandom") << QStringLiteral("/dev/urandom");
}

void tst_BatchInput::endlessDeviceIsBadData() {
    QFETCH(QString, device);
    if (!QFile::exists(device))
        QSKIP("no such device here");
    QVERIFY2(QFile::exists(QStringLiteral(LINLAB_EXE)), LINLAB_EXE);
    // The program itself, as a user runs it; it used to read until memory ran out.
    QProcess p;
    p.start(QStringLiteral(LINLAB_EXE), {QStringLiteral("--batch"), device});
    const bool finished = p.waitForFinished(120000);
    if (!finished)
        p.kill();
    QVERIFY2(finished, "linlab --batch did not finish");
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), int(linlab::BatchCommand::BadData));
    QVERIFY(p.readAllStandardOutput().isEmpty());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(
        err.startsWith(QStringLiteral("linlab: ") + device + QStringLiteral(": not a text file")),
        qPrintable(err));
}

QTEST_APPLESS_MAIN(tst_BatchInput)
#include "tst_BatchInput.moc"
