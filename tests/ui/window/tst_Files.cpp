// Files as a user meets them: open a CSV in the background (and cancel it), a bad file, save and
// reopen a project, a corrupt project, a failed save, the recovery copy, the import preview.

#include "app/document/Document.h"
#include "app/document/ProjectFile.h"
#include "model/io/CsvReader.h"
#include "model/io/CsvWriter.h"
#include "model/io/DataExport.h"
#include "ui/window/CsvImportDialog.h"
#include "ui/window/CsvLoader.h"
#include "ui/window/MainWindow.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cstring>

namespace {
void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write a test file");
    f.write(text);
}

QString warningText(MainWindow& w) {
    auto* box = w.findChild<QMessageBox*>(QStringLiteral("linlabWarning"));
    return box ? box->text() : QString();
}
} // namespace

class tst_Files : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void csvLoadsInTheBackground();
    void cancelledLoadChangesNothing();
    void badCsvNamesLineAndColumnAndKeepsTheData();
    void projectSaveThenOpenGivesTheSameState();
    void corruptProjectKeepsTheDocument();
    void failedSaveKeepsEverything();
    void recoveryCopyWhileModified();
    void importPreviewFollowsItsSettings();
    void csvExportThenImportIsBitExact();

private:
    QTemporaryDir m_dir;
};

