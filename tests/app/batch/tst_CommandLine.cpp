// The program's own command line (app/main.cpp): --help and --version answer on a machine
// without a display (a terminal over ssh, a CI box), and never start the GUI.

#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

namespace {
struct Run {
    int exitCode = -1;
    QByteArray out, err;
};

// Runs linlab as from a terminal without a display: no DISPLAY, no WAYLAND_DISPLAY and no
// QT_QPA_PLATFORM, so anything that opened a QApplication would abort.
Run runWithoutDisplay(const QStringList& args) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LINLAB_EXE), args);
    if (!p.waitForFinished(60000))
        qFatal("linlab did not finish");
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}
} // namespace

class tst_CommandLine : public QObject {
    Q_OBJECT
private slots:
    void helpAndVersionWithoutADisplay_data();
    void helpAndVersionWithoutADisplay();
};

void tst_CommandLine::helpAndVersionWithoutADisplay_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("start");
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")}
                            << QByteArray("Usage: linlab [FILE]");
    QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << QByteArray("Usage: linlab [FILE]");
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")}
                               << QByteArray("linlab " LINLAB_VERSION_TEXT);
    QTest::newRow("a file, then --help")
        << QStringList{QStringLiteral("data.csv"), QStringLiteral("--help")}
        << QByteArray("Usage: linlab [FILE]");
    QTest::newRow("--batch --help")
        << QStringList{QStringLiteral("--batch"), QStringLiteral("--help")}
        << QByteArray("Usage: linlab --batch");
    QTest::newRow("--batch --version")
        << QStringList{QStringLiteral("--batch"), QStringLiteral("--version")}
        << QByteArray("linlab " LINLAB_VERSION_TEXT);
}

void tst_CommandLine::helpAndVersionWithoutADisplay() {
    QFETCH(QStringList, args);
    QFETCH(QByteArray, start);
    const Run r = runWithoutDisplay(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    QVERIFY2(r.out.startsWith(start), r.out.constData());
    QVERIFY(r.out.endsWith('\n'));
    if (args.contains(QStringLiteral("--help")) && !args.contains(QStringLiteral("--batch")))
        QVERIFY(r.out.contains("Usage: linlab --batch [FILE] [options]")); // the batch's too
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_CommandLine.moc"
