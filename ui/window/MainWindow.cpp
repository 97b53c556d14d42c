#include "ui/window/MainWindow.h"

#include "ui/common/Teardown.h"

#include "model/io/AtomicFile.h"
#include "model/io/CsvWriter.h"
#include "model/io/DataExport.h"
#include "model/io/NumpyScript.h"
#include "ui/plots/ExportPlotDialog.h"
#include "ui/window/CsvImportDialog.h"
#include "ui/window/CsvLoader.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "ui/common/NumberText.h"
#include "ui/panels/LessonPane.h"
#include "ui/panels/MetricsPanel.h"
#include "ui/panels/ModelPanel.h"
#include "ui/panels/TransformPanel.h"
#include "ui/plots/DataPlotView.h"
#include "ui/plots/PredictedActualPlotView.h"
#include "ui/plots/ResidualPlotView.h"
#include "ui/table/DataTableModel.h"
#include "ui/table/DataTableView.h"
#include "ui/training/LossCurveView.h"
#include "ui/training/LossLandscapeView.h"
#include "ui/training/TrainingSession.h"
#include "ui/training/TrainingView.h"
#include "ui/window/OpenFileWatcher.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
// Bump when the dock layout changes, so an old saved state is not restored onto a new layout.
constexpr int kLayoutVersion = 2;

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
    , m_document(new Document(this)) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/linlab.svg")));
    setDockNestingEnabled(true);

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
    setCentralWidget(m_tabs);

    createDocks();
    createActions();
    createMenus();

    m_statusSummary = new QLabel;
    statusBar()->addPermanentWidget(m_statusSummary);

    // Background loading: a progress bar and a Cancel button in the status bar, the window usable.
    m_loader = new CsvLoader(this);
    m_loadProgress = new QProgressBar;
    m_loadProgress->setRange(0, 100);
    m_loadProgress->setMaximumWidth(180);
    m_loadProgress->hide();
    m_cancelLoad = new QToolButton;
    m_cancelLoad->setText(tr("Cancel"));
    m_cancelLoad->setToolTip(tr("Stop loading; the data you have stays as it is"));
    m_cancelLoad->hide();
    statusBar()->addPermanentWidget(m_loadProgress);
    statusBar()->addPermanentWidget(m_cancelLoad);
    connect(m_cancelLoad, &QToolButton::clicked, m_loader, &CsvLoader::cancel);
    connect(m_loader, &CsvLoader::progress, m_loadProgress, &QProgressBar::setValue);
    connect(m_loader, &CsvLoader::loaded, this, &MainWindow::finishCsvLoad);
    connect(m_loader, &CsvLoader::failed, this, [this](const QString& message) {
        m_loadProgress->hide();
        m_cancelLoad->hide();
        warn(tr("Cannot Open File"),
             tr("%1\n\nNothing was loaded; your current data is unchanged.").arg(message));
    });
    connect(m_loader, &CsvLoader::cancelled, this, [this] {
        m_loadProgress->hide();
        m_cancelLoad->hide();
        showMessage(tr("Loading cancelled; your current data is unchanged."), false);
    });

    // Someone else changing the open file is reported; the document stays until the user chooses.
    m_fileWatch = new OpenFileWatcher(this);
    connect(m_fileWatch, &OpenFileWatcher::changedOnDisk, this, &MainWindow::onFileChangedOnDisk);
    // Once the document is replaced (reloaded, or another file opened) the notice has nothing to
    // ask.
    connect(m_document, &Document::resetDone, this, [this] {
        if (m_changedNotice)
            m_changedNotice->close();
    });

    // Unsaved work is copied to a recovery file every minute.
    m_autosave = new QTimer(this);
    m_autosave->setInterval(60 * 1000);
    connect(m_autosave, &QTimer::timeout, this, &MainWindow::autosaveNow);
    m_autosave->start();
    setAcceptDrops(true);

    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this,
            &MainWindow::updateChangedNotice);
    connect(m_document, &Document::nameChanged, this, &MainWindow::updateTitle);
    connect(m_document, &Document::evaluationChanged, this, &MainWindow::updateStatus);
    connect(m_table, &DataTableView::message, this, &MainWindow::showMessage);

    // Selection is shared: rows picked in the table light up in every plot, and a click on a
    // point selects its row.
    for (auto* view : {static_cast<PlotView*>(m_dataPlot), static_cast<PlotView*>(m_predictedPlot),
                       static_cast<PlotView*>(m_residualPlot)}) {
        connect(m_table, &DataTableView::selectedRowsChanged, view, &PlotView::setSelectedRows);
        connect(view, &PlotView::rowClicked, m_table, &DataTableView::selectDataRow);
    }

    updateTitle();
    updateStatus();
    resize(1280, 800);
    m_defaultState = saveState(kLayoutVersion);
    restoreLayout();
}

