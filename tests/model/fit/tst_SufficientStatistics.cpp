#include "model/data/Dataset.h"
#include "model/fit/LinearModel.h"
#include "model/fit/SufficientStatistics.h"
#include "model/training/GradientDescent.h"
#include "tests/common/TestUtil.h"

#include <QTest>

using namespace linlab;
using testutil::allClose;
using testutil::close;
using testutil::closeRel;

namespace {
// Reference MSE and gradient in long double: the double computation itself loses digits on
// data offset by 1e6, so the reference must be more precise than what it checks.
struct Reference {
    long double mse;
    std::vector<long double> grad; // d weights, then the bias
    long double
        gradScale; // (2/n) sum |x_ij e_i| + (2/n) sum |e_i|: the size of what the gradient sums
};

Reference reference(const arma::mat& X, const arma::vec& y, const arma::vec& w, double b) {
    const arma::uword n = X.n_rows, d = X.n_cols;
    Reference r{0.0L, std::vector<long double>(d + 1, 0.0L), 0.0L};
    for (arma::uword i = 0; i < n; ++i) {
        long double e = static_cast<long double>(b) - static_cast<long double>(y(i));
        for (arma::uword j = 0; j < d; ++j)
            e += static_cast<long double>(X(i, j)) * static_cast<long double>(w(j));
        r.mse += e * e;
        for (arma::uword j = 0; j < d; ++j) {
            r.grad[j] += 2.0L * static_cast<long double>(X(i, j)) * e;
            r.gradScale += std::abs(2.0L * static_cast<long double>(X(i, j)) * e);
        }
        r.grad[d] += 2.0L * e;
        r.gradScale += std::abs(2.0L * e);
    }
    r.gradScale /= n;
    r.mse /= n;
    for (auto& g : r.grad)
        g /= n;
    return r;
}
} // namespace

class tst_SufficientStatistics : public QObject {
    Q_OBJECT
private slots:
    void lessonKnownAnswers();
    void leastSquaresOnLesson();
    void statisticsEqualDirect_data();
    void statisticsEqualDirect();
    void offsetDataKeepsPrecision();
    void rawSumsWouldNot();
    void gradientMatchesCentralDifferences();
    void collinearGivesMinimumNormAndFlag();
    void constantFeature();
    void moreFeaturesThanRows();
    void nearlyCollinearUsesSvd();
    void hessianAndStableRate();
    void noRows();
    void wideDataSolvesFromTheRows_data();
    void wideDataSolvesFromTheRows();
    void wideMinimumNormMatchesPinv();
};

void tst_SufficientStatistics::lessonKnownAnswers() {
    const Dataset lesson = Dataset::lesson();
    const auto s = SufficientStatistics::compute(lesson.features(), lesson.labels());
    // NumPy, seed_lesson.json: MSE 509, gradient [-208, -295] and -45 at w = [4, 3], b = 10.
    QVERIFY(close(s.mse(arma::vec{4, 3}, 10), 509.0));
    const Gradient g = s.gradient(arma::vec{4, 3}, 10);
    QVERIFY(allClose(g.weights, arma::vec{-208, -295}));
    QVERIFY(close(g.bias, -45.0));
    QCOMPARE(s.sampleCount(), arma::uword(4));
    QVERIFY(allClose(s.featureMean(), arma::rowvec{4.5, 6.5}));
}

void tst_SufficientStatistics::leastSquaresOnLesson() {
    const Dataset lesson = Dataset::lesson();
    const auto s = SufficientStatistics::compute(lesson.features(), lesson.labels());
    const LeastSquaresResult& ls = s.leastSquares();
    // numpy.linalg.lstsq on [X 1] (seed_lesson.json): w = [5, 2], b = 34.5, MSE 1.25, rank 3.
    QVERIFY(allClose(ls.weights, arma::vec{5.000000000000003, 1.999999999999993}));
    QVERIFY(close(ls.bias, 34.50000000000003));
    QVERIFY(close(ls.mse, 1.2499999999999947));
    QCOMPARE(ls.rank, arma::uword(3));
    QVERIFY(!ls.rankDeficient);
}

void tst_SufficientStatistics::statisticsEqualDirect_data() {
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("features");
    QTest::newRow("small") << 1 << 6 << 2;
    QTest::newRow("medium") << 2 << 300 << 5;
    QTest::newRow("ten features") << 3 << 2000 << 10;
}

