// DataPlotView on a typed document: colour by a categorical column (a graph and a legend entry
// per level, missing levels grey, selection and clicks still mapping rows), a categorical column
// on x (jittered groups at 0, 1, ..., the levels as tick labels, each level's mean prediction),
// a date feature on a date ticker, and a plain document left as it was. Offscreen.

#include "app/document/Document.h"
#include "tests/common/TestUtil.h"
#include "tests/ui/plots/PlotTestUtil.h"
#include "tests/ui/plots/TypedDocuments.h"
#include "ui/plots/CategoryLayers.h"
#include "ui/plots/DataPlotView.h"
#include "ui/plots/PlotExporter.h"
#include "ui/plots/PlotTickers.h"

#include <QComboBox>
#include <QDateTime>
#include <QImage>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <map>
#include <set>

using namespace linlab;
using namespace plottest;

namespace {

/// (flipper_length_mm, body_mass_g) of each dataset row of loadSmallPenguins.
const std::map<int, QPointF> kSmallPoints{{0, {181, 3750}}, {1, {186, 3800}}, {2, {217, 4500}},
                                          {3, {195, 3700}}, {4, {190, 3900}}, {5, {230, 5500}},
                                          {6, {200, 3600}}};

/// The points of a graph, as (x, y) pairs.
std::set<std::pair<double, double>> graphPoints(const QCPGraph* graph) {
    std::set<std::pair<double, double>> points;
    for (const QCPGraphData& p : *graph->data())
        points.insert({p.key, p.value});
    return points;
}

std::set<std::pair<double, double>> rowsPoints(std::initializer_list<int> rows) {
    std::set<std::pair<double, double>> points;
    for (int row : rows)
        points.insert({kSmallPoints.at(row).x(), kSmallPoints.at(row).y()});
    return points;
}

QStringList comboTexts(const QComboBox* combo) {
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts << combo->itemText(i);
    return texts;
}

/// The labels a text ticker puts at x = 0, 1, ...
QStringList tickLabels(const QCPAxis* axis) {
    const auto ticker = axis->ticker().dynamicCast<QCPAxisTickerText>();
    return ticker ? QStringList(ticker->ticks().values()) : QStringList();
}

} // namespace

class tst_DataPlotCategories : public QObject {
    Q_OBJECT
private slots:
    void plainDocumentHasNoColourChoice();
    void colourComboListsCategoricalColumns();
    void colourByGivesOneGraphPerLevel();
    void missingLevelsAreGrey();
    void selectionAndClicksMapRowsWhileColoured();
    void categoricalXGroupsLevels();
    void dateFeatureUsesDateTicker();
    void largeTableKeepsSamplingAndStampedMarkers();
    void colouredPenguinsRender();
};

void tst_DataPlotCategories::plainDocumentHasNoColourChoice() {
    Document doc;
    DataPlotView view(&doc);
    QVERIFY(view.colourCombo()->isHidden());
    QCOMPARE(comboTexts(view.featureCombo()),
             QStringList({QStringLiteral("hours_studied"), QStringLiteral("hours_slept")}));
    QVERIFY(!view.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerText>());
    QVERIFY(!view.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>());
    view.setColourColumn(QStringLiteral("hours_slept"));
    QVERIFY(view.colourColumn().isEmpty());
    QVERIFY(!view.categoryLayers().isShown());
    QVERIFY(view.plot()->legend->hasItemWithPlottable(view.pointsGraph()));
}

