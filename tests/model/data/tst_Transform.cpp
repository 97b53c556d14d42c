#include "model/data/Dataset.h"
#include "model/data/Transform.h"
#include "model/fit/LinearModel.h"
#include "tests/common/TestUtil.h"

#include <QTest>

using namespace linlab;
using testutil::allClose;

class tst_Transform : public QObject {
    Q_OBJECT
private slots:
    void refitOneColumnEqualsFit_data();
    void refitOneColumnEqualsFit();
    void scaleByOnePointOne();
    void zscorePopulation();
    void zscoreSample();
    void minMax();
    void zeroSpreadIsFlaggedAndNotDivided();
    void weightsMapBackToOriginalUnits_data();
    void weightsMapBackToOriginalUnits();
    void noRows();
    void badSettingsAreRefused();
    void dummiesStayZeroOne_data();
    void dummiesStayZeroOne();
    void dummiesMapBackToOriginalUnits_data();
    void dummiesMapBackToOriginalUnits();
    void noFixedColumnsIsTodaysTransform_data();
    void noFixedColumnsIsTodaysTransform();
    void fixedColumnsRefitAndChecks();
};

namespace {

// The lesson's features with a 0/1 dummy between them: hours_studied, dummy, hours_slept.
arma::mat withDummy() {
    const arma::mat X = Dataset::lesson().features();
    return arma::join_rows(X.col(0), arma::vec{1, 0, 1, 0}, X.col(1));
}

const std::vector<bool> kDummyInMiddle = {false, true, false};

bool sameBits(const arma::mat& a, const arma::mat& b) {
    return arma::size(a) == arma::size(b) && arma::approx_equal(a, b, "absdiff", 0);
}

} // namespace

void tst_Transform::scaleByOnePointOne() {
    const Dataset lesson = Dataset::lesson();
    const Transform t = Transform::fit(lesson.features(), {1.1, Normalization::None, 0});
    // NumPy: X * 1.1 (shared/reference/seed_lesson.json, "X_scaled_1_1"), bit for bit.
    const arma::mat expected = {
        {5.5, 7.700000000000001}, {3.3000000000000003, 6.6000000000000005}, {8.8, 8.8}, {2.2, 5.5}};
    const arma::mat got = t.apply(lesson.features());
    QVERIFY(arma::approx_equal(got, expected, "absdiff", 0));
    QVERIFY(!t.isIdentity());
}

void tst_Transform::zscorePopulation() {
    const Dataset lesson = Dataset::lesson();
    const Transform t = Transform::fit(lesson.features(), {1.0, Normalization::ZScore, 0});
    // NumPy: X.mean(axis=0), X.std(axis=0) and (X - mean) / std (seed_lesson.json).
    QVERIFY(allClose(t.mean(), arma::rowvec{4.5, 6.5}));
    QVERIFY(allClose(t.stddev(), arma::rowvec{2.29128784747792, 1.118033988749895}));
    const arma::mat expected = {{0.2182178902359924, 0.4472135954999579},
                                {-0.6546536707079772, -0.4472135954999579},
                                {1.5275252316519468, 1.3416407864998738},
                                {-1.091089451179962, -1.3416407864998738}};
    QVERIFY(allClose(t.apply(lesson.features()), expected));
    QVERIFY(allClose(t.min(), arma::rowvec{2, 5}));
    QVERIFY(allClose(t.max(), arma::rowvec{8, 8}));
}

void tst_Transform::zscoreSample() {
    const Transform t =
        Transform::fit(Dataset::lesson().features(), {1.0, Normalization::ZScore, 1});
    // NumPy: X.std(axis=0, ddof=1) (seed_lesson.json, "std_sample").
    QVERIFY(allClose(t.stddev(), arma::rowvec{2.6457513110645907, 1.2909944487358056}));
}

void tst_Transform::minMax() {
    const Transform t =
        Transform::fit(Dataset::lesson().features(), {2.0, Normalization::MinMax, 0});
    const arma::mat got = t.apply(Dataset::lesson().features());
    // (2x - 2 min) / (2 max - 2 min): hours studied 5 -> (10 - 4) / 12 = 0.5.
    QCOMPARE(got(0, 0), 0.5);
    QCOMPARE(got.min(), 0.0);
    QCOMPARE(got.max(), 1.0);
}

void tst_Transform::zeroSpreadIsFlaggedAndNotDivided() {
    arma::mat X = {{1, 1e6}, {2, 1e6}, {3, 1e6 * (1 + 1e-15)}};
    for (Normalization mode : {Normalization::ZScore, Normalization::MinMax}) {
        const Transform t = Transform::fit(X, {1.0, mode, 0});
        QCOMPARE(t.zeroSpread(), (std::vector<bool>{false, true}));
        QCOMPARE(t.divisor()(1), 1.0);
        const arma::mat Z = t.apply(X);
        QVERIFY(Z.is_finite());
        QVERIFY(std::abs(Z(0, 1)) < 1e-6);
    }
}

