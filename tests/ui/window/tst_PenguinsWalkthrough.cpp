// The "done when", as a student does it: open the Palmer penguins file, see the column
// types and the rows with missing values, fit body mass on flipper length and species, drag a
// species weight, colour the scatter by species. With LINLAB_SCREENSHOT=path.png the window is
// saved there at the end (the README's screenshot; run under a real display for real fonts).
#include "app/document/Document.h"
#include "app/document/ModelActions.h"
#include "tests/common/SliderUtil.h"
#include "ui/panels/ModelPanel.h"
#include "ui/plots/CategoryLayers.h"
#include "ui/plots/DataPlotView.h"
#include "ui/window/CsvLoader.h"
#include "ui/window/FileController.h"
#include "ui/window/ImportChoice.h"
#include "ui/window/MainWindow.h"

#include <QFile>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QUndoStack>

using namespace linlab;

class tst_PenguinsWalkthrough : public QObject {
    Q_OBJECT
private slots:
    void openFitDragColour();
};

namespace {

const QString kPenguins =
    QStringLiteral("/usr/lib/R/site-library/palmerpenguins/extdata/penguins.csv");

} // namespace

void tst_PenguinsWalkthrough::openFitDragColour() {
    if (!QFile::exists(kPenguins))
        QSKIP("r-cran-palmerpenguins is not installed");
    MainWindow w;
    w.resize(1500, 950);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    ImportChoice choice; // what the import dialog gives for: label body_mass_g, two features
    choice.design.label = "body_mass_g";
    choice.design.features = {"species", "flipper_length_mm"};
    QSignalSpy typed(w.csvLoader(), &CsvLoader::loadedTyped);
    w.files()->loadCsv(kPenguins, choice);
    QTRY_VERIFY_WITH_TIMEOUT(typed.count() == 1, 20000);
    Document* doc = w.document();
    QVERIFY(doc->isTyped());
    const TypedTable& table = doc->source().table;
    QCOMPARE(table.rowCount(), std::size_t(344));
    QCOMPARE(table.column(table.indexOf("species")).type(), ColumnType::Categorical);
    QCOMPARE(table.column(table.indexOf("sex")).missingCount(), std::size_t(11));
    QCOMPARE(doc->rowsUsedText(), QStringLiteral("342 of 344 rows used (2 with missing values)"));
    QCOMPARE(
        doc->dataset().featureNames(),
        (std::vector<std::string>{"species=Chinstrap", "species=Gentoo", "flipper_length_mm"}));

    ModelActions::fitLeastSquares(doc);
    // numpy.linalg.lstsq on pandas' read_csv + dropna + get_dummies(drop_first=True) of the same
    // columns (R's lm(body_mass_g ~ flipper_length_mm + species) gives the same figures).
    const arma::vec expected = {-206.51012034, 266.80960318, 40.70540078};
    for (arma::uword j = 0; j < 3; ++j)
        QVERIFY2(std::abs(doc->model().weights()(j) - expected(j)) < 1e-6,
                 qPrintable(QString::number(j)));
    QVERIFY(std::abs(doc->model().bias() - -4031.47689069) < 1e-5);

    // Drag the Chinstrap weight: one undo step, the other weights stay.
    const QList<QSlider*> sliders = w.modelPanel()->findChildren<QSlider*>();
    QVERIFY(sliders.size() >= 4);
    QSlider* chinstrap = sliders.first();
    const int steps = doc->undoStack()->count();
    const QPoint start = testutil::handleCentre(chinstrap);
    QTest::mousePress(chinstrap, Qt::LeftButton, Qt::NoModifier, start);
    for (int dx = 3; dx <= 12; dx += 3)
        QTest::mouseMove(chinstrap, start + QPoint(dx, 0));
    QTest::mouseRelease(chinstrap, Qt::LeftButton, Qt::NoModifier, start + QPoint(12, 0));
    QCOMPARE(doc->undoStack()->count(), steps + 1);
    QVERIFY(doc->model().weights()(0) != expected(0));
    QVERIFY(std::abs(doc->model().weights()(2) - expected(2)) < 1e-6);

    // Colour the scatter by species, flipper length on x: a legend entry per species.
    DataPlotView* plot = w.dataPlot();
    plot->setFeature(2);
    plot->setColourColumn(QStringLiteral("species"));
    QTRY_COMPARE(plot->categoryLayers().levelGraphs().size(), 3);
    int points = 0;
    for (QCPGraph* graph : plot->categoryLayers().levelGraphs())
        points += graph->dataCount();
    QCOMPARE(points, 342);

    const QString shot = qEnvironmentVariable("LINLAB_SCREENSHOT");
    if (!shot.isEmpty()) {
        QTest::qWait(300);
        QVERIFY(w.grab().save(shot));
    }
}

QTEST_MAIN(tst_PenguinsWalkthrough)
#include "tst_PenguinsWalkthrough.moc"
