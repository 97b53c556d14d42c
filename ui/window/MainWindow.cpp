#include "ui/window/MainWindow.h"

#include "app/document/Document.h"
#include "app/document/DragPointCommand.h"
#include "app/document/ModelActions.h"
#include "app/document/RegressionRunner.h"
#include "model/data/Examples.h"
#include "ui/common/DisplayDigits.h"
#include "ui/common/NumberText.h"
#include "ui/common/Teardown.h"
#include "ui/fit/PathPlotView.h"
#include "ui/panels/HeldOutPanel.h"
#include "ui/panels/LessonPane.h"
#include "ui/panels/MetricsPanel.h"
#include "ui/panels/ModelPanel.h"
#include "ui/panels/TransformPanel.h"
#include "ui/plots/DataPlotView.h"
#include "ui/plots/PredictedActualPlotView.h"
#include "ui/plots/ResidualPlotView.h"
#include "ui/plots/ValidationCurveView.h"
#include "ui/report/DiagnosticPlotView.h"
#include "ui/report/DiagnosticsView.h"
#include "ui/report/FitBands.h"
#include "ui/report/ReportColumns.h"
#include "ui/report/ReportPanel.h"
#include "ui/report/ResidualHistogramView.h"
#include "ui/table/DataTableModel.h"
#include "ui/table/DataTableView.h"
#include "ui/table/DerivedFeatureDialog.h"
#include "ui/training/LossCurveView.h"
#include "ui/training/LossLandscapeView.h"
#include "ui/training/TrainingView.h"
#include "ui/window/GuideDialog.h"
#include "ui/window/ProjectBinding.h"
#include "ui/window/WindowLayout.h"
#include "ui/window/WindowNotices.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>

#include <algorithm>