void tst_DataPlotCategories::colourComboListsCategoricalColumns() {
    Document doc;
    DataPlotView view(&doc);
    loadSmallPenguins(doc);
    QVERIFY(!view.colourCombo()->isHidden());
    // Every categorical column, the ignored ones too; none of the numbers or the date.
    QCOMPARE(comboTexts(view.colourCombo()),
             QStringList({QStringLiteral("none"), QStringLiteral("species"),
                          QStringLiteral("island"), QStringLiteral("sex")}));
    QCOMPARE(view.colourCombo()->currentIndex(), 0);

    // The combo colours the points; a new document starts with one colour again.
    view.colourCombo()->setCurrentIndex(2);
    QCOMPARE(view.colourColumn(), QStringLiteral("island"));
    QCOMPARE(view.categoryLayers().levelGraphs().size(), 3);
    doc.replaceAll(Dataset(arma::mat(2, 1, arma::fill::ones), arma::vec{3, 4}, {"a"}, "y"),
                   TransformSettings{}, LinearModel(1), QStringLiteral("plain"));
    QVERIFY(view.colourColumn().isEmpty());
    QVERIFY(!view.categoryLayers().isShown());
    QVERIFY(view.colourCombo()->isHidden());
}

void tst_DataPlotCategories::colourByGivesOneGraphPerLevel() {
    Document doc;
    loadSmallPenguins(doc);
    DataPlotView view(&doc);
    view.setColourColumn(QStringLiteral("species"));
    const QVector<QCPGraph*> levels = view.categoryLayers().levelGraphs();
    QCOMPARE(levels.size(), 3);
    QCOMPARE(levels[0]->name(), QStringLiteral("Adelie"));
    QCOMPARE(levels[1]->name(), QStringLiteral("Chinstrap"));
    QCOMPARE(levels[2]->name(), QStringLiteral("Gentoo"));
    // Table row 4 (a Gentoo without a flipper length) is left out of the dataset.
    QCOMPARE(graphPoints(levels[0]), rowsPoints({0, 1, 4}));
    QCOMPARE(graphPoints(levels[1]), rowsPoints({3, 6}));
    QCOMPARE(graphPoints(levels[2]), rowsPoints({2, 5}));
    QVERIFY(!view.categoryLayers().missingGraph());

    // One legend entry per level, in level order, and none for the one-colour points.
    QCPLegend* legend = view.plot()->legend;
    QVERIFY(!legend->hasItemWithPlottable(view.pointsGraph()));
    for (int l = 0; l < 3; ++l)
        QCOMPARE(legend->item(l), legend->itemWithPlottable(levels[l]));
    QVERIFY(legend->hasItemWithPlottable(view.modelGraph()));
    // Distinct colours; the points graph draws nothing but still holds every point.
    QVERIFY(levels[0]->scatterStyle().pen().color() != levels[1]->scatterStyle().pen().color());
    QVERIFY(levels[1]->scatterStyle().pen().color() != levels[2]->scatterStyle().pen().color());
    QCOMPARE(view.pointsGraph()->scatterStyle().shape(), QCPScatterStyle::ssNone);
    QCOMPARE(drawnPoints(view), Points(kSmallPoints.begin(), kSmallPoints.end()));
    QCOMPARE(view.residualBars()->data()->size(), 7);
    QVERIFY(everythingFinite(view.plot()));

    // Back to one colour: the level graphs go, the points and their legend entry come back.
    view.setColourColumn(QString());
    QVERIFY(!view.categoryLayers().isShown());
    QCOMPARE(view.pointsGraph()->scatterStyle().shape(), QCPScatterStyle::ssCircle);
    QCOMPARE(legend->item(0), legend->itemWithPlottable(view.pointsGraph()));
}

void tst_DataPlotCategories::missingLevelsAreGrey() {
    Document doc;
    loadSmallPenguins(doc);
    DataPlotView view(&doc);
    view.setColourColumn(QStringLiteral("sex"));
    const QVector<QCPGraph*> levels = view.categoryLayers().levelGraphs();
    QCOMPARE(levels.size(), 2);
    QCOMPARE(graphPoints(levels[0]), rowsPoints({1, 2, 6})); // female
    QCOMPARE(graphPoints(levels[1]), rowsPoints({0, 4, 5})); // male
    const QCPGraph* missing = view.categoryLayers().missingGraph();
    QVERIFY(missing);
    QCOMPARE(missing->name(), QStringLiteral("missing"));
    QCOMPARE(graphPoints(missing), rowsPoints({3}));
    QCOMPARE(missing->scatterStyle().pen().color(), CategoryLayers::missingColor());
    QVERIFY(view.plot()->legend->hasItemWithPlottable(missing));
    // The tooltip names the level (and the table row, 1-based: dataset row 4 is table row 5).
    QCOMPARE(view.toolTipForRow(3),
             QStringLiteral("Row 4 \u2014 flipper_length_mm 195, body_mass_g 3700, sex missing, "
                            "predicted 3600"));
    QCOMPARE(view.toolTipForRow(4).left(6), QStringLiteral("Row 6 "));
}

