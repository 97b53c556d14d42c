#include "model/data/Dataset.h"
#include "model/fit/Analysis.h"
#include "model/fit/LinearModel.h"
#include "tests/common/TestUtil.h"

#include <QTest>

using namespace linlab;
using testutil::allClose;
using testutil::close;

class tst_LinearModel : public QObject {
    Q_OBJECT
private slots:
    void lessonKnownAnswers();
    void lessonLossExample();
    void perfectFitHasZeroLoss();
    void batchPredictEqualsPerRow();
    void gradientMatchesCentralDifferences_data();
    void gradientMatchesCentralDifferences();
    void metricsOfConstantLabels();
    void sizeChecksNameTheFunction();
    void fastEvaluationAgreesWithDirect_data();
    void fastEvaluationAgreesWithDirect();
    void sampledEvaluationAgreesWithDirect();
    void cellEditUpdateEqualsFullAnalysis_data();
    void cellEditUpdateEqualsFullAnalysis();
    void dummiesStayZeroOneInTheAnalysis();
};

void tst_LinearModel::lessonKnownAnswers() {
    const Dataset lesson = Dataset::lesson();
    const LinearModel m(Dataset::lessonWeights(), Dataset::lessonBias());
    const arma::mat& X = lesson.features();
    const arma::vec& y = lesson.labels();
    // NumPy (shared/reference/seed_lesson.json): np.dot(X, weights) + bias, its MSE, and
    // the gradients 2 X^T e / n, 2 mean(e) and the lesson's X^T e / n.
    QVERIFY(allClose(m.predict(X), arma::vec{51, 40, 66, 33}));
    QVERIFY(close(m.mse(X, y), 509.0));
    const Gradient g = m.gradient(X, y);
    QVERIFY(allClose(g.weights, arma::vec{-208, -295}));
    QVERIFY(close(g.bias, -45.0));
    QVERIFY(allClose(m.lessonGradient(X, y), arma::vec{-104, -147.5}));
    const Metrics mt = m.metrics(X, y);
    QVERIFY(close(mt.rmse, std::sqrt(509.0)));
    QVERIFY(close(mt.mae, 22.5));
    // R2 = 1 - 2036 / 750 (SStot of y = 750)
    QVERIFY(close(mt.r2, 1.0 - 2036.0 / 750.0));

    // The pipeline the window and the batch use gives the same numbers.
    const Evaluation ev = Analysis(lesson, {}).evaluate(m);
    QVERIFY(allClose(ev.predictions, arma::vec{51, 40, 66, 33}));
    QVERIFY(allClose(ev.gradient.weights, arma::vec{-208, -295}));
    QVERIFY(allClose(ev.lessonGradient, arma::vec{-104, -147.5}));
}

void tst_LinearModel::lessonLossExample() {
    // The lesson's loss example uses fixed predictions [70, 65, 85, 60]:
    // NumPy gives MSE 25 and X^T e / n = [-10, -5] (seed_lesson.json).
    const Dataset lesson = Dataset::lesson();
    const arma::vec e = arma::vec{70, 65, 85, 60} - lesson.labels();
    QVERIFY(close(LinearModel::metricsFromResiduals(e, lesson.labels()).mse, 25.0));
    QVERIFY(allClose(lesson.features().t() * e / 4.0, arma::vec{-10, -5}));
}

void tst_LinearModel::perfectFitHasZeroLoss() {
    arma::arma_rng::set_seed(3);
    const arma::mat X = arma::randn(50, 3);
    const LinearModel m(arma::vec{1.5, -2, 0.25}, -4);
    const arma::vec y = m.predict(X);
    QCOMPARE(m.mse(X, y), 0.0);
    const Gradient g = m.gradient(X, y);
    QCOMPARE(arma::abs(g.weights).max(), 0.0);
    QCOMPARE(g.bias, 0.0);
    QCOMPARE(m.metrics(X, y).r2, 1.0);
}

void tst_LinearModel::batchPredictEqualsPerRow() {
    arma::arma_rng::set_seed(4);
    const arma::mat X = arma::randn(37, 4);
    const LinearModel m(arma::randn(4), 0.3);
    const arma::vec all = m.predict(X);
    for (arma::uword i = 0; i < X.n_rows; ++i) {
        double p = m.bias();
        for (arma::uword j = 0; j < X.n_cols; ++j)
            p += X(i, j) * m.weights()(j);
        QVERIFY(close(all(i), p, 1e-14));
    }
}