namespace {
QScrollArea* scrolled(QWidget* panel) {
    auto* area = new QScrollArea;
    area->setWidget(panel);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
    , m_regression(new RegressionRunner(m_document, this)) {
    m_regression->setActive(false); // until a view of the report is shown (see updateActive)
    DisplayDigits::restore();       // before any panel writes a number
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/linlab.svg")));
    setDockNestingEnabled(true);

    createPlots();
    createDocks();
    createActions();
    m_statusSummary = new QLabel;
    statusBar()->addPermanentWidget(m_statusSummary);

    m_binding =
        std::make_unique<ProjectBinding>(m_document, m_training->session(), m_transformedAction);
    m_files = new FileController(this, m_document, m_binding.get());
    const QMap<linlab::PlotKind, QCustomPlot*> plots{
        {linlab::PlotKind::Data, m_dataPlot->plot()},
        {linlab::PlotKind::PredictedVsActual, m_predictedPlot->plot()},
        {linlab::PlotKind::Residuals, m_residualPlot->plot()},
        {linlab::PlotKind::LossSurface, m_training->landscape()->plot()},
        {linlab::PlotKind::LossCurve, m_training->lossCurve()->plot()}};
    m_exports = new ExportActions(this, m_document, m_training->session(), plots,
                                  m_transformedAction, m_files->fileWatcher());
    m_exports->setRegression(m_regression);
    connectActions();
    createMenus();
    createToolBar();
    setAcceptDrops(true);

    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::nameChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::evaluationChanged, this, &MainWindow::updateStatus);
    connect(m_table, &DataTableView::message, this,
            [this](const QString& text, bool error) { WindowNotices::status(this, text, error); });

    // Selection is shared: rows picked in the table light up in every plot, and a click on a
    // point selects its row.
    for (auto* view : {static_cast<PlotView*>(m_dataPlot), static_cast<PlotView*>(m_predictedPlot),
                       static_cast<PlotView*>(m_residualPlot)}) {
        connect(m_table, &DataTableView::selectedRowsChanged, view, &PlotView::setSelectedRows);
        connect(view, &PlotView::rowClicked, m_table, &DataTableView::selectDataRow);
    }
    connect(m_table, &DataTableView::selectedRowsChanged, m_diagnostics,
            &DiagnosticsView::setSelectedRows);
    connect(m_diagnostics, &DiagnosticsView::rowClicked, m_table, &DataTableView::selectDataRow);
    // Points dragged in the data and predicted-vs-actual plots edit the data: one step per drag.
    for (PlotView* view :
         {static_cast<PlotView*>(m_dataPlot), static_cast<PlotView*>(m_predictedPlot)})
        connect(view, &PlotView::pointDragged, this, &MainWindow::onPointDragged);
    m_bands = new FitBands(m_dataPlot, m_document, m_regression, this);
    connect(m_bandsAction, &QAction::toggled, m_bands, &FitBands::setShown);
    m_reportColumns = new ReportColumns(m_table->tableModel(), m_regression, this);
    connect(m_reportColumnsAction, &QAction::toggled, m_reportColumns, &ReportColumns::setShown);
    // Rows the report flags are ringed in every plot and marked in the table.
    connect(m_regression, &RegressionRunner::resultChanged, this, &MainWindow::showFlaggedRows);
    // The report is fitted while something shows it: the Report tab, its dock, the bands or the
    // table's report columns.
    const auto updateActive = [this] {
        m_regression->setActive(m_tabs->currentIndex() == 2 || m_bandsAction->isChecked() ||
                                m_reportColumnsAction->isChecked() || m_reportDock->isVisible());
    };
    connect(m_tabs, &QTabWidget::currentChanged, this, updateActive);
    connect(m_bandsAction, &QAction::toggled, this, updateActive);
    connect(m_reportColumnsAction, &QAction::toggled, this, updateActive);
    connect(m_reportDock, &QDockWidget::visibilityChanged, this, updateActive);
    updateActive();
    m_table->tableModel()->setFlagReason([this](int row) {
        // The flagged rows are in row order: a binary search per header row shown.
        const RegressionRunner::Result& r = m_regression->result();
        const auto it = std::lower_bound(
            r.flagged.begin(), r.flagged.end(), arma::uword(row),
            [](const linlab::FlaggedRow& f, arma::uword value) { return f.row < value; });
        if (it == r.flagged.end() || it->row != arma::uword(row) ||
            r.diagnostics.leverage.n_elem != m_document->dataset().rowCount())
            return QString();
        return ReportPanel::flagReason(*it, r.diagnostics);
    });
    const auto plotImages = [this] {
        // Rendered at a fixed size, so a report looks the same whether the tab was ever shown.
        QList<std::pair<QString, QImage>> images;
        for (DiagnosticPlotView* view :
             {m_diagnostics->qqPlot(), m_diagnostics->scaleLocationPlot(),
              m_diagnostics->leveragePlot()})
            images.append({view->title(), view->plot()->toPixmap(560, 380).toImage()});
        images.append({m_diagnostics->histogram()->title(),
                       m_diagnostics->histogram()->plot()->toPixmap(560, 380).toImage()});
        return images;
    };
    for (ReportPanel* panel : {m_reportPanel, m_reportDockPanel}) {
        connect(panel, &ReportPanel::rowActivated, m_table,
                [this](int row) { m_table->selectDataRow(row, false); });
        connect(panel, &ReportPanel::exported, this, [this](const QString& path) {
            WindowNotices::status(this, tr("Report exported to %1").arg(path), false);
        });
        panel->setPlotImages(plotImages);
    }

    updateTitle();
    updateStatus();
    resize(1280, 800);
    m_layout = std::make_unique<WindowLayout>(this, m_transformedAction);
    m_layout->restore(); // what the window looks like now is where Reset Layout goes back to
}

MainWindow::~MainWindow() {
    silenceChildren(this);
}

void MainWindow::onPointDragged(int row, const QVector<QPair<int, double>>& cells, bool finished) {
    if (!m_dragging) {
        ++m_dragId; // a new drag: a new undo step
        m_dragging = true;
    }
    DragPointCommand::Cells edit;
    for (const auto& [column, value] : cells)
        edit.emplace_back(column, value);
    m_document->undoStack()->push(new DragPointCommand(m_document, row, edit, m_dragId));
    if (finished)
        m_dragging = false;
}

void MainWindow::showFlaggedRows() {
    // Rings only on the rows the plots draw (0, k, 2k, ... past 20,000 rows), at most kMaxRings.
    const RegressionRunner::Result& r = m_regression->result();
    QVector<int> rows;
    for (arma::uword row :
         linlab::Influence::ringedRows(r.flagged, r.diagnostics.cooksDistance,
                                       m_document->displayStep(), std::size_t(kMaxRings)))
        rows << int(row);
    for (PlotView* view :
         {static_cast<PlotView*>(m_dataPlot), static_cast<PlotView*>(m_predictedPlot),
          static_cast<PlotView*>(m_residualPlot)})
        view->setFlaggedRows(rows);
    for (PlotView* view : m_diagnostics->rowPlots())
        view->setFlaggedRows(rows);
    m_table->tableModel()->flagsChanged();
}

void MainWindow::createPlots() {
    // The plots are the centre of the window: the data on top, the two diagnostics below.
    m_dataPlot = new DataPlotView(m_document);
    m_predictedPlot = new PredictedActualPlotView(m_document);
    m_residualPlot = new ResidualPlotView(m_document);
    auto* lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(m_predictedPlot);
    lower->addWidget(m_residualPlot);
    auto* plots = new QSplitter(Qt::Vertical);
    plots->setObjectName(QStringLiteral("plotSplitter"));
    plots->addWidget(m_dataPlot);
    plots->addWidget(lower);
    plots->setStretchFactor(0, 3);
    plots->setStretchFactor(1, 2);
    // Two views of the same model: the fit on the data, and the training on the loss landscape.
    m_training = new TrainingView(m_document);
    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(plots, tr("Fit"));
    m_tabs->addTab(m_training, tr("Training"));
    m_tabs->setTabToolTip(0, tr("The data, the model's predictions and its residuals"));
    m_tabs->setTabToolTip(1, tr("The loss over the weights, and gradient descent rolling down it"));
    // The statistician's view of the least-squares fit: the report beside its assumption checks
    // (R's summary.lm and plot.lm).
    m_reportPanel = new ReportPanel(m_document, m_regression, ReportPanel::Layout::Full);
    m_diagnostics = new DiagnosticsView(m_document, m_regression);
    auto* report = new QSplitter(Qt::Vertical);
    report->setObjectName(QStringLiteral("reportSplitter"));
    report->addWidget(scrolled(m_reportPanel));
    report->addWidget(m_diagnostics);
    report->setStretchFactor(0, 2);
    report->setStretchFactor(1, 3);
    report->setSizes({420, 520});
    m_tabs->addTab(report, tr("Report"));
    m_tabs->setTabToolTip(2, tr("The least-squares report (standard errors, tests, intervals) and "
                                "its diagnostics: normal Q-Q, scale-location, leverage with "
                                "Cook's distance, histogram of residuals"));
    setCentralWidget(m_tabs);
}

void MainWindow::createDocks() {
    auto dock = [this](const QString& title, const QString& name, QWidget* content,
                       Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(content);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                       QDockWidget::DockWidgetClosable);
        addDockWidget(area, d);
        m_docks.append(d);
        return d;
    };

