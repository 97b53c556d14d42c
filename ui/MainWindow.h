#pragma once
// LinLab's window: the data table, the lesson's preprocessing, the weights, the live numbers and
// the plots, side by side. Thin wiring: widgets read the document and push undo commands.

#include <QMainWindow>

class DataPlotView;
class DataTableView;
class Document;
class LessonPane;
class MetricsPanel;
class ModelPanel;
class PredictedActualPlotView;
class QAction;
class QDockWidget;
class QLabel;
class ResidualPlotView;
class TransformPanel;

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
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }
    QAction* transformedViewAction() const { return m_transformedAction; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createActions();
    void createMenus();
    void updateTitle();
    void updateStatus();
    void showMessage(const QString& text, bool error);
    void restoreLayout();
    void saveLayout();
    void resetLayout();
    void about();

    Document* m_document;
    DataTableView* m_table = nullptr;
    TransformPanel* m_transformPanel = nullptr;
    ModelPanel* m_modelPanel = nullptr;
    MetricsPanel* m_metricsPanel = nullptr;
    LessonPane* m_lessonPane = nullptr;
    DataPlotView* m_dataPlot = nullptr;
    PredictedActualPlotView* m_predictedPlot = nullptr;
    ResidualPlotView* m_residualPlot = nullptr;
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
};
