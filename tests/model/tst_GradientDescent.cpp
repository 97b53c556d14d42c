#include "Analysis.h"
#include "Dataset.h"
#include "GradientDescent.h"
#include "TestUtil.h"

#include <QTest>

using namespace linlab;
using testutil::allClose;
using testutil::close;

class tst_GradientDescent : public QObject {
    Q_OBJECT
private slots:
    void oneStepByHand();
    void defaultRateIsHalfTheBound();
    void reachesLeastSquaresOnZscoredData();
    void zscoredFitMapsBackToRawLeastSquares();
    void divergesPastTheBound_data();
    void divergesPastTheBound();
    void stopsAtLastFiniteStep();
    void epochLimit();
    void wrongStartIsRefused();
};

void tst_GradientDescent::oneStepByHand()
{
    const Dataset lesson = Dataset::lesson();
    const auto s = SufficientStatistics::compute(lesson.features(), lesson.labels());
    GradientDescentSettings settings;
    settings.learningRate = 0.001;
    settings.maxEpochs = 1;
    const auto r = GradientDescent::run(s, LinearModel(arma::vec{4, 3}, 10), settings);
    // By hand: gradient at the lesson's model is [-208, -295] and -45 (NumPy, seed_lesson.json),
    // so one step of 0.001 lands on [4.208, 3.295] and 10.045.
    QCOMPARE(r.epochsRun, std::size_t(1));
    QVERIFY(allClose(r.model.weights(), arma::vec{4.208, 3.295}));
    QVERIFY(close(r.model.bias(), 10.045));
    QCOMPARE(r.lossHistory.size(), std::size_t(2));
    QVERIFY(close(r.lossHistory[0], 509.0));
    const LinearModel stepped(arma::vec{4.208, 3.295}, 10.045);
    QVERIFY(close(r.lossHistory[1], stepped.mse(lesson.features(), lesson.labels())));
}

void tst_GradientDescent::defaultRateIsHalfTheBound()
{
    const Dataset lesson = Dataset::lesson();
    const auto s = SufficientStatistics::compute(lesson.features(), lesson.labels());
    const auto r = GradientDescent::run(s, LinearModel(2), {0.0, 5, 1e-9});
    QVERIFY(close(r.learningRate, 0.5 * s.stableLearningRate()));
    QVERIFY(close(r.stableRateMax, s.stableLearningRate()));
}

void tst_GradientDescent::reachesLeastSquaresOnZscoredData()
{
    const Analysis a(Dataset::lesson(), {1.0, Normalization::ZScore, 0});
    const auto& s = a.statistics();
    const auto r = GradientDescent::run(s, LinearModel(2), {0.0, 100000, 1e-12});
    QVERIFY(r.converged);
    QCOMPARE(r.stopReason, StopReason::Converged);
    QVERIFY(!r.diverged);
    QVERIFY(allClose(r.model.weights(), s.leastSquares().weights, 1e-9));
    QVERIFY(close(r.model.bias(), s.leastSquares().bias, 1e-9));
    // The loss never rises at a stable rate.
    for (std::size_t i = 1; i < r.lossHistory.size(); ++i)
        QVERIFY(r.lossHistory[i] <= r.lossHistory[i - 1] * (1 + 1e-15));
}

void tst_GradientDescent::zscoredFitMapsBackToRawLeastSquares()
{
    const Dataset lesson = Dataset::lesson();
    const Analysis z(lesson, {1.0, Normalization::ZScore, 0});
    const auto r = GradientDescent::run(z.statistics(), LinearModel(2), {0.0, 100000, 1e-13});
    const arma::vec w = z.transform().weightsToOriginal(r.model.weights());
    const double b = z.transform().biasToOriginal(r.model.weights(), r.model.bias());
    // Least squares on the raw lesson data: w = [5, 2], b = 34.5 (numpy.linalg.lstsq).
    QVERIFY(allClose(w, arma::vec{5, 2}, 1e-9));
    QVERIFY(close(b, 34.5, 1e-9));
}

void tst_GradientDescent::divergesPastTheBound_data()
{
    QTest::addColumn<double>("fraction");
    QTest::addColumn<bool>("diverges");
    QTest::newRow("0.95 of the bound") << 0.95 << false;
    QTest::newRow("1.05 of the bound") << 1.05 << true;
    QTest::newRow("3 times the bound") << 3.0 << true;
}

void tst_GradientDescent::divergesPastTheBound()
{
    QFETCH(double, fraction);
    QFETCH(bool, diverges);
    const Dataset lesson = Dataset::lesson();
    const auto s = SufficientStatistics::compute(lesson.features(), lesson.labels());
    GradientDescentSettings settings;
    settings.learningRate = fraction * s.stableLearningRate();
    settings.maxEpochs = 200000;
    const auto r = GradientDescent::run(s, LinearModel(arma::vec{4, 3}, 10), settings);
    QCOMPARE(r.diverged, diverges);
    QCOMPARE(r.stopReason == StopReason::Diverged, diverges);
    QVERIFY(r.model.weights().is_finite());
    for (double loss : r.lossHistory)
        QVERIFY(std::isfinite(loss));
    if (diverges)
        QVERIFY(r.lossHistory.back() > r.lossHistory.front());
}

void tst_GradientDescent::stopsAtLastFiniteStep()
{
    const Dataset lesson = Dataset::lesson();
    const auto s = SufficientStatistics::compute(lesson.features(), lesson.labels());
    GradientDescentSettings settings;
    settings.learningRate = 1e200; // the first step overflows
    const auto r = GradientDescent::run(s, LinearModel(arma::vec{4, 3}, 10), settings);
    QVERIFY(r.diverged);
    QVERIFY(r.model.weights().is_finite());
    QVERIFY(std::isfinite(r.model.bias()));
    for (double loss : r.lossHistory)
        QVERIFY(std::isfinite(loss));
}

void tst_GradientDescent::epochLimit()
{
    const Dataset lesson = Dataset::lesson();
    const auto s = SufficientStatistics::compute(lesson.features(), lesson.labels());
    const auto r = GradientDescent::run(s, LinearModel(2), {0.0, 10, 1e-12});
    QCOMPARE(r.stopReason, StopReason::EpochLimit);
    QCOMPARE(r.epochsRun, std::size_t(10));
    QCOMPARE(r.lossHistory.size(), std::size_t(11));
    QVERIFY(!r.converged);
}

void tst_GradientDescent::wrongStartIsRefused()
{
    const Dataset lesson = Dataset::lesson();
    const auto s = SufficientStatistics::compute(lesson.features(), lesson.labels());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, GradientDescent::run(s, LinearModel(3), {}));
}

QTEST_APPLESS_MAIN(tst_GradientDescent)
#include "tst_GradientDescent.moc"
