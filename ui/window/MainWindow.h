#pragma once
// LinLab's window: the data table, the lesson's preprocessing, the weights, the live numbers and
// the plots, side by side. Thin wiring: widgets read the document and push undo commands.

#include "app/document/ProjectFile.h"
#include "model/io/CsvReader.h"
#include "model/io/CsvTable.h"

#include <QMainWindow>
#include <QMessageBox> // QPointer<QMessageBox> needs the whole class
#include <QPointer>

#include <memory>

class CsvLoader;
class DataPlotView;
class DataTableView;
class Document;
class LessonPane;
class MetricsPanel;
class ModelPanel;
class OpenFileWatcher;
class PredictedActualPlotView;
class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QTimer;
class QToolButton;
class ResidualPlotView;
class TrainingView;
class TransformPanel;
class QTabWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Document* document() const { return m_document; }
    DataTableView* tableView() const { return m_table; }
    ModelPanel* modelPanel() const { return m_modelPanel; }
    TransformPanel* transformPanel() const { return m_transformPanel; }
    MetricsPanel* metricsPanel() const { return m_metricsPanel; }
    LessonPane* lessonPane() const { return m_lessonPane; }
    DataPlotView* dataPlot() const { return m_dataPlot; }
    PredictedActualPlotView* predictedActualPlot() const { return m_predictedPlot; }
    ResidualPlotView* residualPlot() const { return m_residualPlot; }
    TrainingView* trainingView() const { return m_training; }
    QTabWidget* centralTabs() const { return m_tabs; }
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }
    QAction* transformedViewAction() const { return m_transformedAction; }
    CsvLoader* csvLoader() const { return m_loader; }
    /// The project file the document was read from or saved to; empty for a CSV or the lesson.
    QString projectPath() const { return m_projectPath; }

    /// Opens a CSV (through the import dialog) or a .linlab project; errors are shown, nothing is
    /// lost.
    void openFile(const QString& path);
    /// Starts loading a CSV in the background with these options; the label is column
    /// `labelColumn`.
    void loadCsv(const QString& path, const linlab::CsvReadOptions& options, int labelColumn);
    /// Loads a .linlab project; false (and a message) when it cannot be read.
    bool loadProject(const QString& path);
    /// Saves the project to `path`; false (and a message) when it cannot be written.
    bool saveProjectTo(const QString& path);
    /// Writes the data as CSV (raw or transformed, optionally with predictions and residuals);
    /// false (and a message) when it cannot be written. What was at `path` is then untouched.
    bool exportDataCsvTo(const QString& path, bool transformed, bool predictions);
    /// Writes the NumPy script; false (and a message) when it cannot be written.
    bool exportNumpyScriptTo(const QString& path);
    /// Watches the file the document was read from or saved to (project or CSV).
    OpenFileWatcher* fileWatcher() const { return m_fileWatch; }
    /// The non-modal "changed on disk" notice while it is shown (buttons "reloadButton" and
    /// "keepButton"); null otherwise.
    QMessageBox* changedOnDiskNotice() const { return m_changedNotice; }
    /// Writes the recovery file now (the timer does it every minute while there are unsaved
    /// changes).
    void autosaveNow();
    /// Where unsaved work is kept in case LinLab does not close normally.
    static QString recoveryPath();
    /// After a crash: offers to recover the unsaved work found in the recovery file.
    void offerRecovery();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createDocks();
    void createActions();
    void createMenus();
    void updateTitle();
    void updateStatus();
    void showMessage(const QString& text, bool error);
    void warn(const QString& title, const QString& text);
    void restoreLayout();
    void saveLayout();
    void resetLayout();
    void about();
    bool maybeSave();
    void open();
    bool save();
    bool saveAs();
    void exportDataCsv();
    void exportNumpyScript();
    void exportPlots();
    void addRecentFile(const QString& path);
    void updateRecentMenu();
    void finishCsvLoad(const std::shared_ptr<linlab::CsvTable>& table);
    void onFileChangedOnDisk(const QString& path, bool exists);
    void updateChangedNotice();
    void reloadFromDisk();
    ProjectState currentState() const;

    Document* m_document;
    DataTableView* m_table = nullptr;
    TransformPanel* m_transformPanel = nullptr;
    ModelPanel* m_modelPanel = nullptr;
    MetricsPanel* m_metricsPanel = nullptr;
    LessonPane* m_lessonPane = nullptr;
    DataPlotView* m_dataPlot = nullptr;
    PredictedActualPlotView* m_predictedPlot = nullptr;
    ResidualPlotView* m_residualPlot = nullptr;
    TrainingView* m_training = nullptr;
    QTabWidget* m_tabs = nullptr;
    QList<QDockWidget*> m_docks;
    QByteArray m_defaultState;
    QLabel* m_statusSummary = nullptr;

    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_copyAction = nullptr;
    QAction* m_pasteAction = nullptr;
    QAction* m_insertRowAction = nullptr;
    QAction* m_removeRowsAction = nullptr;
    QAction* m_addFeatureAction = nullptr;
    QAction* m_removeFeatureAction = nullptr;
    QAction* m_renameAction = nullptr;
    QAction* m_useAsLabelAction = nullptr;
    QAction* m_transformedAction = nullptr;
    QAction* m_fitAction = nullptr;
    QAction* m_resetModelAction = nullptr;
    QAction* m_lessonDataAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_resetLayoutAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_exportCsvAction = nullptr;
    QAction* m_exportNumpyAction = nullptr;
    QAction* m_exportPlotsAction = nullptr;
    QMenu* m_recentMenu = nullptr;

    QString m_projectPath;
    CsvLoader* m_loader = nullptr;
    int m_pendingLabel = -1;
    linlab::CsvReadOptions
        m_csvOptions; ///< how the open CSV was read, to read it again the same way
    OpenFileWatcher* m_fileWatch = nullptr;
    QPointer<QMessageBox> m_changedNotice;
    bool m_changedFileExists = true; ///< what the notice reports: changed, or gone
    QProgressBar* m_loadProgress = nullptr;
    QToolButton* m_cancelLoad = nullptr;
    QTimer* m_autosave = nullptr;
};