void tst_Files::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // recovery files and settings go to a test location
    QCoreApplication::setOrganizationName(QStringLiteral("LinLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_Files"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

void tst_Files::cleanup() {
    QFile::remove(MainWindow::recoveryPath());
}

void tst_Files::csvLoadsInTheBackground() {
    const QString path = m_dir.filePath(QStringLiteral("european.csv"));
    writeText(path, "hours;sleep;score\n5;7;75,5\n3;6;60\n8;8;90\n2;5;55\n");
    MainWindow w;
    QSignalSpy loaded(w.csvLoader(), &CsvLoader::loaded);
    w.loadCsv(path, {}, 2);
    QVERIFY(loaded.wait(10000));
    const linlab::Dataset& d = w.document()->dataset();
    QCOMPARE(d.labelName(), std::string("score"));
    QCOMPARE(d.featureNames(), (std::vector<std::string>{"hours", "sleep"}));
    QCOMPARE(d.value(0, 2), 75.5); // a decimal comma in a semicolon file
    QCOMPARE(w.document()->name(), QStringLiteral("european"));
    QVERIFY(w.document()->undoStack()->isClean());
    QCOMPARE(w.document()->model().weights()(0), 0.0); // zeros for a file
}

void tst_Files::cancelledLoadChangesNothing() {
    QByteArray csv = "a,b,y\n";
    for (int i = 0; i < 400000; ++i)
        csv += QByteArray::number(i) + ',' + QByteArray::number(i % 7) + ',' +
               QByteArray::number(2 * i) + '\n';
    const QString path = m_dir.filePath(QStringLiteral("large.csv"));
    writeText(path, csv);
    MainWindow w;
    QSignalSpy cancelled(w.csvLoader(), &CsvLoader::cancelled);
    QSignalSpy loaded(w.csvLoader(), &CsvLoader::loaded);
    w.loadCsv(path, {}, -1);
    QVERIFY(w.csvLoader()->isRunning());
    w.csvLoader()->cancel();
    QVERIFY(cancelled.wait(10000));
    QCOMPARE(loaded.count(), 0);
    QVERIFY(w.document()->dataset().isLesson());
    QCOMPARE(w.document()->name(), QStringLiteral("lesson"));
}

void tst_Files::badCsvNamesLineAndColumnAndKeepsTheData() {
    const QString path = m_dir.filePath(QStringLiteral("bad.csv"));
    writeText(path, "x,y\n1,2\n3,oops\n");
    MainWindow w;
    w.document()->setValues(0, 0, arma::mat(1, 1, arma::fill::value(42.0))); // the user's own edit
    QSignalSpy failed(w.csvLoader(), &CsvLoader::failed);
    w.loadCsv(path, {}, -1);
    QVERIFY(failed.wait(10000));
    QTRY_VERIFY(!warningText(w).isEmpty());
    QVERIFY2(warningText(w).contains(QStringLiteral("bad.csv:3:2")), qPrintable(warningText(w)));
    QVERIFY(warningText(w).contains(QStringLiteral("oops")));
    QCOMPARE(w.document()->dataset().value(0, 0), 42.0);
}

void tst_Files::projectSaveThenOpenGivesTheSameState() {
    const QString path = m_dir.filePath(QStringLiteral("study.linlab"));
    MainWindow w;
    Document* doc = w.document();
    doc->setValues(1, 0, arma::mat(1, 1, arma::fill::value(0.1 + 0.2)));
    doc->setTransformSettings({1.1, linlab::Normalization::ZScore, 1});
    doc->setModel(linlab::LinearModel(arma::vec{1.5, -0.25}, 71.25));
    doc->undoStack()->resetClean();
    QVERIFY(w.isWindowModified());
    QVERIFY(w.saveProjectTo(path));
    QVERIFY(!w.isWindowModified());
    QCOMPARE(w.windowTitle(), QStringLiteral("LinLab \u2014 study[*]"));

    MainWindow other;
    QVERIFY(other.loadProject(path));
    const Document* again = other.document();
    QCOMPARE(again->dataset().value(1, 0), 0.1 + 0.2);
    QVERIFY(again->transformSettings() == doc->transformSettings());
    QCOMPARE(again->model().bias(), 71.25);
    QCOMPARE(again->model().weights()(1), -0.25);
    QCOMPARE(again->evaluation().metrics.mse, doc->evaluation().metrics.mse);
    QCOMPARE(other.projectPath(), path);
}

void tst_Files::corruptProjectKeepsTheDocument() {
    const QString path = m_dir.filePath(QStringLiteral("corrupt.linlab"));
    writeText(path,
              "{\"format\": \"linlab\", \"version\": 1, \"data\": {\"feature_names\": [\"a\"");
    MainWindow w;
    QVERIFY(!w.loadProject(path));
    QTRY_VERIFY(warningText(w).contains(QStringLiteral("corrupt.linlab")));
    QVERIFY(w.document()->dataset().isLesson());
}

void tst_Files::failedSaveKeepsEverything() {
    MainWindow w;
    w.document()->setValues(0, 0, arma::mat(1, 1, arma::fill::value(9.0)));
    w.document()->undoStack()->resetClean();
    QVERIFY(!w.saveProjectTo(m_dir.filePath(QStringLiteral("missing-folder/p.linlab"))));
    QTRY_VERIFY(warningText(w).contains(QStringLiteral("missing-folder")));
    QVERIFY(w.isWindowModified());
    QCOMPARE(w.document()->dataset().value(0, 0), 9.0);
    QVERIFY(w.projectPath().isEmpty());
}

void tst_Files::recoveryCopyWhileModified() {
    MainWindow w;
    w.autosaveNow();
    QVERIFY(!QFile::exists(MainWindow::recoveryPath())); // nothing unsaved, nothing to keep
    w.document()->setValues(2, 2, arma::mat(1, 1, arma::fill::value(99.0)));
    w.document()->undoStack()->resetClean();
    w.autosaveNow();
    QVERIFY(QFile::exists(MainWindow::recoveryPath()));
    const ProjectState kept = ProjectFile::load(MainWindow::recoveryPath());
    QCOMPARE(kept.dataset.value(2, 2), 99.0);
    QVERIFY(w.saveProjectTo(m_dir.filePath(QStringLiteral("saved.linlab"))));
    QVERIFY(!QFile::exists(MainWindow::recoveryPath())); // a normal save removes it
}

void tst_Files::importPreviewFollowsItsSettings() {
    const QString path = m_dir.filePath(QStringLiteral("preview.csv"));
    writeText(path, "a;b;c\n1,5;2;3\n4;5;6\n");
    CsvImportDialog dialog(path);
    QVERIFY(dialog.previewOk());
    QCOMPARE(dialog.previewTable()->columnCount(), 3);
    QCOMPARE(dialog.previewTable()->item(0, 0)->text(), QStringLiteral("1.5"));
    QCOMPARE(dialog.labelColumn(), 2);
    // Header "no": the names become a data row that is not a number, which the preview says.
    dialog.headerBox()->setCurrentIndex(
        dialog.headerBox()->findData(int(linlab::CsvReadOptions::Header::No)));
    QVERIFY(!dialog.previewOk());
    QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("preview.csv:1:1")));
    dialog.headerBox()->setCurrentIndex(0);
    QVERIFY(dialog.previewOk());
    // A comma delimiter reads the decimal comma as a separator: a ragged row, named.
    dialog.delimiterBox()->setCurrentIndex(dialog.delimiterBox()->findData(int(',')));
    QCOMPARE(dialog.previewTable()->columnCount(), 0);
    dialog.delimiterBox()->setCurrentIndex(0);
    dialog.labelBox()->setCurrentIndex(0);
    QCOMPARE(dialog.labelColumn(), 0);
    QVERIFY(
        dialog.previewTable()->horizontalHeaderItem(0)->text().contains(QStringLiteral("label")));
}

void tst_Files::csvExportThenImportIsBitExact() {
    Document doc;
    arma::arma_rng::set_seed(5);
    const arma::mat noise = arma::randn(4, 3) * 1e-3;
    doc.setValues(0, 0, arma::mat(linlab::Dataset::lesson().rowBlock(0, 4) + noise));
    doc.setTransformSettings({1.0, linlab::Normalization::ZScore, 0});
    const linlab::CsvTable t =
        linlab::DataExport::table(doc.dataset(), doc.analysis(), doc.evaluation(), {true, true});
    QCOMPARE(t.names.back(), std::string("residual"));
    const QString path = m_dir.filePath(QStringLiteral("export.csv"));
    linlab::CsvWriter::writeFile(path.toStdString(), t.names, t.data);
    const linlab::CsvTable back = linlab::CsvReader::readFile(path.toStdString());
    QCOMPARE(back.names, t.names);
    QVERIFY(std::memcmp(back.data.memptr(), t.data.memptr(), t.data.n_elem * sizeof(double)) == 0);
}

QTEST_MAIN(tst_Files)
#include "tst_Files.moc"
