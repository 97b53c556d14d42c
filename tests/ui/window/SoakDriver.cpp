#include "tests/ui/window/SoakDriver.h"

#include "app/document/Document.h"
#include "ui/common/NumberText.h"
#include "ui/common/PreciseSpinBox.h"
#include "ui/panels/MetricsPanel.h"
#include "ui/panels/ModelPanel.h"
#include "ui/panels/TransformPanel.h"
#include "ui/plots/DataPlotView.h"
#include "ui/plots/PlotExporter.h"
#include "ui/plots/PredictedActualPlotView.h"
#include "ui/plots/ResidualPlotView.h"
#include "ui/table/DataTableModel.h"
#include "ui/table/DataTableView.h"
#include "ui/training/LossCurveView.h"
#include "ui/training/LossLandscapeView.h"
#include "ui/training/TrainingSession.h"
#include "ui/training/TrainingView.h"
#include "ui/window/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <cstring>
#include <deque>
#include <random>

namespace {
constexpr int kMaxRows = 200;
constexpr int kMaxFeatures = 6;

/// Everything undo and redo must restore, compared bit for bit.
struct Snapshot {
    arma::mat features;
    arma::vec labels;
    std::vector<std::string> featureNames;
    std::string labelName;
    linlab::TransformSettings settings;
    arma::vec weights;
    double bias = 0.0;
};

Snapshot snapshot(const Document* doc) {
    return {doc->dataset().features(),  doc->dataset().labels(),  doc->dataset().featureNames(),
            doc->dataset().labelName(), doc->transformSettings(), doc->model().weights(),
            doc->model().bias()};
}

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

/// Bit for bit; with `zeroSign` false, -0 and +0 count as the same (a project file cannot tell
/// them apart: Qt's JSON writes -0.0 as 0).
bool same(const arma::mat& a, const arma::mat& b, bool zeroSign = true) {
    if (a.n_rows != b.n_rows || a.n_cols != b.n_cols)
        return false;
    for (arma::uword i = 0; i < a.n_elem; ++i)
        if (!sameBits(a(i), b(i)) && (zeroSign || a(i) != 0.0 || b(i) != 0.0))
            return false;
    return true;
}

/// Empty when the two states are the same, else what differs.
QString difference(const Snapshot& a, const Snapshot& b, bool zeroSign = true) {
    if (!same(a.features, b.features, zeroSign))
        return QStringLiteral("features differ (%1x%2 vs %3x%4)")
            .arg(a.features.n_rows)
            .arg(a.features.n_cols)
            .arg(b.features.n_rows)
            .arg(b.features.n_cols);
    if (!same(a.labels, b.labels, zeroSign))
        return QStringLiteral("labels differ");
    if (a.featureNames != b.featureNames || a.labelName != b.labelName)
        return QStringLiteral("column names differ");
    if (!(a.settings == b.settings))
        return QStringLiteral("transform settings differ");
    if (!same(a.weights, b.weights, zeroSign) ||
        !same(arma::vec{a.bias}, arma::vec{b.bias}, zeroSign)) {
        QStringList wa, wb;
        for (double v : a.weights)
            wa << QString::number(v, 'g', 17);
        for (double v : b.weights)
            wb << QString::number(v, 'g', 17);
        return QStringLiteral("model differs: [%1] %2 vs [%3] %4")
            .arg(wa.join(QLatin1Char(' ')), QString::number(a.bias, 'g', 17),
                 wb.join(QLatin1Char(' ')), QString::number(b.bias, 'g', 17));
    }
    return {};
}

QAction* findAction(QWidget* window, const QString& text) {
    for (QAction* a : window->findChildren<QAction*>())
        if (a->text() == text)
            return a;
    return nullptr;
}
} // namespace

SoakDriver::SoakDriver(MainWindow* window, std::uint64_t seed)
    : m_rng(seed)
    , m_window(window)
    , m_doc(window->document()) {}