MainWindow::~MainWindow() {
    silenceChildren(this);
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
    splitDockWidget(data, transform, Qt::Vertical);
    splitDockWidget(model, metrics, Qt::Vertical);
    tabifyDockWidget(metrics, lesson);
    tabifyDockWidget(model, descent);
    metrics->raise();
    model->raise();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, model, descent, metrics](int index) {
        // Training wants its controls (taller) in view; the fit wants the weights and the numbers.
        (index == 1 ? descent : model)->raise();
        resizeDocks({model, metrics}, {index == 1 ? 560 : 250, index == 1 ? 200 : 520},
                    Qt::Vertical);
    });
    resizeDocks({data, model}, {400, 380}, Qt::Horizontal);
    resizeDocks({data, transform}, {470, 300}, Qt::Vertical);
    resizeDocks({model, metrics}, {250, 520}, Qt::Vertical);
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
    connect(m_fitAction, &QAction::triggered, this, [this] {
        m_document->undoStack()->push(new SetModelCommand(
            m_document, m_document->leastSquaresModel(), tr("Fit Least Squares")));
    });
    connect(m_resetModelAction, &QAction::triggered, this, [this] {
        m_document->undoStack()->push(
            new SetModelCommand(m_document, m_document->defaultModel(), tr("Reset Model")));
    });
    connect(m_lessonDataAction, &QAction::triggered, this, [this] {
        if (!maybeSave())
            return;
        m_projectPath.clear();
        m_fileWatch->watch({});
        m_document->replaceAll(
            linlab::Dataset::lesson(), {},
            linlab::LinearModel(linlab::Dataset::lessonWeights(), linlab::Dataset::lessonBias()),
            QStringLiteral("lesson"));
    });
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::open);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_exportCsvAction, &QAction::triggered, this, &MainWindow::exportDataCsv);
    connect(m_exportNumpyAction, &QAction::triggered, this, &MainWindow::exportNumpyScript);
    connect(m_exportPlotsAction, &QAction::triggered, this, &MainWindow::exportPlots);
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
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
    updateRecentMenu();

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

    QMenu* model = menuBar()->addMenu(tr("&Model"));
    model->addAction(m_fitAction);
    model->addAction(m_resetModelAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_transformedAction);
    view->addSeparator();
    for (QDockWidget* d : m_docks)
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    view->addAction(m_resetLayoutAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

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
    m_statusSummary->setText(
        tr("%1 rows \u00d7 %2 features   MSE %3   R\u00b2 %4")
            .arg(data.rowCount())
            .arg(data.featureCount())
            .arg(NumberText::brief(ev.metrics.mse, 8), NumberText::brief(ev.metrics.r2, 4)));
}

void MainWindow::warn(const QString& title, const QString& text) {
    // Window-modal but not blocking: the event loop (and a test driving it) carries on.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("linlabWarning"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showMessage(const QString& text, bool error) {
    statusBar()->setStyleSheet(error ? QStringLiteral("QStatusBar { color: #b00020; }")
                                     : QString());
    statusBar()->showMessage(text, error ? 8000 : 4000);
    if (error)
        QApplication::beep();
}

void MainWindow::restoreLayout() {
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings.value(QStringLiteral("window/state")).toByteArray();
    if (!state.isEmpty())
        restoreState(state, kLayoutVersion);
    m_transformedAction->setChecked(
        settings.value(QStringLiteral("view/transformed"), false).toBool());
}

void MainWindow::saveLayout() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(kLayoutVersion));
    settings.setValue(QStringLiteral("view/transformed"), m_transformedAction->isChecked());
}

void MainWindow::resetLayout() {
    restoreState(m_defaultState, kLayoutVersion);
    for (QDockWidget* d : m_docks)
        d->show();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    QFile::remove(recoveryPath()); // a normal close leaves nothing to recover
    event->accept();
}