void tst_Transform::weightsMapBackToOriginalUnits_data() {
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("ddof");
    QTest::newRow("scale") << 1.1 << int(Normalization::None) << 0;
    QTest::newRow("zscore") << 1.0 << int(Normalization::ZScore) << 0;
    QTest::newRow("zscore ddof 1, scaled") << 3.0 << int(Normalization::ZScore) << 1;
    QTest::newRow("minmax, negative scale") << -0.5 << int(Normalization::MinMax) << 0;
}

void tst_Transform::weightsMapBackToOriginalUnits() {
    QFETCH(double, scale);
    QFETCH(int, mode);
    QFETCH(int, ddof);
    const arma::mat X = Dataset::lesson().features();
    const Transform t = Transform::fit(X, {scale, Normalization(mode), ddof});
    const LinearModel m(arma::vec{0.7, -1.3}, 2.5);
    const LinearModel original(t.weightsToOriginal(m.weights()),
                               t.biasToOriginal(m.weights(), m.bias()));
    // The same model, in either units, predicts the same.
    QVERIFY(allClose(original.predict(X), m.predict(t.apply(X)), 1e-13));
}

void tst_Transform::noRows() {
    const Transform t = Transform::fit(arma::mat(0, 2), {1.0, Normalization::ZScore, 0});
    QVERIFY(t.mean().has_nan());
    QCOMPARE(t.apply(arma::mat(0, 2)).n_rows, arma::uword(0));
    const Transform single = Transform::fit(arma::mat{{3, 4}}, {1.0, Normalization::ZScore, 1});
    QVERIFY(single.stddev().has_nan()); // ddof 1 needs two rows
    QVERIFY(single.apply(arma::mat{{3, 4}}).is_finite());
}

void tst_Transform::badSettingsAreRefused() {
    const arma::mat X = Dataset::lesson().features();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             Transform::fit(X, {arma::datum::inf, Normalization::None, 0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             Transform::fit(X, {1.0, Normalization::ZScore, 2}));
    const Transform t = Transform::fit(X, {});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, t.apply(arma::mat(4, 3)));
}

void tst_Transform::refitOneColumnEqualsFit_data() {
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("ddof");
    QTest::newRow("none") << int(Normalization::None) << 0;
    QTest::newRow("z-score") << int(Normalization::ZScore) << 0;
    QTest::newRow("z-score ddof 1") << int(Normalization::ZScore) << 1;
    QTest::newRow("min-max") << int(Normalization::MinMax) << 0;
}

void tst_Transform::refitOneColumnEqualsFit() {
    QFETCH(int, mode);
    QFETCH(int, ddof);
    const TransformSettings settings{1.1, Normalization(mode), ddof};
    arma::arma_rng::set_seed(3);
    arma::mat X = arma::randn(500, 4) * 10 + 1e6;
    X.col(3).fill(7); // a constant column stays flagged
    const Transform before = Transform::fit(X, settings);
    arma::mat transformed = before.apply(X);

    // A cell edit in column 1, and a new maximum in column 2: refit those two only.
    X(17, 1) = -3e6;
    X(400, 2) = 2e6;
    const Transform after = before.refit(X, {1, 2});
    const Transform fresh = Transform::fit(X, settings);
    // To the bit: the same per-column arithmetic as a fit of the whole table.
    QVERIFY(arma::approx_equal(after.mean(), fresh.mean(), "absdiff", 0));
    QVERIFY(arma::approx_equal(after.stddev(), fresh.stddev(), "absdiff", 0));
    QVERIFY(arma::approx_equal(after.min(), fresh.min(), "absdiff", 0));
    QVERIFY(arma::approx_equal(after.max(), fresh.max(), "absdiff", 0));
    QVERIFY(arma::approx_equal(after.shift(), fresh.shift(), "absdiff", 0));
    QVERIFY(arma::approx_equal(after.divisor(), fresh.divisor(), "absdiff", 0));
    QVERIFY(after.zeroSpread() == fresh.zeroSpread());
    QVERIFY(after.zeroSpread()[3]);
    after.applyColumnsInto(X, {1, 2}, transformed);
    QVERIFY(arma::approx_equal(transformed, fresh.apply(X), "absdiff", 0));

    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, before.refit(X, {4}));
    arma::mat wrong(3, 4);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, after.applyColumnsInto(X, {0}, wrong));
}

void tst_Transform::dummiesStayZeroOne_data() {
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("mode");
    QTest::newRow("scale 1.1") << 1.1 << int(Normalization::None);
    QTest::newRow("zscore") << 1.0 << int(Normalization::ZScore);
    QTest::newRow("minmax, scale 2") << 2.0 << int(Normalization::MinMax);
    QTest::newRow("zscore, scale 1.1") << 1.1 << int(Normalization::ZScore);
}