double SoakDriver::randomValue() {
    // Mostly everyday numbers; now and then the awkward ones (tiny, huge, negative zero, 0.1 +
    // 0.2).
    switch (pick(0, 19)) {
    case 0:
        return 1e-310;
    case 1:
        return -0.0;
    case 2:
        return 0.1 + 0.2;
    case 3:
        return std::ldexp(1.0, pick(-60, 60));
    case 4:
        return pick(-3, 3) * 1e6;
    default:
        break;
    }
    if (pick(0, 1) == 0)
        return double(pick(-100, 100));
    return std::round(std::uniform_real_distribution<double>(-100.0, 100.0)(m_rng) * 1e4) / 1e4;
}

QString SoakDriver::editCell() {
    DataTableModel* model = m_window->tableView()->tableModel();
    const QModelIndex cell =
        model->index(pick(0, model->rowCount() - 1), pick(0, model->columnCount() - 1));
    const double v = randomValue();
    model->setData(cell, valueText(v)); // refused on a transformed feature: the check still holds
    return QStringLiteral("edit (%1,%2) = %3").arg(cell.row()).arg(cell.column()).arg(valueText(v));
}

QString SoakDriver::editBadText() {
    static const QStringList bad{QStringLiteral("abc"),  QStringLiteral("nan"),
                                 QStringLiteral("inf"),  QStringLiteral("1e999"),
                                 QStringLiteral("1.5x"), QString()};
    DataTableModel* model = m_window->tableView()->tableModel();
    const QModelIndex cell =
        model->index(pick(0, model->rowCount() - 1), pick(0, model->columnCount() - 1));
    const QString text = bad.at(pick(0, int(bad.size()) - 1));
    const Snapshot before = snapshot(m_doc);
    if (model->setData(cell, text))
        return QStringLiteral("FAIL: \u201c%1\u201d was accepted").arg(text);
    if (!difference(before, snapshot(m_doc)).isEmpty())
        return QStringLiteral("FAIL: refused \u201c%1\u201d changed the document").arg(text);
    return QStringLiteral("bad text \u201c%1\u201d at (%2,%3)")
        .arg(text)
        .arg(cell.row())
        .arg(cell.column());
}

QString SoakDriver::paste() {
    DataTableView* view = m_window->tableView();
    DataTableModel* model = view->tableModel();
    const int rows = pick(1, 3), columns = pick(1, 3);
    const int row = pick(0, std::min(model->rowCount() - 1, kMaxRows - rows));
    const int column =
        pick(0, std::max(0, std::min(model->columnCount() - 1, kMaxFeatures + 1 - columns)));
    QString text;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c)
            text += (c ? QStringLiteral("\t") : QString()) + valueText(randomValue());
        text += QLatin1Char('\n');
    }
    view->setCurrentIndex(model->index(row, column));
    QApplication::clipboard()->setText(text);
    findAction(m_window, QStringLiteral("&Paste"))->trigger();
    return QStringLiteral("paste %1x%2 at (%3,%4)").arg(rows).arg(columns).arg(row).arg(column);
}

QString SoakDriver::insertRow() {
    DataTableView* view = m_window->tableView();
    if (view->tableModel()->rowCount() >= kMaxRows)
        return removeRows();
    const int row = pick(0, view->tableModel()->rowCount() - 1);
    view->setCurrentIndex(view->tableModel()->index(row, 0));
    findAction(m_window, QStringLiteral("Insert &Row"))->trigger();
    return QStringLiteral("insert row below %1").arg(row);
}

QString SoakDriver::removeRows() {
    DataTableView* view = m_window->tableView();
    DataTableModel* model = view->tableModel();
    const int first = pick(0, model->rowCount() - 1);
    const int last = std::min(model->rowCount() - 1, first + pick(0, 3));
    view->setCurrentIndex(model->index(first, 0));
    view->selectionModel()->select(
        QItemSelection(model->index(first, 0), model->index(last, model->columnCount() - 1)),
        QItemSelectionModel::ClearAndSelect);
    findAction(m_window, QStringLiteral("Re&move Rows"))
        ->trigger(); // refused when it would leave none
    return QStringLiteral("remove rows %1..%2").arg(first).arg(last);
}

QString SoakDriver::addFeature() {
    if (int(m_doc->dataset().featureCount()) >= kMaxFeatures)
        return removeFeature();
    findAction(m_window, QStringLiteral("Add &Feature"))->trigger();
    return QStringLiteral("add feature");
}

