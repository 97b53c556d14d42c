// PredictedActualPlotView on a live Document: actual against predicted on a shared range, with
// the diagonal reference line, following the model.

#include "app/document/Document.h"
#include "tests/common/TestUtil.h"
#include "tests/ui/plots/PlotTestUtil.h"
#include "ui/plots/PlotView.h"
#include "ui/plots/PredictedActualPlotView.h"

#include <QTest>

#include <cmath>

using namespace linlab;
using namespace plottest;

class tst_PredictedActualPlotView : public QObject {
    Q_OBJECT
private slots:
    void predictedActualFollowsModel();
};

void tst_PredictedActualPlotView::predictedActualFollowsModel() {
    Document doc;
    PredictedActualPlotView view(&doc);
    QCOMPARE(view.pointCount(), 4);
    Points expected{{0, {75, 51}}, {1, {60, 40}}, {2, {90, 66}}, {3, {55, 33}}};
    QCOMPARE(drawnPoints(view), expected);
    QCOMPARE(view.plot()->xAxis->label(), QStringLiteral("actual exam_score"));
    QCOMPARE(view.plot()->yAxis->label(), QStringLiteral("predicted exam_score"));

    // Shared range over 33..90, and the reference line along its diagonal.
    const QCPRange range = view.plot()->xAxis->range();
    QVERIFY(sameRange(view.plot()->yAxis->range(), range));
    QVERIFY(sameRange(range, PlotView::paddedRange(33, 90)));
    const QSharedPointer<QCPGraphDataContainer> ref = view.referenceGraph()->data();
    QCOMPARE(ref->size(), 2);
    QCOMPARE(ref->at(0)->key, range.lower);
    QCOMPARE(ref->at(0)->value, range.lower);
    QCOMPARE(ref->at(1)->key, range.upper);
    QCOMPARE(ref->at(1)->value, range.upper);

    // 5*5 + 2*7 + 34.5 = 73.5, 5*3 + 2*6 + 34.5 = 61.5, 5*8 + 2*8 + 34.5 = 90.5, 5*2 + 2*5 + 34.5
    // = 54.5
    doc.setModel(LinearModel(arma::vec{5, 2}, 34.5));
    expected = Points{{0, {75, 73.5}}, {1, {60, 61.5}}, {2, {90, 90.5}}, {3, {55, 54.5}}};
    QCOMPARE(drawnPoints(view), expected);
    QVERIFY(sameRange(view.plot()->xAxis->range(), PlotView::paddedRange(54.5, 90.5)));
}

QTEST_MAIN(tst_PredictedActualPlotView)
#include "tst_PredictedActualPlotView.moc"
