#pragma once
// LinLab's window: the data table, the lesson's preprocessing, the weights, the live numbers and
// the plots, side by side. It only wires: docks, actions and menus here; files in
// FileController, exports in ExportActions, what a project holds of it in ProjectBinding.
// Widgets read the document and push undo commands.

#include "ui/window/ExportActions.h"
#include "ui/window/FileController.h"

#include <QMainWindow>

#include <memory>

class DataPlotView;
class DataTableView;
class Document;
class LessonPane;
class MetricsPanel;
class ModelPanel;
class PredictedActualPlotView;
class ProjectBinding;
class WindowLayout;
class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class ResidualPlotView;
class TrainingView;
class TransformPanel;
class QTabWidget;
class DiagnosticsView;
class FitBands;
class ReportColumns;
class RegressionRunner;
class ReportPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// The plots ring at most this many of the report's flagged rows.
    static constexpr int kMaxRings = 200;

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
    /// The least-squares report, fitted off the UI thread after each data change.
    RegressionRunner* regression() const { return m_regression; }
    /// The full report (the Report tab) and the compact one (the Report dock).
    ReportPanel* reportPanel() const { return m_reportPanel; }
    ReportPanel* reportDockPanel() const { return m_reportDockPanel; }
    DiagnosticsView* diagnosticsView() const { return m_diagnostics; }
    QTabWidget* centralTabs() const { return m_tabs; }
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }
    QAction* transformedViewAction() const { return m_transformedAction; }
    /// View › Confidence and Prediction Bands (of the least-squares line, in the data plot).
    QAction* bandsAction() const { return m_bandsAction; }
    FitBands* fitBands() const { return m_bands; }
    QAction* reportColumnsAction() const { return m_reportColumnsAction; }
    /// Open, save, reload, recent files, recovery (see FileController).
    FileController* files() const { return m_files; }
    /// File › Export (see ExportActions).
    ExportActions* exports() const { return m_exports; }
    /// What a project file holds of this window.
    const ProjectBinding* projectBinding() const { return m_binding.get(); }

    // Shorthands for files() and exports(), as main() and the tests use them.
    CsvLoader* csvLoader() const { return m_files->csvLoader(); }
    QString projectPath() const { return m_files->projectPath(); }
    void openFile(const QString& path) { m_files->openFile(path); }
    void loadCsv(const QString& path, const linlab::CsvReadOptions& options, int labelColumn) {
        m_files->loadCsv(path, options, labelColumn);
    }
    bool loadProject(const QString& path) { return m_files->loadProject(path); }
    bool saveProjectTo(const QString& path) { return m_files->saveProjectTo(path); }
    bool exportDataCsvTo(const QString& path, bool transformed, bool predictions) {
        return m_exports->exportDataCsvTo(path, transformed, predictions);
    }
    bool exportNumpyScriptTo(const QString& path) { return m_exports->exportNumpyScriptTo(path); }
    OpenFileWatcher* fileWatcher() const { return m_files->fileWatcher(); }
    QMessageBox* changedOnDiskNotice() const { return m_files->changedOnDiskNotice(); }
    void autosaveNow() { m_files->autosaveNow(); }
    static QString recoveryPath() { return FileController::recoveryPath(); }
    void offerRecovery() { m_files->offerRecovery(); }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createPlots();
    void createDocks();
    void createActions();
    void connectActions();
    void createMenus();
    /// View > Significant Digits: how many digits every panel shows (DisplayDigits).
    void addDigitsMenu(QMenu* menu);
    void createToolBar();
    void updateTitle();
    void updateStatus();
    /// Hands the report's flagged rows to the plots and the table.
    void showFlaggedRows();
    /// A point dragged in a plot: the row's new values, one undo step per drag.
    void onPointDragged(int row, const QVector<QPair<int, double>>& cells, bool finished);

    Document* m_document;
    RegressionRunner* m_regression;
    ReportPanel* m_reportPanel = nullptr;
    ReportPanel* m_reportDockPanel = nullptr;
    DiagnosticsView* m_diagnostics = nullptr;
    FitBands* m_bands = nullptr;
    ReportColumns* m_reportColumns = nullptr;
    QDockWidget* m_reportDock = nullptr;
    int m_dragId = 0x1000; // point drags: each drag's commands merge into one
    bool m_dragging = false;
    QAction* m_bandsAction = nullptr;
    QAction* m_reportColumnsAction = nullptr;
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
    QLabel* m_statusSummary = nullptr;
    std::unique_ptr<ProjectBinding> m_binding;
    std::unique_ptr<WindowLayout> m_layout;
    FileController* m_files = nullptr;
    ExportActions* m_exports = nullptr;

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
};
