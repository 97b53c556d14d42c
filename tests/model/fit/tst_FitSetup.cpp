#include "model/fit/FitSetup.h"
#include "tests/common/TestUtil.h"

#include <QTest>

using namespace linlab;
using testutil::closeRel;

namespace {

// Ten rows of two features; DataSplit::trainTest(10, 0.3, 0) holds out rows 0, 2 and 7.
Dataset tenRows() {
    const arma::mat X = {{1, 2}, {2, 1}, {3, 5}, {4, 3},  {5, 8},
                         {6, 5}, {7, 9}, {8, 7}, {9, 12}, {10, 10}};
    const arma::vec y = {3.1, 4.0, 8.2, 7.9, 13.1, 11.8, 16.2, 15.1, 21.3, 19.7};
    return Dataset(X, y, {"a", "b"}, "y");
}

FitSettings split(Penalty penalty, double alpha, bool intercept = true) {
    FitSettings s;
    s.penalty = penalty;
    s.alpha = alpha;
    s.intercept = intercept;
    s.testFraction = 0.3;
    s.seed = 0;
    return s;
}

// n rows offset by 1e6, three features and noise: the large-table path.
Dataset offsetRows(arma::uword n) {
    arma::arma_rng::set_seed(11);
    arma::mat X = arma::randn(n, 3) + 1e6;
    arma::vec y = X * arma::vec{2.0, -1.0, 0.5} + 3 + 0.1 * arma::randn(n);
    return Dataset(X, y, {"a", "b", "c"}, "y");
}

} // namespace