void tst_DataPlotCategories::selectionAndClicksMapRowsWhileColoured() {
    Document doc;
    loadSmallPenguins(doc);
    DataPlotView view(&doc);
    view.setColourColumn(QStringLiteral("species"));
    view.resize(640, 420);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.plot()->replot();

    view.setSelectedRows({4, 2});
    QCOMPARE(view.highlightedRows(), QVector<int>({4, 2})); // sorted by x: 190, 217
    QCOMPARE(graphPoints(view.highlightGraph()), rowsPoints({2, 4}));

    QSignalSpy spy(&view, &PlotView::rowClicked);
    const QPoint gentoo = pixelOf(view, 230, 5500);
    QCOMPARE(view.rowAtPixel(gentoo), 5);
    QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::NoModifier, gentoo);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), 5);
}

void tst_DataPlotCategories::categoricalXGroupsLevels() {
    Document doc;
    loadSmallPenguins(doc);
    DataPlotView view(&doc);
    // The features, a separator, then every categorical column.
    QComboBox* combo = view.featureCombo();
    QCOMPARE(combo->count(), 8);
    QCOMPARE(combo->itemText(1), QStringLiteral("species=Chinstrap"));
    QCOMPARE(combo->itemText(5), QStringLiteral("species"));
    QCOMPARE(combo->itemText(6), QStringLiteral("island"));
    combo->setCurrentIndex(6);
    QCOMPARE(view.xCategory(), QStringLiteral("island"));
    QCOMPARE(view.feature(), 0); // kept for when a feature is chosen again
    QCOMPARE(view.plot()->xAxis->label(), QStringLiteral("island"));
    QCOMPARE(tickLabels(view.plot()->xAxis),
             QStringList(
                 {QStringLiteral("Biscoe"), QStringLiteral("Dream"), QStringLiteral("Torgersen")}));

    // Each point within the jitter of its island's index, the same on every redraw.
    const std::map<int, int> island{{0, 2}, {1, 2}, {2, 0}, {3, 1}, {4, 1}, {5, 0}, {6, 1}};
    const Points first = drawnPoints(view);
    QCOMPARE(int(first.size()), 7);
    std::set<double> offsets;
    for (const auto& [row, point] : first) {
        QVERIFY(std::abs(point.x() - island.at(row)) <= PlotTickers::kJitter);
        QCOMPARE(point.y(), kSmallPoints.at(row).y());
        offsets.insert(point.x() - island.at(row));
    }
    QVERIFY(offsets.size() > 1); // spread, not stacked
    view.refresh();
    QCOMPARE(drawnPoints(view), first);

    // No line across levels: each island's mean prediction (20 flipper - 100 C + 300 G - 200).
    QVERIFY(view.modelGraph()->data()->isEmpty());
    const QSharedPointer<QCPGraphDataContainer> means = view.meanPredictionGraph()->data();
    QCOMPARE(means->size(), 3);
    const double biscoe = (20 * 217 + 300 - 200 + 20 * 230 + 300 - 200) / 2.0;
    const double dream = (20 * 195 - 100 - 200 + 20 * 190 - 200 + 20 * 200 - 100 - 200) / 3.0;
    const double torgersen = (20 * 181 - 200 + 20 * 186 - 200) / 2.0;
    QVERIFY(testutil::close(means->at(0)->value, biscoe));
    QVERIFY(testutil::close(means->at(1)->value, dream));
    QVERIFY(testutil::close(means->at(2)->value, torgersen));
    QVERIFY(view.plot()->legend->hasItemWithPlottable(view.meanPredictionBars()));
    // A slider tick (the bias up by 100) moves every mean with it, the points stay.
    doc.setModel(LinearModel(arma::vec{20, -100, 300, 0}, -100));
    QVERIFY(testutil::close(view.meanPredictionGraph()->data()->at(1)->value, dream + 100));
    QCOMPARE(drawnPoints(view), first);
    QCOMPARE(view.meanPredictionBars()->data()->size(), 3);
    QVERIFY(!view.plot()->legend->hasItemWithPlottable(view.modelGraph()));
    QCOMPARE(view.plot()->xAxis->grid()->zeroLinePen().style(), Qt::NoPen); // 0 is Biscoe
    const QCPRange x = view.plot()->xAxis->range();
    QVERIFY(x.lower < -PlotTickers::kJitter && x.upper > 2 + PlotTickers::kJitter);
    QVERIFY(everythingFinite(view.plot()) && rangesFinite(view.plot()));

    // With sex on x the row without a level forms a "missing" group after the levels.
    view.setXCategory(QStringLiteral("sex"));
    QCOMPARE(
        tickLabels(view.plot()->xAxis),
        QStringList({QStringLiteral("female"), QStringLiteral("male"), QStringLiteral("missing")}));
    QVERIFY(std::abs(drawnPoints(view).at(3).x() - 2) <= PlotTickers::kJitter);

    // A feature again: its numbers, the usual ticker and the model's line.
    combo->setCurrentIndex(0);
    QVERIFY(view.xCategory().isEmpty());
    QCOMPARE(drawnPoints(view), Points(kSmallPoints.begin(), kSmallPoints.end()));
    QVERIFY(!view.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerText>());
    QVERIFY(view.plot()->xAxis->grid()->zeroLinePen().style() != Qt::NoPen);
    QCOMPARE(view.modelGraph()->data()->size(), 2);
    QVERIFY(view.meanPredictionGraph()->data()->isEmpty());
    QVERIFY(view.meanPredictionBars()->data()->isEmpty());
    QVERIFY(!view.plot()->legend->hasItemWithPlottable(view.meanPredictionBars()));
}