void tst_SufficientStatistics::statisticsEqualDirect() {
    QFETCH(int, seed);
    QFETCH(int, rows);
    QFETCH(int, features);
    arma::arma_rng::set_seed(seed);
    const arma::mat X = arma::randn(rows, features) * 2 + 1;
    const arma::vec y = arma::randn(rows) * 5 - 2;
    const auto s = SufficientStatistics::compute(X, y);
    for (int trial = 0; trial < 20; ++trial) {
        const LinearModel m(arma::randn(features) * 3, arma::randn() * 4);
        QVERIFY(closeRel(s.mse(m.weights(), m.bias()), m.mse(X, y), 1e-11));
        const Gradient direct = m.gradient(X, y);
        const Gradient fast = s.gradient(m.weights(), m.bias());
        const double scale = arma::norm(direct.weights) + std::abs(direct.bias);
        QVERIFY(arma::norm(fast.weights - direct.weights) <= 1e-11 * scale);
        QVERIFY(std::abs(fast.bias - direct.bias) <= 1e-11 * scale);
    }
}

void tst_SufficientStatistics::offsetDataKeepsPrecision() {
    arma::mat X;
    arma::vec y, trueW;
    testutil::offsetData(5000, 3, 1e6, X, y, trueW);
    const auto s = SufficientStatistics::compute(X, y);
    const arma::vec lsW = s.leastSquares().weights;
    const double lsB = s.leastSquares().bias;
    arma::arma_rng::set_seed(11);
    // Near the optimum (the hard case: small residuals on large values) and far from it.
    for (double step : {0.0, 1e-6, 1e-3, 1.0}) {
        const arma::vec w = lsW + step * arma::randn(3);
        const double b = lsB + step * 1e3 * arma::randn();
        const Reference ref = reference(X, y, w, b);
        QVERIFY2(closeRel(s.mse(w, b), static_cast<double>(ref.mse), 1e-9),
                 qPrintable(QStringLiteral("step %1: %2 vs %3")
                                .arg(step)
                                .arg(s.mse(w, b), 0, 'g', 17)
                                .arg(double(ref.mse), 0, 'g', 17)));
        // Relative to the size of the terms the gradient sums: at the optimum the gradient
        // itself is zero, and no computation in double gets a zero exactly.
        const Gradient g = s.gradient(w, b);
        const double scale = static_cast<double>(ref.gradScale);
        for (arma::uword j = 0; j < 3; ++j)
            QVERIFY2(std::abs(g.weights(j) - static_cast<double>(ref.grad[j])) <= 1e-9 * scale,
                     qPrintable(QStringLiteral("step %1 w%2: %3 vs %4 (scale %5)")
                                    .arg(step)
                                    .arg(j)
                                    .arg(g.weights(j), 0, 'g', 17)
                                    .arg(double(ref.grad[j]), 0, 'g', 17)
                                    .arg(scale)));
        QVERIFY(std::abs(g.bias - static_cast<double>(ref.grad[3])) <= 1e-9 * scale);
    }
    // The fit recovers the generating weights (noise 0.1, 5000 rows).
    QVERIFY(arma::norm(lsW - trueW) < 0.05);
}

void tst_SufficientStatistics::rawSumsWouldNot() {
    // Why the statistics are centred: the textbook raw sums on the same data lose the answer.
    arma::mat X;
    arma::vec y, trueW;
    testutil::offsetData(5000, 3, 1e6, X, y, trueW);
    const auto s = SufficientStatistics::compute(X, y);
    const arma::vec w = s.leastSquares().weights;
    const double b = s.leastSquares().bias;
    const arma::mat A = arma::join_rows(X, arma::ones(X.n_rows));
    const arma::vec theta = arma::join_cols(w, arma::vec{b});
    const double raw =
        (arma::dot(theta, A.t() * A * theta) - 2 * arma::dot(theta, A.t() * y) + arma::dot(y, y)) /
        X.n_rows;
    const double ref = static_cast<double>(reference(X, y, w, b).mse);
    QVERIFY(!closeRel(raw, ref, 1e-6));
    QVERIFY(closeRel(s.mse(w, b), ref, 1e-9));
}

void tst_SufficientStatistics::gradientMatchesCentralDifferences() {
    arma::arma_rng::set_seed(5);
    const arma::mat X = arma::randn(40, 3);
    const arma::vec y = arma::randn(40);
    const auto s = SufficientStatistics::compute(X, y);
    const arma::vec w = {0.3, -1, 2};
    const double b = 0.5, h = 1e-5;
    const Gradient g = s.gradient(w, b);
    for (arma::uword j = 0; j < 3; ++j) {
        arma::vec wp = w, wm = w;
        wp(j) += h;
        wm(j) -= h;
        QVERIFY(close(g.weights(j), (s.mse(wp, b) - s.mse(wm, b)) / (2 * h), 1e-7));
    }
    QVERIFY(close(g.bias, (s.mse(w, b + h) - s.mse(w, b - h)) / (2 * h), 1e-7));
}

