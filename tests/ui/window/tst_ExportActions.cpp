// The window's exports of a typed document: the NumPy script starts from the raw columns (and runs
// to the numbers of the rows used), the data CSV holds the rows used under the design's names.

#include "ui/window/ExportActions.h"

#include "app/document/Document.h"
#include "model/io/TypedCsvReader.h"
#include "ui/training/TrainingSession.h"
#include "ui/window/OpenFileWatcher.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace linlab;

namespace {
SourceTable typedSource() {
    const char* csv = "kind,x,y\n"
                      "a,1,2\n"
                      "b,NA,3\n"
                      "a,3,5\n"
                      "c,4,4\n"
                      "b,6,9\n";
    SourceTable s;
    s.table = TypedCsvReader::readString(csv, "typed.csv").table;
    s.design.label = "y";
    return s;
}

QByteArray contents(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The exports of one document, without the rest of the window.
struct Exporter {
    QMainWindow window;
    Document document;
    TrainingSession session{&document};
    QAction transformed;
    OpenFileWatcher watcher;
    ExportActions actions{&window, &document, &session, {}, &transformed, &watcher};
};
} // namespace

class tst_ExportActions : public QObject {
    Q_OBJECT
private slots:
    void typedScriptStartsFromTheRawColumns();
    void typedDataCsvHoldsTheRowsUsed();
};

void tst_ExportActions::typedScriptStartsFromTheRawColumns() {
    Exporter e;
    e.document.replaceSource(typedSource(), {}, LinearModel(arma::vec{1, 2, 0.5}, 1),
                             QStringLiteral("typed"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("typed.py"));
    QVERIFY(e.actions.exportNumpyScriptTo(path));
    const QByteArray script = contents(path);
    QVERIFY(script.contains("columns[\"kind\"] = np.array([\"a\", \"b\", \"a\", \"c\", \"b\"]"));
    QVERIFY(script.contains("np.nan")); // x's NA, raw

    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), {path});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject r = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(r.value(QStringLiteral("n_rows")).toInt(), 5);
    QCOMPARE(r.value(QStringLiteral("n_samples")).toInt(), 4);
    QCOMPARE(r.value(QStringLiteral("excluded_rows")).toArray(), QJsonArray{2});
    QCOMPARE(r.value(QStringLiteral("feature_names")).toArray(),
             (QJsonArray{QStringLiteral("kind=b"), QStringLiteral("kind=c"), QStringLiteral("x")}));
    const double mse = e.document.evaluation().metrics.mse;
    QVERIFY(std::abs(r.value(QStringLiteral("mse")).toDouble() - mse) <= 1e-10 * mse);
}

void tst_ExportActions::typedDataCsvHoldsTheRowsUsed() {
    Exporter e;
    e.document.replaceSource(typedSource(), {}, LinearModel(3), QStringLiteral("typed"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("typed.csv"));
    QVERIFY(e.actions.exportDataCsvTo(path, false, false));
    const QList<QByteArray> lines = contents(path).trimmed().split('\n');
    QCOMPARE(lines.size(), 5); // the header and the 4 rows used
    QCOMPARE(lines.at(0).trimmed(), QByteArray("kind=b,kind=c,x,y"));
    QCOMPARE(lines.at(2).trimmed(), QByteArray("0,0,3,5")); // table row 3: a (the reference)
}

QTEST_MAIN(tst_ExportActions)
#include "tst_ExportActions.moc"
