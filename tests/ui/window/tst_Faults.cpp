// Faults at the window's save and export paths (project, data CSV, NumPy script, plot): a full
// disk, a place that cannot be written, a folder that vanished, a file-size limit hit half-way.
// Each gets a message naming the path and the reason; the file already on disk stays byte for
// byte what it was, and the open document stays as it was, still marked modified. And a file
// changed (or replaced, or deleted) on disk by another program while it is open: a non-modal
// notice naming it, the document untouched until the user chooses Reload or Keep Mine.
//
// The tests run as root, where permissions stop nothing; so "cannot be written" is a path under a
// regular file used as a folder (ENOTDIR) and a new file in /proc (which no one can create).

#include "app/document/Document.h"
#include "app/document/ProjectFile.h"
#include "ui/plots/DataPlotView.h"
#include "ui/plots/ExportPlotDialog.h"
#include "ui/plots/PlotExporter.h"
#include "ui/table/DataTableModel.h"
#include "ui/table/DataTableView.h"
#include "ui/window/MainWindow.h"
#include "ui/window/OpenFileWatcher.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <sys/stat.h>

namespace {
bool isCharDevice(const char* path) {
    struct stat info {};
    return ::stat(path, &info) == 0 && S_ISCHR(info.st_mode);
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        qFatal("cannot write a test file");
}

/// Writes as editors do: a temporary file renamed over the old one (a new file, a new inode).
void replaceAtomically(const QString& path, const QByteArray& text) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit())
        qFatal("cannot replace a test file");
}

/// The text of the window's warning, and closes it; empty when there is none.
QString takeWarning(MainWindow& w) {
    auto* box = w.findChild<QMessageBox*>(QStringLiteral("linlabWarning"));
    if (!box)
        return {};
    const QString text = box->text();
    delete box;
    return text;
}

bool sameDocument(const Document* doc, const linlab::Dataset& data,
                  const linlab::LinearModel& model) {
    const arma::mat& a = doc->dataset().features();
    const arma::mat& b = data.features();
    return a.n_rows == b.n_rows && a.n_cols == b.n_cols &&
           (a.n_elem == 0 || std::memcmp(a.memptr(), b.memptr(), a.n_elem * sizeof(double)) == 0) &&
           arma::approx_equal(doc->dataset().labels(), data.labels(), "absdiff", 0) &&
           doc->dataset().featureNames() == data.featureNames() &&
           arma::approx_equal(doc->model().weights(), model.weights(), "absdiff", 0) &&
           doc->model().bias() == model.bias();
}

/// Lowers the file-size limit for its lifetime: writes past `bytes` fail with EFBIG, as on a
/// disk that fills up half-way through a file (SIGXFSZ ignored, so write() reports it).
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit lower = m_old;
        lower.rlim_cur = bytes;
        m_ok = ::setrlimit(RLIMIT_FSIZE, &lower) == 0;
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    bool ok() const { return m_ok; }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = nullptr;
    bool m_ok = false;
};
} // namespace

class tst_Faults : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void failedWritesKeepTheFileAndTheDocument_data();
    void failedWritesKeepTheFileAndTheDocument();
    void saveIntoAVanishedFolder();
    void ownSavesAreNotReported();
    void projectChangedOnDiskKeepMine();
    void projectChangedOnDiskReload();
    void reloadWhenModifiedSaysWhatIsLost();
    void replacedTwiceIsReportedTwice();
    void deletedFileIsReportedAndSaveWritesItAgain();
    void csvChangedOnDiskReloadsWithTheSameOptions();

private:
    /// Writes with writer `kind` ("project", "csv", "numpy", "plot") to `path`; the message shown
    /// (empty on success).
    QString write(MainWindow& w, const QString& kind, const QString& path);
    QTemporaryDir m_dir;
};

void tst_Faults::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LinLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_Faults"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void tst_Faults::cleanup() {
    QFile::remove(MainWindow::recoveryPath());
}

