// Gradient descent driven through the training view's session: one undo step a run, stepping
// back exactly, reset, a moved model or changed settings starting a new run, long runs computed
// in parts, and momentum's overshoot told apart from divergence. Offscreen.

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "app/document/MergeIds.h"
#include "tests/common/TestUtil.h"
#include "tests/ui/training/TrainingTestUtil.h"
#include "ui/training/TrainingSession.h"
#include "ui/training/TrainingView.h"

#include <QCoreApplication>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QUndoStack>

#include <vector>

using namespace linlab;
using namespace trainingtest;
using testutil::allClose;
using testutil::close;

class tst_TrainingSession : public QObject {
    Q_OBJECT
private slots:
    void runThenPauseIsOneUndoStep();
    void stepBackIsExact();
    void resetReturnsToTheStart();
    void movingTheModelStartsANewRun();
    void settingsChangeStartsANewRunFromHere();
    void longRunsAreComputedInParts();
    void momentumOvershootIsNotDivergence();
};

void tst_TrainingSession::runThenPauseIsOneUndoStep() {
    Document doc;
    zscore(doc);
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    s->setSpeed(2000);
    const LinearModel start = doc.model();
    const int before = doc.undoStack()->count();
    view.runButton()->click();
    QVERIFY(s->isRunning());
    QCOMPARE(view.runButton()->text(), QStringLiteral("Pause"));
    QTRY_VERIFY(s->epoch() >= 20);
    view.runButton()->click();
    QVERIFY(!s->isRunning());
    const std::size_t epoch = s->epoch();
    QVERIFY(epoch >= 20);
    QCoreApplication::processEvents();
    QCOMPARE(s->epoch(), epoch); // paused stays paused
    // The whole run is one undo step, and the document shows the run's point.
    QCOMPARE(doc.undoStack()->count(), before + 1);
    QVERIFY(sameModel(doc.model(), s->modelAt(s->position())));
    QVERIFY(doc.evaluation().metrics.mse < s->result().lossHistory.front());
    doc.undoStack()->undo();
    QVERIFY(sameModel(doc.model(), start));
    QVERIFY(!s->isAttached());
}

void tst_TrainingSession::stepBackIsExact() {
    Document doc;
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    std::vector<LinearModel> seen{doc.model()};
    for (int k = 0; k < 4; ++k) {
        QVERIFY(s->step());
        seen.push_back(doc.model());
    }
    for (int k = 3; k >= 0; --k) {
        view.stepBackButton()->click();
        QVERIFY(sameModel(doc.model(), seen[size_t(k)]));
        QCOMPARE(s->epoch(), std::size_t(k));
    }
    QVERIFY(!view.stepBackButton()->isEnabled());
    QVERIFY(!s->stepBack());
    // Forward again: the same points, in the same undo step.
    QVERIFY(s->step());
    QVERIFY(sameModel(doc.model(), seen[1]));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void tst_TrainingSession::resetReturnsToTheStart() {
    Document doc;
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    const LinearModel start = doc.model();
    QVERIFY(s->advance(25));
    QCOMPARE(s->epoch(), std::size_t(25));
    QVERIFY(!sameModel(doc.model(), start));
    view.resetButton()->click();
    QVERIFY(sameModel(doc.model(), start));
    QCOMPARE(s->position(), 0);
    QVERIFY(s->isAttached());
    QVERIFY(sameModel(s->startModel(), start));
    // And from there the run goes the same way again.
    QVERIFY(s->step());
    QVERIFY(sameModel(doc.model(), s->modelAt(1)));
}

void tst_TrainingSession::movingTheModelStartsANewRun() {
    Document doc;
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    QVERIFY(s->advance(3));
    const int runId = s->mergeId();
    QCOMPARE(doc.undoStack()->count(), 1);
    // A slider elsewhere moves the model: the run no longer describes it.
    doc.undoStack()->push(new SetModelCommand(&doc, LinearModel(arma::vec{6, 1}, 20),
                                              QStringLiteral("Drag w1"), nextMergeId()));
    QVERIFY(!s->isAttached());
    QVERIFY(view.statusLabel()->text().contains(QStringLiteral("moved")));
    QVERIFY(!view.stepBackButton()->isEnabled());
    QVERIFY(s->step());
    QVERIFY(s->mergeId() != runId);
    QVERIFY(sameModel(s->startModel(), LinearModel(arma::vec{6, 1}, 20)));
    QCOMPARE(s->epoch(), std::size_t(1));
    QCOMPARE(doc.undoStack()->count(), 3);
    // Undo the new run, redo it: the document shows the run's point again, and it continues.
    doc.undoStack()->undo();
    QVERIFY(!s->isAttached());
    doc.undoStack()->redo();
    QVERIFY(s->isAttached());
    QVERIFY(s->step());
    QCOMPARE(s->epoch(), std::size_t(2));
    QCOMPARE(doc.undoStack()->count(), 3);
}

void tst_TrainingSession::settingsChangeStartsANewRunFromHere() {
    Document doc;
    zscore(doc);
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    const LinearModel start = doc.model();
    QVERIFY(s->advance(10));
    const LinearModel here = doc.model();
    s->setLearningRate(0.05);
    QVERIFY(!s->isAttached());
    QVERIFY(view.statusLabel()->text().contains(QStringLiteral("settings changed")));
    // Reset still goes back to the old run's start; Step then starts anew from there.
    view.resetButton()->click();
    QVERIFY(sameModel(doc.model(), start));
    QVERIFY(s->step());
    QVERIFY(sameModel(s->startModel(), start));
    QCOMPARE(s->runLabel(), QStringLiteral("GD lr 0.05"));
    QVERIFY(!sameModel(doc.model(), here));
}

void tst_TrainingSession::longRunsAreComputedInParts() {
    // Mini-batches cost O(n d) an epoch: the run is computed ahead in parts, each a prefix of
    // the next (same seed, same run), so walking past a part's end continues seamlessly.
    Document doc;
    arma::arma_rng::set_seed(5);
    const arma::mat X = arma::randn(20000, 2);
    doc.replaceAll(Dataset(X, X * arma::vec{2, -1} + 3 + 0.1 * arma::randn(20000), {"a", "b"}, "y"),
                   TransformSettings{}, LinearModel(2), QStringLiteral("big"));
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    s->setMethod(TrainingSession::Method::MiniBatch);
    s->setBatchSize(1000);
    s->setLearningRate(0.01);
    s->setMaxEpochs(5000);
    QVERIFY(s->step());
    const std::size_t part = s->result().epochsRun;
    QVERIFY2(part < 5000, qPrintable(QString::number(part)));
    QVERIFY(!s->isComplete());
    const LinearModel before = s->modelAt(int(part));
    QVERIFY(s->advance(qint64(part))); // past the first part
    QCOMPARE(s->epoch(), part + 1);
    QVERIFY(s->result().epochsRun > part);
    QVERIFY(sameModel(s->modelAt(int(part)), before));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void tst_TrainingSession::momentumOvershootIsNotDivergence() {
    Document doc;
    zscore(doc);
    TrainingView view(&doc);
    TrainingSession* s = view.session();
    s->setMethod(TrainingSession::Method::Momentum);
    s->setMomentum(0.99);
    s->toEnd();
    QVERIFY(!s->result().diverged);
    QCOMPARE(s->result().stopReason, StopReason::Converged);
    QVERIFY(view.statusLabel()->text().startsWith(QStringLiteral("Converged at epoch")));
}

QTEST_MAIN(tst_TrainingSession)
#include "tst_TrainingSession.moc"
