// The window's NumPy script of a document with derived features (added from the table, issue 15):
// Debian's python3 rebuilds them from the raw columns and prints LinLab's numbers.

#include "ui/window/ExportActions.h"

#include "app/document/DerivedFeatureCommand.h"
#include "app/document/Document.h"
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
#include <QUndoStack>

#include <cmath>

using namespace linlab;

namespace {
// The exports of one document, without the rest of the window.
struct Exporter {
    QMainWindow window;
    Document document;
    TrainingSession session{&document};
    QAction transformed;
    OpenFileWatcher watcher;
    ExportActions actions{&window, &document, &session, {}, &transformed, &watcher};
};

// The JSON the script at `path` prints.
QJsonObject run(const QString& path) {
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), {path});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qWarning("%s", p.readAllStandardError().constData());
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}
} // namespace

class tst_ExportDerived : public QObject {
    Q_OBJECT
private slots:
    void lessonWithDerivedFeaturesRunsToTheSameMse();
};

void tst_ExportDerived::lessonWithDerivedFeaturesRunsToTheSameMse() {
    Exporter e;
    std::vector<DerivedSpec> derived = DerivedFeature::polynomial("hours_studied", 3);
    derived.push_back({"sleep log", "log(hours_slept) * [hours_studied^2]"});
    QVERIFY(DerivedFeatureCommand::check(e.document, derived).isEmpty());
    e.document.undoStack()->push(
        new DerivedFeatureCommand(&e.document, derived, QStringLiteral("derive")));
    // Weights on every feature, the derived ones too, so each column counts in the MSE.
    e.document.setModel(LinearModel(arma::vec{4, 3, -0.5, 0.05, 0.1}, 10));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("derived.py"));
    QVERIFY(e.actions.exportNumpyScriptTo(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("np.log"));

    const QJsonObject r = run(path);
    QCOMPARE(r.value(QStringLiteral("n_samples")).toInt(), 4);
    QCOMPARE(r.value(QStringLiteral("feature_names")).toArray(),
             (QJsonArray{QStringLiteral("hours_studied"), QStringLiteral("hours_slept"),
                         QStringLiteral("hours_studied^2"), QStringLiteral("hours_studied^3"),
                         QStringLiteral("sleep log")}));
    const double mse = e.document.evaluation().metrics.mse;
    QVERIFY(mse > 1); // not a fit that hides a wrong column
    QVERIFY2(std::abs(r.value(QStringLiteral("mse")).toDouble() - mse) <= 1e-10 * mse,
             qPrintable(QString::number(r.value(QStringLiteral("mse")).toDouble(), 'g', 17)));
}

QTEST_MAIN(tst_ExportDerived)
#include "tst_ExportDerived.moc"
