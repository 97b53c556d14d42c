// Issue 14's "done when", as a student does it: open the Palmer penguins file, fit body mass on
// species and flipper length, read the report (it equals statsmodels' OLS), click a flagged row and
// a Q-Q point to find them in the table, change the level, predict a new penguin, edit a cell and
// watch the report follow, copy and export it. With LINLAB_SCREENSHOT=path.png the window is saved
// there with the report and the diagnostics in view (run under a real display for real fonts).
#include "app/document/Document.h"
#include "app/document/RegressionRunner.h"
#include "ui/common/NumberText.h"
#include "ui/plots/DataPlotView.h"
#include "ui/report/CoefficientTableModel.h"
#include "ui/report/DiagnosticPlotView.h"
#include "ui/report/DiagnosticsView.h"
#include "ui/report/FitBands.h"
#include "ui/report/ReportPanel.h"
#include "ui/table/DataTableModel.h"
#include "ui/table/DataTableView.h"
#include "ui/window/CsvLoader.h"
#include "ui/window/ExportActions.h"
#include "ui/window/FileController.h"
#include "ui/window/ImportChoice.h"
#include "ui/window/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace linlab;

class tst_ReportWalkthrough : public QObject {
    Q_OBJECT
private slots:
    void reportOnPenguins();
    void reportColumnsInTheTable();
};

namespace {

const QString kPenguins =
    QStringLiteral("/usr/lib/R/site-library/palmerpenguins/extdata/penguins.csv");

bool near(double a, double b, double relative) {
    return std::abs(a - b) <= relative * std::max(std::abs(b), 1e-300);
}

// The table rows selected in the data table.
QList<int> selectedTableRows(DataTableView* table) {
    QList<int> rows;
    for (const QModelIndex& index : table->selectionModel()->selectedRows())
        rows << index.row();
    return rows;
}

// The window on the penguins file: body mass on species and flipper length.
void openPenguins(MainWindow& w) {
    w.resize(1500, 950);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    ImportChoice choice;
    choice.design.label = "body_mass_g";
    choice.design.features = {"species", "flipper_length_mm"};
    QSignalSpy typed(w.csvLoader(), &CsvLoader::loadedTyped);
    w.files()->loadCsv(kPenguins, choice);
    QTRY_VERIFY_WITH_TIMEOUT(typed.count() == 1, 20000);
}

} // namespace