void tst_LinearModel::gradientMatchesCentralDifferences_data() {
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("features");
    QTest::newRow("lesson-sized") << 1 << 4 << 2;
    QTest::newRow("wide") << 2 << 5 << 8;
    QTest::newRow("tall") << 3 << 500 << 3;
}

void tst_LinearModel::gradientMatchesCentralDifferences() {
    QFETCH(int, seed);
    QFETCH(int, rows);
    QFETCH(int, features);
    arma::arma_rng::set_seed(seed);
    const arma::mat X = arma::randn(rows, features);
    const arma::vec y = arma::randn(rows) * 3;
    const LinearModel m(arma::randn(features), 0.7);
    const Gradient g = m.gradient(X, y);
    const double h = 1e-5;
    for (int j = 0; j <= features; ++j) {
        LinearModel plus = m, minus = m;
        if (j < features) {
            arma::vec wp = m.weights(), wm = m.weights();
            wp(j) += h;
            wm(j) -= h;
            plus.setWeights(wp);
            minus.setWeights(wm);
        } else {
            plus.setBias(m.bias() + h);
            minus.setBias(m.bias() - h);
        }
        const double numeric = (plus.mse(X, y) - minus.mse(X, y)) / (2 * h);
        const double analytic = j < features ? g.weights(j) : g.bias;
        QVERIFY2(
            close(analytic, numeric, 1e-7),
            qPrintable(QStringLiteral("parameter %1: %2 vs %3").arg(j).arg(analytic).arg(numeric)));
    }
}

void tst_LinearModel::metricsOfConstantLabels() {
    const arma::mat X = arma::mat(arma::vec{1, 2, 3});
    const arma::vec y = {5, 5, 5};
    const Metrics mt = LinearModel(arma::vec{1}, 0).metrics(X, y);
    QVERIFY(std::isfinite(mt.mse));
    QVERIFY(std::isnan(mt.r2)); // undefined: no variance to explain
    const Metrics none = LinearModel(1).metrics(arma::mat(0, 1), arma::vec());
    QVERIFY(std::isnan(none.mse));
}

void tst_LinearModel::sizeChecksNameTheFunction() {
    const LinearModel m(arma::vec{1, 2}, 0);
    try {
        m.predict(arma::mat(3, 3));
        QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
        QVERIFY(QByteArray(e.what()).contains("LinearModel::predict"));
    }
    try {
        m.gradient(arma::mat(3, 2), arma::vec(4));
        QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
        QVERIFY(QByteArray(e.what()).contains("3 rows but y has 4 labels"));
    }
}

void tst_LinearModel::fastEvaluationAgreesWithDirect_data() {
    QTest::addColumn<double>("offset");
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("rows");
    QTest::newRow("plain") << 0.0 << int(Normalization::None) << 3000;
    QTest::newRow("z-scored") << 0.0 << int(Normalization::ZScore) << 3000;
    QTest::newRow("offset 1e6") << 1e6 << int(Normalization::None) << 3000;
    QTest::newRow("two threads") << 0.0 << int(Normalization::ZScore) << 250000;
}

