// The loss curve: the current run with its hover readout and log scale, and kept runs named in
// the legend. Offscreen.

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "tests/common/TestUtil.h"
#include "tests/ui/training/TrainingTestUtil.h"
#include "ui/training/LossCurveView.h"
#include "ui/training/TrainingSession.h"
#include "ui/training/TrainingView.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace linlab;
using namespace trainingtest;
using testutil::allClose;
using testutil::close;

class tst_LossCurveView : public QObject {
    Q_OBJECT
private slots:
    void lossCurveReadoutAndLog();
    void keepTwoRuns();
    void longRunKeysAreEpochs();
};

namespace {

QVector<double> keysOf(const QCPGraph* graph) {
    QVector<double> keys;
    for (const QCPGraphData& d : *graph->data())
        keys.append(d.key);
    return keys;
}

bool increasing(const QVector<double>& keys) {
    for (int k = 1; k < keys.size(); ++k)
        if (!(keys[k - 1] < keys[k]))
            return false;
    return true;
}

} // namespace

void tst_LossCurveView::lossCurveReadoutAndLog() {
    Document doc;
    zscore(doc);
    TrainingView view(&doc);
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    LossCurveView* c = view.lossCurve();
    QCOMPARE(c->readout()->text(), QStringLiteral("no run yet"));
    view.session()->advance(30);
    QCOMPARE(c->currentGraph()->dataCount(), 31);
    QVector<double> everyEpoch;
    for (int e = 0; e <= 30; ++e)
        everyEpoch.append(e);
    QCOMPARE(keysOf(c->currentGraph()), everyEpoch); // a short run: every epoch, at its epoch
    QVERIFY(c->readout()->text().startsWith(QStringLiteral("epoch 30: MSE ")));
    QVERIFY(c->isLogScale());
    QCOMPARE(c->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(c->plot()->xAxis->range().upper >= 30);
    // Hover: the readout and tracer show the epoch under the cursor.
    c->plot()->replot();
    const QPoint at(qRound(c->plot()->xAxis->coordToPixel(10)),
                    qRound(c->plot()->yAxis->coordToPixel(100)));
    QTest::mouseMove(c->plot(), at);
    QVERIFY2(c->readout()->text().startsWith(QStringLiteral("epoch 10: MSE ")),
             qPrintable(c->readout()->text()));
    QVERIFY(c->tracer()->visible());
    QCOMPARE(c->tracer()->graphKey(), 10.0);
    c->setLogScale(false);
    QCOMPARE(c->plot()->yAxis->range().lower, 0.0);
    QCOMPARE(c->currentGraph()->dataCount(), 31);
    // Stepping back shortens the curve.
    view.session()->stepBack();
    QCOMPARE(c->currentGraph()->dataCount(), 30);
}

void tst_LossCurveView::keepTwoRuns() {
    Document doc;
    zscore(doc);
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    LossCurveView* c = view.lossCurve();
    QVERIFY(!c->keepButton()->isEnabled());
    const QString rate = QString::number(s->learningRate());
    s->advance(40);
    c->keepButton()->click();
    view.resetButton()->click();
    s->setMethod(TrainingSession::Method::Momentum);
    s->advance(40);
    c->keepRun();
    s->setMethod(TrainingSession::Method::MiniBatch);
    s->setLearningRate(0.01);
    s->advance(40);
    QCOMPARE(c->keptCount(), 2);
    const QStringList legend = c->legendNames();
    QVERIFY2(legend.contains(QStringLiteral("GD lr %1").arg(rate)),
             qPrintable(legend.join(QLatin1Char('|'))));
    QVERIFY2(legend.contains(QStringLiteral("momentum 0.9 lr %1").arg(rate)),
             qPrintable(legend.join(QLatin1Char('|'))));
    QVERIFY(legend.contains(QStringLiteral("this run: SGD b=2 lr 0.01 seed 1")));
    QString why;
    QVERIFY2(plotFinite(c->plot(), &why), qPrintable(why));
    c->clearButton()->click();
    QCOMPARE(c->keptCount(), 0);
    QCOMPARE(c->legendNames(), QStringList{QStringLiteral("this run: SGD b=2 lr 0.01 seed 1")});
}

void tst_LossCurveView::longRunKeysAreEpochs() {
    // Past 10,000 epochs the history is thinned: the curve must draw each kept point at its
    // epoch, not at its index, or the x axis and the readout are compressed.
    Document doc;
    zscore(doc);
    TrainingView view(&doc);
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    TrainingSession* s = view.session();
    LossCurveView* c = view.lossCurve();
    s->setTolerance(0);
    s->setMaxEpochs(50000);
    s->toEnd();
    QVERIFY(s->atEnd());
    const std::size_t last = s->result().epochsRun;
    QCOMPARE(last, std::size_t(50000));
    QCOMPARE(s->epoch(), last);
    const QVector<double> keys = keysOf(c->currentGraph());
    QVERIFY(keys.size() > 1000);
    QVERIFY(std::size_t(keys.size()) <= s->descentSettings().maxLossHistoryPoints);
    QCOMPARE(keys.front(), 0.0);
    QCOMPARE(keys.back(), double(last));
    QVERIFY(increasing(keys));
    QVERIFY(c->plot()->xAxis->range().upper >= double(last));
    QVERIFY2(c->readout()->text().startsWith(QStringLiteral("epoch 50,000: MSE ")),
             qPrintable(c->readout()->text()));
    // Hovering halfway reads an epoch near 25,000 (not the 25,000th point's index).
    c->plot()->replot();
    QTest::mouseMove(c->plot(), pixelOf(c->plot(), 25000, c->plot()->yAxis->range().center()));
    QVERIFY(c->tracer()->visible());
    const double hovered = c->tracer()->graphKey();
    QVERIFY2(std::abs(hovered - 25000) < 500, qPrintable(QString::number(hovered)));
    // A kept curve keeps the epochs too.
    c->keepRun();
    QCOMPARE(c->plot()->graphCount(), 2);
    QCOMPARE(keysOf(c->plot()->graph(1)), keys);
    QString why;
    QVERIFY2(plotFinite(c->plot(), &why), qPrintable(why));
}

QTEST_MAIN(tst_LossCurveView)
#include "tst_LossCurveView.moc"
