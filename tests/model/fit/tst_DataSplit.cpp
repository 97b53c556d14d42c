#include "model/fit/DataSplit.h"
#include "model/fit/HeldOut.h"
#include "tests/common/TestUtil.h"

#include <QTest>

using namespace linlab;
using testutil::closeRel;

namespace {
bool equal(const arma::uvec& a, const arma::uvec& b) {
    return a.n_elem == b.n_elem && arma::all(a == b);
}
} // namespace

class tst_DataSplit : public QObject {
    Q_OBJECT
private slots:
    // The generator is the standard's: its 10,000th output is fixed by [rand.predef].
    void generatorIsTheStandards() {
        std::mt19937_64 rng;
        rng.discard(9999);
        QCOMPARE(rng(), std::uint64_t(9981545732273789042ULL));
    }
    // Expected splits from an independent Python transcription of std::mt19937_64 and the
    // documented Fisher-Yates (it reproduces the 10,000th output above): the same on every
    // machine.
    void permutationIsReproducible() {
        QVERIFY(equal(DataSplit::permutation(10, 0), {7, 2, 0, 8, 3, 9, 6, 1, 5, 4}));
        QVERIFY(equal(DataSplit::permutation(7, 42), {1, 4, 3, 5, 0, 2, 6}));
        QVERIFY(!equal(DataSplit::permutation(10, 1), DataSplit::permutation(10, 0)));
        QCOMPARE(DataSplit::permutation(0, 0).n_elem, arma::uword(0));
        QVERIFY(equal(DataSplit::permutation(1, 9), {0}));
    }
    void trainTestSplit() {
        const TrainTestRows r = DataSplit::trainTest(10, 0.3, 0);
        QVERIFY(equal(r.test, {0, 2, 7}));
        QVERIFY(equal(r.train, {1, 3, 4, 5, 6, 8, 9}));
        // round(fraction * n), halves away from zero
        QCOMPARE(DataSplit::trainTest(10, 0.25, 5).test.n_elem, arma::uword(3));
        QCOMPARE(DataSplit::trainTest(7, 0.5, 5).test.n_elem, arma::uword(4));
        QCOMPARE(DataSplit::trainTest(1000, 0.2, 5).test.n_elem, arma::uword(200));
        const TrainTestRows big = DataSplit::trainTest(1000, 0.2, 5);
        arma::uvec all = arma::join_cols(big.train, big.test);
        QVERIFY(equal(arma::sort(all), arma::regspace<arma::uvec>(0, 999)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, DataSplit::trainTest(10, 0.0, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, DataSplit::trainTest(10, 1.0, 0));
    }
    void foldsAreAsEqualAsPossible() {
        QVERIFY(equal(DataSplit::folds(11, 4, 3), {1, 0, 1, 0, 2, 2, 0, 3, 1, 2, 3}));
        const arma::uvec f = DataSplit::folds(103, 5, 8);
        for (arma::uword k = 0; k < 5; ++k)
            QCOMPARE(DataSplit::rowsOf(f, k).n_elem, arma::uword(k < 3 ? 21 : 20));
        QCOMPARE(DataSplit::rowsOf(f, 2, false).n_elem, arma::uword(82));
        QVERIFY(equal(arma::sort(arma::unique(DataSplit::folds(5, 5, 1))), {0, 1, 2, 3, 4}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, DataSplit::folds(5, 6, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, DataSplit::folds(5, 1, 0));
    }
    void uniformBelowStaysBelow() {
        std::mt19937_64 rng(4);
        for (int i = 0; i < 100; ++i)
            QCOMPARE(DataSplit::uniformBelow(rng, 1), std::uint64_t(0));
        // Just past 2^63: nearly half the draws are rejected, none lands out of range.
        const std::uint64_t bound = (std::uint64_t(1) << 63) + 1;
        for (int i = 0; i < 100; ++i)
            QVERIFY(DataSplit::uniformBelow(rng, bound) < bound);
        arma::uvec counts(3, arma::fill::zeros);
        for (int i = 0; i < 30000; ++i)
            ++counts(DataSplit::uniformBelow(rng, 3));
        QVERIFY(counts.min() > 9500 && counts.max() < 10500);
    }
    // scikit-learn's mean_squared_error, mean_absolute_error and r2_score on rows 1, 4, 6.
    void metricsOnASubset() {
        const arma::vec y = {3.1, 4.0, 7.2, 8.1, 11.5, 11.9, 15.8, 15.2};
        const arma::mat X = arma::regspace(1.0, 8.0);
        const Metrics m = HeldOut::metricsOn(LinearModel({2.0}, 0.5), X, y, {1, 4, 6});
        QVERIFY(closeRel(m.mse, 0.9800000000000008, 1e-14));
        QVERIFY(closeRel(m.rmse, std::sqrt(0.98), 1e-14));
        QVERIFY(closeRel(m.mae, 0.9333333333333336, 1e-14));
        QVERIFY(closeRel(m.r2, 0.9587811945041592, 1e-14));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range,
                                 HeldOut::metricsOn(LinearModel({2.0}, 0.5), X, y, {8}));
        const SufficientStatistics s = HeldOut::statisticsOf(X, y, {0, 2, 3});
        QCOMPARE(s.sampleCount(), arma::uword(3));
        QVERIFY(closeRel(s.labelMean(), (3.1 + 7.2 + 8.1) / 3, 1e-15));
    }
    void crossValidationFitsEachFoldOnTheOthers() {
        arma::arma_rng::set_seed(3);
        const arma::mat X = arma::randn(40, 2);
        const arma::vec y = X * arma::vec{1.0, -1.0} + 0.5 * arma::randn(40);
        const arma::uvec folds = DataSplit::folds(40, 4, 0);
        std::vector<arma::uword> trainSizes;
        const CrossValidation cv = HeldOut::crossValidate(
            X, y, folds, 4,
            [&](const SufficientStatistics& s, const arma::mat& Xt, const arma::vec&) {
                trainSizes.push_back(Xt.n_rows);
                return LinearModel(s.leastSquares().weights, s.leastSquares().bias);
            });
        QCOMPARE(cv.k, arma::uword(4));
        QCOMPARE(trainSizes, (std::vector<arma::uword>{30, 30, 30, 30}));
        arma::vec mse(4), r2(4);
        for (arma::uword f = 0; f < 4; ++f) {
            const arma::uvec test = DataSplit::rowsOf(folds, f),
                             train = DataSplit::rowsOf(folds, f, false);
            const arma::mat A = arma::join_rows(X.rows(train), arma::ones(train.n_elem));
            const arma::vec theta = arma::solve(A, arma::vec(y.elem(train)));
            const LinearModel model(theta.head(2), theta(2));
            const Metrics m = HeldOut::metricsOn(model, X, y, test);
            QVERIFY(closeRel(cv.folds[f].mse, m.mse, 1e-12));
            mse(f) = m.mse;
            r2(f) = m.r2;
        }
        QVERIFY(closeRel(cv.mseMean, arma::mean(mse), 1e-12));
        QVERIFY(
            closeRel(cv.mseStd, std::sqrt(arma::mean(arma::square(mse - arma::mean(mse)))), 1e-10));
        QVERIFY(closeRel(cv.r2Mean, arma::mean(r2), 1e-12));
    }
};

QTEST_APPLESS_MAIN(tst_DataSplit)
#include "tst_DataSplit.moc"