void tst_LinearModel::fastEvaluationAgreesWithDirect() {
    QFETCH(double, offset);
    QFETCH(int, mode);
    QFETCH(int, rows);
    arma::arma_rng::set_seed(12);
    const arma::mat X = arma::randn(arma::uword(rows), 4) + offset;
    const arma::vec y = X * arma::vec{1, -2, 0.5, 3} + 7 + arma::randn(arma::uword(rows));
    const Analysis a(Dataset(X, y, {"a", "b", "c", "d"}, "y"), {1.0, Normalization(mode), 0});
    const LeastSquaresResult& ls = a.statistics().leastSquares();
    const LinearModel m(ls.weights + arma::vec{0.01, -0.02, 0.03, 0.0}, ls.bias + 0.5);
    const Evaluation direct = a.evaluate(m), fast = a.evaluateFast(m);
    // Predictions summed in another order: equal to rounding of the terms' size.
    const double size = arma::abs(direct.predictions).max() + std::abs(m.bias());
    QVERIFY(arma::approx_equal(fast.predictions, direct.predictions, "absdiff", 1e-13 * size));
    QVERIFY(arma::approx_equal(fast.residuals, fast.predictions - a.labels(), "absdiff", 0));
    QVERIFY(testutil::closeRel(fast.metrics.mae, direct.metrics.mae, 1e-12));
    // Into an evaluation of another model, reusing its vectors: the same numbers.
    Evaluation reused = a.evaluateFast(LinearModel(arma::vec(4, arma::fill::ones), -3.0));
    const double* memory = reused.predictions.memptr();
    a.evaluateFast(m, reused);
    QCOMPARE(reused.predictions.memptr(), memory);
    QVERIFY(arma::approx_equal(reused.predictions, fast.predictions, "absdiff", 0));
    QCOMPARE(reused.metrics.mae, fast.metrics.mae);
    QCOMPARE(reused.excessLoss, fast.excessLoss);
    QVERIFY(testutil::closeRel(fast.metrics.mse, direct.metrics.mse, 1e-9));
    QVERIFY(testutil::closeRel(fast.metrics.r2, direct.metrics.r2, 1e-9));
    // Gradients relative to the size of the terms they sum (see tst_SufficientStatistics).
    const double scale =
        2.0 * arma::mean(arma::abs(direct.residuals)) * arma::abs(a.features()).max();
    QVERIFY(arma::abs(fast.gradient.weights - direct.gradient.weights).max() <= 1e-9 * scale);
    QVERIFY(std::abs(fast.gradient.bias - direct.gradient.bias) <= 1e-9 * scale);
    QVERIFY(arma::approx_equal(fast.lessonGradient, fast.gradient.weights / 2, "absdiff", 0));
    QVERIFY(testutil::closeRel(fast.excessLoss, direct.excessLoss, 1e-6));
}

