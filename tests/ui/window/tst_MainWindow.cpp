// The window as a user drives it: drag a weight, edit a cell, undo, and watch every number and plot
// follow.

#include "app/document/Document.h"
#include "model/fit/LinearModel.h"
#include "tests/common/SliderUtil.h"
#include "ui/common/NumberText.h"
#include "ui/common/PreciseSpinBox.h"
#include "ui/panels/MetricsPanel.h"
#include "ui/panels/ModelPanel.h"
#include "ui/plots/PredictedActualPlotView.h"
#include "ui/table/DataTableModel.h"
#include "ui/table/DataTableView.h"
#include "ui/window/MainWindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTest>
#include <QUndoStack>
#include <qcustomplot.h>

#include <cstring>

namespace {
bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

QString labelText(MainWindow& w, const char* name) {
    auto* label = w.metricsPanel()->findChild<QLabel*>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

QList<double> graphValues(QCPGraph* graph) {
    QList<double> out;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        out.append(it->value);
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

class tst_MainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void opensOnTheLesson();
    void dragWeightSliderUpdatesNumbersAndPlots();
    void editCellThroughDelegateUpdatesMetrics();
    void undoRestoresBitExactlyAndTitleTracksChanges();
    void fitAndResetActions();
    void removingTheLastRowIsRefused();
    void layoutIsRemembered();
};

void tst_MainWindow::initTestCase() {
    // Keep the user's real settings out of the tests.
    QCoreApplication::setOrganizationName(QStringLiteral("LinLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_MainWindow"));
    QSettings().clear();
}

void tst_MainWindow::opensOnTheLesson() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.windowTitle(), QStringLiteral("LinLab \u2014 lesson[*]"));
    QVERIFY(!w.isWindowModified());
    // NumPy's numbers for the lesson's model (shared/reference/seed_lesson.json).
    QCOMPARE(labelText(w, "mseValue"), QStringLiteral("509"));
    QCOMPARE(labelText(w, "gradBiasValue"), QStringLiteral("-45"));
    QCOMPARE(graphValues(w.predictedActualPlot()->pointsGraph()), (QList<double>{33, 40, 51, 66}));
    QCOMPARE(w.tableView()->tableModel()->rowCount(), 4);
}

void tst_MainWindow::dragWeightSliderUpdatesNumbersAndPlots() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Document* doc = w.document();
    QSlider* slider = w.modelPanel()->slider(0);
    QVERIFY(slider && slider->isVisible());
    const int before = doc->undoStack()->count();

    const QPoint start = testutil::handleCentre(slider);
    QTest::mousePress(slider, Qt::LeftButton, Qt::NoModifier, start);
    for (int dx = 6; dx <= 36; dx += 6)
        QTest::mouseMove(slider, start + QPoint(dx, 0));
    QTest::mouseRelease(slider, Qt::LeftButton, Qt::NoModifier, start + QPoint(36, 0));
    QCoreApplication::processEvents();

    const double w0 = doc->model().weights()(0);
    QVERIFY2(w0 > 4.0, qPrintable(QString::number(w0, 'g', 17)));
    QCOMPARE(doc->model().weights()(1), 3.0);
    QCOMPARE(doc->undoStack()->count(), before + 1); // one drag, one undo step

    // Every number follows: the MSE shown is the MSE of the new model, computed directly.
    const linlab::LinearModel m(doc->model().weights(), doc->model().bias());
    const double mse = m.mse(doc->dataset().features(), doc->dataset().labels());
    QVERIFY(std::abs(doc->evaluation().metrics.mse - mse) <= 1e-12 * mse);
    QCOMPARE(labelText(w, "mseValue"), NumberText::shown(doc->evaluation().metrics.mse));
    // And the plot: predicted points are X w + b for the new w.
    QList<double> expected;
    for (double p : m.predict(doc->dataset().features()))
        expected.append(p);
    std::sort(expected.begin(), expected.end());
    const QList<double> plotted = graphValues(w.predictedActualPlot()->pointsGraph());
    QCOMPARE(plotted.size(), 4);
    for (int i = 0; i < 4; ++i)
        QVERIFY(std::abs(plotted[i] - expected[i]) < 1e-9);

    doc->undoStack()->undo();
    QVERIFY(sameBits(doc->model().weights()(0), 4.0));
    QCOMPARE(labelText(w, "mseValue"), QStringLiteral("509"));
}

void tst_MainWindow::editCellThroughDelegateUpdatesMetrics() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    DataTableView* table = w.tableView();
    const QModelIndex cell = table->tableModel()->index(3, 2); // the last student's score
    table->setCurrentIndex(cell);
    table->edit(cell);
    auto* editor = table->findChild<QLineEdit*>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("35"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(w.document()->dataset().value(3, 2),
                 35.0); // the delegate commits on a queued call
    // Residuals are now [-24, -20, -24, -2]: MSE = (576 + 400 + 576 + 4) / 4 = 389.
    QCOMPARE(labelText(w, "mseValue"), QStringLiteral("389"));
    QVERIFY(w.isWindowModified());
}

void tst_MainWindow::undoRestoresBitExactlyAndTitleTracksChanges() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Document* doc = w.document();
    auto* model = w.tableView()->tableModel();
    QVERIFY(model->setData(model->index(0, 0), QStringLiteral("0.1")));
    QVERIFY(model->setData(model->index(0, 1), QStringLiteral("1e-310")));
    QVERIFY(w.isWindowModified());
    QVERIFY(w.undoAction()->text().contains(QStringLiteral("hours_slept")));
    w.undoAction()->trigger();
    w.undoAction()->trigger();
    QVERIFY(doc->dataset().isLesson());
    QVERIFY(sameBits(doc->dataset().value(0, 0), 5.0));
    QVERIFY(!w.isWindowModified());
    QCOMPARE(labelText(w, "mseValue"), QStringLiteral("509"));
    w.redoAction()->trigger();
    QCOMPARE(doc->dataset().value(0, 0), 0.1);
}

void tst_MainWindow::fitAndResetActions() {
    MainWindow w;
    Document* doc = w.document();
    w.modelPanel()->fitButton()->click();
    // numpy.linalg.lstsq on the lesson: w = [5, 2], b = 34.5, MSE 1.25.
    QVERIFY(std::abs(doc->model().weights()(0) - 5) < 1e-9);
    QVERIFY(std::abs(doc->model().bias() - 34.5) < 1e-9);
    QVERIFY(std::abs(doc->evaluation().metrics.mse - 1.25) < 1e-9);
    QCOMPARE(w.modelPanel()->spinBox(0)->value(), doc->model().weights()(0));
    w.modelPanel()->resetButton()->click();
    QVERIFY(arma::approx_equal(doc->model().weights(), arma::vec{4, 3}, "absdiff", 0));
    QCOMPARE(doc->model().bias(), 10.0);
}

void tst_MainWindow::removingTheLastRowIsRefused() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.tableView()->selectAll();
    w.tableView()->removeSelectedRows();
    QCOMPARE(w.document()->dataset().rowCount(), arma::uword(4));
    QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("at least one row")));
}

void tst_MainWindow::layoutIsRemembered() {
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.transformedViewAction()->setChecked(true);
        w.close();
    }
    MainWindow again;
    QVERIFY(again.transformedViewAction()->isChecked());
    QVERIFY(again.tableView()->tableModel()->showTransformed());
    QSettings().clear();
}

QTEST_MAIN(tst_MainWindow)
#include "tst_MainWindow.moc"
