// DataPlotView on a live Document: the label against the chosen feature, the residual segments,
// the model's line (the others at their means), the feature choice following the columns, and
// points sorted by x with ties in row order.

#include "app/document/Document.h"
#include "tests/common/TestUtil.h"
#include "tests/ui/plots/PlotTestUtil.h"
#include "ui/plots/DataPlotView.h"
#include "ui/plots/PlotView.h"

#include <QComboBox>
#include <QLabel>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>
#include <vector>

using namespace linlab;
using namespace plottest;

class tst_DataPlotView : public QObject {
    Q_OBJECT
private slots:
    void dataPlotShowsLabelAgainstFeature();
    void dataPlotModelLineIsPartialPrediction();
    void featureChoiceFollowsColumns();
    void pointsSortedByXWithTiesInRowOrder();
};

void tst_DataPlotView::dataPlotShowsLabelAgainstFeature() {
    Document doc;
    DataPlotView view(&doc);
    QCOMPARE(view.feature(), 0);
    QCOMPARE(view.featureCombo()->count(), 2);
    QCOMPARE(view.featureCombo()->currentText(), QStringLiteral("hours_studied"));
    QCOMPARE(view.pointCount(), 4);
    QCOMPARE(view.findChild<QLabel*>()->text(), QStringLiteral("exam_score vs"));
    QCOMPARE(view.sampleStep(), 1);
    const Points expected{{0, {5, 75}}, {1, {3, 60}}, {2, {8, 90}}, {3, {2, 55}}};
    QCOMPARE(drawnPoints(view), expected);
    QCOMPARE(view.plot()->xAxis->label(), QStringLiteral("hours_studied"));
    QCOMPARE(view.plot()->yAxis->label(), QStringLiteral("exam_score"));
    QVERIFY(view.message().isEmpty());

    // Residual segments run from the label to the prediction [51, 40, 66, 33]: all below.
    const QSharedPointer<QCPErrorBarsDataContainer> bars = view.residualBars()->data();
    QCOMPARE(bars->size(), view.pointCount());
    const std::map<int, double> residual{{0, 24}, {1, 20}, {2, 24}, {3, 22}};
    for (int i = 0; i < bars->size(); ++i) {
        QCOMPARE(bars->at(i).errorMinus, residual.at(view.drawnRows().at(i)));
        QCOMPARE(bars->at(i).errorPlus, 0.0);
    }

    // The other feature, chosen in the combo box.
    view.featureCombo()->setCurrentIndex(1);
    QCOMPARE(view.feature(), 1);
    const Points slept{{0, {7, 75}}, {1, {6, 60}}, {2, {8, 90}}, {3, {5, 55}}};
    QCOMPARE(drawnPoints(view), slept);
    QCOMPARE(view.plot()->xAxis->label(), QStringLiteral("hours_slept"));

    // Axis ranges cover the data (and predictions) with padding.
    const QCPRange x = view.plot()->xAxis->range();
    QVERIFY(x.lower < 5 && x.upper > 8);
    const QCPRange y = view.plot()->yAxis->range();
    QVERIFY(y.lower < 33 && y.upper > 90);
}

void tst_DataPlotView::dataPlotModelLineIsPartialPrediction() {
    Document doc;
    DataPlotView view(&doc);
    const auto check = [&] {
        const QSharedPointer<QCPGraphDataContainer> line = view.modelGraph()->data();
        QCOMPARE(line->size(), 2);
        const QCPRange x = view.plot()->xAxis->range();
        QVERIFY(testutil::close(line->at(0)->key, x.lower));
        QVERIFY(testutil::close(line->at(1)->key, x.upper));
        const arma::vec ys =
            doc.analysis().partialPrediction(doc.model(), arma::uword(view.feature()),
                                             arma::vec{line->at(0)->key, line->at(1)->key});
        QVERIFY(testutil::close(line->at(0)->value, ys(0)));
        QVERIFY(testutil::close(line->at(1)->value, ys(1)));
    };
    check();
    // By hand for the lesson: hours_slept at its mean 6.5 -> 4 x + 3 * 6.5 + 10.
    const QCPRange x = view.plot()->xAxis->range();
    QVERIFY(testutil::close(view.modelGraph()->data()->at(0)->value, 4 * x.lower + 29.5));

    doc.setModel(LinearModel(arma::vec{5, 2}, 34.5));
    check();
    view.setFeature(1);
    check();
    doc.setTransformSettings(TransformSettings{2.0, Normalization::ZScore, 0});
    check();
}

void tst_DataPlotView::featureChoiceFollowsColumns() {
    Document doc;
    DataPlotView view(&doc);
    view.setFeature(1); // hours_slept
    QCOMPARE(view.featureCombo()->currentIndex(), 1);

    doc.insertFeature(0, "bias_hours", arma::vec{1, 1, 1, 1}, 0.0);
    QCOMPARE(view.feature(), 2); // still hours_slept
    QCOMPARE(view.featureCombo()->currentText(), QStringLiteral("hours_slept"));
    QCOMPARE(view.featureCombo()->count(), 3);

    doc.renameColumn(2, "sleep");
    QCOMPARE(view.feature(), 2);
    QCOMPARE(view.featureCombo()->currentText(), QStringLiteral("sleep"));
    QCOMPARE(view.plot()->xAxis->label(), QStringLiteral("sleep"));

    doc.removeFeature(0);
    QCOMPARE(view.feature(), 1);
    QCOMPARE(view.featureCombo()->currentText(), QStringLiteral("sleep"));

    // The shown feature removed: its neighbour takes its place.
    doc.removeFeature(1);
    QCOMPARE(view.feature(), 0);
    QCOMPARE(view.featureCombo()->currentText(), QStringLiteral("hours_studied"));
    QCOMPARE(drawnPoints(view), (Points{{0, {5, 75}}, {1, {3, 60}}, {2, {8, 90}}, {3, {2, 55}}}));

    // Out-of-range choices are ignored.
    view.setFeature(5);
    QCOMPARE(view.feature(), 0);
}

void tst_DataPlotView::pointsSortedByXWithTiesInRowOrder() {
    // Negative and positive values, ties, -0 beside +0 (equal), tiny and huge magnitudes.
    const arma::vec x{3, -1, -0.0, 0.0, 2, -1, 1e-300, -5e199, 7, 3};
    Document doc;
    doc.replaceAll(Dataset(arma::mat(x), arma::regspace(1, 10), {"x"}, "y"), {}, LinearModel(1),
                   QStringLiteral("t"));
    DataPlotView data(&doc);
    QCOMPARE(data.drawnRows(), (QVector<int>{7, 1, 5, 2, 3, 6, 4, 0, 9, 8}));
    // Many points: the same order as sorting (x, row) pairs.
    arma::arma_rng::set_seed(4);
    arma::vec many = arma::round(arma::randn(3000) * 50) / 4; // plenty of ties
    many.head(10) *= 1e150;
    doc.replaceAll(Dataset(arma::mat(many), arma::randn(3000), {"x"}, "y"), {}, LinearModel(1),
                   QStringLiteral("t"));
    std::vector<std::pair<double, int>> pairs;
    for (int i = 0; i < 3000; ++i)
        pairs.push_back({many(arma::uword(i)), i});
    std::sort(pairs.begin(), pairs.end());
    QVector<int> expected;
    for (const auto& p : pairs)
        expected.append(p.second);
    QCOMPARE(data.drawnRows(), expected);
}

QTEST_MAIN(tst_DataPlotView)
#include "tst_DataPlotView.moc"