QString SoakDriver::removeFeature() {
    DataTableView* view = m_window->tableView();
    const int column =
        pick(0, int(m_doc->dataset().featureCount())); // the label now and then: refused
    view->setCurrentIndex(view->tableModel()->index(0, column));
    findAction(m_window, QStringLiteral("Remove Feat&ure"))->trigger();
    return QStringLiteral("remove feature %1").arg(column);
}

QString SoakDriver::renameOrRelabel() {
    DataTableView* view = m_window->tableView();
    const int column = pick(0, view->tableModel()->columnCount() - 1);
    if (pick(0, 1) == 0) {
        // Sometimes a name another column has: refused.
        const QString name = pick(0, 2) == 0
                                 ? QString::fromStdString(m_doc->dataset().columnName(0))
                                 : QStringLiteral("c%1").arg(pick(0, 99));
        view->renameColumnTo(column, name);
        return QStringLiteral("rename %1 to %2").arg(column).arg(name);
    }
    view->setCurrentIndex(view->tableModel()->index(0, column));
    findAction(m_window, QStringLiteral("Use as &Label"))->trigger();
    return QStringLiteral("use %1 as label").arg(column);
}

QString SoakDriver::dragSlider() {
    ModelPanel* panel = m_window->modelPanel();
    const int parameter = pick(0, panel->parameterCount() - 1);
    QSlider* slider = panel->slider(parameter);
    // As the mouse does it: press, move a few times, release. One drag, one undo step.
    slider->setSliderDown(true);
    const int moves = pick(1, 5);
    for (int i = 0; i < moves; ++i)
        slider->setSliderPosition(
            std::clamp(slider->sliderPosition() + pick(-80, 80), 0, ModelPanel::kSliderSteps));
    slider->setSliderDown(false);
    return QStringLiteral("drag slider %1 (%2 moves)").arg(parameter).arg(moves);
}

QString SoakDriver::typeWeight() {
    ModelPanel* panel = m_window->modelPanel();
    const int parameter = pick(0, panel->parameterCount() - 1);
    const double v = randomValue();
    panel->spinBox(parameter)->setValue(v);
    return QStringLiteral("type weight %1 = %2").arg(parameter).arg(valueText(v));
}

QString SoakDriver::changeTransform() {
    TransformPanel* panel = m_window->transformPanel();
    switch (pick(0, 3)) {
    case 0: {
        static const double scales[] = {1.0, 1.1, 0.5, 2.0, 1e-3, -1.0};
        const double s = scales[pick(0, 5)];
        panel->scaleBox()->setValue(s);
        return QStringLiteral("scale %1").arg(s);
    }
    case 1:
        panel->normalizationBox()->setCurrentIndex(pick(0, panel->normalizationBox()->count() - 1));
        return QStringLiteral("normalisation %1").arg(panel->normalizationBox()->currentIndex());
    case 2:
        if (panel->ddofBox()->isEnabled())
            panel->ddofBox()->setCurrentIndex(pick(0, panel->ddofBox()->count() - 1));
        return QStringLiteral("ddof %1").arg(panel->ddofBox()->currentIndex());
    default:
        m_window->transformedViewAction()->trigger();
        return QStringLiteral("transformed view %1")
            .arg(m_window->transformedViewAction()->isChecked());
    }
}

QString SoakDriver::training() {
    TrainingView* view = m_window->trainingView();
    switch (pick(0, 9)) {
    case 0:
    case 1:
    case 2:
        view->stepButton()->click();
        return QStringLiteral("GD step");
    case 3:
        view->stepBackButton()->click();
        return QStringLiteral("GD step back");
    case 4:
        view->resetButton()->click();
        return QStringLiteral("GD reset");
    case 5:
        view->endButton()->click();
        return QStringLiteral("GD to end");
    case 6: {
        // Run for a moment, then pause: the animation's own timer moves the model meanwhile.
        view->runButton()->click();
        QTest::qWait(pick(1, 20));
        if (view->session()->isRunning())
            view->runButton()->click();
        return QStringLiteral("GD run");
    }
    case 7: {
        const int method = pick(0, view->methodBox()->count() - 1);
        view->methodBox()->setCurrentIndex(method);
        emit view->methodBox()->activated(method);
        return QStringLiteral("GD method %1").arg(method);
    }
    case 8: {
        const int position = pick(0, TrainingView::kRateSteps);
        view->rateSlider()->setValue(position); // past the stable bound at the top: divergence
        return QStringLiteral("GD rate slider %1").arg(position);
    }
    default:
        m_window->centralTabs()->setCurrentIndex(pick(0, 1));
        return QStringLiteral("tab %1").arg(m_window->centralTabs()->currentIndex());
    }
}

