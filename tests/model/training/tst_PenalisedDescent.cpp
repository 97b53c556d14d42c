#include "model/fit/Regularized.h"
#include "model/fit/SufficientStatistics.h"
#include "model/training/GradientDescent.h"
#include "tests/common/TestUtil.h"

#include <QTest>

using namespace linlab;
using testutil::allClose;
using testutil::closeRel;

namespace {
// z-scored-like data: well conditioned, so descent converges in a few hundred epochs.
void data(arma::mat& X, arma::vec& y) {
    arma::arma_rng::set_seed(11);
    X = arma::randn(200, 3);
    y = X * arma::vec{1.5, -2.0, 0.5} + 4.0 + 0.3 * arma::randn(200);
}

GradientDescentSettings settings(double alpha, bool intercept) {
    GradientDescentSettings s;
    s.ridgeAlpha = alpha;
    s.intercept = intercept;
    s.maxEpochs = 100000;
    s.tolerance = 1e-13;
    return s;
}
} // namespace

// Gradient descent with a ridge penalty and through the origin, against the closed forms.
class tst_PenalisedDescent : public QObject {
    Q_OBJECT
private slots:
    void ridgeDescentReachesTheClosedForm() {
        arma::mat X;
        arma::vec y;
        data(X, y);
        const SufficientStatistics s = SufficientStatistics::compute(X, y);
        for (const double alpha : {0.5, 40.0}) {
            const GradientDescentResult r =
                GradientDescent::run(s, LinearModel(3), settings(alpha, true));
            QVERIFY(r.converged);
            const RegularizedFit exact = Regularized::ridge(s, alpha);
            QVERIFY(allClose(r.model.weights(), exact.weights, 1e-9));
            QVERIFY(closeRel(r.model.bias(), exact.bias, 1e-9));
            // The loss recorded is MSE + (alpha / n) |w|^2, the ridge objective over n.
            const double n = static_cast<double>(X.n_rows);
            QVERIFY(closeRel(
                r.lossHistory.back(),
                Regularized::loss(s, Penalty::Ridge, alpha, r.model.weights(), r.model.bias()) / n,
                1e-12));
        }
    }
    void throughTheOriginKeepsTheBiasAtZero() {
        arma::mat X;
        arma::vec y;
        data(X, y);
        const SufficientStatistics s = SufficientStatistics::compute(X, y);
        const GradientDescentResult r = GradientDescent::run(
            s, LinearModel(arma::vec(3, arma::fill::zeros), 7.0), settings(2.0, false));
        QVERIFY(r.converged);
        QCOMPARE(r.model.bias(), 0.0);
        for (const arma::vec& point : r.trajectory)
            QCOMPARE(point(3), 0.0);
        const RegularizedFit exact = Regularized::ridge(s, 2.0, false);
        QVERIFY(allClose(r.model.weights(), exact.weights, 1e-9));
        // Least squares through the origin: by QR of X alone.
        const GradientDescentResult plain =
            GradientDescent::run(s, LinearModel(3), settings(0.0, false));
        QVERIFY(allClose(plain.model.weights(), arma::vec(arma::solve(X, y)), 1e-9));
    }
    void miniBatchesFollowThePenalty() {
        arma::mat X;
        arma::vec y;
        data(X, y);
        const SufficientStatistics s = SufficientStatistics::compute(X, y);
        GradientDescentSettings g = settings(5.0, false);
        g.batchSize = 20;
        g.learningRate = 0.01;
        g.maxEpochs = 300;
        const GradientDescentResult r = GradientDescent::run(s, X, y, LinearModel(3), g);
        QCOMPARE(r.model.bias(), 0.0);
        // SGD hovers near the minimiser: within the noise its step size allows.
        QVERIFY(arma::norm(r.model.weights() - Regularized::ridge(s, 5.0, false).weights) < 0.05);
    }
    void stableRateCountsThePenalty() {
        arma::mat X;
        arma::vec y;
        data(X, y);
        const SufficientStatistics s = SufficientStatistics::compute(X, y);
        GradientDescentSettings g = settings(0.0, true);
        g.maxEpochs = 1;
        const double plain = GradientDescent::run(s, LinearModel(3), g).stableRateMax;
        QCOMPARE(plain, s.stableLearningRate());
        g.ridgeAlpha = 100.0;
        const double penalised = GradientDescent::run(s, LinearModel(3), g).stableRateMax;
        QVERIFY(penalised < plain);
        arma::vec lambda = arma::eig_sym(s.hessian());
        QVERIFY(penalised >= 2.0 / (lambda.max() + 2.0 * 100.0 / 200.0) * (1 - 1e-12));
        g.ridgeAlpha = -1.0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, GradientDescent::run(s, LinearModel(3), g));
    }
};

QTEST_APPLESS_MAIN(tst_PenalisedDescent)
#include "tst_PenalisedDescent.moc"
