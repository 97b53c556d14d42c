// The training view on a live Document: one step from its button, divergence in words with
// nothing non-finite on any axis, the logarithmic rate slider around the stable bound, and
// rendered images of the whole area. Offscreen.

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "model/training/Conditioning.h"
#include "tests/common/TestUtil.h"
#include "tests/ui/training/TrainingTestUtil.h"
#include "ui/common/PreciseSpinBox.h"
#include "ui/training/LossCurveView.h"
#include "ui/training/LossLandscapeView.h"
#include "ui/training/NormalizationComparison.h"
#include "ui/training/TrainingSession.h"
#include "ui/training/TrainingView.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace linlab;
using namespace trainingtest;
using testutil::allClose;
using testutil::close;

class tst_TrainingView : public QObject {
    Q_OBJECT
private slots:
    void stepOnceIsOneGradientStep();
    void divergesPastTheBound();
    void divergenceWhileRunning();
    void rateSliderIsLogarithmicAroundTheBound();
    void render();
};

void tst_TrainingView::stepOnceIsOneGradientStep() {
    Document doc;
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    s->setLearningRate(0.001);
    const int before = doc.undoStack()->count();
    view.stepButton()->click();
    // The gradient at the lesson's model is [-208, -295] and -45, so one step of 0.001 lands on
    // w = [4, 3] - 0.001 [-208, -295] = [4.208, 3.295] and b = 10 - 0.001 (-45) = 10.045.
    QVERIFY(allClose(doc.model().weights(), arma::vec{4.208, 3.295}));
    QVERIFY(close(doc.model().bias(), 10.045));
    QCOMPARE(s->epoch(), std::size_t(1));
    QCOMPARE(doc.undoStack()->count(), before + 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Gradient Descent"));
    QVERIFY(view.epochLabel()->text().contains(QStringLiteral("<b>1</b>")));
    QVERIFY(view.stepBackButton()->isEnabled());
}

void tst_TrainingView::divergesPastTheBound() {
    Document doc;
    TrainingView view(&doc);
    view.resize(900, 700);
    TrainingSession* s = view.session();
    const double bound = s->gradientBound();
    QVERIFY(bound > 0);
    s->setLearningRate(1.05 * bound);
    QVERIFY(view.warningLabel()->isVisibleTo(&view));
    QVERIFY(view.warningLabel()->text().contains(QStringLiteral("past the stable bound")));
    view.endButton()->click();
    QVERIFY(s->atEnd());
    QVERIFY(s->result().diverged);
    // It says so, where, and what to try instead: half the bound, rounded down.
    const QString status = view.statusLabel()->text();
    QVERIFY2(status.startsWith(QStringLiteral("Diverged at epoch ")), qPrintable(status));
    const double suggestion = suggestedRate(bound);
    QVERIFY(suggestion < bound && suggestion > 0.45 * bound);
    QVERIFY2(status.contains(QStringLiteral("try %1").arg(QString::number(suggestion))),
             qPrintable(status));
    QVERIFY(status.contains(QStringLiteral("past the stable bound")));
    // Stopped on the step it shows, with finite numbers everywhere.
    QVERIFY(sameModel(doc.model(), s->result().model));
    QVERIFY(parameters(doc.model()).is_finite());
    QVERIFY(std::isfinite(doc.evaluation().metrics.mse));
    QString why;
    QVERIFY2(plotFinite(view.landscape()->plot(), &why), qPrintable(why));
    QVERIFY2(plotFinite(view.lossCurve()->plot(), &why), qPrintable(why));
    QVERIFY(view.landscape()->grid().values.is_finite());
    QVERIFY(!view.statusLabel()->text().contains(QStringLiteral("nan"), Qt::CaseInsensitive));
    QVERIFY(!view.epochLabel()->text().contains(QStringLiteral("nan"), Qt::CaseInsensitive));
    QVERIFY(!view.runButton()->isEnabled());
    QVERIFY(!view.stepButton()->isEnabled());

    // A rate so large the first step overflows: still nothing non-finite anywhere.
    s->setLearningRate(1e200);
    view.resetButton()->click();
    view.endButton()->click();
    QVERIFY(s->result().diverged);
    QVERIFY(parameters(doc.model()).is_finite());
    QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("overflowed")),
             qPrintable(view.statusLabel()->text()));
    QVERIFY2(plotFinite(view.landscape()->plot(), &why), qPrintable(why));
    QVERIFY2(plotFinite(view.lossCurve()->plot(), &why), qPrintable(why));
}