    m_table = new DataTableView(m_document);
    m_transformPanel = new TransformPanel(m_document);
    m_modelPanel = new ModelPanel(m_document);
    m_metricsPanel = new MetricsPanel(m_document);
    m_lessonPane = new LessonPane(m_document);
    m_reportDockPanel = new ReportPanel(m_document, m_regression, ReportPanel::Layout::Compact);

    QDockWidget* data =
        dock(tr("Data  (X and y)"), QStringLiteral("dataDock"), m_table, Qt::LeftDockWidgetArea);
    QDockWidget* transform = dock(tr("Preprocessing"), QStringLiteral("transformDock"),
                                  scrolled(m_transformPanel), Qt::LeftDockWidgetArea);
    QDockWidget* model = dock(tr("Model  (weights and bias)"), QStringLiteral("modelDock"),
                              scrolled(m_modelPanel), Qt::RightDockWidgetArea);
    QDockWidget* metrics = dock(tr("Loss and Gradient"), QStringLiteral("metricsDock"),
                                scrolled(m_metricsPanel), Qt::RightDockWidgetArea);
    QDockWidget* lesson = dock(tr("Lesson  (NumPy)"), QStringLiteral("lessonDock"), m_lessonPane,
                               Qt::RightDockWidgetArea);
    // The descent's controls sit beside the weights they move; the Training tab brings them
    // forward.
    QDockWidget* descent = dock(tr("Gradient Descent"), QStringLiteral("descentDock"),
                                m_training->controlsPanel(), Qt::RightDockWidgetArea);
    QDockWidget* report = dock(tr("Report  (least squares)"), QStringLiteral("reportDock"),
                               scrolled(m_reportDockPanel), Qt::RightDockWidgetArea);
    m_reportDock = report;
    QDockWidget* heldOut = dock(tr("Held-out Data"), QStringLiteral("heldOutDock"),
                                scrolled(new HeldOutPanel(m_document)), Qt::RightDockWidgetArea);
    QDockWidget* curve = dock(tr("Validation Curve"), QStringLiteral("validationCurveDock"),
                              new ValidationCurveView(m_document), Qt::LeftDockWidgetArea);
    QDockWidget* path = dock(tr("Path  (weights against \u03b1)"), QStringLiteral("pathDock"),
                             new PathPlotView(m_document), Qt::RightDockWidgetArea);
    splitDockWidget(data, transform, Qt::Vertical);
    splitDockWidget(model, metrics, Qt::Vertical);
    tabifyDockWidget(metrics, lesson);
    tabifyDockWidget(lesson, report);
    tabifyDockWidget(report, path);
    tabifyDockWidget(model, descent);
    splitDockWidget(metrics, heldOut, Qt::Vertical);
    tabifyDockWidget(transform, curve);
    transform->raise();
    metrics->raise();
    model->raise();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, model, descent, metrics](int index) {
        // Training wants its controls (taller) in view; the fit wants the weights and the numbers.
        (index == 1 ? descent : model)->raise();
        resizeDocks({model, metrics}, {index == 1 ? 560 : 400, index == 1 ? 200 : 370},
                    Qt::Vertical);
    });
    resizeDocks({data, model}, {400, 380}, Qt::Horizontal);
    resizeDocks({data, transform}, {470, 300}, Qt::Vertical);
    resizeDocks({model, metrics}, {400, 370}, Qt::Vertical); // the weights and the Fit group
}