void tst_ReportWalkthrough::reportOnPenguins() {
    if (!QFile::exists(kPenguins))
        QSKIP("r-cran-palmerpenguins is not installed");
    MainWindow w;
    openPenguins(w);
    if (QTest::currentTestFailed())
        return;
    Document* doc = w.document();
    RegressionRunner* runner = w.regression();
    // The fit runs off the UI thread and arrives by itself.
    QTRY_VERIFY_WITH_TIMEOUT(runner->isCurrent(), 10000);

    w.centralTabs()->setCurrentIndex(2); // the Report tab: the full report beside its plots
    ReportPanel* panel = w.reportPanel();
    CoefficientTableModel* table = panel->coefficients();
    QAbstractItemModelTester tester(table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->headerData(0, Qt::Vertical).toString(), QStringLiteral("(intercept)"));
    QCOMPARE(table->headerData(1, Qt::Vertical).toString(), QStringLiteral("species=Chinstrap"));
    QCOMPARE(table->headerData(3, Qt::Vertical).toString(), QStringLiteral("flipper_length_mm"));

    // statsmodels 0.13.5: smf.ols("body_mass_g ~ C(species) + flipper_length_mm", penguins
    // .dropna() of those columns).fit() — params, bse, pvalues, conf_int().
    const double estimate[4] = {-4031.4768906936242, -206.5101203397371, 266.8096031792136,
                                40.70540077728463};
    const double stdError[4] = {584.1513399294812, 57.73064631062387, 95.26374051545461,
                                3.071019731409038};
    const double p[4] = {2.5514533707239175e-11, 3.9809859391524212e-04, 5.3918076255604682e-03,
                         1.4015999360945179e-32};
    const double ciLow[4] = {-5180.506846870882, -320.0667236822695, 79.42512914382297,
                             34.66468251440021};
    for (int r = 0; r < 4; ++r) {
        QVERIFY2(near(table->value(r, CoefficientTableModel::Estimate), estimate[r], 1e-8),
                 qPrintable(QString::number(r)));
        QVERIFY2(near(table->value(r, CoefficientTableModel::StdError), stdError[r], 1e-8),
                 qPrintable(QString::number(r)));
        QVERIFY2(near(table->value(r, CoefficientTableModel::P), p[r], 1e-6),
                 qPrintable(QString::number(r)));
        QVERIFY2(near(table->value(r, CoefficientTableModel::CiLow), ciLow[r], 1e-8),
                 qPrintable(QString::number(r)));
    }
    const RegressionReport& report = runner->result().regression.report();
    QCOMPARE(report.n, arma::uword(342));
    QCOMPARE(report.dfResidual, 338.0);
    QVERIFY(near(report.r2, 0.7826479015540246, 1e-10));
    QVERIFY(near(report.fStatistic, 405.6934847752156, 1e-8));
    QVERIFY(near(report.aic, 5029.523063426064, 1e-10));
    QVERIFY(near(report.sigma, 375.5350747821838, 1e-10));
    QCOMPARE(panel->valueLabel(QStringLiteral("nValue"))->text(), QStringLiteral("342"));

    // statsmodels' get_influence(): 21 rows are flagged by |studentized| > 3, Cook's distance
    // > 4/n or leverage > 2p/n. Row 38 of the rows used (table row 39: one row before it has a
    // missing value) is the outlier (studentized 3.23).
    QCOMPARE(int(runner->result().flagged.size()), 21);
    QListWidget* flagged = panel->flaggedList();
    QCOMPARE(flagged->count(), 21);
    QListWidgetItem* outlier = nullptr;
    for (int i = 0; i < flagged->count(); ++i)
        if (flagged->item(i)->data(Qt::UserRole).toInt() == 38)
            outlier = flagged->item(i);
    QVERIFY(outlier);
    QVERIFY2(outlier->text().startsWith(QStringLiteral("Row 40 \u2014 outlier (studentized 3.23)")),
             qPrintable(outlier->text()));
    // A click on it selects its row in the table.
    flagged->scrollToItem(outlier);
    QTest::mouseClick(flagged->viewport(), Qt::LeftButton, Qt::NoModifier,
                      flagged->visualItemRect(outlier).center());
    QCOMPARE(selectedTableRows(w.tableView()), QList<int>{39});

    // The Q-Q plot draws every row used; a click on a point selects that row too.
    DiagnosticPlotView* qq = w.diagnosticsView()->qqPlot();
    QTRY_COMPARE(qq->pointCount(), 342);
    QVERIFY(qq->ringedRows().contains(38));
    QVERIFY(w.dataPlot()->ringedRows().contains(38)); // and in every plot
    QTest::qWait(50);
    const QCPGraphData point = *qq->pointsGraph()->data()->constBegin(); // the lowest quantile
    const int lowest = qq->drawnRows().first();
    const QPoint pixel(int(qq->plot()->xAxis->coordToPixel(point.key)),
                       int(qq->plot()->yAxis->coordToPixel(point.value)));
    QCOMPARE(qq->rowAtPixel(pixel), lowest);
    QTest::mouseClick(qq->plot(), Qt::LeftButton, Qt::NoModifier, pixel);
    QCOMPARE(selectedTableRows(w.tableView()), QList<int>{doc->tableRow(lowest)});

    // The table marks the flagged row in its header, with the reason.
    QVERIFY(w.tableView()
                ->model()
                ->headerData(39, Qt::Vertical, Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Flagged by the regression report: outlier")));
    QVERIFY(!w.tableView()->model()->headerData(40, Qt::Vertical, Qt::ToolTipRole).isValid());

    const int mass = int(doc->source().table.indexOf("body_mass_g"));

    // Bands around the least-squares line in the data plot, flipper length on x (statsmodels'
    // get_prediction at the other features' means: the band is narrowest near the mean).
    w.dataPlot()->setFeature(2);
    w.bandsAction()->setChecked(true);
    FitBands* bands = w.fitBands();
    QCOMPARE(bands->confidenceUpper()->dataCount(), FitBands::kSteps);
    for (int i = 0; i < FitBands::kSteps; i += 7) {
        const double lo = (bands->confidenceLower()->data()->constBegin() + i)->value;
        const double hi = (bands->confidenceUpper()->data()->constBegin() + i)->value;
        const double plo = (bands->predictionLower()->data()->constBegin() + i)->value;
        const double phi = (bands->predictionUpper()->data()->constBegin() + i)->value;
        QVERIFY(plo < lo && lo < hi && hi < phi);
    }
    w.bandsAction()->setChecked(false);
    QCOMPARE(bands->confidenceUpper()->dataCount(), 0);

    // Drag the outlier up in the data plot: its mass follows the mouse, the slope, its p-value
    // and the row's Cook's distance move, the table shows the edit, and the drag is one step.
    w.centralTabs()->setCurrentIndex(0);
    DataPlotView* data = w.dataPlot();
    QTRY_VERIFY(data->isVisible());
    data->refresh();
    QTest::qWait(50);
    QPointF at;
    for (int i = 0; i < data->pointCount(); ++i)
        if (data->drawnRows()[i] == 38)
            at = QPointF((data->pointsGraph()->data()->constBegin() + i)->key,
                         (data->pointsGraph()->data()->constBegin() + i)->value);
    QCustomPlot* canvas = data->plot();
    const QPoint from(int(canvas->xAxis->coordToPixel(at.x())),
                      int(canvas->yAxis->coordToPixel(at.y())));
    QCOMPARE(data->rowAtPixel(from), 38);
    const int steps = doc->undoStack()->count();
    const double slopeBefore = runner->result().regression.weights()(2);
    const double cooksBefore = runner->result().diagnostics.cooksDistance(38);
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, from);
    for (int dy = 10; dy <= 60; dy += 10)
        QTest::mouseMove(canvas, from - QPoint(0, dy));
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, from - QPoint(0, 60));
    QCOMPARE(doc->undoStack()->count(), steps + 1);
    const double dragged = doc->dataset().labels()(38);
    QVERIFY2(dragged > at.y() + 100, qPrintable(QString::number(dragged)));
    // The typed cell: every digit to edit and in the tip, the display digits in the cell.
    const QModelIndex cell = w.tableView()->model()->index(39, mass);
    QCOMPARE(cell.data(Qt::EditRole).toString().toDouble(), dragged);
    QCOMPARE(cell.data().toString(), NumberText::shown(dragged));
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(cell.data(Qt::EditRole).toString()));
    runner->waitForResult();
    QVERIFY(runner->result().regression.weights()(2) != slopeBefore);
    QVERIFY(runner->result().diagnostics.cooksDistance(38) > cooksBefore);
    doc->undoStack()->undo();
    QCOMPARE(doc->dataset().labels()(38), at.y());
    runner->waitForResult();
    w.centralTabs()->setCurrentIndex(2);

    // A 90% level narrows the intervals and renames the columns.
    const double wide = table->value(3, CoefficientTableModel::CiHigh) -
                        table->value(3, CoefficientTableModel::CiLow);
    panel->levelBox()->setValue(90);
    QTRY_VERIFY_WITH_TIMEOUT(runner->isCurrent(), 10000);
    QCOMPARE(table->headerData(CoefficientTableModel::CiLow, Qt::Horizontal).toString(),
             QStringLiteral("90% CI low"));
    QVERIFY(table->value(3, CoefficientTableModel::CiHigh) -
                table->value(3, CoefficientTableModel::CiLow) <
            wide);
    // The dock's compact report follows the level set in the tab.
    QCOMPARE(w.reportDockPanel()->levelBox()->value(), 90.0);
    QVERIFY(w.reportDockPanel()->coefficientView()->isColumnHidden(CoefficientTableModel::CiLow));
    panel->levelBox()->setValue(95);
    QTRY_VERIFY_WITH_TIMEOUT(runner->isCurrent(), 10000);

    // Predict a Gentoo with 210 mm flippers (statsmodels' get_prediction().summary_frame()).
    const std::vector<QLineEdit*>& inputs = panel->predictInputs();
    QCOMPARE(int(inputs.size()), 3);
    inputs[0]->setText(QStringLiteral("0"));
    inputs[1]->setText(QStringLiteral("1"));
    inputs[2]->setText(QStringLiteral("210"));
    const IntervalPrediction predicted = runner->result().regression.predict({0, 1, 210});
    QVERIFY(near(predicted.fit, 4783.466875715361, 1e-10));
    QVERIFY(near(predicted.ciLow, 4703.962199744413, 1e-9));
    QVERIFY(near(predicted.piHigh, 5526.413365569648, 1e-9));
    QVERIFY2(panel->predictionLabel()->text().contains(QStringLiteral("4783.47")),
             qPrintable(panel->predictionLabel()->text()));
    inputs[2]->setText(QStringLiteral("21o"));
    QVERIFY(panel->predictionLabel()->text().startsWith(QStringLiteral("flipper_length_mm: ")));
    inputs[2]->setText(QStringLiteral("210")); // as the screenshot shows it
    QVERIFY(panel->predictionLabel()->text().contains(QStringLiteral("4783.47")));

    // Edit the outlier's mass in the table: the report follows, and undo brings it back.
    QAbstractItemModel* cells = w.tableView()->model();
    QVERIFY(cells->setData(cells->index(39, mass), QStringLiteral("9000")));
    QVERIFY(!runner->isCurrent());
    QTRY_VERIFY_WITH_TIMEOUT(runner->isCurrent(), 10000);
    QVERIFY(!near(table->value(3, CoefficientTableModel::Estimate), estimate[3], 1e-3));
    QVERIFY(runner->result().diagnostics.cooksDistance(38) > 0.1);
    doc->undoStack()->undo();
    QTRY_VERIFY_WITH_TIMEOUT(runner->isCurrent(), 10000);
    QVERIFY(near(table->value(3, CoefficientTableModel::Estimate), estimate[3], 1e-8));

    // Copy: a header and one line per term, every digit.
    panel->copyTable();
    const QStringList lines =
        QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines[0].startsWith(QStringLiteral("Term\tEstimate\tStd. error")));
    QVERIFY(lines[1].startsWith(QStringLiteral("(intercept)\t-4031.47689069")));

    // Export: HTML with the plots inline, and a PDF.
    QTemporaryDir dir;
    const QString html = dir.filePath(QStringLiteral("report.html"));
    QCOMPARE(panel->exportTo(html), QString());
    QFile htmlFile(html);
    QVERIFY(htmlFile.open(QIODevice::ReadOnly));
    const QByteArray text = htmlFile.readAll();
    QVERIFY(text.contains("body_mass_g ~ 1 + species=Chinstrap"));
    QCOMPARE(text.count("data:image/png;base64,"), 4);
    // The data CSV with the diagnostics: Cook's distance of the outlier as statsmodels'
    // get_influence().cooks_distance gives it.
    const QString csv = dir.filePath(QStringLiteral("data.csv"));
    QVERIFY(w.exports()->exportDataCsvTo(csv, false, false, true));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> csvLines = csvFile.readAll().split('\n');
    QCOMPARE(csvLines[0],
             QByteArray("species=Chinstrap,species=Gentoo,flipper_length_mm,body_mass_g,"
                        "ls_fitted,ls_residual,leverage,studentized_residual,"
                        "cooks_distance"));
    QVERIFY(near(csvLines[39].split(',').last().toDouble(), 0.023052063068143988, 1e-8));
    QVERIFY(near(csvLines[39].split(',')[7].toDouble(), 3.2318908033966025, 1e-8));

    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    QCOMPARE(panel->exportTo(pdf), QString());
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");

    const QString shot = qEnvironmentVariable("LINLAB_SCREENSHOT");
    if (!shot.isEmpty()) {
        for (QDockWidget* dock : w.findChildren<QDockWidget*>())
            if (dock->objectName() == QStringLiteral("reportDock"))
                dock->raise();
        QTest::qWait(300);
        QVERIFY(w.grab().save(shot));
        // And the Fit tab with the bands, flipper length on x (shot-fit.png).
        w.centralTabs()->setCurrentIndex(0);
        w.bandsAction()->setChecked(true);
        QTest::qWait(300);
        QVERIFY(w.grab().save(
            QString(shot).replace(QStringLiteral(".png"), QStringLiteral("-fit.png"))));
    }
}

