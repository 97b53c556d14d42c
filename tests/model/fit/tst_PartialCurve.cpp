// PartialCurve: the model along one feature, the others at their raw means, with the derived
// features that read it computed from it. Known answers by hand: on x, z and the derived x^2,
// x*z and log(x), w = [1, 2, 3, 4, 5] and b = 6 give 6 + t + 2 mean(z) + 3 t^2 + 4 t mean(z)
// + 5 log t at x = t; the transform changes nothing in original units.

#include "model/data/Dataset.h"
#include "model/data/DerivedColumns.h"
#include "model/fit/PartialCurve.h"
#include "tests/common/TestUtil.h"

#include <QTest>

#include <cmath>

using namespace linlab;

namespace {

const std::vector<DerivedSpec> kDerived = {
    {"x^2", "[x]^2"}, {"x*z", "[x]*[z]"}, {"log x", "log([x])"}};

Dataset data() {
    const Dataset base(arma::mat{{1, 2}, {2, 5}, {3, 1}, {4, 4}, {6, 3}},
                       arma::vec{10, 20, 30, 40, 50}, {"x", "z"}, "y");
    return DerivedColumns::appended(base, kDerived);
}

} // namespace

class tst_PartialCurve : public QObject {
    Q_OBJECT
private slots:
    void curveFollowsTheDerivedFeatures_data() {
        QTest::addColumn<int>("normalization");
        QTest::newRow("raw") << int(Normalization::None);
        QTest::newRow("z-score") << int(Normalization::ZScore);
    }
    void curveFollowsTheDerivedFeatures() {
        QFETCH(int, normalization);
        const Dataset d = data();
        const Analysis a(d, {1.1, Normalization(normalization), 0});
        // The model in original units w = [1, 2, 3, 4, 5], b = 6, whatever the transform.
        const arma::vec wRaw{1, 2, 3, 4, 5};
        const Transform& t = a.transform();
        const arma::vec w = wRaw % (t.divisor() / t.scales()).t();
        const double b = 6 + arma::dot(w, (t.shift() / t.divisor()).t());
        const LinearModel model(w, b);
        QVERIFY(testutil::closeRel(t.biasToOriginal(model.weights(), model.bias()), 6.0, 1e-12));

        const PartialCurve curve(d.featureNames(), kDerived, 0);
        QVERIFY(curve.curved());
        const arma::vec xs{0.5, 2.0, 7.0};
        const arma::vec ys = curve.predict(a, model, xs);
        const double zMean = 3.0;
        for (arma::uword i = 0; i < xs.n_elem; ++i) {
            const double x = xs(i);
            const double expected = 6 + x + 2 * zMean + 3 * x * x + 4 * x * zMean + 5 * std::log(x);
            QVERIFY2(testutil::closeRel(ys(i), expected, 1e-12), qPrintable(QString::number(i)));
        }
        // No value where log x has none.
        QVERIFY(std::isnan(curve.predict(a, model, arma::vec{-1.0})(0)));

        // Along z only x*z follows; x, x^2 and log x stay at their columns' means.
        const PartialCurve alongZ(d.featureNames(), kDerived, 1);
        QVERIFY(alongZ.curved());
        const arma::rowvec m = a.rawMeans();
        const double z = 10;
        const double expected = 6 + m(0) + 2 * z + 3 * m(2) + 4 * m(0) * z + 5 * m(4);
        QVERIFY(testutil::closeRel(alongZ.predict(a, model, arma::vec{z})(0), expected, 1e-12));
    }
    // Without derived features (or along one no derived feature reads), the straight line of
    // Analysis::partialPrediction; a wrong analysis is refused naming the function.
    void withoutFollowersTheLine() {
        const Dataset d = data();
        const Analysis a(d, {});
        const LinearModel model(arma::vec{1, 2, 3, 4, 5}, 6);
        const PartialCurve straight(d.featureNames(), {}, 0);
        QVERIFY(!straight.curved());
        const arma::vec xs{1.0, 3.0};
        QVERIFY(arma::approx_equal(straight.predict(a, model, xs),
                                   a.partialPrediction(model, 0, xs), "absdiff", 0.0));
        const PartialCurve alongSquare(d.featureNames(), kDerived,
                                       2); // x^2 itself: nothing reads it
        QVERIFY(!alongSquare.curved());
        const Analysis other(Dataset::lesson(), {});
        try {
            straight.predict(other, LinearModel(2), xs);
            QFAIL("a curve of 5 features on 2 must throw");
        } catch (const std::invalid_argument& e) {
            QVERIFY(std::string(e.what()).find("PartialCurve::predict") != std::string::npos);
        }
    }
};

QTEST_APPLESS_MAIN(tst_PartialCurve)
#include "tst_PartialCurve.moc"