QString SoakDriver::undoRedo() {
    const int times = pick(1, 3);
    const bool undo = pick(0, 2) != 0;
    for (int i = 0; i < times; ++i)
        (undo ? m_window->undoAction() : m_window->redoAction())->trigger();
    return QStringLiteral("%1 x%2")
        .arg(undo ? QStringLiteral("undo") : QStringLiteral("redo"))
        .arg(times);
}

QString SoakDriver::fitOrReset() {
    if (pick(0, 1) == 0) {
        m_window->modelPanel()->fitButton()->click();
        return QStringLiteral("fit");
    }
    m_window->modelPanel()->resetButton()->click();
    return QStringLiteral("reset model");
}

QString SoakDriver::exportSomething() {
    const int n = m_exports++ % 8; // a few names, rewritten: the folder does not grow
    switch (pick(0, 2)) {
    case 0: {
        QCustomPlot* plots[] = {
            m_window->dataPlot()->plot(), m_window->predictedActualPlot()->plot(),
            m_window->residualPlot()->plot(), m_window->trainingView()->landscape()->plot(),
            m_window->trainingView()->lossCurve()->plot()};
        static const char* const formats[] = {"png", "svg", "pdf", "jpg"};
        const QString path = m_dir.filePath(
            QStringLiteral("plot%1.%2").arg(n).arg(QLatin1String(formats[pick(0, 3)])));
        QString error;
        if (!PlotExporter::exportPlot(plots[pick(0, 4)], path, QSize(320, 200), 1.0, &error))
            return QStringLiteral("FAIL: plot export: %1").arg(error);
        return QStringLiteral("export %1").arg(path);
    }
    case 1: {
        const QString path = m_dir.filePath(QStringLiteral("data%1.csv").arg(n));
        if (!m_window->exportDataCsvTo(path, pick(0, 1), pick(0, 1)))
            return QStringLiteral("FAIL: CSV export");
        return QStringLiteral("export %1").arg(path);
    }
    default: {
        const QString path = m_dir.filePath(QStringLiteral("script%1.py").arg(n));
        if (!m_window->exportNumpyScriptTo(path))
            return QStringLiteral("FAIL: NumPy export");
        return QStringLiteral("export %1").arg(path);
    }
    }
}

QString SoakDriver::saveAndReopen() {
    // Save, then open what was saved: the same document, bit for bit, with a fresh undo history.
    const QString path = m_dir.filePath(QStringLiteral("soak.linlab"));
    const Snapshot before = snapshot(m_doc);
    if (!m_window->saveProjectTo(path))
        return QStringLiteral("FAIL: save");
    if (!m_window->loadProject(path))
        return QStringLiteral("FAIL: reopen");
    const QString diff = difference(before, snapshot(m_doc), false);
    if (!diff.isEmpty())
        return QStringLiteral("FAIL: reopened project: %1").arg(diff);
    return QStringLiteral("save and reopen");
}

QString SoakDriver::act() {
    const int roll = pick(0, 99);
    if (roll < 18)
        return editCell();
    if (roll < 20)
        return editBadText();
    if (roll < 26)
        return paste();
    if (roll < 33)
        return insertRow();
    if (roll < 40)
        return removeRows();
    if (roll < 43)
        return addFeature();
    if (roll < 46)
        return removeFeature();
    if (roll < 48)
        return renameOrRelabel();
    if (roll < 58)
        return dragSlider();
    if (roll < 62)
        return typeWeight();
    if (roll < 69)
        return changeTransform();
    if (roll < 80)
        return training();
    if (roll < 92)
        return undoRedo();
    if (roll < 95)
        return fitOrReset();
    if (roll < 98)
        return exportSomething();
    if (roll < 99 || m_doc->undoStack()->count() > 0)
        return saveAndReopen();
    return exportSomething();
}