void tst_ReportWalkthrough::reportColumnsInTheTable() {
    // View > Report Columns in Table: fitted, residual, leverage, studentized and Cook's beside
    // the penguins' own columns; the two rows left out (no measurements) show a dash.
    if (!QFile::exists(kPenguins))
        QSKIP("r-cran-palmerpenguins is not installed");
    MainWindow w;
    openPenguins(w);
    if (QTest::currentTestFailed())
        return;
    Document* doc = w.document();
    DataTableModel* model = w.tableView()->tableModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int own = model->columnCount();
    QCOMPARE(own, model->documentColumnCount());

    w.reportColumnsAction()->setChecked(true);
    QCOMPARE(model->columnCount(), own + 5);
    QVERIFY(model->isExtraColumn(own));
    QVERIFY(model->headerData(own + 4, Qt::Horizontal)
                .toString()
                .startsWith(QStringLiteral("Cook's D")));
    RegressionRunner* runner = w.regression();
    QTRY_VERIFY_WITH_TIMEOUT(runner->isCurrent(), 10000);
    const RowDiagnostics& g = runner->result().diagnostics;
    QCOMPARE(g.leverage.n_elem, arma::uword(342));
    // Table row 3 (the fourth penguin) has no measurements: left out, a dash; row 0 is data row 0.
    QCOMPARE(doc->datasetRow(3), -1);
    QCOMPARE(model->index(3, own).data().toString(), QStringLiteral("\u2014"));
    const double leverage0 = model->index(0, own + 2).data(Qt::EditRole).toString().toDouble();
    QCOMPARE(leverage0, g.leverage(0)); // every digit behind the rounded display
    QCOMPARE(model->index(0, own + 1).data(Qt::EditRole).toString().toDouble(), g.residuals(0));
    const int row5 = doc->tableRow(5);
    QCOMPARE(model->index(row5, own + 4).data(Qt::EditRole).toString().toDouble(),
             g.cooksDistance(5));
    const QString shot = qEnvironmentVariable("LINLAB_SCREENSHOT");
    if (!shot.isEmpty()) {
        w.tableView()->scrollTo(model->index(0, own + 4));
        QTest::qWait(200);
        QVERIFY(w.grab().save(
            QString(shot).replace(QStringLiteral(".png"), QStringLiteral("-columns.png"))));
    }
    // Read-only: no edit, and a paste there is refused with a message.
    QVERIFY(!(model->flags(model->index(0, own)) & Qt::ItemIsEditable));
    QVERIFY(!model->setData(model->index(0, own), QStringLiteral("1")));

    // An edit: the columns follow the new fit.
    const double before = g.residuals(0);
    const int massColumn = model->labelColumn();
    QVERIFY(model->setData(model->index(0, massColumn), QStringLiteral("9000")));
    QTRY_VERIFY_WITH_TIMEOUT(runner->isCurrent(), 10000);
    const double after = model->index(0, own + 1).data(Qt::EditRole).toString().toDouble();
    QVERIFY(after > before + 4000);
    doc->undoStack()->undo();

    w.reportColumnsAction()->setChecked(false);
    QCOMPARE(model->columnCount(), own);
}

QTEST_MAIN(tst_ReportWalkthrough)
#include "tst_ReportWalkthrough.moc"
