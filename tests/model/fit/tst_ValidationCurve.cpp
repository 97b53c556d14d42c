#include "model/fit/ValidationCurve.h"
#include "tests/common/TestUtil.h"

#include <QTest>

#include <cmath>

using namespace linlab;
using testutil::closeRel;

namespace {

// 40 rows: z = cos(0.7 i), x = (i - 20) / 8 and y = sin(2x) + 0.3 z + 0.1 ((7i) mod 5); the
// curve varies x's degree beside z. The known answers below are scikit-learn 1.x's
// (PolynomialFeatures' powers, StandardScaler on every row, then LinearRegression, Ridge or
// Lasso on the train rows; mean_squared_error), printed by validation_curve_reference.py:
//   X = np.column_stack([z] + [x**p for p in range(1, k + 1)])
//   X = StandardScaler().fit_transform(X)
struct Rows {
    arma::mat X; // z, x
    arma::vec y;
};

Rows fortyRows() {
    Rows r;
    r.X.set_size(40, 2);
    r.y.set_size(40);
    for (arma::uword i = 0; i < 40; ++i) {
        const double x = (double(i) - 20) / 8.0, z = std::cos(double(i) * 0.7);
        r.X(i, 0) = z;
        r.X(i, 1) = x;
        r.y(i) = std::sin(2 * x) + 0.3 * z + 0.1 * double((i * 7) % 5);
    }
    return r;
}

TransformSettings zScore() {
    TransformSettings t;
    t.normalization = Normalization::ZScore;
    return t;
}

// Rows i % 4 == 0 held out.
CurveGroups everyFourth() {
    arma::uvec mask(40, arma::fill::zeros);
    for (arma::uword i = 0; i < 40; i += 4)
        mask(i) = 1;
    return ValidationCurve::groupsFor(mask, 5, 0);
}

// Fold i % 3 (sklearn's PredefinedSplit(i % 3)).
CurveGroups threeFolds() {
    CurveGroups g;
    g.group = arma::regspace<arma::uvec>(0, 39).eval();
    g.group.transform([](arma::uword i) { return i % 3; });
    g.count = 3;
    return g;
}

arma::mat degreeThreeDesign(const Rows& r) {
    const arma::mat design = ValidationCurve::polynomialDesign(r.X, 1, 3);
    return Transform::fit(design, zScore()).apply(design);
}

} // namespace