class tst_FitSetup : public QObject {
    Q_OBJECT
private slots:
    // Known answer: scikit-learn 1.2.1, Ridge(alpha=0.5) fitted on rows 1,3,4,5,6,8,9 of
    // tenRows(), and mean_squared_error / mean_absolute_error / r2_score on both parts.
    void ridgeOnTheTrainRowsMatchesScikitLearn() {
        const Analysis a(tenRows(), TransformSettings{});
        FitSetup f;
        f.update(a, split(Penalty::Ridge, 0.5));
        QVERIFY(f.hasSplit());
        QCOMPARE(f.split().test.n_elem, arma::uword(3));
        QCOMPARE(arma::uvec(arma::find(f.testMask())).eval()(1), arma::uword(2));
        const LinearModel m = f.fit(a, LinearModel(2)).value();
        QVERIFY(closeRel(m.weights()(0), 0.9455311369868464, 1e-12));
        QVERIFY(closeRel(m.weights()(1), 0.9276874776457493, 1e-12));
        QVERIFY(closeRel(m.bias(), 1.259023168938521, 1e-12));
        const HeldOutMetrics h = f.metrics(a, m);
        QVERIFY(closeRel(h.test.mse, 0.41793451819914157, 1e-11));
        QVERIFY(closeRel(h.test.mae, 0.5703559458994039, 1e-11));
        QVERIFY(closeRel(h.test.r2, 0.9827156940364292, 1e-12));
        QVERIFY(closeRel(h.train.mse, 0.05772229381767597, 1e-10));
        QVERIFY(closeRel(h.train.r2, 0.9982523095003175, 1e-12));
        // The objective is scikit-learn's: |r|^2 + alpha |w|^2 over the train rows.
        const double sse = 7 * h.train.mse;
        QVERIFY(
            closeRel(f.objective(a, m), sse + 0.5 * arma::dot(m.weights(), m.weights()), 1e-12));
    }
    // scikit-learn 1.2.1, Lasso(alpha=0.3, fit_intercept=False, tol=1e-12) on the same rows.
    void lassoThroughTheOriginMatchesScikitLearn() {
        const Analysis a(tenRows(), TransformSettings{});
        FitSetup f;
        f.update(a, split(Penalty::Lasso, 0.3, false));
        const LinearModel m = f.fit(a, LinearModel(2)).value();
        QVERIFY(closeRel(m.weights()(0), 1.1838671005556614, 1e-9));
        QVERIFY(closeRel(m.weights()(1), 0.8668093851479715, 1e-9));
        QCOMPARE(m.bias(), 0.0);
    }
    // Without a split every fit uses the analysis' own statistics: alpha 0 or no penalty is
    // its least squares to the bit, and the train metrics are the statistics'.
    void withoutASplitTheFitIsOnEveryRow() {
        const Analysis a(tenRows(), TransformSettings{});
        FitSetup f;
        f.update(a, FitSettings{});
        QVERIFY(!f.hasSplit());
        QCOMPARE(&f.fitStatistics(a), &a.statistics());
        QCOMPARE(arma::accu(f.testMask()), arma::uword(0));
        const LinearModel m = f.fit(a, LinearModel(2)).value();
        QVERIFY(arma::all(m.weights() == a.statistics().leastSquares().weights));
        QCOMPARE(m.bias(), a.statistics().leastSquares().bias);
        QVERIFY(closeRel(f.objective(a, m), a.statistics().leastSquares().mse, 1e-12));
        const HeldOutMetrics h = f.metrics(a, m);
        QVERIFY(closeRel(h.train.mse, a.evaluate(m).metrics.mse, 1e-10));
        QVERIFY(std::isnan(h.test.mse));
    }
    // Past kDirectRows the held-out MSE and R^2 come from the parts' statistics: the same as the
    // rows' to 1e-9 on data offset by 1e6, MAE left NaN.
    void largeTablesTakeMetricsFromStatistics() {
        const arma::uword n = FitSetup::kDirectRows + 1000;
        const Analysis a(offsetRows(n), TransformSettings{});
        FitSetup f;
        f.update(a, split(Penalty::Ridge, 2.0));
        const LinearModel m = f.fit(a, LinearModel(3)).value();
        const HeldOutMetrics h = f.metrics(a, m);
        const Metrics direct = HeldOut::metricsOn(m, a.features(), a.labels(), f.split().test);
        QVERIFY(closeRel(h.test.mse, direct.mse, 1e-9));
        QVERIFY(closeRel(h.test.r2, direct.r2, 1e-9));
        QVERIFY(std::isnan(h.test.mae));
        const Metrics train = HeldOut::metricsOn(m, a.features(), a.labels(), f.split().train);
        QVERIFY(closeRel(h.train.mse, train.mse, 1e-9));
    }
    // Cross-validation is HeldOut::crossValidate of the same fit over DataSplit::folds.
    void crossValidationFitsEachFold() {
        const Analysis a(tenRows(), TransformSettings{});
        FitSettings s;
        s.penalty = Penalty::Ridge;
        s.alpha = 0.5;
        s.cvFolds = 5;
        s.seed = 3;
        FitSetup f;
        f.update(a, s);
        const CrossValidation cv = f.crossValidate(a);
        QCOMPARE(cv.k, arma::uword(5));
        const arma::uvec folds = DataSplit::folds(10, 5, 3);
        for (arma::uword k = 0; k < 5; ++k) {
            const arma::uvec train = DataSplit::rowsOf(folds, k, false);
            const SufficientStatistics st = HeldOut::statisticsOf(a.features(), a.labels(), train);
            const RegularizedFit r = Regularized::ridge(st, 0.5);
            const Metrics m = HeldOut::metricsOn(LinearModel(r.weights, r.bias), a.features(),
                                                 a.labels(), DataSplit::rowsOf(folds, k));
            QVERIFY(closeRel(cv.folds[k].mse, m.mse, 1e-12));
        }
        s.cvFolds = 11;
        f.update(a, s);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, f.crossValidate(a));
    }
    void badSettingsAreRefused_data() {
        QTest::addColumn<double>("alpha");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<int>("folds");
        QTest::newRow("negative alpha") << -1.0 << 0.0 << 5;
        QTest::newRow("infinite alpha") << arma::datum::inf << 0.0 << 5;
        QTest::newRow("NaN alpha") << arma::datum::nan << 0.0 << 5;
        QTest::newRow("fraction 1") << 1.0 << 1.0 << 5;
        QTest::newRow("negative fraction") << 1.0 << -0.1 << 5;
        QTest::newRow("one fold") << 1.0 << 0.2 << 1;
    }
    void badSettingsAreRefused() {
        QFETCH(double, alpha);
        QFETCH(double, fraction);
        QFETCH(int, folds);
        FitSettings s;
        s.alpha = alpha;
        s.testFraction = fraction;
        s.cvFolds = arma::uword(folds);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, FitSetup::check(s));
        FitSetup f;
        const Analysis a(tenRows(), TransformSettings{});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, f.update(a, s));
    }
    // A fraction that rounds to no test row (or no train row) makes no split.
    void aFractionThatHoldsOutNothingMakesNoSplit() {
        const Analysis a(tenRows(), TransformSettings{});
        FitSetup f;
        FitSettings s;
        s.testFraction = 0.01;
        f.update(a, s);
        QVERIFY(!f.hasSplit());
        s.testFraction = 0.99;
        f.update(a, s);
        QVERIFY(!f.hasSplit());
    }
};

QTEST_APPLESS_MAIN(tst_FitSetup)
#include "tst_FitSetup.moc"
