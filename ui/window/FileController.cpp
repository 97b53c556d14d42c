#include "ui/window/FileController.h"

#include "app/document/Document.h"
#include "app/document/ExampleLoader.h"
#include "app/document/ReplaceDataCommand.h"
#include "model/data/DesignRoles.h"
#include "model/io/TypedCsvReader.h"
#include "ui/common/LastFolder.h"
#include "ui/window/CsvImportDialog.h"
#include "ui/window/CsvLoader.h"
#include "ui/window/GenerateDataDialog.h"
#include "ui/window/OpenFileWatcher.h"
#include "ui/window/ProjectBinding.h"
#include "ui/window/WindowNotices.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>

namespace {
bool isProject(const QString& path) {
    return QFileInfo(path).suffix().compare(QStringLiteral("linlab"), Qt::CaseInsensitive) == 0;
}
} // namespace

FileController::FileController(QMainWindow* window, Document* document,
                               const ProjectBinding* binding)
    : QObject(window)
    , m_window(window)
    , m_document(document)
    , m_binding(binding)
    , m_loader(new CsvLoader(this))
    , m_fileWatch(new OpenFileWatcher(this))
    , m_loadProgress(new QProgressBar)
    , m_cancelLoad(new QToolButton)
    , m_autosave(new QTimer(this)) {
    // Background loading: a progress bar and a Cancel button in the status bar, the window usable.
    m_loadProgress->setRange(0, 100);
    m_loadProgress->setMaximumWidth(180);
    m_loadProgress->hide();
    m_cancelLoad->setText(tr("Cancel"));
    m_cancelLoad->setToolTip(tr("Stop loading; the data you have stays as it is"));
    m_cancelLoad->hide();
    window->statusBar()->addPermanentWidget(m_loadProgress);
    window->statusBar()->addPermanentWidget(m_cancelLoad);
    connect(m_cancelLoad, &QToolButton::clicked, m_loader, &CsvLoader::cancel);
    connect(m_loader, &CsvLoader::progress, m_loadProgress, &QProgressBar::setValue);
    connect(m_loader, &CsvLoader::loaded, this, &FileController::finishCsvLoad);
    connect(m_loader, &CsvLoader::loadedTyped, this, &FileController::finishTypedLoad);
    connect(m_loader, &CsvLoader::failed, this, &FileController::onLoadFailed);
    connect(m_loader, &CsvLoader::cancelled, this, [this] {
        hideProgress();
        showMessage(tr("Loading cancelled; your current data is unchanged."), false);
    });

    // Someone else changing the open file is reported; the document stays until the user chooses.
    connect(m_fileWatch, &OpenFileWatcher::changedOnDisk, this,
            &FileController::onFileChangedOnDisk);
    // Once the document is replaced (reloaded, or another file opened) the notice has nothing to
    // ask.
    connect(m_document, &Document::resetDone, this, [this] {
        if (m_changedNotice)
            m_changedNotice->close();
    });
    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this,
            &FileController::updateChangedNotice);

    // Unsaved work is copied to a recovery file every minute.
    m_autosave->setInterval(60 * 1000);
    connect(m_autosave, &QTimer::timeout, this, &FileController::autosaveNow);
    m_autosave->start();
}

FileController::~FileController() = default;

void FileController::setRecentMenu(QMenu* menu) {
    m_recentMenu = menu;
    updateRecentMenu();
}

void FileController::warn(const QString& title, const QString& text) {
    WindowNotices::warn(m_window, title, text);
}

void FileController::showMessage(const QString& text, bool error) {
    WindowNotices::status(m_window, text, error);
}

