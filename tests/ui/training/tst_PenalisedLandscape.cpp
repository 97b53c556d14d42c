// The landscape and descent with the fit settings: the grid is the penalised loss
// (Regularized::loss), the arrow its gradient (Regularized::lossGradient, checked by central
// differences), the star the penalised fit with the constraint region through it, no bias axis
// through the origin; descent with the ridge penalty reaches Regularized::ridge, and the lasso
// has none.

#include "app/document/Document.h"
#include "model/fit/Regularized.h"
#include "model/training/LandscapeSlice.h"
#include "tests/common/TestUtil.h"
#include "ui/training/LossLandscapeView.h"
#include "ui/training/PenaltyOverlay.h"
#include "ui/training/TrainingSession.h"

#include <QComboBox>
#include <QTest>

#include <cmath>

using namespace linlab;
using testutil::allClose;
using testutil::close;

class tst_PenalisedLandscape : public QObject {
    Q_OBJECT
private slots:
    void gridIsThePenalisedLoss_data();
    void gridIsThePenalisedLoss();
    void arrowIsTheLossGradient_data();
    void arrowIsTheLossGradient();
    void optimumAndConstraintRegion();
    void throughTheOriginHasNoBiasAxis();
    void ridgeDescentReachesRidge();
    void lassoHasNoDescent();
};

namespace {

const SufficientStatistics& fitStats(const Document& doc) {
    return doc.fitSetup().fitStatistics(doc.analysis());
}

void setPenalty(Document& doc, Penalty penalty, double alpha, bool intercept = true) {
    FitSettings s = doc.fitSettings();
    s.penalty = penalty;
    s.alpha = alpha;
    s.intercept = intercept;
    doc.setFitSettings(s);
}

void addPenalties() {
    QTest::addColumn<int>("penalty");
    QTest::addColumn<double>("alpha");
    QTest::newRow("none") << int(Penalty::None) << 0.0;
    QTest::newRow("ridge") << int(Penalty::Ridge) << 3.0;
    QTest::newRow("lasso") << int(Penalty::Lasso) << 0.4;
}

} // namespace

void tst_PenalisedLandscape::gridIsThePenalisedLoss_data() {
    addPenalties();
}

void tst_PenalisedLandscape::gridIsThePenalisedLoss() {
    QFETCH(int, penalty);
    QFETCH(double, alpha);
    Document doc;
    setPenalty(doc, Penalty(penalty), alpha);
    LossLandscapeView view(&doc);
    QVERIFY(view.canDraw());
    const LossSurfaceGrid& grid = view.grid();
    QCOMPARE(grid.values.n_rows, arma::uword(LossLandscapeView::kGridSize));
    const LinearModel& model = doc.model();
    for (arma::uword a : {arma::uword(0), arma::uword(57), arma::uword(199)})
        for (arma::uword b : {arma::uword(3), arma::uword(120), arma::uword(199)}) {
            const LinearModel probe = withParameters(model, 0, grid.x(a), 1, grid.y(b));
            const double expected = Regularized::loss(fitStats(doc), Penalty(penalty), alpha,
                                                      probe.weights(), probe.bias());
            QVERIFY2(close(grid.values(a, b), expected, 1e-9 * std::max(1.0, expected)),
                     qPrintable(QStringLiteral("%1 vs %2").arg(grid.values(a, b)).arg(expected)));
        }
}

void tst_PenalisedLandscape::arrowIsTheLossGradient_data() {
    addPenalties();
}

void tst_PenalisedLandscape::arrowIsTheLossGradient() {
    QFETCH(int, penalty);
    QFETCH(double, alpha);
    Document doc;
    setPenalty(doc, Penalty(penalty), alpha);
    LossLandscapeView view(&doc);
    const LinearModel& model = doc.model(); // the lesson's [4, 3], 10: no weight at 0
    const Gradient g = Regularized::lossGradient(fitStats(doc), Penalty(penalty), alpha,
                                                 model.weights(), model.bias());
    const QPointF shown = view.shownGradient();
    QVERIFY(close(shown.x(), g.weights(0), 1e-9 * std::abs(g.weights(0))));
    QVERIFY(close(shown.y(), g.weights(1), 1e-9 * std::abs(g.weights(1))));
    // Central differences of the loss drawn agree with the arrow's gradient.
    const auto loss = [&](double dx, double dy) {
        const LinearModel probe =
            withParameters(model, 0, model.weights()(0) + dx, 1, model.weights()(1) + dy);
        return Regularized::loss(fitStats(doc), Penalty(penalty), alpha, probe.weights(),
                                 probe.bias());
    };
    const double h = 1e-5;
    const double gx = (loss(h, 0) - loss(-h, 0)) / (2 * h);
    const double gy = (loss(0, h) - loss(0, -h)) / (2 * h);
    QVERIFY2(close(shown.x(), gx, 1e-5 * std::max(1.0, std::abs(gx))),
             qPrintable(QStringLiteral("%1 vs %2").arg(shown.x()).arg(gx)));
    QVERIFY(close(shown.y(), gy, 1e-5 * std::max(1.0, std::abs(gy))));
    QVERIFY(view.gradientArrow()->visible());
}

