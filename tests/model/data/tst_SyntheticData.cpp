#include "model/data/SyntheticData.h"
#include "model/fit/SufficientStatistics.h"
#include "tests/common/TestUtil.h"

#include <QTest>

using namespace linlab;
using testutil::closeRel;

class tst_SyntheticData : public QObject {
    Q_OBJECT
private slots:
    // Known answer: an independent Python transcription of std::mt19937_64 (checked against the
    // standard's 10,000th output) with the documented uniform and Box-Muller steps, seed 7.
    void sameRowsOnEveryMachine() {
        SyntheticSpec s;
        s.rows = 3;
        s.weights = {2, -1};
        s.bias = 1;
        s.noise = 0.5;
        s.seed = 7;
        const Dataset d = SyntheticData::generate(s);
        const arma::mat X = {{7.54385304152858, 9.493012028926442},
                             {1.17414281034518, 8.919131767124762},
                             {1.4127156320378675, 0.5509315850394303}};
        QVERIFY(arma::approx_equal(d.features(), X, "reldiff", 1e-15));
        const arma::vec y = {7.361871528158698, -6.123017578609307, 3.1972809603610015};
        QVERIFY(arma::approx_equal(d.labels(), y, "reldiff", 1e-12));
        QCOMPARE(d.featureNames(), (std::vector<std::string>{"x1", "x2"}));
        QCOMPARE(d.labelName(), std::string("y"));
        // More rows keep the first ones.
        s.rows = 1000;
        QVERIFY(arma::approx_equal(SyntheticData::generate(s).features().rows(0, 2), X, "reldiff",
                                   1e-15));
    }
    // Without noise least squares gives the truth back; with noise it comes close, and the
    // residual spread is the noise's.
    void theFitFindsTheTruth() {
        SyntheticSpec s;
        s.rows = 20000;
        s.weights = {3, -2, 0.5};
        s.bias = 4;
        s.noise = 0;
        s.low = -5;
        s.high = 5;
        s.seed = 1;
        Dataset d = SyntheticData::generate(s);
        QVERIFY(arma::min(arma::min(d.features())) >= -5 && arma::max(arma::max(d.features())) < 5);
        LeastSquaresResult ls =
            SufficientStatistics::compute(d.features(), d.labels()).leastSquares();
        QVERIFY(arma::approx_equal(ls.weights, s.weights, "absdiff", 1e-10));
        QVERIFY(closeRel(ls.bias, 4.0, 1e-10));
        s.noise = 2;
        d = SyntheticData::generate(s);
        ls = SufficientStatistics::compute(d.features(), d.labels()).leastSquares();
        QVERIFY(arma::approx_equal(ls.weights, s.weights, "absdiff", 0.05));
        QVERIFY(std::abs(std::sqrt(ls.mse) - 2.0) < 0.05);
    }
    void badSpecsAreRefused_data() {
        QTest::addColumn<int>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("no rows") << 0 << QStringLiteral("rows");
        QTest::newRow("no weights") << 1 << QStringLiteral("weights");
        QTest::newRow("NaN weight") << 2 << QStringLiteral("finite");
        QTest::newRow("negative noise") << 3 << QStringLiteral("noise");
        QTest::newRow("empty range") << 4 << QStringLiteral("range");
    }
    void badSpecsAreRefused() {
        QFETCH(int, what);
        QFETCH(QString, message);
        SyntheticSpec s;
        QVERIFY(SyntheticData::check(s).empty());
        switch (what) {
        case 0:
            s.rows = 0;
            break;
        case 1:
            s.weights.reset();
            break;
        case 2:
            s.weights = {1, arma::datum::nan};
            break;
        case 3:
            s.noise = -1;
            break;
        default:
            s.low = s.high = 3;
            break;
        }
        QVERIFY(QString::fromStdString(SyntheticData::check(s)).contains(message));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SyntheticData::generate(s));
    }
};

QTEST_APPLESS_MAIN(tst_SyntheticData)
#include "tst_SyntheticData.moc"