QString tst_Faults::write(MainWindow& w, const QString& kind, const QString& path) {
    if (kind == QLatin1String("plot") && QFileInfo(path).suffix().isEmpty()) {
        // The dialog adds the format's extension to a bare name ("/dev/full" would become a new
        // file "/dev/full.png"), so a device is written through PlotExporter itself.
        QString error;
        PlotExporter::exportPlot(w.dataPlot()->plot(), path, QSize(400, 250), 1.0, &error,
                                 QStringLiteral("png"));
        return error;
    }
    if (kind == QLatin1String("plot")) {
        // Through the window's Export › Plots: the dialog it opens, filled in as a user would.
        QString error = QStringLiteral("<the export dialog did not open>");
        QTimer::singleShot(0, &w, [&] {
            auto* dialog = qobject_cast<ExportPlotDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->setPlotIndex(0);
            dialog->setSizePx(QSize(400, 250));
            dialog->setPath(path);
            error.clear();
            dialog->exportNow(&error); // what accept() would show in its warning
            dialog->reject();
        });
        QAction* exportPlots = nullptr;
        for (QAction* a : w.findChildren<QAction*>())
            if (a->text() == QStringLiteral("&Plots\u2026"))
                exportPlots = a;
        if (!exportPlots)
            return QStringLiteral("<no Plots action>");
        exportPlots->trigger();
        return error;
    }
    bool ok = false;
    if (kind == QLatin1String("project"))
        ok = w.saveProjectTo(path);
    else if (kind == QLatin1String("csv"))
        ok = w.exportDataCsvTo(path, false, true);
    else
        ok = w.exportNumpyScriptTo(path);
    const QString shown = takeWarning(w);
    if (ok != shown.isEmpty())
        return QStringLiteral("<%1 returned %2 but the warning is \u201c%3\u201d>")
            .arg(kind)
            .arg(ok)
            .arg(shown);
    return shown;
}

void tst_Faults::failedWritesKeepTheFileAndTheDocument_data() {
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("kind");
    const QStringList kinds{QStringLiteral("project"), QStringLiteral("csv"),
                            QStringLiteral("numpy"), QStringLiteral("plot")};
    for (const char* fault : {"devfull", "file-as-folder", "proc", "vanished-folder", "size-limit"})
        for (const QString& kind : kinds)
            QTest::addRow("%s/%s", fault, qPrintable(kind)) << QString::fromLatin1(fault) << kind;
}