bool FileController::maybeSave() {
    if (m_document->undoStack()->isClean())
        return true;
    const auto answer = QMessageBox::question(
        m_window, tr("Unsaved Changes"),
        tr("\u201c%1\u201d has changes that are not saved. Save them first?")
            .arg(m_document->name()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void FileController::closed() {
    QFile::remove(recoveryPath()); // a normal close leaves nothing to recover
}

void FileController::open() {
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open"), LastFolder::get(LastFolder::Purpose::Files),
        tr("Data and projects (*.csv *.tsv *.txt *.linlab);;CSV files (*.csv *.tsv *.txt);;LinLab "
           "projects (*.linlab);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void FileController::openFile(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists()) {
        warn(tr("Cannot Open File"), tr("\u201c%1\u201d does not exist.").arg(path));
        return;
    }
    if (m_loader->isRunning()) {
        showMessage(tr("A file is still loading; cancel it first."), true);
        return;
    }
    if (!maybeSave())
        return;
    LastFolder::setFromFile(LastFolder::Purpose::Files, path);
    if (isProject(path)) {
        loadProject(path);
        return;
    }
    CsvImportDialog dialog(path, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    loadCsv(path, dialog.choice());
}

void FileController::openLesson() {
    if (!maybeSave())
        return;
    m_projectPath.clear();
    m_fileWatch->watch({});
    m_document->replaceAll(
        linlab::Dataset::lesson(), {},
        linlab::LinearModel(linlab::Dataset::lessonWeights(), linlab::Dataset::lessonBias()),
        QStringLiteral("lesson"));
}

void FileController::openExample(const QString& name) {
    const linlab::Example* example = linlab::Examples::find(name.toStdString());
    if (!example || !maybeSave())
        return;
    m_projectPath.clear();
    m_fileWatch->watch({});
    try {
        ExampleLoader::open(m_document, *example);
    } catch (const std::exception& e) {
        refuse(name, QString::fromStdString(e.what()));
        return;
    }
    showMessage(QString::fromStdString(example->about), false);
}

void FileController::generateData() {
    GenerateDataDialog dialog(m_window);
    dialog.setSpec(m_lastGenerated);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_lastGenerated = dialog.spec();
    QGuiApplication::setOverrideCursor(Qt::WaitCursor); // ten million rows take a second
    linlab::Dataset data = linlab::SyntheticData::generate(m_lastGenerated);
    m_document->undoStack()->push(new ReplaceDataCommand(
        m_document, std::move(data), m_document->transformSettings(), tr("Generate Data")));
    QGuiApplication::restoreOverrideCursor();
    showMessage(tr("Generated %1 rows: y = X\u00b7w + b + noise with the weights you gave. Fit "
                   "finds them back up to the noise.")
                    .arg(QLocale().toString(qlonglong(m_lastGenerated.rows))),
                false);
}

void FileController::loadCsv(const QString& path, const linlab::CsvReadOptions& options,
                             int labelColumn) {
    ImportChoice choice;
    choice.csv = options;
    choice.labelColumn = labelColumn;
    choice.plain = true;
    loadCsv(path, choice);
}

void FileController::loadCsv(const QString& path, const ImportChoice& choice) {
    if (m_loader->isRunning())
        return;
    m_choice = choice;
    m_loadingTyped = !choice.plain;
    m_numericError.clear();
    if (choice.plain)
        m_loader->start(path, choice.csv);
    else
        m_loader->startTyped(path, choice.csv, choice.typed);
    showProgress(tr("Loading %1\u2026").arg(QFileInfo(path).fileName()));
}

void FileController::showProgress(const QString& text) {
    m_loadProgress->setValue(0);
    m_loadProgress->show();
    m_cancelLoad->show();
    m_window->statusBar()->showMessage(text);
}

void FileController::refuse(const QString& path, const QString& message) {
    QString text = path.isEmpty() ? message : tr("%1: %2").arg(path, message);
    if (!m_numericError.isEmpty()) // the typed read followed a numeric one: say what that met
        text += tr("\n\n(The first cell that is not a number: %1)").arg(m_numericError);
    warn(tr("Cannot Open File"),
         tr("%1\n\nNothing was loaded; your current data is unchanged.").arg(text));
}

void FileController::onLoadFailed(const QString& message) {
    if (!m_loadingTyped && m_loader->failedOnText()) {
        // A cell (perhaps deep in the file) is not a number: read its columns typed instead,
        // with the missing tokens and roles chosen (or the label the numeric read would use).
        const QString path = m_loader->path();
        m_numericError = message;
        m_loadingTyped = true;
        m_choice.plain = false;
        m_loader->startTyped(path, m_choice.csv, m_choice.typed);
        showProgress(
            tr("%1 has text in it: reading its columns\u2026").arg(QFileInfo(path).fileName()));
        return;
    }
    hideProgress();
    refuse(QString(), message);
}

void FileController::finishTypedLoad(const std::shared_ptr<linlab::TypedCsvTable>& table) {
    hideProgress();
    if (table->table.invalidCount() > 0 && !m_choice.invalidAsMissing)
        askAboutInvalidCells(table);
    else
        applyTypedTable(table, m_loader->path());
}

void FileController::askAboutInvalidCells(const std::shared_ptr<linlab::TypedCsvTable>& table) {
    const QString path = m_loader->path();
    const std::size_t count = table->table.invalidCount();
    // Window-modal but not blocking, like the warnings: the event loop (and a test) carry on.
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Cells That Do Not Fit"),
        count == 1
            ? tr("1 cell in %1 does not fit its column's type:").arg(QFileInfo(path).fileName())
            : tr("%1 cells in %2 do not fit their column's type. The "
                 "first:")
                  .arg(count)
                  .arg(QFileInfo(path).fileName()),
        QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("linlabInvalidCells"));
    box->setInformativeText(
        tr("%1\n\nRead them as missing values? Otherwise nothing is loaded and your current "
           "data is unchanged.")
            .arg(QString::fromStdString(
                linlab::TypedCsvReader::invalidCellError(*table, 0).what())));
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* read = box->addButton(tr("Read as Missing"), QMessageBox::AcceptRole);
    read->setObjectName(QStringLiteral("readMissingButton"));
    QPushButton* cancel = box->addButton(tr("Cancel"), QMessageBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    const ImportChoice choice = m_choice;
    connect(box, &QMessageBox::buttonClicked, this,
            [this, read, table, path, choice](QAbstractButton* button) {
                if (button != read) {
                    showMessage(tr("Nothing was loaded; your current data is unchanged."), false);
                    return;
                }
                QTimer::singleShot(0, this, [this, table, path, choice] { // after the box closed
                    m_choice = choice;
                    m_choice.invalidAsMissing = true; // a reload reads them so again
                    applyTypedTable(table, path);
                });
            });
    m_invalidQuestion = box;
    box->show();
}

void FileController::applyTypedTable(const std::shared_ptr<linlab::TypedCsvTable>& table,
                                     const QString& path) {
    linlab::TypedTable& typed = table->table;
    linlab::DesignOptions design = m_choice.design;
    const int columns = int(typed.columnCount());
    if (design.label.empty() && columns > 0) { // the numeric read's label: the chosen or last
        const int label = m_choice.labelColumn >= 0 && m_choice.labelColumn < columns
                              ? m_choice.labelColumn
                              : columns - 1;
        design.label = typed.column(std::size_t(label)).name();
    }
    // The whole file may type a column otherwise than its first rows did (text past 50 values).
    for (const linlab::Column& column : typed.columns())
        design = linlab::DesignRoles::afterTypeChange(design, column);
    try {
        linlab::SourceTable source{std::move(typed), std::move(design),
                                   m_choice.typed.missingTokens};
        m_document->replaceSource(std::move(source), {}, linlab::LinearModel(0),
                                  QFileInfo(path).completeBaseName());
    } catch (const std::exception& e) {
        refuse(path, QString::fromStdString(e.what()));
        return;
    }
    m_projectPath.clear();
    m_openChoice = m_choice;
    m_fileWatch->watch(path);
    addRecentFile(path);
    const QString rows = m_document->rowsUsedText();
    showMessage(tr("Opened %1: %2, %3 features.")
                    .arg(QFileInfo(path).fileName())
                    .arg(rows.isEmpty() ? tr("%1 rows").arg(m_document->tableRowCount()) : rows)
                    .arg(m_document->dataset().featureCount()),
                false);
}

void FileController::hideProgress() {
    m_loadProgress->hide();
    m_cancelLoad->hide();
}

void FileController::finishCsvLoad(const std::shared_ptr<linlab::CsvTable>& table) {
    hideProgress();
    const QString path = m_loader->path();
    try {
        const int columns = int(table->data.n_cols);
        const int label = m_choice.labelColumn >= 0 && m_choice.labelColumn < columns
                              ? m_choice.labelColumn
                              : columns - 1;
        linlab::Dataset data = linlab::Dataset::fromTable(*table, arma::uword(label));
        table->data.reset(); // the dataset has the numbers now: do not hold them twice
        const arma::uword rows = data.rowCount(), features = data.featureCount();
        m_projectPath.clear();
        m_openChoice = m_choice;
        m_document->replaceAll(std::move(data), {}, linlab::LinearModel(features),
                               QFileInfo(path).completeBaseName());
        m_fileWatch->watch(path);
        addRecentFile(path);
        showMessage(tr("Opened %1: %2 rows, %3 features.")
                        .arg(QFileInfo(path).fileName())
                        .arg(rows)
                        .arg(features),
                    false);
    } catch (const std::exception& e) {
        warn(tr("Cannot Open File"),
             tr("%1: %2\n\nNothing was loaded; your current data is unchanged.")
                 .arg(path, QString::fromStdString(e.what())));
    }
}

bool FileController::loadProject(const QString& path) {
    try {
        m_binding->apply(ProjectFile::load(path), QFileInfo(path).completeBaseName());
    } catch (const ProjectError& e) {
        warn(tr("Cannot Open Project"),
             tr("%1\n\nNothing was loaded; your current data is unchanged.")
                 .arg(QString::fromStdString(e.what())));
        return false;
    }
    m_projectPath = path;
    m_fileWatch->watch(path);
    addRecentFile(path);
    showMessage(tr("Opened %1.").arg(QFileInfo(path).fileName()), false);
    return true;
}

bool FileController::saveProjectTo(const QString& path) {
    try {
        ProjectState state = m_binding->state();
        state.name = QFileInfo(path).completeBaseName();
        ProjectFile::save(path, state);
    } catch (const ProjectError& e) {
        warn(tr("Cannot Save"),
             tr("%1\n\nYour data is still open and unchanged; try another place.")
                 .arg(QString::fromStdString(e.what())));
        return false;
    }
    m_projectPath = path;
    m_fileWatch->watch(path); // our own write is the known state; a rename also ended the old watch
    if (m_changedNotice)
        m_changedNotice->close(); // saved over the other program's change, knowingly
    m_document->setName(QFileInfo(path).completeBaseName());
    m_document->undoStack()->setClean();
    QFile::remove(recoveryPath());
    addRecentFile(path);
    showMessage(tr("Saved %1.").arg(QFileInfo(path).fileName()), false);
    return true;
}

bool FileController::save() {
    return m_projectPath.isEmpty() ? saveAs() : saveProjectTo(m_projectPath);
}

bool FileController::saveAs() {
    QString path =
        QFileDialog::getSaveFileName(m_window, tr("Save Project"),
                                     QDir(LastFolder::get(LastFolder::Purpose::Files))
                                         .filePath(m_document->name() + QStringLiteral(".linlab")),
                                     tr("LinLab projects (*.linlab)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".linlab");
    LastFolder::setFromFile(LastFolder::Purpose::Files, path);
    return saveProjectTo(path);
}

void FileController::onFileChangedOnDisk(const QString& path, bool exists) {
    Q_UNUSED(path); // always the watched file
    m_changedFileExists = exists;
    if (!m_changedNotice) {
        // Not modal: the user may look at both versions before choosing; nothing happens until
        // then.
        auto* box = new QMessageBox(QMessageBox::Warning, tr("File Changed on Disk"), QString(),
                                    QMessageBox::NoButton, m_window);
        box->setObjectName(QStringLiteral("linlabFileChanged"));
        box->setWindowModality(Qt::NonModal);
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton* reload = box->addButton(tr("Reload"), QMessageBox::AcceptRole);
        reload->setObjectName(QStringLiteral("reloadButton"));
        QPushButton* keep = box->addButton(tr("Keep Mine"), QMessageBox::RejectRole);
        keep->setObjectName(QStringLiteral("keepButton"));
        box->setDefaultButton(keep);
        connect(box, &QMessageBox::buttonClicked, this, [this, reload](QAbstractButton* button) {
            if (button == reload) // after the notice has closed
                QTimer::singleShot(0, this, &FileController::reloadFromDisk);
        });
        m_changedNotice = box;
    }
    updateChangedNotice();
    m_changedNotice->show();
}

void FileController::updateChangedNotice() {
    if (!m_changedNotice)
        return;
    const QString name = QFileInfo(m_fileWatch->path()).fileName();
    const bool modified = !m_document->undoStack()->isClean();
    auto* reload = m_changedNotice->findChild<QPushButton*>(QStringLiteral("reloadButton"));
    reload->setVisible(m_changedFileExists);
    reload->setText(modified ? tr("Discard Changes and Reload") : tr("Reload"));
    if (!m_changedFileExists) {
        m_changedNotice->setText(tr("“%1” was deleted or moved on disk.").arg(name));
        m_changedNotice->setInformativeText(
            tr("What is open stays as it is; Save writes it to %1 again.")
                .arg(m_fileWatch->path()));
        return;
    }
    m_changedNotice->setText(tr("“%1” changed on disk.").arg(name));
    m_changedNotice->setInformativeText(
        modified ? tr("Another program changed %1. Reload reads it again and discards your unsaved "
                      "changes; "
                      "Keep Mine keeps what is open, and the next Save writes over the file.")
                       .arg(m_fileWatch->path())
                 : tr("Another program changed %1. Reload reads it again; Keep Mine keeps what is "
                      "open, and the "
                      "next Save writes over the file.")
                       .arg(m_fileWatch->path()));
}

void FileController::reloadFromDisk() {
    const QString path = m_fileWatch->path();
    if (path.isEmpty())
        return;
    if (!QFileInfo::exists(path)) {
        warn(tr("Cannot Reload"),
             tr("“%1” is no longer there; what is open stays as it is.").arg(path));
        return;
    }
    // The same paths as opening it: a bad file is reported and the open document kept.
    if (isProject(path))
        loadProject(path);
    else
        loadCsv(path, m_openChoice);
}

void FileController::addRecentFile(const QString& path) {
    QSettings settings;
    QStringList files = settings.value(QStringLiteral("files/recent")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > 8)
        files.removeLast();
    settings.setValue(QStringLiteral("files/recent"), files);
    updateRecentMenu();
}

void FileController::updateRecentMenu() {
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = QSettings().value(QStringLiteral("files/recent")).toStringList();
    for (const QString& f : files)
        m_recentMenu->addAction(QFileInfo(f).fileName(), this, [this, f] { openFile(f); })
            ->setToolTip(f);
    m_recentMenu->setEnabled(!files.isEmpty());
}

QString FileController::recoveryPath() {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("recovery.linlab"));
}

void FileController::autosaveNow() {
    if (m_document->undoStack()->isClean())
        return;
    try {
        ProjectFile::save(recoveryPath(), m_binding->state());
    } catch (const ProjectError& e) {
        showMessage(
            tr("Could not write the recovery copy: %1").arg(QString::fromStdString(e.what())),
            true);
    }
}

void FileController::offerRecovery() {
    const QString path = recoveryPath();
    if (!QFile::exists(path))
        return;
    const auto answer = QMessageBox::question(
        m_window, tr("Recover Unsaved Work?"),
        tr("LinLab did not close normally last time. Recover the unsaved work it kept?"),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes && loadProject(path)) {
        m_projectPath.clear(); // saving asks where, rather than writing over the recovery file
        m_fileWatch->watch({});
        m_document->undoStack()->resetClean(); // recovered work is unsaved work
        return;
    }
    QFile::remove(path);
}

QString FileController::droppedFile(const QMimeData* mime) {
    const QList<QUrl> urls = mime->urls();
    return !urls.isEmpty() && urls.first().isLocalFile() ? urls.first().toLocalFile() : QString();
}

bool FileController::openDropped(const QMimeData* mime) {
    const QString path = droppedFile(mime);
    if (path.isEmpty())
        return false;
    // Open after the drop returns, so the drag source is not kept waiting on a dialog.
    QTimer::singleShot(0, this, [this, path] { openFile(path); });
    return true;
}