void tst_Transform::dummiesStayZeroOne() {
    QFETCH(double, scale);
    QFETCH(int, mode);
    const TransformSettings settings{scale, Normalization(mode), 0};
    const arma::mat X = withDummy();
    const Transform t = Transform::fit(X, settings, kDummyInMiddle);
    QCOMPARE(t.fixed(), kDummyInMiddle);
    QVERIFY(sameBits(t.scales(), arma::rowvec{scale, 1.0, scale}));
    QCOMPARE(t.shift()(1), 0.0);
    QCOMPARE(t.divisor()(1), 1.0);
    QCOMPARE(t.mean()(1), 0.5); // the dummy's own moments, unscaled
    const arma::mat Z = t.apply(X);
    QVERIFY(sameBits(Z.col(1), X.col(1))); // untouched
    // The numeric columns exactly as a fit of them alone.
    const arma::mat numeric = arma::join_rows(X.col(0), X.col(2));
    const arma::mat alone = Transform::fit(numeric, settings).apply(numeric);
    QVERIFY(sameBits(arma::join_rows(Z.col(0), Z.col(2)), alone));
    QVERIFY(!t.isIdentity());
}

void tst_Transform::dummiesMapBackToOriginalUnits_data() {
    weightsMapBackToOriginalUnits_data();
}

void tst_Transform::dummiesMapBackToOriginalUnits() {
    QFETCH(double, scale);
    QFETCH(int, mode);
    QFETCH(int, ddof);
    const arma::mat X = withDummy();
    const Transform t = Transform::fit(X, {scale, Normalization(mode), ddof}, kDummyInMiddle);
    const LinearModel m(arma::vec{0.7, 40.0, -1.3}, 2.5);
    const arma::vec w = t.weightsToOriginal(m.weights());
    QCOMPARE(w(1), 40.0); // a dummy's weight is its own: the level's shift of the label
    const LinearModel original(w, t.biasToOriginal(m.weights(), m.bias()));
    QVERIFY(allClose(original.predict(X), m.predict(t.apply(X)), 1e-13));
}

void tst_Transform::noFixedColumnsIsTodaysTransform_data() {
    weightsMapBackToOriginalUnits_data();
}

void tst_Transform::noFixedColumnsIsTodaysTransform() {
    QFETCH(double, scale);
    QFETCH(int, mode);
    QFETCH(int, ddof);
    const TransformSettings settings{scale, Normalization(mode), ddof};
    const arma::mat X = withDummy();
    const Transform today = Transform::fit(X, settings);
    for (const std::vector<bool>& none : {std::vector<bool>{}, std::vector<bool>(3, false)}) {
        const Transform t = Transform::fit(X, settings, none);
        QVERIFY(t.fixed().empty()); // no flag set: stored empty
        QVERIFY(sameBits(t.apply(X), today.apply(X)));
        QVERIFY(sameBits(t.mean(), today.mean()));
        QVERIFY(sameBits(t.stddev(), today.stddev()));
        QVERIFY(sameBits(t.shift(), today.shift()));
        QVERIFY(sameBits(t.divisor(), today.divisor()));
        const arma::vec w{0.7, 40.0, -1.3};
        QVERIFY(sameBits(t.weightsToOriginal(w), today.weightsToOriginal(w)));
        QCOMPARE(t.biasToOriginal(w, 2.5), today.biasToOriginal(w, 2.5));
        QCOMPARE(t.isIdentity(), today.isIdentity());
    }
    // With no features, the scale decides as before.
    QCOMPARE(Transform::fit(arma::mat(4, 0), {1.1, Normalization::None, 0}, {}).isIdentity(),
             false);
}

void tst_Transform::fixedColumnsRefitAndChecks() {
    const TransformSettings settings{1.1, Normalization::ZScore, 0};
    arma::mat X = withDummy();
    const Transform before = Transform::fit(X, settings, kDummyInMiddle);
    X(2, 0) = 11;
    X(2, 1) = 0;
    const Transform after = before.refit(X, {0, 1});
    const Transform fresh = Transform::fit(X, settings, kDummyInMiddle);
    QCOMPARE(after.fixed(), kDummyInMiddle);
    QVERIFY(sameBits(after.apply(X), fresh.apply(X)));
    QVERIFY(sameBits(after.apply(X).col(1), X.col(1)));
    // Every column fixed: nothing changes, whatever the settings.
    QVERIFY(Transform::fit(X, settings, {true, true, true}).isIdentity());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Transform::fit(X, settings, {true, false}));
}

QTEST_APPLESS_MAIN(tst_Transform)
#include "tst_Transform.moc"