void tst_Faults::failedWritesKeepTheFileAndTheDocument() {
    QFETCH(QString, fault);
    QFETCH(QString, kind);
    if (fault == QLatin1String("devfull") && !isCharDevice("/dev/full"))
        QSKIP("/dev/full is not available here");
    if (fault == QLatin1String("proc") && !QFileInfo(QStringLiteral("/proc/self")).isDir())
        QSKIP("no /proc here");

    const QString extension = kind == QLatin1String("project") ? QStringLiteral("linlab")
                              : kind == QLatin1String("csv")   ? QStringLiteral("csv")
                              : kind == QLatin1String("numpy") ? QStringLiteral("py")
                                                               : QStringLiteral("png");
    const QString base = m_dir.filePath(QStringLiteral("%1-%2").arg(fault, kind));
    QVERIFY(QDir().mkpath(base));

    MainWindow w;
    Document* doc = w.document();
    // Enough rows that every output is larger than the size limit below.
    auto* table = w.tableView()->tableModel();
    for (int i = 0; i < 60; ++i)
        w.tableView()->insertRowBelow();
    QVERIFY(table->setData(table->index(5, 0), QStringLiteral("0.30000000000000004")));
    // The project as last saved: it must come through every failure byte for byte.
    const QString project = QDir(base).filePath(QStringLiteral("saved.linlab"));
    QVERIFY(w.saveProjectTo(project));
    const QByteArray projectBytes = readAll(project);
    QVERIFY(table->setData(table->index(1, 1), QStringLiteral("-2.5"))); // unsaved work
    QVERIFY(w.isWindowModified());
    const linlab::Dataset data = doc->dataset();
    const linlab::LinearModel model = doc->model();
    const int undoIndex = doc->undoStack()->index();

    QString target;
    QString expectedReason;
    QByteArray previous; // what is at the target before (empty: nothing)
    if (fault == QLatin1String("devfull")) {
        target = QStringLiteral("/dev/full");
        expectedReason = QStringLiteral("space");
    } else if (fault == QLatin1String("file-as-folder")) {
        const QString file = QDir(base).filePath(QStringLiteral("afile"));
        writeText(file, "a regular file, not a folder\n");
        target = file + QStringLiteral("/out.") + extension;
        expectedReason = QStringLiteral("directory"); // ENOTDIR: "Not a directory"
    } else if (fault == QLatin1String("proc")) {
        target = QStringLiteral("/proc/linlab-out.") + extension;
        expectedReason = QString(); // the kernel's reason varies; the path is named
    } else if (fault == QLatin1String("vanished-folder")) {
        const QString folder = QDir(base).filePath(QStringLiteral("gone"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QDir(folder).removeRecursively());
        target = folder + QStringLiteral("/out.") + extension;
        expectedReason = QStringLiteral("No such file or directory");
    } else {
        target = QDir(base).filePath(QStringLiteral("existing.") + extension);
        previous = QByteArray("what was there before: ") + QByteArray(100, 'x');
        writeText(target, previous);
        expectedReason = QStringLiteral("large"); // EFBIG: "File too large"
    }

    QString message;
    if (fault == QLatin1String("size-limit")) {
        FileSizeLimit limit(200);
        QVERIFY(limit.ok());
        message = write(w, kind, target);
    } else {
        message = write(w, kind, target);
    }

    // A clear message: the path and the reason.
    QVERIFY2(!message.isEmpty(), "the write was expected to fail");
    QVERIFY2(!message.startsWith(QLatin1Char('<')), qPrintable(message));
    QVERIFY2(message.contains(target), qPrintable(message));
    QVERIFY2(expectedReason.isEmpty() || message.contains(expectedReason, Qt::CaseInsensitive),
             qPrintable(message));
    // What was on disk is intact; nothing half-written is left.
    QCOMPARE(readAll(project), projectBytes);
    if (!previous.isEmpty())
        QCOMPARE(readAll(target), previous);
    else if (fault != QLatin1String("devfull"))
        QVERIFY(!QFileInfo::exists(target));
    const QStringList leftovers =
        QDir(base).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString& name : leftovers)
        QVERIFY2(!name.contains(QLatin1String("tmp"), Qt::CaseInsensitive), qPrintable(name));
    if (fault == QLatin1String("vanished-folder"))
        QVERIFY(!QFileInfo::exists(QFileInfo(target).absolutePath())); // not silently recreated
    if (fault == QLatin1String("devfull"))
        QVERIFY(isCharDevice("/dev/full")); // written to, never renamed over (root could)
    // The open document is as it was, still unsaved, still pointing at its project.
    QVERIFY(sameDocument(doc, data, model));
    QCOMPARE(doc->undoStack()->index(), undoIndex);
    QVERIFY(w.isWindowModified());
    QCOMPARE(w.projectPath(), project);
    // And it can still be saved somewhere sound.
    QVERIFY(w.saveProjectTo(QDir(base).filePath(QStringLiteral("rescued.linlab"))));
}