void MainWindow::createActions() {
    QUndoStack* stack = m_document->undoStack();
    m_undoAction = stack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_undoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_redoAction = stack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_redoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));

    auto make = [this](const QString& text, const QString& tip, const QKeySequence& key = {}) {
        auto* a = new QAction(text, this);
        a->setToolTip(tip);
        a->setStatusTip(tip);
        if (!key.isEmpty())
            a->setShortcut(key);
        addAction(a);
        return a;
    };
    m_copyAction = make(tr("&Copy"), tr("Copy the selected cells, tab-separated, with every digit"),
                        QKeySequence::Copy);
    m_pasteAction =
        make(tr("&Paste"), tr("Paste a block copied from a spreadsheet; the table grows to fit"),
             QKeySequence::Paste);
    m_insertRowAction =
        make(tr("Insert &Row"), tr("Add a sample (a row of X and its label) below the current one"),
             QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_removeRowsAction = make(tr("Re&move Rows"), tr("Remove the selected samples"),
                              QKeySequence(Qt::CTRL | Qt::Key_Minus));
    m_addFeatureAction =
        make(tr("Add &Feature"), tr("Add a column to X (a new feature, all zeros, weight 0)"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_removeFeatureAction =
        make(tr("Remove Feat&ure"), tr("Remove the current feature column and its weight"));
    m_renameAction = make(tr("Re&name Column\u2026"), tr("Give the current column a new name"),
                          QKeySequence(Qt::Key_F2));
    m_useAsLabelAction =
        make(tr("Use as &Label"), tr("Make the current column the label y the model predicts"));
    m_transformedAction =
        make(tr("Show &Transformed Values"),
             tr("Show X after scaling and normalisation (read-only), as the model sees it"),
             QKeySequence(Qt::CTRL | Qt::Key_T));
    m_transformedAction->setCheckable(true);
    m_bandsAction = new QAction(tr("Confidence and Prediction &Bands"), this);
    m_bandsAction->setCheckable(true);
    m_bandsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_bandsAction->setStatusTip(tr("Show the least-squares line's confidence and prediction bands "
                                   "in the data plot"));
    m_reportColumnsAction = new QAction(tr("&Report Columns in Table"), this);
    m_reportColumnsAction->setCheckable(true);
    m_reportColumnsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_reportColumnsAction->setStatusTip(tr("Show each row's fitted value, residual, leverage, "
                                           "studentized residual and Cook's distance in the table "
                                           "(read-only)"));
    m_fitAction =
        make(tr("&Fit Least Squares"), tr("Jump to the weights with the lowest possible MSE"),
             QKeySequence(Qt::CTRL | Qt::Key_L));
    m_resetModelAction =
        make(tr("&Reset Model"),
             tr("Back to the lesson's weights [4, 3] and bias 10 (zeros on other data)"),
             QKeySequence(Qt::CTRL | Qt::Key_R));
    m_lessonDataAction =
        make(tr("&Lesson Data"), tr("Start again from the lesson's four students"));
    m_openAction =
        make(tr("&Open\u2026"), tr("Open a CSV file or a LinLab project"), QKeySequence::Open);
    m_saveAction = make(tr("&Save"), tr("Save the data, settings and model as a LinLab project"),
                        QKeySequence::Save);
    m_saveAsAction =
        make(tr("Save &As\u2026"), tr("Save the project under a new name"), QKeySequence::SaveAs);
    m_exportCsvAction =
        make(tr("Data as &CSV\u2026"),
             tr("Write the table (raw or transformed), optionally with predictions and residuals"));
    m_exportNumpyAction = make(
        tr("&NumPy Script\u2026"),
        tr("Write a Python script that repeats the lesson's steps and prints the same numbers"));
    m_exportPlotsAction = make(
        tr("&Plots\u2026"), tr("Save a plot, or all of them, as PNG, JPG, PDF or SVG, or copy one"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_openAction->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    m_saveAction->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_quitAction = make(tr("&Quit"), tr("Close LinLab"), QKeySequence::Quit);
    m_resetLayoutAction = make(tr("Reset &Layout"), tr("Put every panel back where it started"));
    m_aboutAction = make(tr("&About LinLab"), tr("What LinLab is"));

    m_insertRowAction->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
    m_removeRowsAction->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    m_fitAction->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    m_resetModelAction->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
}

void MainWindow::connectActions() {
    connect(m_copyAction, &QAction::triggered, m_table, &DataTableView::copySelection);
    connect(m_pasteAction, &QAction::triggered, m_table, &DataTableView::paste);
    connect(m_insertRowAction, &QAction::triggered, m_table, &DataTableView::insertRowBelow);
    connect(m_removeRowsAction, &QAction::triggered, m_table, &DataTableView::removeSelectedRows);
    connect(m_addFeatureAction, &QAction::triggered, m_table, &DataTableView::addFeature);
    connect(m_removeFeatureAction, &QAction::triggered, m_table,
            &DataTableView::removeCurrentFeature);
    connect(m_renameAction, &QAction::triggered, m_table, &DataTableView::renameCurrentColumn);
    connect(m_useAsLabelAction, &QAction::triggered, m_table,
            &DataTableView::useCurrentColumnAsLabel);
    connect(m_transformedAction, &QAction::toggled, m_table, &DataTableView::setShowTransformed);
    connect(m_fitAction, &QAction::triggered, this,
            [this] { ModelActions::fitLeastSquares(m_document); });
    connect(m_document, &Document::fitSettingsChanged, this, [this] {
        QString text = ModelActions::fitText(m_document->fitSettings());
        m_fitAction->setText(text.replace(0, 0, QLatin1Char('&'))); // "&Fit ..." as before
    });
    connect(m_resetModelAction, &QAction::triggered, this,
            [this] { ModelActions::reset(m_document); });
    connect(m_lessonDataAction, &QAction::triggered, m_files, &FileController::openLesson);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_openAction, &QAction::triggered, m_files, &FileController::open);
    connect(m_saveAction, &QAction::triggered, m_files, &FileController::save);
    connect(m_saveAsAction, &QAction::triggered, m_files, &FileController::saveAs);
    connect(m_exportCsvAction, &QAction::triggered, m_exports, &ExportActions::exportDataCsv);
    connect(m_exportNumpyAction, &QAction::triggered, m_exports, &ExportActions::exportNumpyScript);
    connect(m_exportPlotsAction, &QAction::triggered, m_exports, &ExportActions::exportPlots);
    connect(m_resetLayoutAction, &QAction::triggered, this, [this] { m_layout->reset(); });
    connect(m_aboutAction, &QAction::triggered, this, [this] { WindowNotices::about(this); });
}

void MainWindow::addDigitsMenu(QMenu* menu) {
    menu->setToolTipsVisible(true);
    auto* group = new QActionGroup(menu);
    for (const int digits : {3, 4, 6, 8, 10, 12, 15, 0}) {
        QAction* a = menu->addAction(digits == 0 ? tr("Every Digit") : QString::number(digits));
        a->setCheckable(true);
        a->setChecked(digits == DisplayDigits::digits());
        a->setToolTip(tr("What the panels show; tooltips, copies and exports keep every digit"));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [digits] { DisplayDigits::setDigits(digits); });
    }
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    QMenu* recent = file->addMenu(tr("Open &Recent"));
    QMenu* examples = file->addMenu(tr("Open E&xample"));
    for (const linlab::Example& e : linlab::Examples::all()) {
        QAction* a = examples->addAction(QString::fromStdString(e.title));
        a->setToolTip(QString::fromStdString(e.about));
        a->setStatusTip(a->toolTip());
        const QString name = QString::fromStdString(e.name);
        connect(a, &QAction::triggered, m_files, [this, name] { m_files->openExample(name); });
    }
    examples->setToolTipsVisible(true);
    file->addAction(m_lessonDataAction);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    QMenu* exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(m_exportPlotsAction);
    exportMenu->addAction(m_exportCsvAction);
    exportMenu->addAction(m_exportNumpyAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    m_files->setRecentMenu(recent);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_copyAction);
    edit->addAction(m_pasteAction);
    edit->addSeparator();
    edit->addAction(m_insertRowAction);
    edit->addAction(m_removeRowsAction);
    edit->addAction(m_addFeatureAction);
    edit->addAction(m_removeFeatureAction);
    edit->addAction(m_renameAction);
    edit->addAction(m_useAsLabelAction);

    QMenu* data = menuBar()->addMenu(tr("&Data"));
    QAction* generate =
        data->addAction(tr("&Generate\u2026"), m_files, &FileController::generateData);
    generate->setStatusTip(
        tr("Make data whose true weights you know, and watch the fit find them"));
    generate->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    QAction* derive = data->addAction(tr("Add &Derived Feature\u2026"), this, [this] {
        DerivedFeatureDialog dialog(m_document, -1, m_table->currentIndex().column(), this);
        dialog.exec();
    });
    derive->setStatusTip(tr("A feature computed from other columns: x^2, log(x), [a] * [b], ..."));

    QMenu* model = menuBar()->addMenu(tr("&Model"));
    model->addAction(m_fitAction);
    model->addAction(m_resetModelAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_transformedAction);
    view->addAction(m_bandsAction);
    view->addAction(m_reportColumnsAction);
    addDigitsMenu(view->addMenu(tr("Significant &Digits")));
    view->addSeparator();
    for (QDockWidget* d : m_docks)
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    view->addAction(m_resetLayoutAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* guide = help->addAction(tr("&Guide"), this, [this] {
        GuideDialog dialog(findChildren<QAction*>(), this);
        dialog.exec();
    });
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setStatusTip(tr("Which panel is which line of the lesson, and every shortcut"));
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createToolBar() {
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openAction);
    bar->addAction(m_saveAction);
    bar->addSeparator();
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    bar->addSeparator();
    bar->addAction(m_insertRowAction);
    bar->addAction(m_removeRowsAction);
    bar->addAction(m_addFeatureAction);
    bar->addSeparator();
    bar->addAction(m_transformedAction);
    bar->addSeparator();
    bar->addAction(m_fitAction);
    bar->addAction(m_resetModelAction);
}

void MainWindow::updateTitle() {
    setWindowTitle(tr("LinLab \u2014 %1[*]").arg(m_document->name()));
    setWindowModified(!m_document->undoStack()->isClean());
}

void MainWindow::updateStatus() {
    const auto& data = m_document->dataset();
    const auto& ev = m_document->evaluation();
    const QString usedRows = m_document->rowsUsedText();
    m_statusSummary->setText(
        tr("%1 \u00d7 %2 features   MSE %3   R\u00b2 %4")
            .arg(usedRows.isEmpty() ? tr("%1 rows").arg(data.rowCount()) : usedRows)
            .arg(data.featureCount())
            .arg(NumberText::brief(ev.metrics.mse, 8), NumberText::brief(ev.metrics.r2, 4)));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    m_layout->save();
    m_files->closed();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!FileController::droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    if (m_files->openDropped(event->mimeData()))
        event->acceptProposedAction();
}
