#include "model/fit/Regression.h"
#include "tests/common/TestUtil.h"

#include <QTest>

using namespace linlab;
using testutil::closeRel;

namespace {
Regression throughOrigin(const arma::mat& X, const arma::vec& y,
                         const std::vector<std::string>& names) {
    return Regression(X, y, names, 0.95, arma::rowvec(X.n_cols, arma::fill::ones),
                      arma::rowvec(X.n_cols, arma::fill::zeros), false);
}

arma::mat smallX() {
    return {{1.0, 2.0, 0.5}, {2.0, 1.0, 1.5}, {3.0, 4.0, -0.5}, {4.0, 3.0, 2.0},
            {5.0, 6.0, 1.0}, {6.0, 5.0, 0.0}, {7.0, 8.0, 2.5},  {8.0, 7.5, -1.0}};
}
const arma::vec kSmallY = {3.1, 4.0, 7.2, 8.1, 11.5, 11.9, 15.8, 15.2};
} // namespace

// The report of a fit through the origin: statsmodels' OLS without a constant, R's uncentred R^2.
class tst_RegressionNoIntercept : public QObject {
    Q_OBJECT
private slots:
    // NIST StRD NoInt1 and NoInt2: certified values (y = B1 x, no intercept).
    void nistNoInt1() {
        const arma::vec x = arma::regspace(60.0, 70.0), y = arma::regspace(130.0, 140.0);
        const Regression r = throughOrigin(arma::mat(x), y, {"x"});
        const RegressionReport& rep = r.report();
        QVERIFY(rep.problem.empty());
        QVERIFY(!rep.intercept);
        QCOMPARE(rep.coefficients.size(), std::size_t(1));
        QCOMPARE(rep.coefficients[0].name, std::string("x"));
        QVERIFY(closeRel(rep.coefficients[0].estimate, 2.07438016528926, 1e-13));
        QVERIFY(closeRel(rep.coefficients[0].stdError, 0.165289256198347e-01, 1e-13));
        QVERIFY(closeRel(rep.sigma, 3.56753034006338, 1e-13));
        QVERIFY(closeRel(rep.r2, 0.999365492298663, 1e-13));
        QVERIFY(closeRel(rep.fStatistic, 15750.25, 1e-12));
        QCOMPARE(rep.dfModel, 1.0);
        QCOMPARE(rep.dfResidual, 10.0);
        QCOMPARE(rep.rank, arma::uword(1));
        QCOMPARE(r.intercept(), 0.0);
    }
    void nistNoInt2() {
        const Regression r =
            throughOrigin(arma::mat(arma::vec{4.0, 5.0, 6.0}), {3.0, 4.0, 4.0}, {"x"});
        const RegressionReport& rep = r.report();
        QVERIFY(closeRel(rep.coefficients[0].estimate, 0.727272727272727, 1e-13));
        QVERIFY(closeRel(rep.coefficients[0].stdError, 0.420827318078432e-01, 1e-13));
        QVERIFY(closeRel(rep.sigma, 0.369274472937998, 1e-13));
        QVERIFY(closeRel(rep.r2, 0.993348115299335, 1e-13));
        QVERIFY(closeRel(rep.fStatistic, 298.666666666667, 1e-12));
        QCOMPARE(rep.dfResidual, 2.0);
    }
    // statsmodels 0.13.5: sm.OLS(y, X).fit() (no add_constant) and its get_prediction, VIF by
    // variance_inflation_factor(X, j), leverage by get_influence().hat_matrix_diag.
    void matchesStatsmodelsWithoutConstant() {
        const Regression r = throughOrigin(smallX(), kSmallY, {"a", "b", "c"});
        const RegressionReport& rep = r.report();
        const double est[] = {1.243127778851731, 0.8026318471785325, 0.36183821591128695};
        const double se[] = {0.1349570903188647, 0.13271010036224215, 0.10290644609905636};
        const double p[] = {0.00025314464401483, 0.00178140325674397, 0.01698809888917839};
        const double vif[] = {29.182292673497, 29.221499745180367, 1.2475967875155967};
        QCOMPARE(rep.coefficients.size(), std::size_t(3));
        for (int j = 0; j < 3; ++j) {
            const Coefficient& c = rep.coefficients[static_cast<std::size_t>(j)];
            QVERIFY(closeRel(c.estimate, est[j], 1e-12));
            QVERIFY(closeRel(c.stdError, se[j], 1e-12));
            QVERIFY(closeRel(c.p, p[j], 1e-9));
            // statsmodels' interval uses scipy's t.ppf(0.975, 5), 4e-10 off the quantile
            // 2.5705818356363155 (mpmath, 30 digits): the interval is checked against that.
            QVERIFY(closeRel(c.ciLow, est[j] - 2.5705818356363155 * se[j], 1e-12));
            QVERIFY(closeRel(c.vif, vif[j], 1e-11));
        }
        QVERIFY(closeRel(rep.r2, 0.9992907663518331, 1e-13));
        QVERIFY(closeRel(rep.r2Adjusted, 0.9988652261629329, 1e-13));
        QVERIFY(closeRel(rep.fStatistic, 2348.2876410208087, 1e-11));
        QVERIFY(closeRel(rep.fPValue, 2.7283079938684608e-08, 1e-8));
        QVERIFY(closeRel(rep.logLikelihood, -1.2273380794079998, 1e-11));
        QVERIFY(closeRel(rep.aic, 8.454676158816, 1e-12));
        QVERIFY(closeRel(rep.bic, 8.693000783855506, 1e-12));
        QCOMPARE(rep.dfModel, 3.0);
        QCOMPARE(rep.dfResidual, 5.0);
        const IntervalPrediction at = r.predict({2.0, 3.0, 1.0});
        QVERIFY(closeRel(at.fit, 5.255989315150346, 1e-13));
        QVERIFY(closeRel(at.stdErrorMean, 0.15846810148894538, 1e-12));
        QVERIFY(closeRel(at.ciLow, 5.255989315150346 - 2.5705818356363155 * 0.15846810148894538,
                         1e-12));
        QVERIFY(closeRel(at.piHigh, 6.259615586260932, 1e-9)); // scipy's quantile again
        const RowDiagnostics g = r.diagnostics(smallX(), kSmallY);
        QVERIFY(closeRel(g.leverage(0), 0.15087429485264403, 1e-12));
        QVERIFY(closeRel(g.leverage(7), 0.656833558863329, 1e-12));
        QVERIFY(closeRel(arma::accu(g.leverage), 3.0, 1e-13)); // trace of the hat matrix = rank
    }
    // The uncentred R^2 is not the centred one: data far from the origin fits the origin badly
    // and still has an R^2 near 1 (R's definition; codes printing a negative R^2 are wrong).
    void uncentredR2IsNotCentred() {
        const Regression with(smallX(), kSmallY, {"a", "b", "c"});
        const Regression without = throughOrigin(smallX(), kSmallY, {"a", "b", "c"});
        QVERIFY(with.report().intercept);
        QCOMPARE(with.report().coefficients.size(), std::size_t(4));
        QVERIFY(without.report().r2 > 0 && without.report().r2 < 1);
        QVERIFY(without.report().r2 != with.report().r2);
        // On y = 100 - x, the origin fit has a centred R^2 below zero.
        const arma::vec x = arma::regspace(1.0, 10.0);
        const arma::vec y = 100.0 - x;
        const Regression origin = throughOrigin(arma::mat(x), y, {"x"});
        const arma::vec e = y - origin.weights()(0) * x;
        const double centred = 1.0 - arma::dot(e, e) / arma::accu(arma::square(y - arma::mean(y)));
        QVERIFY(centred < 0);
        QVERIFY(origin.report().r2 > 0);
        QVERIFY(closeRel(origin.report().r2, 1.0 - arma::dot(e, e) / arma::dot(y, y), 1e-13));
    }
};

QTEST_APPLESS_MAIN(tst_RegressionNoIntercept)
#include "tst_RegressionNoIntercept.moc"