void tst_LinearModel::sampledEvaluationAgreesWithDirect() {
    // 60,000 rows: the display rows are every 3rd (20,000 of them).
    arma::arma_rng::set_seed(13);
    const arma::uword n = 60000;
    const arma::mat X = arma::randn(n, 3) + 1e6; // offset: MSE and gradient still from centred sums
    const arma::vec y = X * arma::vec{2, -1, 0.5} + 4 + arma::randn(n);
    const Analysis a(Dataset(X, y, {"a", "b", "c"}, "y"), {1.0, Normalization::None, 0});
    QCOMPARE(displayStep(n), arma::uword(3));
    QCOMPARE(displayStep(kMaxDisplayRows), arma::uword(1));
    QCOMPARE(displayStep(kMaxDisplayRows + 1), arma::uword(2));
    const LinearModel m(a.statistics().leastSquares().weights + arma::vec{0.01, 0.0, -0.02},
                        a.statistics().leastSquares().bias);
    const Evaluation direct = a.evaluate(m), fast = a.evaluateFast(m);

    Evaluation sampled;
    a.evaluateSampled(m, sampled);
    QCOMPARE(sampled.sampleStep, arma::uword(3));
    QCOMPARE(sampled.predictions.n_elem, arma::uword(20000));
    for (arma::uword i = 0; i < sampled.predictions.n_elem; ++i) {
        // To the bit as predict() and the full pass compute them; the direct (BLAS) ones to
        // rounding.
        QCOMPARE(sampled.predictions(i), a.predict(m, 3 * i));
        QCOMPARE(sampled.predictions(i), fast.predictions(3 * i));
        QCOMPARE(sampled.residuals(i), sampled.predictions(i) - a.labels()(3 * i));
    }
    QVERIFY(arma::approx_equal(sampled.predictions,
                               direct.predictions.elem(arma::regspace<arma::uvec>(0, 3, n - 1)),
                               "reldiff", 1e-13));
    // Every other number from the statistics, as the full fast path gives them; the MAE is not
    // there.
    QVERIFY(std::isnan(sampled.metrics.mae));
    QCOMPARE(sampled.metrics.mse, fast.metrics.mse);
    QCOMPARE(sampled.metrics.r2, fast.metrics.r2);
    QVERIFY(arma::approx_equal(sampled.gradient.weights, fast.gradient.weights, "absdiff", 0));
    QCOMPARE(sampled.excessLoss, fast.excessLoss);
    QVERIFY(testutil::closeRel(sampled.metrics.mse, direct.metrics.mse, 1e-9));

    // The MAE pass: every row, to rounding of the direct one; a cancelled pass says NaN.
    QVERIFY(testutil::closeRel(a.meanAbsoluteError(m), direct.metrics.mae, 1e-12));
    std::atomic<bool> cancel{true};
    QVERIFY(std::isnan(a.meanAbsoluteError(m, &cancel)));
    cancel = false;
    QCOMPARE(a.meanAbsoluteError(m, &cancel), a.meanAbsoluteError(m));
    // With a test mask, the same pass splits the sum: each part is the rows' own MAE.
    arma::uvec mask(n, arma::fill::zeros);
    for (arma::uword i = 0; i < n; i += 7)
        mask(i) = 1;
    const SplitMae parts = a.splitMeanAbsoluteError(m, &mask);
    const arma::vec absErr = arma::abs(direct.residuals);
    QVERIFY(testutil::closeRel(parts.all, direct.metrics.mae, 1e-12));
    QVERIFY(testutil::closeRel(parts.test, arma::mean(absErr.elem(arma::find(mask))), 1e-12));
    QVERIFY(testutil::closeRel(parts.train, arma::mean(absErr.elem(arma::find(mask == 0))), 1e-12));
    QVERIFY(std::isnan(a.splitMeanAbsoluteError(m, nullptr).test));
    const arma::uvec shortMask(n - 1, arma::fill::zeros);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a.splitMeanAbsoluteError(m, &shortMask));
    // A row the sample skips, and errors that name the function.
    QCOMPARE(a.predict(m, 1), fast.predictions(1));
    try {
        a.predict(m, n);
        QFAIL("predict past the last row must throw");
    } catch (const std::invalid_argument& e) {
        QVERIFY(std::string(e.what()).find("Analysis::predict") != std::string::npos);
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a.meanAbsoluteError(LinearModel(2)));

    // Small data: every row, whatever is asked.
    const Analysis small(Dataset::lesson(), {});
    Evaluation e;
    small.evaluateSampled(LinearModel(Dataset::lessonWeights(), Dataset::lessonBias()), e);
    QCOMPARE(e.sampleStep, arma::uword(1));
    QCOMPARE(e.predictions.n_elem, small.labels().n_elem);
    QVERIFY(!std::isnan(e.metrics.mae));
}

void tst_LinearModel::cellEditUpdateEqualsFullAnalysis_data() {
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("rows");
    QTest::newRow("none, 3 rows sampled") << int(Normalization::None) << 60000;
    QTest::newRow("z-score") << int(Normalization::ZScore) << 60000;
    QTest::newRow("min-max, small") << int(Normalization::MinMax) << 50;
}

