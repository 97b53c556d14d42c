#include "model/data/Dataset.h"
#include "model/training/LossSurface.h"
#include "tests/common/TestUtil.h"

#include <QTest>

using namespace linlab;
using testutil::close;

class tst_LossSurface : public QObject {
    Q_OBJECT
private slots:
    void gridEqualsPointwiseLoss_data();
    void gridEqualsPointwiseLoss();
    void minimumSitsAtLeastSquares();
    void badSpecsAreRefused();
};

void tst_LossSurface::gridEqualsPointwiseLoss_data() {
    QTest::addColumn<int>("xParameter");
    QTest::addColumn<int>("yParameter");
    QTest::newRow("w1 x w2") << 0 << 1;
    QTest::newRow("w2 x bias") << 1 << 2;
    QTest::newRow("bias x w1") << 2 << 0;
}

void tst_LossSurface::gridEqualsPointwiseLoss() {
    QFETCH(int, xParameter);
    QFETCH(int, yParameter);
    const Dataset lesson = Dataset::lesson();
    const auto s = SufficientStatistics::compute(lesson.features(), lesson.labels());
    const LinearModel m(Dataset::lessonWeights(), Dataset::lessonBias());
    LossSurfaceSpec spec;
    spec.xParameter = xParameter;
    spec.yParameter = yParameter;
    spec.xMin = -10;
    spec.xMax = 40;
    spec.yMin = -5;
    spec.yMax = 20;
    spec.xSteps = 21;
    spec.ySteps = 11;
    const LossSurfaceGrid g = LossSurface::compute(s, m, spec);
    QCOMPARE(g.values.n_rows, arma::uword(21));
    QCOMPARE(g.values.n_cols, arma::uword(11));
    for (arma::uword a = 0; a < 21; a += 4) {
        for (arma::uword b = 0; b < 11; b += 3) {
            LinearModel p = m;
            arma::vec w = m.weights();
            double bias = m.bias();
            auto set = [&](int k, double v) { (k == 2 ? bias : w(k)) = v; };
            set(xParameter, g.x(a));
            set(yParameter, g.y(b));
            p.setWeights(w);
            p.setBias(bias);
            QVERIFY(close(g.values(a, b), p.mse(lesson.features(), lesson.labels()), 1e-10));
        }
    }
}

void tst_LossSurface::minimumSitsAtLeastSquares() {
    const Dataset lesson = Dataset::lesson();
    const auto s = SufficientStatistics::compute(lesson.features(), lesson.labels());
    // Hold the bias at its least-squares value; the w1 x w2 grid's lowest cell is at [5, 2].
    const LinearModel m(arma::vec{0, 0}, s.leastSquares().bias);
    const LossSurfaceGrid g = LossSurface::compute(s, m, {0, 1, 0, 10, -3, 7, 101, 101});
    const arma::uword at = g.values.index_min();
    QCOMPARE(g.x(at % 101), 5.0);
    QCOMPARE(g.y(at / 101), 2.0);
}

void tst_LossSurface::badSpecsAreRefused() {
    const Dataset lesson = Dataset::lesson();
    const auto s = SufficientStatistics::compute(lesson.features(), lesson.labels());
    const LinearModel m(2);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             LossSurface::compute(s, m, {0, 0, -1, 1, -1, 1, 10, 10}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             LossSurface::compute(s, m, {0, 3, -1, 1, -1, 1, 10, 10}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             LossSurface::compute(s, m, {0, 1, 1, -1, -1, 1, 10, 10}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             LossSurface::compute(s, m, {0, 1, -1, 1, -1, 1, 1, 10}));
}

QTEST_APPLESS_MAIN(tst_LossSurface)
#include "tst_LossSurface.moc"