class tst_ValidationCurve : public QObject {
    Q_OBJECT
private slots:
    void polynomialDesignAppendsPowers() {
        const arma::mat X = {{1, 2}, {3, -1}};
        const arma::mat d = ValidationCurve::polynomialDesign(X, 1, 3);
        QCOMPARE(d.n_cols, arma::uword(4));
        QCOMPARE(d(0, 2), 4.0);
        QCOMPARE(d(1, 3), -1.0);
        QCOMPARE(d(1, 0), 3.0);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, ValidationCurve::polynomialDesign(X, 2, 2));
    }

    void degreesMatchScikitLearnOnASplit() {
        const Rows r = fortyRows();
        const auto curve =
            ValidationCurve::degrees(r.X, r.y, 1, 5, zScore(), {}, FitSettings(), everyFourth());
        QVERIFY(curve);
        QVERIFY(!curve->crossValidated);
        const double train[] = {0.5269561325677725, 0.5269137839624009, 0.13932148576031853,
                                0.13864543993698356, 0.020510026101067703};
        const double test[] = {0.4730558813871332, 0.4714291914445356, 0.24739934490041043,
                               0.27230090806430035, 0.028919400602644436};
        QCOMPARE(curve->values.size(), size_t(5));
        for (int k = 0; k < 5; ++k) {
            QCOMPARE(curve->values[size_t(k)], double(k + 1));
            QVERIFY2(closeRel(curve->trainMse[size_t(k)], train[k], 1e-8),
                     qPrintable(QString::number(k)));
            QVERIFY2(closeRel(curve->testMse[size_t(k)], test[k], 1e-8),
                     qPrintable(QString::number(k)));
        }
    }

    void trainErrorNeverRisesWithTheDegree() {
        const Rows r = fortyRows();
        for (const CurveGroups& g : {everyFourth(), threeFolds()}) {
            const auto curve =
                ValidationCurve::degrees(r.X, r.y, 1, 8, zScore(), {}, FitSettings(), g);
            QVERIFY(curve);
            for (size_t k = 1; k < curve->trainMse.size(); ++k)
                QVERIFY(curve->trainMse[k] <= curve->trainMse[k - 1] * (1 + 1e-9));
        }
    }

    void ridgeAlphasMatchScikitLearnCrossValidated() {
        const Rows r = fortyRows();
        FitSettings s;
        s.penalty = Penalty::Ridge;
        const auto curve = ValidationCurve::alphas(degreeThreeDesign(r), r.y,
                                                   {0.01, 0.1, 1.0, 10.0}, s, threeFolds());
        QVERIFY(curve);
        QVERIFY(curve->crossValidated);
        const double train[] = {0.14819753780997175, 0.14882909773937725, 0.18020878185562086,
                                0.36294348975870355};
        const double test[] = {0.1869676317289067, 0.18363900435152666, 0.19543771916023242,
                               0.36853743666456085};
        for (size_t i = 0; i < 4; ++i) {
            QVERIFY(closeRel(curve->trainMse[i], train[i], 1e-8));
            QVERIFY(closeRel(curve->testMse[i], test[i], 1e-8));
        }
    }

    void lassoAlphasMatchScikitLearnOnASplit() {
        const Rows r = fortyRows();
        FitSettings s;
        s.penalty = Penalty::Lasso;
        const auto curve =
            ValidationCurve::alphas(degreeThreeDesign(r), r.y, {0.01, 0.1}, s, everyFourth());
        QVERIFY(curve);
        QVERIFY(closeRel(curve->trainMse[0], 0.14198088616109733, 1e-7));
        QVERIFY(closeRel(curve->testMse[0], 0.22089141223838088, 1e-7));
        QVERIFY(closeRel(curve->trainMse[1], 0.3997329232497915, 1e-7));
        QVERIFY(closeRel(curve->testMse[1], 0.33326609227118115, 1e-7));
    }

    void throughTheOriginIsTheUncentredFit() {
        // Without an intercept the degree-1 curve equals least squares through the origin on
        // the raw features: y = 2 x exactly, so both errors are 0; with an intercept too.
        arma::mat X(30, 1);
        X.col(0) = arma::regspace(1, 30);
        const arma::vec y = 2 * X.col(0);
        FitSettings s;
        s.intercept = false;
        const CurveGroups folds =
            ValidationCurve::groupsFor(arma::uvec(30, arma::fill::zeros), 3, 1);
        const auto curve = ValidationCurve::degrees(X, y, 0, 1, TransformSettings(), {}, s, folds);
        QVERIFY(curve);
        QVERIFY(curve->trainMse[0] < 1e-16);
        QVERIFY(curve->testMse[0] < 1e-16);
        // A constant offset through the origin cannot be fitted: the error is not 0.
        const auto offset =
            ValidationCurve::degrees(X, y + 100, 0, 1, TransformSettings(), {}, s, folds);
        QVERIFY(offset && offset->trainMse[0] > 1.0);
    }

    void aCancelledCurveReturnsNothing() {
        const Rows r = fortyRows();
        std::atomic<bool> cancel{true};
        QVERIFY(!ValidationCurve::degrees(r.X, r.y, 1, 5, zScore(), {}, FitSettings(),
                                          everyFourth(), &cancel));
        QVERIFY(!ValidationCurve::alphas(degreeThreeDesign(r), r.y, {1.0}, FitSettings(),
                                         threeFolds(), &cancel));
        cancel = false;
        QVERIFY(ValidationCurve::degrees(r.X, r.y, 1, 5, zScore(), {}, FitSettings(), everyFourth(),
                                         &cancel));
    }

    void groupsWithoutATestRowAreFolds() {
        const CurveGroups g = ValidationCurve::groupsFor(arma::uvec(10, arma::fill::zeros), 4, 3);
        QVERIFY(!g.split);
        QCOMPARE(g.count, arma::uword(4));
        QVERIFY(arma::all(g.group == DataSplit::folds(10, 4, 3)));
        const std::vector<double> grid = ValidationCurve::logGrid(1e-3, 10, 5);
        QCOMPARE(grid.size(), size_t(5));
        QVERIFY(closeRel(grid[0], 1e-3, 1e-12) && closeRel(grid[4], 10, 1e-12));
        QVERIFY(closeRel(grid[2], 0.1, 1e-12));
    }
};

QTEST_APPLESS_MAIN(tst_ValidationCurve)
#include "tst_ValidationCurve.moc"
