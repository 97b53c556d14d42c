#include "model/fit/Moments.h"
#include "model/fit/Regularized.h"
#include "model/fit/SufficientStatistics.h"
#include "tests/common/TestUtil.h"

#include <QTest>

using namespace linlab;
using testutil::allClose;
using testutil::closeRel;

namespace {
// Eight rows, three correlated features: the data of every known answer below.
void smallData(arma::mat& X, arma::vec& y) {
    X = {{1.0, 2.0, 0.5}, {2.0, 1.0, 1.5}, {3.0, 4.0, -0.5}, {4.0, 3.0, 2.0},
         {5.0, 6.0, 1.0}, {6.0, 5.0, 0.0}, {7.0, 8.0, 2.5},  {8.0, 7.5, -1.0}};
    y = {3.1, 4.0, 7.2, 8.1, 11.5, 11.9, 15.8, 15.2};
}

SufficientStatistics smallStats() {
    arma::mat X;
    arma::vec y;
    smallData(X, y);
    return SufficientStatistics::compute(X, y);
}

bool allRel(const arma::vec& a, const arma::vec& b, double tol) {
    if (a.n_elem != b.n_elem)
        return false;
    for (arma::uword j = 0; j < a.n_elem; ++j)
        if (b(j) == 0 ? a(j) != 0 : !closeRel(a(j), b(j), tol))
            return false;
    return true;
}
} // namespace