void tst_DataPlotCategories::dateFeatureUsesDateTicker() {
    Document doc;
    loadSmallPenguins(doc);
    DataPlotView view(&doc);
    QCOMPARE(doc.dataset().featureNames()[3], std::string("day"));
    view.setFeature(3);
    const auto ticker = view.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
    QVERIFY(ticker);
    QCOMPARE(ticker->dateTimeSpec(), Qt::UTC);
    QCOMPARE(ticker->dateTimeFormat(), PlotTickers::dateFormat(view.plot()->xAxis->range().size()));
    // x in seconds since 1970: the days of table rows 0 and 7.
    const Points points = drawnPoints(view);
    QCOMPARE(points.at(0).x(), 19700 * 86400.0);
    QCOMPARE(points.at(6).x(), 19760 * 86400.0);
    // Laid out, the ticks are UTC dates in that format, within the range.
    view.resize(640, 420);
    view.plot()->replot();
    const QVector<double> ticks = view.plot()->xAxis->tickVector();
    const QVector<QString> labels = view.plot()->xAxis->tickVectorLabels();
    QVERIFY(ticks.size() >= 2);
    QCOMPARE(labels.size(), ticks.size());
    for (int i = 0; i < ticks.size(); ++i)
        QCOMPARE(labels[i], view.plot()->locale().toString(
                                QDateTime::fromMSecsSinceEpoch(qint64(ticks[i] * 1000), Qt::UTC),
                                ticker->dateTimeFormat()));
    QVERIFY(labels.join(QLatin1Char(' ')).contains(QStringLiteral("Dec")));
    QVERIFY(view.toolTipForRow(0).contains(QStringLiteral("day 2023-12-09")));

    // The model's line, evaluated in days, drawn in seconds.
    const QCPRange x = view.plot()->xAxis->range();
    const QSharedPointer<QCPGraphDataContainer> line = view.modelGraph()->data();
    QCOMPARE(line->size(), 2);
    const arma::vec ys = doc.analysis().partialPrediction(
        doc.model(), 3, arma::vec{x.lower / 86400, x.upper / 86400});
    QVERIFY(testutil::close(line->at(0)->value, ys(0)));
    QVERIFY(testutil::close(line->at(1)->value, ys(1)));
    QVERIFY(everythingFinite(view.plot()) && rangesFinite(view.plot()));

    // Spans pick their labels: years, months, days, hours.
    QCOMPARE(PlotTickers::dateFormat(20 * 365 * 86400.0), QStringLiteral("yyyy"));
    QCOMPARE(PlotTickers::dateFormat(200 * 86400.0), QStringLiteral("MMM yyyy"));
    QCOMPARE(PlotTickers::dateFormat(0.5 * 86400), QStringLiteral("d MMM\nhh:mm"));

    // A numeric feature gets its ticker back.
    view.setFeature(0);
    QVERIFY(!view.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>());
    QCOMPARE(drawnPoints(view).at(0).x(), 181.0);
}