bool MainWindow::maybeSave() {
    if (m_document->undoStack()->isClean())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved Changes"),
        tr("\u201c%1\u201d has changes that are not saved. Save them first?")
            .arg(m_document->name()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::open() {
    QSettings settings;
    const QString folder =
        settings.value(QStringLiteral("files/lastFolder"), QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open"), folder,
        tr("Data and projects (*.csv *.tsv *.txt *.linlab);;CSV files (*.csv *.tsv *.txt);;LinLab "
           "projects (*.linlab);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::openFile(const QString& path) {
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
    QSettings().setValue(QStringLiteral("files/lastFolder"), info.absolutePath());
    if (info.suffix().compare(QStringLiteral("linlab"), Qt::CaseInsensitive) == 0) {
        loadProject(path);
        return;
    }
    CsvImportDialog dialog(path, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    loadCsv(path, dialog.options(), dialog.labelColumn());
}

void MainWindow::loadCsv(const QString& path, const linlab::CsvReadOptions& options,
                         int labelColumn) {
    m_pendingLabel = labelColumn;
    if (!m_loader->start(path, options))
        return;
    m_csvOptions = options;
    m_loadProgress->setValue(0);
    m_loadProgress->show();
    m_cancelLoad->show();
    statusBar()->showMessage(tr("Loading %1\u2026").arg(QFileInfo(path).fileName()));
}

void MainWindow::finishCsvLoad(const std::shared_ptr<linlab::CsvTable>& table) {
    m_loadProgress->hide();
    m_cancelLoad->hide();
    const QString path = m_loader->path();
    try {
        const int columns = int(table->data.n_cols);
        const int label =
            m_pendingLabel >= 0 && m_pendingLabel < columns ? m_pendingLabel : columns - 1;
        linlab::Dataset data = linlab::Dataset::fromTable(*table, arma::uword(label));
        table->data.reset(); // the dataset has the numbers now: do not hold them twice
        const arma::uword rows = data.rowCount(), features = data.featureCount();
        m_projectPath.clear();
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

bool MainWindow::loadProject(const QString& path) {
    try {
        const ProjectState state = ProjectFile::load(path);
        m_document->replaceAll(state.dataset, state.transform, state.model,
                               state.name.isEmpty() ? QFileInfo(path).completeBaseName()
                                                    : state.name);
        m_transformedAction->setChecked(state.showTransformed);
        TrainingSession* session = m_training->session();
        session->setMethod(state.trainingMethod == QStringLiteral("momentum")
                               ? TrainingSession::Method::Momentum
                           : state.trainingMethod == QStringLiteral("sgd")
                               ? TrainingSession::Method::MiniBatch
                               : TrainingSession::Method::GradientDescent);
        if (state.training.learningRate > 0)
            session->setLearningRate(state.training.learningRate);
        session->setMomentum(state.training.momentum);
        session->setBatchSize(int(std::min<std::size_t>(state.training.batchSize, 1u << 30)));
        session->setSeed(state.training.seed);
        session->setMaxEpochs(qint64(state.training.maxEpochs));
        session->setTolerance(state.training.tolerance);
        m_projectPath = path;
        m_fileWatch->watch(path);
        addRecentFile(path);
        showMessage(tr("Opened %1.").arg(QFileInfo(path).fileName()), false);
        return true;
    } catch (const ProjectError& e) {
        warn(tr("Cannot Open Project"),
             tr("%1\n\nNothing was loaded; your current data is unchanged.")
                 .arg(QString::fromStdString(e.what())));
        return false;
    }
}

ProjectState MainWindow::currentState() const {
    ProjectState state;
    state.dataset = m_document->dataset();
    state.transform = m_document->transformSettings();
    state.model = m_document->model();
    state.name = m_document->name();
    state.showTransformed = m_transformedAction->isChecked();
    state.plots = {QStringLiteral("data"), QStringLiteral("predicted-vs-actual"),
                   QStringLiteral("residuals"), QStringLiteral("loss-surface"),
                   QStringLiteral("loss-curve")};
    const TrainingSession* session = m_training->session();
    state.training = session->descentSettings();
    state.training.learningRate =
        session->isDefaultRate() ? 0.0 : session->learningRate(); // 0: half the bound
    state.training.momentum = session->momentum();
    state.training.batchSize = std::size_t(std::max(0, session->batchSize()));
    state.training.seed = session->seed();
    state.training.maxEpochs = std::size_t(std::max<qint64>(0, session->maxEpochs()));
    state.training.tolerance = session->tolerance();
    state.trainingMethod =
        session->method() == TrainingSession::Method::Momentum    ? QStringLiteral("momentum")
        : session->method() == TrainingSession::Method::MiniBatch ? QStringLiteral("sgd")
                                                                  : QStringLiteral("gd");
    return state;
}

bool MainWindow::saveProjectTo(const QString& path) {
    try {
        ProjectState state = currentState();
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

bool MainWindow::save() {
    return m_projectPath.isEmpty() ? saveAs() : saveProjectTo(m_projectPath);
}

bool MainWindow::saveAs() {
    QSettings settings;
    const QString folder =
        settings.value(QStringLiteral("files/lastFolder"), QDir::homePath()).toString();
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Project"),
        QDir(folder).filePath(m_document->name() + QStringLiteral(".linlab")),
        tr("LinLab projects (*.linlab)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".linlab");
    settings.setValue(QStringLiteral("files/lastFolder"), QFileInfo(path).absolutePath());
    return saveProjectTo(path);
}

void MainWindow::exportDataCsv() {
    QDialog options(this);
    options.setWindowTitle(tr("Export Data as CSV"));
    auto* transformed = new QCheckBox(tr("Transformed values (as the model sees them)"));
    auto* predictions = new QCheckBox(tr("Add prediction and residual columns"));
    transformed->setChecked(m_transformedAction->isChecked());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto* layout = new QVBoxLayout(&options);
    layout->addWidget(transformed);
    layout->addWidget(predictions);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &options, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &options, &QDialog::reject);
    if (options.exec() != QDialog::Accepted)
        return;
    QSettings settings;
    const QString folder =
        settings.value(QStringLiteral("files/lastFolder"), QDir::homePath()).toString();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Data as CSV"),
        QDir(folder).filePath(m_document->name() + QStringLiteral(".csv")),
        tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportDataCsvTo(path, transformed->isChecked(), predictions->isChecked());
}

bool MainWindow::exportDataCsvTo(const QString& path, bool transformed, bool predictions) {
    try {
        const linlab::CsvTable table =
            linlab::DataExport::table(m_document->dataset(), m_document->analysis(),
                                      m_document->fullEvaluation(), {transformed, predictions});
        linlab::CsvWriter::writeFile(path.toStdString(), table.names, table.data);
    } catch (const std::exception& e) {
        warn(tr("Cannot Export"),
             tr("%1\n\nAny file already there is untouched; your data is still open and unchanged.")
                 .arg(QString::fromStdString(e.what())));
        return false;
    }
    m_fileWatch->noteOwnWrite(path); // written over the open CSV: not someone else's change
    showMessage(tr("Wrote %1.").arg(QFileInfo(path).fileName()), false);
    return true;
}

void MainWindow::exportNumpyScript() {
    QSettings settings;
    const QString folder =
        settings.value(QStringLiteral("files/lastFolder"), QDir::homePath()).toString();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export NumPy Script"),
        QDir(folder).filePath(m_document->name() + QStringLiteral(".py")),
        tr("Python scripts (*.py)"));
    if (!path.isEmpty())
        exportNumpyScriptTo(path);
}

bool MainWindow::exportNumpyScriptTo(const QString& path) {
    try {
        // A plain gradient-descent run being watched is repeated in the script from its start.
        const TrainingSession* session = m_training->session();
        const bool withRun =
            session->isAttached() && session->method() == TrainingSession::Method::GradientDescent;
        const std::string script =
            withRun
                ? linlab::NumpyScript::generate(m_document->dataset(),
                                                m_document->transformSettings(),
                                                session->startModel(), session->descentSettings())
                : linlab::NumpyScript::generate(
                      m_document->dataset(), m_document->transformSettings(), m_document->model());
        linlab::writeFileAtomically(path.toStdString(), script);
    } catch (const std::exception& e) {
        warn(tr("Cannot Export"),
             tr("%1\n\nAny file already there is untouched; your data is still open and unchanged.")
                 .arg(QString::fromStdString(e.what())));
        return false;
    }
    m_fileWatch->noteOwnWrite(path);
    showMessage(tr("Wrote %1: run it with python3 to see the same numbers.")
                    .arg(QFileInfo(path).fileName()),
                false);
    return true;
}

void MainWindow::exportPlots() {
    QList<QPair<QString, QCustomPlot*>> plots{
        {QStringLiteral("data"), m_dataPlot->plot()},
        {QStringLiteral("predicted-vs-actual"), m_predictedPlot->plot()},
        {QStringLiteral("residuals"), m_residualPlot->plot()},
        {QStringLiteral("loss-surface"), m_training->landscape()->plot()},
        {QStringLiteral("loss-curve"), m_training->lossCurve()->plot()}};
    ExportPlotDialog dialog(plots, m_document->name(), this);
    dialog.exec();
}

void MainWindow::onFileChangedOnDisk(const QString& path, bool exists) {
    Q_UNUSED(path); // always the watched file
    m_changedFileExists = exists;
    if (!m_changedNotice) {
        // Not modal: the user may look at both versions before choosing; nothing happens until
        // then.
        auto* box = new QMessageBox(QMessageBox::Warning, tr("File Changed on Disk"), QString(),
                                    QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("linlabFileChanged"));
        box->setWindowModality(Qt::NonModal);
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton* reload = box->addButton(tr("Reload"), QMessageBox::AcceptRole);
        reload->setObjectName(QStringLiteral("reloadButton"));
        QPushButton* keep = box->addButton(tr("Keep Mine"), QMessageBox::RejectRole);
        keep->setObjectName(QStringLiteral("keepButton"));
        box->setDefaultButton(keep);
        connect(box, &QMessageBox::buttonClicked, this, [this, reload](QAbstractButton* button) {
            if (button == reload)
                QTimer::singleShot(0, this,
                                   &MainWindow::reloadFromDisk); // after the notice has closed
        });
        m_changedNotice = box;
    }
    updateChangedNotice();
    m_changedNotice->show();
}

void MainWindow::updateChangedNotice() {
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

void MainWindow::reloadFromDisk() {
    const QString path = m_fileWatch->path();
    if (path.isEmpty())
        return;
    if (!QFileInfo::exists(path)) {
        warn(tr("Cannot Reload"),
             tr("“%1” is no longer there; what is open stays as it is.").arg(path));
        return;
    }
    // The same paths as opening it: a bad file is reported and the open document kept.
    if (QFileInfo(path).suffix().compare(QStringLiteral("linlab"), Qt::CaseInsensitive) == 0)
        loadProject(path);
    else
        loadCsv(path, m_csvOptions, m_pendingLabel);
}

void MainWindow::addRecentFile(const QString& path) {
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

void MainWindow::updateRecentMenu() {
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList files = QSettings().value(QStringLiteral("files/recent")).toStringList();
    for (const QString& f : files)
        m_recentMenu->addAction(QFileInfo(f).fileName(), this, [this, f] { openFile(f); })
            ->setToolTip(f);
    m_recentMenu->setEnabled(!files.isEmpty());
}

QString MainWindow::recoveryPath() {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(QStringLiteral("recovery.linlab"));
}

void MainWindow::autosaveNow() {
    if (m_document->undoStack()->isClean())
        return;
    try {
        ProjectFile::save(recoveryPath(), currentState());
    } catch (const ProjectError& e) {
        showMessage(
            tr("Could not write the recovery copy: %1").arg(QString::fromStdString(e.what())),
            true);
    }
}

void MainWindow::offerRecovery() {
    const QString path = recoveryPath();
    if (!QFile::exists(path))
        return;
    const auto answer = QMessageBox::question(
        this, tr("Recover Unsaved Work?"),
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

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() && !event->mimeData()->urls().isEmpty() &&
        event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.first().toLocalFile();
    // Open after the drop returns, so the drag source is not kept waiting on a dialog.
    QTimer::singleShot(0, this, [this, path] { openFile(path); });
}

void MainWindow::about() {
    QMessageBox::about(
        this, tr("About LinLab"),
        tr("<h3>LinLab %1</h3>"
           "<p>A live lab for the lesson <i>NumPy in Machine Learning</i>: features X and labels y "
           "in a table, "
           "scaling and z-scores, predictions X\u00b7w + b, the mean squared error and its "
           "gradient, "
           "all updating as you edit the data and drag the weights.</p>"
           "<p>Numbers follow NumPy's conventions (population std, shortest round-trip digits).</p>"
           "<p>Built with Qt %2, QCustomPlot and Armadillo.</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}