class tst_Regularized : public QObject {
    Q_OBJECT
private slots:
    // Known answers: scikit-learn 1.2.1, Ridge(alpha) / Lasso(alpha, tol=1e-12,
    // max_iter=1000000) on smallData(), with and without fit_intercept.
    void ridgeMatchesScikitLearn() {
        const SufficientStatistics s = smallStats();
        RegularizedFit f = Regularized::ridge(s, 0.5);
        QVERIFY(
            allRel(f.weights, {1.165937748829838, 0.7991565589966375, 0.2875310181537827}, 1e-10));
        QVERIFY(closeRel(f.bias, 0.4914800662282328, 1e-10));
        f = Regularized::ridge(s, 3.0);
        QVERIFY(
            allRel(f.weights, {1.0578724908944892, 0.8440544856430358, 0.2221711578250692}, 1e-10));
        QVERIFY(closeRel(f.bias, 0.8219468318596466, 1e-10));
        f = Regularized::ridge(s, 3.0, false);
        QVERIFY(
            allRel(f.weights, {1.1331646058204097, 0.9017276461372293, 0.3135708891094015}, 1e-10));
        QCOMPARE(f.bias, 0.0);
    }
    void lassoMatchesScikitLearn() {
        const SufficientStatistics s = smallStats();
        RegularizedFit f = Regularized::lasso(s, 0.05);
        QVERIFY(f.converged);
        QVERIFY(f.iterations > 0);
        QVERIFY(
            allRel(f.weights, {1.1920554631564309, 0.7746714565229013, 0.263807939726948}, 1e-8));
        QVERIFY(closeRel(f.bias, 0.5034559406151136, 1e-8));
        f = Regularized::lasso(s, 0.3);
        QVERIFY(
            allRel(f.weights, {1.146779628411594, 0.7593195966542929, 0.05907934410313646}, 1e-8));
        QVERIFY(closeRel(f.bias, 0.9307865043352628, 1e-8));
        f = Regularized::lasso(s, 1.0); // the third weight is exactly zero
        QVERIFY(allRel(f.weights, {1.0500000000052725, 0.7169811320707851, 0.0}, 1e-8));
        QVERIFY(closeRel(f.bias, 1.6037735849033163, 1e-8));
        f = Regularized::lasso(s, 0.3, {}, false);
        QVERIFY(
            allRel(f.weights, {1.240344094369935, 0.8147450924932078, 0.1861961583737601}, 1e-8));
        QCOMPARE(f.bias, 0.0);
    }
    void alphaZeroIsLeastSquares() {
        const SufficientStatistics s = smallStats();
        const RegularizedFit r = Regularized::ridge(s, 0.0);
        QVERIFY(arma::all(r.weights == s.leastSquares().weights)); // the same numbers, bitwise
        QCOMPARE(r.bias, s.leastSquares().bias);
        const RegularizedFit l = Regularized::lasso(s, 0.0);
        QVERIFY(arma::all(l.weights == s.leastSquares().weights));
        // scikit-learn's LinearRegression(fit_intercept=False)
        const RegularizedFit o = Regularized::ridge(s, 0.0, false);
        QVERIFY(allRel(o.weights, {1.2431277788517296, 0.8026318471785328, 0.36183821591128806},
                       1e-10));
    }
    void leastSquaresThroughTheOrigin() {
        const SufficientStatistics s = smallStats();
        const LeastSquaresResult ls = Regularized::leastSquaresThroughOrigin(s);
        QVERIFY(allRel(ls.weights, {1.2431277788517296, 0.8026318471785328, 0.36183821591128806},
                       1e-10));
        QCOMPARE(ls.bias, 0.0);
        QCOMPARE(ls.rank, arma::uword(3));
        QVERIFY(!ls.rankDeficient);
        arma::mat X;
        arma::vec y;
        smallData(X, y);
        const arma::vec e = X * ls.weights - y;
        QVERIFY(closeRel(ls.mse, arma::dot(e, e) / 8, 1e-12));
        QVERIFY(closeRel(ls.conditionNumber, arma::cond(X), 1e-9));
        // A repeated column: rank 1, the minimum-norm weights split it evenly.
        const arma::mat twice = arma::join_rows(X.col(0), X.col(0));
        const LeastSquaresResult d =
            Regularized::leastSquaresThroughOrigin(SufficientStatistics::compute(twice, y));
        QVERIFY(d.rankDeficient);
        QCOMPARE(d.rank, arma::uword(1));
        QVERIFY(closeRel(d.weights(0), d.weights(1), 1e-10));
    }
    void ridgeShrinksMonotonically() {
        const SufficientStatistics s = smallStats();
        double last = arma::norm(Regularized::ridge(s, 0.0).weights);
        for (const double alpha : {0.01, 0.1, 1.0, 10.0, 100.0, 1e4}) {
            const double size = arma::norm(Regularized::ridge(s, alpha).weights);
            QVERIFY2(size < last, qPrintable(QString::number(alpha)));
            last = size;
        }
    }
    void lassoAtAlphaMaxIsZero() {
        const SufficientStatistics s = smallStats();
        const double alphaMax = Regularized::lassoAlphaMax(Moments::of(s, true));
        QVERIFY(closeRel(alphaMax, 10.225, 1e-12)); // max |Xc^T yc| / n, by NumPy
        for (const double alpha : {alphaMax, 2 * alphaMax}) {
            const RegularizedFit f = Regularized::lasso(s, alpha);
            QVERIFY(arma::all(f.weights == 0.0));
            QVERIFY(closeRel(f.bias, s.labelMean(), 1e-15));
        }
        QVERIFY(arma::any(Regularized::lasso(s, 0.99 * alphaMax).weights != 0.0));
    }
    void warmStartAgrees() {
        const SufficientStatistics s = smallStats();
        const RegularizedFit cold = Regularized::lasso(s, 0.3);
        const RegularizedFit warm = Regularized::lasso(s, 0.3, Regularized::lasso(s, 0.31).weights);
        QVERIFY(allRel(warm.weights, cold.weights, 1e-9));
        QCOMPARE(Regularized::lasso(s, 0.3, cold.weights).iterations, std::size_t(1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Regularized::lasso(s, 0.3, {1.0, 2.0}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Regularized::ridge(s, -1.0));
    }
    // Raw features far from the origin, fitted through it: coordinate descent alone crawls
    // (scikit-learn needs 385,000 sweeps at tol=1e-10); the active set's linear system finishes it.
    void illConditionedLassoConverges() {
        arma::arma_rng::set_seed(5);
        const arma::vec base = arma::randn(300);
        arma::mat X = arma::repmat(base, 1, 4) + 0.4 * arma::randn(300, 4);
        X.each_row() %= arma::rowvec{1.0, 3.0, 0.5, 10.0};
        X.each_row() += arma::rowvec{100.0, -20.0, 5.0, 1000.0};
        const arma::vec y = X * arma::vec{1.5, -0.4, 2.0, 0.05} + 7.0 + arma::randn(300);
        const SufficientStatistics s = SufficientStatistics::compute(X, y);
        const RegularizedFit f = Regularized::lasso(s, 0.3, {}, false);
        QVERIFY(f.converged);
        QVERIFY(f.iterations < 20000);
        // The optimality conditions: c_j - (G w)_j = n alpha sign(w_j) on the support, at most
        // n alpha in size off it.
        const Moments m = Moments::of(s, false);
        const arma::vec slack = m.cross - m.gram * f.weights;
        const double la = 0.3 * 300;
        for (arma::uword j = 0; j < 4; ++j) {
            if (f.weights(j) != 0)
                QVERIFY(closeRel(slack(j), la * (f.weights(j) > 0 ? 1 : -1), 1e-6));
            else
                QVERIFY(std::abs(slack(j)) <= la * (1 + 1e-9));
        }
    }
    void ridgeGradientMatchesCentralDifferences() {
        const SufficientStatistics s = smallStats();
        const arma::vec w = {0.7, 1.1, -0.4};
        const double b = 0.3, alpha = 2.0, h = 1e-5;
        const Gradient g = Regularized::lossGradient(s, Penalty::Ridge, alpha, w, b);
        for (arma::uword j = 0; j <= w.n_elem; ++j) {
            arma::vec wp = w, wm = w;
            double bp = b, bm = b;
            if (j < w.n_elem) {
                wp(j) += h;
                wm(j) -= h;
            } else {
                bp += h;
                bm -= h;
            }
            const double numeric = (Regularized::loss(s, Penalty::Ridge, alpha, wp, bp) -
                                    Regularized::loss(s, Penalty::Ridge, alpha, wm, bm)) /
                                   (2 * h);
            const double exact = j < w.n_elem ? g.weights(j) : g.bias;
            QVERIFY2(closeRel(exact, numeric, 1e-7), qPrintable(QString::number(j)));
        }
        // At the ridge fit the penalised gradient vanishes.
        const RegularizedFit f = Regularized::ridge(s, alpha);
        const Gradient at = Regularized::lossGradient(s, Penalty::Ridge, alpha, f.weights, f.bias);
        QVERIFY(arma::abs(at.weights).max() < 1e-10);
        QVERIFY(std::abs(at.bias) < 1e-10);
    }
    void lassoSubgradientVanishesAtTheFit() {
        const SufficientStatistics s = smallStats();
        const RegularizedFit f = Regularized::lasso(s, 1.0);
        QCOMPARE(f.weights(2), 0.0);
        const Gradient g = Regularized::lossGradient(s, Penalty::Lasso, 1.0, f.weights, f.bias);
        QVERIFY(arma::abs(g.weights).max() < 1e-9);
        // Away from the fit the zero weight's subgradient is the smooth part shrunk by alpha.
        const arma::vec w = {0.0, 0.0, 0.0};
        const Gradient smooth = s.gradient(w, 0.0);
        const Gradient sub = Regularized::lossGradient(s, Penalty::Lasso, 1.0, w, 0.0);
        for (arma::uword j = 0; j < 3; ++j) {
            const double half = 0.5 * smooth.weights(j);
            const double expected = std::abs(half) <= 1.0 ? 0.0 : half - std::copysign(1.0, half);
            QVERIFY(closeRel(sub.weights(j), expected, 1e-14) || sub.weights(j) == expected);
        }
        QVERIFY(closeRel(Regularized::loss(s, Penalty::Lasso, 1.0, f.weights, f.bias),
                         0.5 * s.mse(f.weights, f.bias) + arma::norm(f.weights, 1), 1e-15));
    }
    void offsetDataKeepsTheDigits() {
        arma::mat X;
        arma::vec y;
        smallData(X, y);
        const SufficientStatistics s = SufficientStatistics::compute(X, y);
        const SufficientStatistics far = SufficientStatistics::compute(X + 1e6, y);
        for (const double alpha : {0.5, 3.0}) {
            const RegularizedFit a = Regularized::ridge(s, alpha);
            const RegularizedFit b = Regularized::ridge(far, alpha);
            QVERIFY(allRel(b.weights, a.weights, 1e-9));
            QVERIFY(closeRel(b.bias + arma::accu(b.weights) * 1e6, a.bias, 1e-9));
            const RegularizedFit la = Regularized::lasso(s, 0.3 * alpha);
            const RegularizedFit lb = Regularized::lasso(far, 0.3 * alpha);
            QVERIFY(allRel(lb.weights, la.weights, 1e-8));
        }
    }
    void pathAgreesWithSingleFits() {
        const SufficientStatistics s = smallStats();
        const Moments m = Moments::of(s, true);
        const arma::vec alphas = Regularized::alphaGrid(0.01, 20.0, 12);
        QCOMPARE(alphas.n_elem, arma::uword(12));
        QVERIFY(closeRel(alphas(0), 0.01, 1e-15) && closeRel(alphas(11), 20.0, 1e-14));
        QVERIFY(closeRel(alphas(1) / alphas(0), alphas(11) / alphas(10), 1e-12));
        const arma::mat ridge = Regularized::path(m, Penalty::Ridge, alphas);
        const arma::mat lasso = Regularized::path(m, Penalty::Lasso, alphas);
        for (arma::uword k = 0; k < alphas.n_elem; ++k) {
            QVERIFY(allRel(ridge.col(k), Regularized::ridge(s, alphas(k)).weights, 1e-10));
            QVERIFY(allClose(lasso.col(k), Regularized::lasso(s, alphas(k)).weights, 1e-8));
        }
        QVERIFY(arma::all(lasso.col(11) == 0.0)); // 20 > alpha_max
    }
};

QTEST_APPLESS_MAIN(tst_Regularized)
#include "tst_Regularized.moc"