void tst_DataPlotCategories::largeTableKeepsSamplingAndStampedMarkers() {
    Document doc;
    loadPenguins(doc, 30000, 5);
    DataPlotView view(&doc);
    view.setColourColumn(QStringLiteral("species"));
    QCOMPARE(view.sampleStep(), 2);
    QCOMPARE(view.pointCount(), 15000);
    // Every drawn point in exactly one level graph, each stamped from a pixmap like the points.
    int total = 0;
    for (const QCPGraph* graph : view.categoryLayers().graphs()) {
        total += graph->data()->size();
        QCOMPARE(graph->scatterStyle().shape(), QCPScatterStyle::ssPixmap);
    }
    QCOMPARE(total, view.pointCount());
    QCOMPARE(view.categoryLayers().graphs().size(), 3);
    // The sampling note stays in the legend, on the points' entry (drawn without a marker).
    QCPLegend* legend = view.plot()->legend;
    QVERIFY(legend->hasItemWithPlottable(view.pointsGraph()));
    QVERIFY(view.pointsGraph()->name().contains(QStringLiteral("1 in 2")));
    QCOMPARE(legend->item(0), legend->itemWithPlottable(view.pointsGraph()));
    QVERIFY(everythingFinite(view.plot()) && rangesFinite(view.plot()));
}

void tst_DataPlotCategories::colouredPenguinsRender() {
    Document doc;
    loadPenguins(doc, 344, 13);
    DataPlotView view(&doc);
    view.setColourColumn(QStringLiteral("species"));
    const QImage image = PlotExporter::renderImage(view.plot(), QSize(800, 560), 1.0);
    QVERIFY(!image.isNull());
    // Every level's colour is on the picture.
    for (int l = 0; l < 3; ++l) {
        const QColor color = CategoryLayers::levelColor(l);
        bool found = false;
        for (int y = 0; y < image.height() && !found; ++y)
            for (int x = 0; x < image.width() && !found; ++x)
                found = image.pixelColor(x, y) == color;
        QVERIFY2(found, qPrintable(color.name()));
    }
    // Set LINLAB_PLOT_PNG to look at it.
    const QString path = qEnvironmentVariable("LINLAB_PLOT_PNG");
    if (!path.isEmpty()) {
        QVERIFY(PlotExporter::exportPlot(view.plot(), path, QSize(900, 600), 1.0, nullptr));
        view.resize(900, 640);
        QVERIFY(view.grab().save(
            QString(path).replace(QStringLiteral(".png"), QStringLiteral("-widget.png"))));
        view.setXCategory(QStringLiteral("island"));
        QVERIFY(PlotExporter::exportPlot(
            view.plot(), QString(path).replace(QStringLiteral(".png"), QStringLiteral("-x.png")),
            QSize(900, 600), 1.0, nullptr));
    }
}

QTEST_MAIN(tst_DataPlotCategories)
#include "tst_DataPlotCategories.moc"