void tst_SufficientStatistics::collinearGivesMinimumNormAndFlag() {
    arma::arma_rng::set_seed(6);
    const arma::vec a = arma::randn(30);
    const arma::mat X = arma::join_rows(a, 2 * a);
    const arma::vec y = 3 * a + 1 + 0.01 * arma::randn(30);
    const auto s = SufficientStatistics::compute(X, y);
    const LeastSquaresResult& ls = s.leastSquares();
    QVERIFY(ls.rankDeficient);
    QCOMPARE(ls.rank, arma::uword(2)); // rank of [X 1]
    // Minimum norm: the coefficient on a (w1 + 2 w2) split as (1, 2) / 5.
    QVERIFY(close(ls.weights(1), 2 * ls.weights(0), 1e-10));
    const auto single = SufficientStatistics::compute(arma::mat(a), y);
    QVERIFY(close(ls.weights(0) + 2 * ls.weights(1), single.leastSquares().weights(0), 1e-10));
    QVERIFY(close(ls.mse, single.leastSquares().mse, 1e-10));
    QVERIFY(std::isinf(ls.conditionNumber) || ls.conditionNumber > 1e12);
}

void tst_SufficientStatistics::constantFeature() {
    const arma::mat X = {{1, 7}, {2, 7}, {3, 7}, {4, 7}};
    const arma::vec y = {2, 4, 6, 8.5};
    const auto s = SufficientStatistics::compute(X, y);
    QVERIFY(s.leastSquares().rankDeficient);
    QCOMPARE(s.leastSquares().weights(1),
             0.0); // a constant explains nothing the intercept does not
    QVERIFY(std::isfinite(s.leastSquares().bias));
}

void tst_SufficientStatistics::moreFeaturesThanRows() {
    arma::arma_rng::set_seed(8);
    const arma::mat X = arma::randn(3, 6);
    const arma::vec y = arma::randn(3);
    const auto s = SufficientStatistics::compute(X, y);
    QVERIFY(s.leastSquares().rankDeficient);
    QCOMPARE(s.leastSquares().rank, arma::uword(3));
    QVERIFY(s.leastSquares().mse < 1e-20); // interpolates
    QVERIFY(s.leastSquares().weights.is_finite());
}

void tst_SufficientStatistics::nearlyCollinearUsesSvd() {
    arma::arma_rng::set_seed(9);
    const arma::vec a = arma::randn(200);
    const arma::mat X = arma::join_rows(a, a + 1e-7 * arma::randn(200));
    const arma::vec y = a + 0.5 * X.col(1) + 0.001 * arma::randn(200);
    const auto s = SufficientStatistics::compute(X, y);
    QCOMPARE(s.leastSquares().method, std::string("svd"));
    QVERIFY(!s.leastSquares().rankDeficient);
    // Agrees with a QR solve on [X 1].
    const arma::mat A = arma::join_rows(X, arma::ones(200));
    const arma::vec coef = arma::solve(A, y);
    QVERIFY(allClose(s.leastSquares().weights, coef.head(2), 1e-5));
    QVERIFY(closeRel(s.leastSquares().mse, arma::mean(arma::square(A * coef - y)), 1e-9));
}

void tst_SufficientStatistics::hessianAndStableRate() {
    const Dataset lesson = Dataset::lesson();
    const auto s = SufficientStatistics::compute(lesson.features(), lesson.labels());
    const arma::mat A = arma::join_rows(lesson.features(), arma::ones(4));
    const arma::mat H = 2.0 / 4.0 * A.t() * A;
    QVERIFY(allClose(s.hessian(), H));
    QVERIFY(close(s.stableLearningRate(), 2.0 / arma::eig_sym(H).max()));
}

void tst_SufficientStatistics::noRows() {
    const auto s = SufficientStatistics::compute(arma::mat(0, 2), arma::vec());
    QVERIFY(std::isnan(s.mse(arma::vec{1, 2}, 0)));
    QVERIFY(std::isnan(s.gradient(arma::vec{1, 2}, 0).bias));
    QVERIFY(std::isnan(s.stableLearningRate()));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, s.mse(arma::vec{1}, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             SufficientStatistics::compute(arma::mat(3, 1), arma::vec(2)));
}