void tst_PenalisedLandscape::optimumAndConstraintRegion() {
    Document doc;
    setPenalty(doc, Penalty::Ridge, 20.0);
    LossLandscapeView view(&doc);
    const RegularizedFit ridge = Regularized::ridge(fitStats(doc), 20.0);
    QVERIFY(close(view.optimumPoint().x(), ridge.weights(0), 1e-9));
    QVERIFY(close(view.optimumPoint().y(), ridge.weights(1), 1e-9));
    const PenaltyOverlay& overlay = view.penaltyOverlay();
    QVERIFY(overlay.curve()->visible());
    QVERIFY(close(overlay.radius(), std::hypot(ridge.weights(0), ridge.weights(1)), 1e-9));
    QVERIFY(overlay.label()->visible());
    QVERIFY(overlay.curve()->name().contains(QStringLiteral("L2")));
    QCOMPARE(view.colorScale()->axis()->label(), QStringLiteral("ridge loss"));

    setPenalty(doc, Penalty::Lasso, 0.5);
    const RegularizedFit lasso = Regularized::lasso(fitStats(doc), 0.5);
    QVERIFY(close(view.optimumPoint().x(), lasso.weights(0), 1e-7));
    QVERIFY(close(overlay.radius(), std::abs(lasso.weights(0)) + std::abs(lasso.weights(1)), 1e-7));
    QVERIFY(overlay.curve()->name().contains(QStringLiteral("L1")));
    QCOMPARE(overlay.curve()->dataCount(), 5); // the diamond

    view.setParameters(0, 2); // a weight and the bias: no region in those coordinates
    QVERIFY(!overlay.curve()->visible());
    setPenalty(doc, Penalty::None, 0.5);
    view.setParameters(0, 1);
    QVERIFY(!overlay.curve()->visible());
    const LeastSquaresResult& ls = fitStats(doc).leastSquares();
    QVERIFY(close(view.optimumPoint().x(), ls.weights(0), 1e-9));
}

void tst_PenalisedLandscape::throughTheOriginHasNoBiasAxis() {
    Document doc;
    LossLandscapeView view(&doc);
    QCOMPARE(view.xParameterBox()->count(), 3);
    setPenalty(doc, Penalty::None, 1.0, false);
    QCOMPARE(view.xParameterBox()->count(), 2); // w1 and w2; b is held at 0
    QCOMPARE(doc.model().bias(), 0.0);
    const LeastSquaresResult ls = Regularized::leastSquaresThroughOrigin(fitStats(doc));
    QVERIFY(close(view.optimumPoint().x(), ls.weights(0), 1e-9));
    QVERIFY(close(view.optimumPoint().y(), ls.weights(1), 1e-9));
}

void tst_PenalisedLandscape::ridgeDescentReachesRidge() {
    Document doc;
    setPenalty(doc, Penalty::Ridge, 50.0);
    TrainingSession session(&doc);
    QVERIFY(session.isAvailable());
    GradientDescentSettings plain = session.descentSettings();
    QCOMPARE(plain.ridgeAlpha, 50.0);
    // The stable bound is the penalised Hessian's: smaller than the plain MSE's.
    const double unpenalised = fitStats(doc).stableLearningRate();
    QVERIFY(session.gradientBound() < unpenalised);
    session.setLearningRate(session.defaultRate());
    session.setMaxEpochs(200000);
    session.setTolerance(1e-12);
    session.toEnd();
    QVERIFY(session.hasRun());
    QVERIFY(session.result().converged);
    const RegularizedFit ridge = Regularized::ridge(fitStats(doc), 50.0);
    QVERIFY2(
        allClose(doc.model().weights(), ridge.weights, 1e-6),
        qPrintable(QStringLiteral("%1 vs %2").arg(doc.model().weights()(0)).arg(ridge.weights(0))));
    QVERIFY(close(doc.model().bias(), ridge.bias, 1e-6));

    // Through the origin: the run keeps b at 0 and reaches ridge without an intercept.
    setPenalty(doc, Penalty::Ridge, 50.0, false);
    session.toEnd();
    const RegularizedFit origin = Regularized::ridge(fitStats(doc), 50.0, false);
    QCOMPARE(doc.model().bias(), 0.0);
    QVERIFY(allClose(doc.model().weights(), origin.weights, 1e-6));
}

void tst_PenalisedLandscape::lassoHasNoDescent() {
    Document doc;
    setPenalty(doc, Penalty::Lasso, 0.5);
    TrainingSession session(&doc);
    QVERIFY(!session.isAvailable());
    QVERIFY(session.unavailableText().contains(QStringLiteral("coordinate descent")));
    const LinearModel before = doc.model();
    session.toEnd();
    QVERIFY(!session.hasRun());
    QVERIFY(allClose(doc.model().weights(), before.weights(), 0));
}

QTEST_MAIN(tst_PenalisedLandscape)
#include "tst_PenalisedLandscape.moc"
