#include "MainWindow.h"

#include "DataPlotView.h"
#include "DataTableModel.h"
#include "DataTableView.h"
#include "Document.h"
#include "LessonPane.h"
#include "MetricsPanel.h"
#include "ModelPanel.h"
#include "NumberText.h"
#include "PredictedActualPlotView.h"
#include "ResidualPlotView.h"
#include "SetModelCommand.h"
#include "TransformPanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
// Bump when the dock layout changes, so an old saved state is not restored onto a new layout.
constexpr int kLayoutVersion = 1;

QScrollArea* scrolled(QWidget* panel)
{
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
{
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
    setCentralWidget(plots);

    createDocks();
    createActions();
    createMenus();

    m_statusSummary = new QLabel;
    statusBar()->addPermanentWidget(m_statusSummary);

    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
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

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    auto dock = [this](const QString& title, const QString& name, QWidget* content, Qt::DockWidgetArea area) {
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

    QDockWidget* data = dock(tr("Data  (X and y)"), QStringLiteral("dataDock"), m_table, Qt::LeftDockWidgetArea);
    QDockWidget* transform = dock(tr("Preprocessing"), QStringLiteral("transformDock"), scrolled(m_transformPanel),
                                  Qt::LeftDockWidgetArea);
    QDockWidget* model = dock(tr("Model  (weights and bias)"), QStringLiteral("modelDock"), scrolled(m_modelPanel),
                              Qt::RightDockWidgetArea);
    QDockWidget* metrics = dock(tr("Loss and Gradient"), QStringLiteral("metricsDock"), scrolled(m_metricsPanel),
                                Qt::RightDockWidgetArea);
    QDockWidget* lesson = dock(tr("Lesson  (NumPy)"), QStringLiteral("lessonDock"), m_lessonPane, Qt::RightDockWidgetArea);
    splitDockWidget(data, transform, Qt::Vertical);
    splitDockWidget(model, metrics, Qt::Vertical);
    tabifyDockWidget(metrics, lesson);
    metrics->raise();
    resizeDocks({data, model}, {400, 380}, Qt::Horizontal);
    resizeDocks({data, transform}, {470, 300}, Qt::Vertical);
    resizeDocks({model, metrics}, {250, 520}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QUndoStack* stack = m_document->undoStack();
    m_undoAction = stack->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcuts(QKeySequence::Undo);
    m_undoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_redoAction = stack->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
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
    m_copyAction = make(tr("&Copy"), tr("Copy the selected cells, tab-separated, with every digit"), QKeySequence::Copy);
    m_pasteAction = make(tr("&Paste"), tr("Paste a block copied from a spreadsheet; the table grows to fit"),
                         QKeySequence::Paste);
    m_insertRowAction = make(tr("Insert &Row"), tr("Add a sample (a row of X and its label) below the current one"),
                             QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_removeRowsAction = make(tr("Re&move Rows"), tr("Remove the selected samples"),
                              QKeySequence(Qt::CTRL | Qt::Key_Minus));
    m_addFeatureAction = make(tr("Add &Feature"), tr("Add a column to X (a new feature, all zeros, weight 0)"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_removeFeatureAction = make(tr("Remove Feat&ure"), tr("Remove the current feature column and its weight"));
    m_renameAction = make(tr("Re&name Column\u2026"), tr("Give the current column a new name"), QKeySequence(Qt::Key_F2));
    m_useAsLabelAction = make(tr("Use as &Label"), tr("Make the current column the label y the model predicts"));
    m_transformedAction = make(tr("Show &Transformed Values"),
                               tr("Show X after scaling and normalisation (read-only), as the model sees it"),
                               QKeySequence(Qt::CTRL | Qt::Key_T));
    m_transformedAction->setCheckable(true);
    m_fitAction = make(tr("&Fit Least Squares"), tr("Jump to the weights with the lowest possible MSE"),
                       QKeySequence(Qt::CTRL | Qt::Key_L));
    m_resetModelAction = make(tr("&Reset Model"), tr("Back to the lesson's weights [4, 3] and bias 10 (zeros on other data)"),
                              QKeySequence(Qt::CTRL | Qt::Key_R));
    m_lessonDataAction = make(tr("&Lesson Data"), tr("Start again from the lesson's four students"));
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
    connect(m_removeFeatureAction, &QAction::triggered, m_table, &DataTableView::removeCurrentFeature);
    connect(m_renameAction, &QAction::triggered, m_table, &DataTableView::renameCurrentColumn);
    connect(m_useAsLabelAction, &QAction::triggered, m_table, &DataTableView::useCurrentColumnAsLabel);
    connect(m_transformedAction, &QAction::toggled, m_table, &DataTableView::setShowTransformed);
    connect(m_fitAction, &QAction::triggered, this, [this] {
        m_document->undoStack()->push(
            new SetModelCommand(m_document, m_document->leastSquaresModel(), tr("Fit Least Squares")));
    });
    connect(m_resetModelAction, &QAction::triggered, this, [this] {
        m_document->undoStack()->push(new SetModelCommand(m_document, m_document->defaultModel(), tr("Reset Model")));
    });
    connect(m_lessonDataAction, &QAction::triggered, this, [this] {
        if (!m_document->undoStack()->isClean() &&
            QMessageBox::question(this, tr("Lesson Data"),
                                  tr("Go back to the lesson's data? Your edits will be lost (this cannot be undone).")) !=
                QMessageBox::Yes)
            return;
        m_document->replaceAll(linlab::Dataset::lesson(), {},
                               linlab::LinearModel(linlab::Dataset::lessonWeights(), linlab::Dataset::lessonBias()),
                               QStringLiteral("lesson"));
    });
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_resetLayoutAction, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_lessonDataAction);
    file->addSeparator();
    file->addAction(m_quitAction);

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

void MainWindow::updateTitle()
{
    setWindowTitle(tr("LinLab \u2014 %1[*]").arg(m_document->name()));
    setWindowModified(!m_document->undoStack()->isClean());
}

void MainWindow::updateStatus()
{
    const auto& data = m_document->dataset();
    const auto& ev = m_document->evaluation();
    m_statusSummary->setText(tr("%1 rows \u00d7 %2 features   MSE %3   R\u00b2 %4")
                                 .arg(data.rowCount())
                                 .arg(data.featureCount())
                                 .arg(NumberText::brief(ev.metrics.mse, 8), NumberText::brief(ev.metrics.r2, 4)));
}

void MainWindow::showMessage(const QString& text, bool error)
{
    statusBar()->setStyleSheet(error ? QStringLiteral("QStatusBar { color: #b00020; }") : QString());
    statusBar()->showMessage(text, error ? 8000 : 4000);
    if (error)
        QApplication::beep();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings.value(QStringLiteral("window/state")).toByteArray();
    if (!state.isEmpty())
        restoreState(state, kLayoutVersion);
    m_transformedAction->setChecked(settings.value(QStringLiteral("view/transformed"), false).toBool());
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(kLayoutVersion));
    settings.setValue(QStringLiteral("view/transformed"), m_transformedAction->isChecked());
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState, kLayoutVersion);
    for (QDockWidget* d : m_docks)
        d->show();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    event->accept();
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About LinLab"),
        tr("<h3>LinLab %1</h3>"
           "<p>A live lab for the lesson <i>NumPy in Machine Learning</i>: features X and labels y in a table, "
           "scaling and z-scores, predictions X\u00b7w + b, the mean squared error and its gradient, "
           "all updating as you edit the data and drag the weights.</p>"
           "<p>Numbers follow NumPy's conventions (population std, shortest round-trip digits).</p>"
           "<p>Built with Qt %2, QCustomPlot and Armadillo.</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}