QString SoakDriver::checkShown() const {
    // The table: the document's values (transformed features when that view is on), every cell.
    const DataTableModel* model = m_window->tableView()->tableModel();
    const linlab::Dataset& data = m_doc->dataset();
    if (model->rowCount() != int(data.rowCount()) ||
        model->columnCount() != int(data.columnCount()))
        return QStringLiteral("table is %1x%2, document %3x%4")
            .arg(model->rowCount())
            .arg(model->columnCount())
            .arg(data.rowCount())
            .arg(data.columnCount());
    const bool transformed = model->showTransformed();
    const arma::mat& X = m_doc->analysis().features();
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->headerData(c, Qt::Horizontal, Qt::EditRole).toString() !=
            QString::fromStdString(data.columnName(c)))
            return QStringLiteral("header %1 is not %2")
                .arg(c)
                .arg(QString::fromStdString(data.columnName(c)));
        for (int r = 0; r < model->rowCount(); ++r) {
            const double expected =
                transformed && c < int(data.featureCount()) ? X(r, c) : data.value(r, c);
            const QString shown = model->data(model->index(r, c), Qt::EditRole).toString();
            if (shown != NumberText::exact(expected))
                return QStringLiteral("cell (%1,%2) shows %3, document has %4")
                    .arg(r)
                    .arg(c)
                    .arg(shown, NumberText::exact(expected));
        }
    }
    // Every number in the metrics panel: finite or the dash; the MSE is the document's.
    for (const QLabel* label : m_window->metricsPanel()->findChildren<QLabel*>()) {
        if (!label->objectName().endsWith(QLatin1String("Value")))
            continue;
        bool ok = false;
        const double v = label->text().toDouble(&ok);
        if (label->text() != NumberText::dash() && !(ok && std::isfinite(v)))
            return QStringLiteral("%1 shows \u201c%2\u201d")
                .arg(label->objectName(), label->text());
    }
    const QLabel* mse = m_window->metricsPanel()->valueLabel(QStringLiteral("mseValue"));
    if (!mse || mse->text() != NumberText::shown(m_doc->evaluation().metrics.mse))
        return QStringLiteral("MSE shown is not the document's");
    // The weights' spin boxes show the model, one per weight and one for the bias.
    const ModelPanel* panel = m_window->modelPanel();
    const linlab::LinearModel& m = m_doc->model();
    if (panel->parameterCount() != int(m.weights().n_elem) + 1)
        return QStringLiteral("%1 weight rows for %2 weights")
            .arg(panel->parameterCount())
            .arg(m.weights().n_elem);
    for (int p = 0; p < panel->parameterCount(); ++p) {
        const double expected = p < int(m.weights().n_elem) ? m.weights()(p) : m.bias();
        // QDoubleSpinBox rounds to its (at most 323) decimals, so below about 1e-300 (subnormal
        // weights a fit can give) the box shows a neighbour of the model's value: a known limit.
        const double shown = panel->spinBox(p)->value();
        if (!sameBits(shown, expected) && !(expected == 0.0 && shown == 0.0) &&
            !(std::abs(expected) < 1e-300 && std::abs(shown - expected) <= 1e-300))
            return QStringLiteral("spin box %1 shows %2, model has %3")
                .arg(p)
                .arg(valueText(panel->spinBox(p)->value()), valueText(expected));
    }
    return {};
}

QString SoakDriver::checkUndoRedo() {
    QUndoStack* stack = m_doc->undoStack();
    if (!stack->canUndo())
        return {};
    const Snapshot before = snapshot(m_doc);
    const int index = stack->index();
    stack->undo();
    stack->redo();
    if (stack->index() != index)
        return QStringLiteral("undo then redo moved the stack from %1 to %2")
            .arg(index)
            .arg(stack->index());
    const QString diff = difference(before, snapshot(m_doc));
    return diff.isEmpty() ? QString() : QStringLiteral("undo then redo: %1").arg(diff);
}