void tst_Faults::saveIntoAVanishedFolder() {
    // The project's own folder is removed while it is open; File › Save then fails cleanly.
    const QString folder = m_dir.filePath(QStringLiteral("project-folder"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = QDir(folder).filePath(QStringLiteral("study.linlab"));
    MainWindow w;
    QVERIFY(w.saveProjectTo(path));
    auto* table = w.tableView()->tableModel();
    QVERIFY(table->setData(table->index(0, 0), QStringLiteral("6")));
    QVERIFY(QDir(folder).removeRecursively());
    QTRY_VERIFY_WITH_TIMEOUT(w.changedOnDiskNotice() != nullptr, 5000);
    QVERIFY2(w.changedOnDiskNotice()->text().contains(QStringLiteral("deleted or moved")),
             qPrintable(w.changedOnDiskNotice()->text()));
    QAction* save = nullptr;
    for (QAction* a : w.findChildren<QAction*>())
        if (a->text() == QStringLiteral("&Save"))
            save = a;
    QVERIFY(save);
    save->trigger();
    const QString message = takeWarning(w);
    QVERIFY2(message.contains(path) &&
                 message.contains(QStringLiteral("No such file or directory")),
             qPrintable(message));
    QCOMPARE(w.document()->dataset().value(0, 0), 6.0);
    QVERIFY(w.isWindowModified());
    QVERIFY(!QFileInfo::exists(folder));
}

void tst_Faults::ownSavesAreNotReported() {
    const QString path = m_dir.filePath(QStringLiteral("own.linlab"));
    MainWindow w;
    QVERIFY(w.saveProjectTo(path));
    auto* table = w.tableView()->tableModel();
    for (int i = 0; i < 5; ++i) {
        QVERIFY(table->setData(table->index(0, 0), QString::number(10 + i)));
        QVERIFY(w.saveProjectTo(path)); // a rename over the watched file each time
        QTest::qWait(60);
    }
    QTest::qWait(600);
    QVERIFY(!w.changedOnDiskNotice());
    // Exporting over the file that is open (here a CSV) is LinLab's own write too.
    const QString csv = m_dir.filePath(QStringLiteral("own.csv"));
    QVERIFY(w.exportDataCsvTo(csv, false, false));
    w.loadCsv(csv, {}, -1);
    QTRY_COMPARE(w.fileWatcher()->path(), QFileInfo(csv).absoluteFilePath());
    QVERIFY(w.exportDataCsvTo(csv, false, true));
    QTest::qWait(600);
    QVERIFY(!w.changedOnDiskNotice());
}

void tst_Faults::projectChangedOnDiskKeepMine() {
    const QString path = m_dir.filePath(QStringLiteral("keep.linlab"));
    MainWindow w;
    QVERIFY(w.saveProjectTo(path));
    const linlab::Dataset mine = w.document()->dataset();
    const linlab::LinearModel mineModel = w.document()->model();

    ProjectState theirs = ProjectFile::load(path);
    theirs.dataset.setValue(0, 0, 123.0);
    const QByteArray theirBytes = ProjectFile::toJson(theirs);
    writeText(path, theirBytes); // written in place, as some programs do
    QTRY_VERIFY_WITH_TIMEOUT(w.changedOnDiskNotice() != nullptr, 5000);
    QMessageBox* notice = w.changedOnDiskNotice();
    QVERIFY(notice->isVisible());
    QVERIFY(!notice->isModal()); // the window stays usable
    QVERIFY2(notice->text().contains(QStringLiteral("keep.linlab")) &&
                 notice->text().contains(QStringLiteral("changed on disk")),
             qPrintable(notice->text()));
    QVERIFY(sameDocument(w.document(), mine, mineModel)); // nothing happens until the user chooses

    notice->findChild<QPushButton*>(QStringLiteral("keepButton"))->click();
    QTRY_VERIFY(!w.changedOnDiskNotice());
    QVERIFY(sameDocument(w.document(), mine, mineModel));
    QCOMPARE(readAll(path),
             theirBytes);           // kept mine in the window; their file untouched until I save
    QVERIFY(w.saveProjectTo(path)); // the next save writes over it, knowingly
    QCOMPARE(ProjectFile::load(path).dataset.value(0, 0), mine.value(0, 0));
    QTest::qWait(500);
    QVERIFY(!w.changedOnDiskNotice());
}

void tst_Faults::projectChangedOnDiskReload() {
    const QString path = m_dir.filePath(QStringLiteral("reload.linlab"));
    MainWindow w;
    QVERIFY(w.saveProjectTo(path));
    ProjectState theirs = ProjectFile::load(path);
    theirs.dataset.setValue(2, 1, 42.5);
    theirs.model = linlab::LinearModel(arma::vec{1.0, 2.0}, -3.0);
    replaceAtomically(path, ProjectFile::toJson(theirs));
    QTRY_VERIFY_WITH_TIMEOUT(w.changedOnDiskNotice() != nullptr, 5000);
    QCOMPARE(
        w.changedOnDiskNotice()->findChild<QPushButton*>(QStringLiteral("reloadButton"))->text(),
        QStringLiteral("Reload"));
    w.changedOnDiskNotice()->findChild<QPushButton*>(QStringLiteral("reloadButton"))->click();
    QTRY_COMPARE(w.document()->dataset().value(2, 1), 42.5);
    QCOMPARE(w.document()->model().bias(), -3.0);
    QVERIFY(!w.isWindowModified());
    QCOMPARE(w.projectPath(), path);
    QTRY_VERIFY(!w.changedOnDiskNotice());
}

void tst_Faults::reloadWhenModifiedSaysWhatIsLost() {
    const QString path = m_dir.filePath(QStringLiteral("modified.linlab"));
    MainWindow w;
    QVERIFY(w.saveProjectTo(path));
    auto* table = w.tableView()->tableModel();
    QVERIFY(table->setData(table->index(0, 0), QStringLiteral("77")));
    ProjectState theirs = ProjectFile::load(path);
    theirs.dataset.setValue(0, 0, 5.5);
    replaceAtomically(path, ProjectFile::toJson(theirs));
    QTRY_VERIFY_WITH_TIMEOUT(w.changedOnDiskNotice() != nullptr, 5000);
    QMessageBox* notice = w.changedOnDiskNotice();
    auto* reload = notice->findChild<QPushButton*>(QStringLiteral("reloadButton"));
    QVERIFY2(reload->text().contains(QStringLiteral("Discard")), qPrintable(reload->text()));
    QVERIFY2(notice->informativeText().contains(QStringLiteral("discards your unsaved changes")),
             qPrintable(notice->informativeText()));
    QCOMPARE(w.document()->dataset().value(0, 0), 77.0);
    // Undoing back to the saved state makes it a plain Reload again.
    w.undoAction()->trigger();
    QCOMPARE(reload->text(), QStringLiteral("Reload"));
    w.redoAction()->trigger();
    reload->click();
    QTRY_COMPARE(w.document()->dataset().value(0, 0), 5.5);
    QVERIFY(!w.isWindowModified());
}

void tst_Faults::replacedTwiceIsReportedTwice() {
    // Editors replace the file (a new inode each time); the watch must follow.
    const QString path = m_dir.filePath(QStringLiteral("twice.linlab"));
    MainWindow w;
    QVERIFY(w.saveProjectTo(path));
    ProjectState theirs = ProjectFile::load(path);
    for (double v : {1.25, 2.5}) {
        theirs.dataset.setValue(0, 1, v);
        replaceAtomically(path, ProjectFile::toJson(theirs));
        QTRY_VERIFY_WITH_TIMEOUT(w.changedOnDiskNotice() != nullptr, 5000);
        w.changedOnDiskNotice()->findChild<QPushButton*>(QStringLiteral("keepButton"))->click();
        QTRY_VERIFY(!w.changedOnDiskNotice());
    }
    QVERIFY(w.document()->dataset().isLesson());
}

void tst_Faults::deletedFileIsReportedAndSaveWritesItAgain() {
    const QString path = m_dir.filePath(QStringLiteral("deleted.linlab"));
    MainWindow w;
    QVERIFY(w.saveProjectTo(path));
    QVERIFY(QFile::remove(path));
    QTRY_VERIFY_WITH_TIMEOUT(w.changedOnDiskNotice() != nullptr, 5000);
    QMessageBox* notice = w.changedOnDiskNotice();
    QVERIFY2(notice->text().contains(QStringLiteral("deleted.linlab")) &&
                 notice->text().contains(QStringLiteral("deleted or moved")),
             qPrintable(notice->text()));
    QVERIFY(!notice->findChild<QPushButton*>(QStringLiteral("reloadButton"))->isVisibleTo(notice));
    QVERIFY(w.document()->dataset().isLesson());
    QVERIFY(w.saveProjectTo(path));
    QVERIFY(QFileInfo::exists(path));
    QTRY_VERIFY(!w.changedOnDiskNotice()); // saved over the loss, knowingly
    // Back on disk: later changes are reported again.
    ProjectState theirs = ProjectFile::load(path);
    theirs.dataset.setValue(0, 0, 8.0);
    writeText(path, ProjectFile::toJson(theirs));
    QTRY_VERIFY_WITH_TIMEOUT(w.changedOnDiskNotice() != nullptr, 5000);
}

void tst_Faults::csvChangedOnDiskReloadsWithTheSameOptions() {
    const QString path = m_dir.filePath(QStringLiteral("scores.csv"));
    writeText(path, "score;hours;sleep\n75,5;5;7\n60;3;6\n");
    MainWindow w;
    linlab::CsvReadOptions options;
    options.delimiter = ';';
    w.loadCsv(path, options, 0); // the label is the first column
    QTRY_COMPARE(w.document()->dataset().rowCount(), arma::uword(2));
    QCOMPARE(w.document()->dataset().labelName(), std::string("score"));
    writeText(path, "score;hours;sleep\n80,25;5;7\n60;3;6\n61;4;6\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.changedOnDiskNotice() != nullptr, 5000);
    QVERIFY(w.changedOnDiskNotice()->text().contains(QStringLiteral("scores.csv")));
    QCOMPARE(w.document()->dataset().rowCount(), arma::uword(2));
    w.changedOnDiskNotice()->findChild<QPushButton*>(QStringLiteral("reloadButton"))->click();
    QTRY_COMPARE(w.document()->dataset().rowCount(), arma::uword(3));
    QCOMPARE(w.document()->dataset().labelName(), std::string("score"));
    QCOMPARE(w.document()->dataset().labels()(0), 80.25);
}

QTEST_MAIN(tst_Faults)
#include "tst_Faults.moc"