void tst_SufficientStatistics::wideDataSolvesFromTheRows_data() {
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("features");
    QTest::newRow("50 x 5,000") << 50 << 5000;
    QTest::newRow("3 x 20,000") << 3 << 20000;
}

// Far more features than rows: no d x d matrix (20,000^2 would be 3.2 GB); least squares fits
// the data exactly, as any minimum-norm solution of an underdetermined system does.
void tst_SufficientStatistics::wideDataSolvesFromTheRows() {
    QFETCH(int, rows);
    QFETCH(int, features);
    arma::arma_rng::set_seed(17);
    const arma::mat X = arma::randn(arma::uword(rows), arma::uword(features)) + 3.0;
    const arma::vec y = arma::randn(arma::uword(rows)) * 10.0 + 50.0;
    const auto s = SufficientStatistics::compute(X, y);
    QVERIFY(s.isWide());
    const LeastSquaresResult& ls = s.leastSquares();
    QCOMPARE(ls.method, std::string("svd"));
    QCOMPARE(ls.weights.n_elem, arma::uword(features));
    QVERIFY(ls.rankDeficient);
    QCOMPARE(ls.rank, arma::uword(rows)); // rank(Xc) = n - 1, plus the intercept column
    QVERIFY(std::isinf(ls.conditionNumber));
    const LinearModel fit(ls.weights, ls.bias);
    QVERIFY(fit.mse(X, y) < 1e-18 * arma::dot(y, y));
    QVERIFY(ls.mse < 1e-18 * arma::dot(y, y));
    // Losses and gradients through the rows agree with the direct ones away from the fit.
    const LinearModel other(arma::vec(arma::uword(features), arma::fill::value(0.01)), 2.0);
    QVERIFY(closeRel(s.mse(other.weights(), other.bias()), other.mse(X, y), 1e-10));
    const Gradient g = s.gradient(other.weights(), other.bias());
    const Gradient direct = other.gradient(X, y);
    QVERIFY(arma::norm(g.weights - direct.weights) <= 1e-10 * arma::norm(direct.weights));
    QVERIFY(close(g.bias, direct.bias, 1e-10));
    QVERIFY(std::isfinite(s.stableLearningRate()) && s.stableLearningRate() > 0);
    // A few epochs of gradient descent, the loss from the statistics as from the rows.
    GradientDescentSettings settings;
    settings.maxEpochs = 5;
    const auto run = GradientDescent::run(s, other, settings);
    QCOMPARE(run.epochsRun, std::size_t(5));
    QVERIFY(closeRel(run.lossHistory.back(), run.model.mse(X, y), 1e-9));
    QVERIFY(run.lossHistory.back() < run.lossHistory.front());
}

// On a wide case small enough for pinv: the minimum-norm solution, and the Gram matrix and the
// stable rate from the rows equal the d x d ones.
void tst_SufficientStatistics::wideMinimumNormMatchesPinv() {
    arma::arma_rng::set_seed(4);
    const arma::uword n = 20, d = SufficientStatistics::kWideFeatures + 44;
    const arma::mat X = arma::randn(n, d);
    const arma::vec y = arma::randn(n) + 1.0;
    const auto s = SufficientStatistics::compute(X, y);
    QVERIFY(s.isWide());
    arma::mat Xc = X;
    Xc.each_row() -= arma::mean(X, 0);
    const arma::vec yc = y - arma::mean(y);
    const arma::vec expected = arma::pinv(Xc) * yc;
    QVERIFY(arma::norm(s.leastSquares().weights - expected) <= 1e-10 * arma::norm(expected));
    QVERIFY(
        close(s.leastSquares().bias, arma::mean(y) - arma::dot(arma::mean(X, 0), expected), 1e-10));
    QVERIFY(allClose(s.centredGram(), Xc.t() * Xc, 1e-10));
    QVERIFY(close(s.centredSquares(7), arma::dot(Xc.col(7), Xc.col(7)), 1e-12));
    arma::mat A = X;
    A.insert_cols(d, arma::vec(n, arma::fill::ones));
    const double lambdaMax = arma::eig_sym((2.0 / double(n)) * (A.t() * A)).max();
    QVERIFY(closeRel(s.stableLearningRate(), 2.0 / lambdaMax, 1e-10));
    // Narrow data stays on the d x d path.
    QVERIFY(!SufficientStatistics::compute(X.cols(0, 9), y).isWide());
    QVERIFY(!SufficientStatistics::compute(arma::randn(3, 5), arma::randn(3)).isWide());
}

QTEST_APPLESS_MAIN(tst_SufficientStatistics)
#include "tst_SufficientStatistics.moc"