void tst_TrainingView::divergenceWhileRunning() {
    // Momentum past its own bound 2 (1 + mu) / lambda_max: the animation stops where the run
    // does, the loss a million times its start, and axes follow it there.
    Document doc;
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    s->setMethod(TrainingSession::Method::Momentum);
    s->setMomentum(0.5);
    QVERIFY(close(s->stableBound(), 1.5 * s->gradientBound()));
    s->setLearningRate(1.1 * s->stableBound());
    s->setSpeed(1000000);
    view.runButton()->click();
    QTRY_VERIFY(!s->isRunning());
    QVERIFY(s->atEnd());
    QVERIFY(s->result().diverged);
    QVERIFY(view.statusLabel()->text().startsWith(QStringLiteral("Diverged at epoch")));
    QString why;
    QVERIFY2(plotFinite(view.landscape()->plot(), &why), qPrintable(why));
    QVERIFY2(plotFinite(view.lossCurve()->plot(), &why), qPrintable(why));
    // The landscape moved its window to keep the point in view.
    const QPointF p = view.landscape()->currentPoint();
    QVERIFY(view.landscape()->plot()->xAxis->range().contains(p.x()));
    QVERIFY(view.landscape()->plot()->yAxis->range().contains(p.y()));
    QVERIFY(view.lossCurve()->plot()->yAxis->range().upper >= s->result().lossHistory.back());
}

void tst_TrainingView::rateSliderIsLogarithmicAroundTheBound() {
    Document doc;
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    const double bound = s->gradientBound();
    QVERIFY(close(view.rateAt(TrainingView::kRateSteps), 4 * bound, 3e-3));
    QVERIFY(close(view.rateAt(0), 1e-4 * bound, 3e-3));
    QVERIFY(std::abs(view.ratePosition(bound) - view.ratePosition(bound / 10)) > 150);
    // The default rate is half the bound, rounded down: under it, and the spin box shows it
    // exactly.
    QVERIFY(s->isDefaultRate());
    QCOMPARE(s->learningRate(), suggestedRate(bound));
    QCOMPARE(view.rateSpinBox()->value(), s->learningRate());
    QVERIFY(!view.warningLabel()->isVisibleTo(&view));
    QVERIFY(view.boundLabel()->text().contains(QStringLiteral("stable below")));
    view.rateSlider()->setValue(TrainingView::kRateSteps);
    QVERIFY(close(s->learningRate(), 4 * bound, 3e-3));
    QVERIFY(view.warningLabel()->isVisibleTo(&view));
    QVERIFY(!s->isDefaultRate());
    // z-scoring changes the bound; the user's rate stays, the warning follows.
    zscore(doc);
    QVERIFY(close(s->learningRate(), 4 * bound, 3e-3));
    QVERIFY(!view.warningLabel()->isVisibleTo(&view));
}

void tst_TrainingView::render() {
    // LINLAB_TRAINING_PNG_DIR keeps the images for a look; otherwise a temporary folder.
    QTemporaryDir temp;
    QString dir = qEnvironmentVariable("LINLAB_TRAINING_PNG_DIR");
    if (dir.isEmpty())
        dir = temp.path();
    QVERIFY(QDir().mkpath(dir));
    const auto shoot = [&](QWidget& w, const QString& name) {
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (int k = 0; k < 3; ++k) // queued replots, and the comparison's aspect fitting
            QCoreApplication::processEvents();
        QTest::qWait(50);
        QVERIFY(w.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    };

    {
        // Raw lesson data at the default rate: one jump into the valley, then a slow crawl.
        Document doc;
        TrainingView view(&doc);
        view.resize(900, 700);
        view.session()->advance(60);
        view.lossCurve()->keepRun();
        shoot(view, QStringLiteral("training-raw"));
    }
    {
        // Z-scored: the point rolls down a round bowl.
        Document doc;
        zscore(doc);
        TrainingView view(&doc);
        view.resize(900, 700);
        view.session()->advance(12);
        shoot(view, QStringLiteral("training-zscored"));
        view.session()->setMethod(TrainingSession::Method::Momentum);
        view.resetButton()->click();
        view.session()->advance(40);
        shoot(view, QStringLiteral("training-momentum"));
    }
    {
        // Past the bound: the warning, and the divergence in words.
        Document doc;
        zscore(doc);
        TrainingView view(&doc);
        view.resize(900, 700);
        view.session()->setLearningRate(1.05 * view.session()->gradientBound());
        view.session()->toEnd();
        shoot(view, QStringLiteral("training-diverged"));
    }
    {
        Document doc;
        TrainingView view(&doc);
        view.compareNormalization();
        view.comparison()->resize(980, 680);
        shoot(*view.comparison(), QStringLiteral("normalization-comparison"));
        view.comparison()->setSlice(0, 1);
        shoot(*view.comparison(), QStringLiteral("normalization-comparison-w1w2"));
    }
}

QTEST_MAIN(tst_TrainingView)
#include "tst_TrainingView.moc"