void tst_LinearModel::cellEditUpdateEqualsFullAnalysis() {
    QFETCH(int, mode);
    QFETCH(int, rows);
    const arma::uword n = arma::uword(rows);
    arma::arma_rng::set_seed(14);
    arma::mat X = arma::randn(n, 3) + 1e6;
    arma::vec y = X * arma::vec{1, 2, 3} + arma::randn(n);
    const TransformSettings settings{1.1, Normalization(mode), 0};
    Dataset data(X, y, {"a", "b", "c"}, "y");
    Analysis analysis(data, settings);

    // A feature cell, a label cell, then a 2 x 2 block over a feature and the label.
    data.setValue(9, 1, 5e6);
    analysis = Analysis(data, std::move(analysis), {1}, 9, 9);
    data.setValue(n - 1, 3, -42);
    analysis = Analysis(data, std::move(analysis), {}, n - 1, n - 1);
    data.setValue(3, 2, 0.5);
    data.setValue(4, 2, 0.25);
    data.setValue(3, 3, 1);
    data.setValue(4, 3, 2);
    analysis = Analysis(data, std::move(analysis), {2}, 3, 4);

    // To the bit what a fresh analysis gives: the same fit, values and statistics (once the
    // updated ones of a large table are computed afresh: tst_StatisticsUpdate checks the update).
    QCOMPARE(analysis.statisticsUpdated(), n >= Analysis::kStatisticsUpdateRows);
    if (analysis.statisticsUpdated())
        analysis.setExactStatistics(
            SufficientStatistics::compute(analysis.features(), analysis.labels()));
    const Analysis fresh(data, settings);
    QVERIFY(arma::approx_equal(analysis.features(), fresh.features(), "absdiff", 0));
    QVERIFY(arma::approx_equal(analysis.labels(), fresh.labels(), "absdiff", 0));
    QVERIFY(
        arma::approx_equal(analysis.transform().shift(), fresh.transform().shift(), "absdiff", 0));
    QVERIFY(arma::approx_equal(analysis.statistics().centredGram(),
                               fresh.statistics().centredGram(), "absdiff", 0));
    QCOMPARE(analysis.statistics().leastSquares().bias, fresh.statistics().leastSquares().bias);
    const LinearModel m(arma::vec{1, 2, 3}, 0.5);
    Evaluation a, b;
    analysis.evaluateSampled(m, a);
    fresh.evaluateSampled(m, b);
    QVERIFY(arma::approx_equal(a.predictions, b.predictions, "absdiff", 0));
    QVERIFY(arma::approx_equal(a.residuals, b.residuals, "absdiff", 0));
    QCOMPARE(analysis.partialPrediction(m, 1, arma::vec{2.0})(0),
             fresh.partialPrediction(m, 1, arma::vec{2.0})(0));

    // Another shape: a fresh analysis of it.
    data.removeRows(0, 1);
    analysis = Analysis(data, std::move(analysis), {0}, 0, 0);
    QCOMPARE(analysis.labels().n_elem, n - 1);
    QVERIFY(
        arma::approx_equal(analysis.features(), Analysis(data, settings).features(), "absdiff", 0));
}

void tst_LinearModel::dummiesStayZeroOneInTheAnalysis() {
    arma::arma_rng::set_seed(15);
    const arma::uword n = 40;
    arma::mat X = arma::join_rows(arma::randn(n, 1) * 5 + 20, arma::vec(n, arma::fill::zeros));
    X.rows(0, 9).col(1).fill(1.0);
    const arma::vec y = 3 * X.col(0) + 100 * X.col(1) + arma::randn(n);
    Dataset data(X, y, {"x", "g=b"}, "y");
    data.setDummyFeatures({false, true});
    const TransformSettings settings{1.1, Normalization::ZScore, 0};
    Analysis analysis(data, settings);
    QVERIFY(arma::approx_equal(analysis.features().col(1), X.col(1), "absdiff", 0));
    QVERIFY(std::abs(arma::mean(analysis.features().col(0))) < 1e-12);
    Analysis recycled(data, settings, Analysis(data, settings));
    QVERIFY(arma::approx_equal(recycled.features(), analysis.features(), "absdiff", 0));
    // The line over the dummy starts at the dummy's raw mean (a quarter of the rows are 1).
    const LinearModel m(arma::vec{1, 2}, 0.5);
    const arma::vec w = analysis.transform().weightsToOriginal(m.weights());
    const double b = analysis.transform().biasToOriginal(m.weights(), m.bias());
    QVERIFY(
        close(analysis.partialPrediction(m, 0, arma::vec{20.0})(0), b + w(0) * 20 + w(1) * 0.25));

    // A cell edit keeps the dummy; flags that changed make a fresh analysis.
    data.setValue(3, 0, 7);
    analysis = Analysis(data, std::move(analysis), {0}, 3, 3);
    QVERIFY(
        arma::approx_equal(analysis.features(), Analysis(data, settings).features(), "absdiff", 0));
    QVERIFY(arma::approx_equal(analysis.features().col(1), X.col(1), "absdiff", 0));
    data.setDummyFeatures({});
    analysis = Analysis(data, std::move(analysis), {0}, 3, 3);
    QVERIFY(analysis.transform().fixed().empty());
    QVERIFY(std::abs(arma::mean(analysis.features().col(1))) < 1e-12); // now z-scored
}

QTEST_APPLESS_MAIN(tst_LinearModel)
#include "tst_LinearModel.moc"
