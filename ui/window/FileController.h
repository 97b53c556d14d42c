#pragma once
// The window's files: Open (a CSV through the import dialog, read in the background as numbers
// or, with text, dates or missing values, as typed columns; or a .linlab project), Save and Save
// As, the recent files, the recovery copy kept while there are unsaved changes, files dropped on
// the window, and the notice when someone else changes the open file on disk (Reload or Keep
// Mine). Projects are read and written through the
// ProjectBinding; errors are shown and nothing open is lost.

#include "model/data/SyntheticData.h"
#include "model/io/CsvReader.h"
#include "model/io/CsvTable.h"
#include "model/io/TypedCsvTable.h"
#include "ui/window/ImportChoice.h"

#include <QMessageBox> // QPointer<QMessageBox> needs the whole class
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class CsvLoader;
class Document;
class OpenFileWatcher;
class ProjectBinding;
class QMainWindow;
class QMenu;
class QMimeData;
class QProgressBar;
class QTimer;
class QToolButton;

class FileController : public QObject {
    Q_OBJECT
public:
    /// Adds the load progress and its Cancel button to `window`'s status bar.
    FileController(QMainWindow* window, Document* document, const ProjectBinding* binding);
    ~FileController() override;

    CsvLoader* csvLoader() const { return m_loader; }
    /// Watches the file the document was read from or saved to (project or CSV).
    OpenFileWatcher* fileWatcher() const { return m_fileWatch; }
    /// The non-modal "changed on disk" notice while it is shown (buttons "reloadButton" and
    /// "keepButton"); null otherwise.
    QMessageBox* changedOnDiskNotice() const { return m_changedNotice; }
    /// The project file the document was read from or saved to; empty for a CSV or the lesson.
    QString projectPath() const { return m_projectPath; }
    /// The menu that lists the recent files (kept up to date from here on).
    void setRecentMenu(QMenu* menu);

    /// Asks for a file and opens it.
    void open();
    /// Opens a CSV (through the import dialog) or a .linlab project.
    void openFile(const QString& path);
    /// Starts loading a CSV of numbers in the background; the label is column `labelColumn` (-1:
    /// the last). A cell that is not a number has the file read again as typed columns.
    void loadCsv(const QString& path, const linlab::CsvReadOptions& options, int labelColumn);
    /// Starts loading a CSV as the import dialog chose: numbers (choice.plain), else typed columns
    /// with the chosen types and roles.
    void loadCsv(const QString& path, const ImportChoice& choice);
    /// The non-modal question shown when a typed file has cells that do not fit their column
    /// (buttons "readMissingButton" and "cancelButton"); null otherwise.
    QMessageBox* invalidCellsQuestion() const { return m_invalidQuestion; }
    /// Loads a .linlab project; false (and a message) when it cannot be read.
    bool loadProject(const QString& path);
    /// Starts again from the lesson's data (after asking to save changes).
    void openLesson();
    /// Opens the built-in example `name` (lesson, practice, anscombe, penguins) after asking to
    /// save unsaved changes; the status bar says what it is.
    void openExample(const QString& name);
    /// Data > Generate: asks for the rows, true weights, bias, noise and seed, and replaces the
    /// data with them as one undo step.
    void generateData();
    /// Saves to the project file, or asks where when there is none; false when not saved.
    bool save();
    /// Asks where, then saves; false when not saved.
    bool saveAs();
    /// Saves the project to `path`; false (and a message) when it cannot be written.
    bool saveProjectTo(const QString& path);
    /// With unsaved changes, asks to save them; false when the user cancels (or saving failed).
    bool maybeSave();
    /// The window closes normally: nothing is left to recover.
    void closed();

    /// The local file a drag carries, or empty: what a drop would open.
    static QString droppedFile(const QMimeData* mime);
    /// Opens the dropped file once the drop has returned; false when it carries none.
    bool openDropped(const QMimeData* mime);

    /// Writes the recovery file now (the timer does it every minute while there are unsaved
    /// changes).
    void autosaveNow();
    /// Where unsaved work is kept in case LinLab does not close normally.
    static QString recoveryPath();
    /// After a crash: offers to recover the unsaved work found in the recovery file.
    void offerRecovery();

private:
    void finishCsvLoad(const std::shared_ptr<linlab::CsvTable>& table);
    void onLoadFailed(const QString& message);
    void finishTypedLoad(const std::shared_ptr<linlab::TypedCsvTable>& table);
    /// Asks whether to read the table's invalid cells as missing; loads it on yes.
    void askAboutInvalidCells(const std::shared_ptr<linlab::TypedCsvTable>& table);
    /// Makes the typed table the document, or says why not (nothing changes then).
    void applyTypedTable(const std::shared_ptr<linlab::TypedCsvTable>& table, const QString& path);
    void refuse(const QString& path, const QString& message);
    void showProgress(const QString& text);
    void hideProgress();
    void onFileChangedOnDisk(const QString& path, bool exists);
    void updateChangedNotice();
    void reloadFromDisk();
    void addRecentFile(const QString& path);
    void updateRecentMenu();
    void warn(const QString& title, const QString& text);
    void showMessage(const QString& text, bool error);

    QMainWindow* m_window;
    linlab::SyntheticSpec m_lastGenerated; // the dialog opens with the last entries
    Document* m_document;
    const ProjectBinding* m_binding;
    QString m_projectPath;
    CsvLoader* m_loader;
    ImportChoice m_choice;       ///< how the file loading now is read
    ImportChoice m_openChoice;   ///< how the open CSV was read, to read it again the same way
    bool m_loadingTyped = false; ///< the load running reads typed columns
    QString m_numericError;      ///< why the numeric read failed, when typed columns followed it
    QPointer<QMessageBox> m_invalidQuestion;
    OpenFileWatcher* m_fileWatch;
    QPointer<QMessageBox> m_changedNotice;
    bool m_changedFileExists = true; ///< what the notice reports: changed, or gone
    QProgressBar* m_loadProgress;
    QToolButton* m_cancelLoad;
    QTimer* m_autosave;
    QMenu* m_recentMenu = nullptr;
};
