#include "model/data/Dataset.h"
#include "model/fit/Analysis.h"
#include "model/fit/Regression.h"
#include "model/fit/SufficientStatistics.h"

#include <QTest>

#include <cmath>
#include <string>
#include <vector>

using namespace linlab;

namespace {

// The data of tests/model/fit/regression_reference.py, built with the same double operations.
void polynomial(arma::mat& X, arma::vec& y) {
    const arma::uword n = 61;
    X.set_size(n, 10);
    y.set_size(n);
    for (arma::uword i = 0; i < n; ++i) {
        const double x = -9.0 + 0.1 * static_cast<double>(i);
        double p = x;
        for (arma::uword k = 0; k < 10; ++k) {
            X(i, k) = p;
            p = p * x;
        }
        y(i) = 1.0 / (1.0 + x * x) + 0.001 * static_cast<double>((i * 37) % 11);
    }
}

void duplicated(arma::mat& X, arma::vec& y) {
    X.set_size(20, 4);
    y.set_size(20);
    for (arma::uword i = 0; i < 20; ++i) {
        const double x1 = static_cast<double>(i + 1);
        const double x2 = static_cast<double>((i * 7) % 5) + 0.5 * static_cast<double>(i);
        const double x4 = static_cast<double>((i * i) % 13);
        X.row(i) = arma::rowvec{x1, x2, x1, x4};
        y(i) = 2.0 + 0.5 * x1 - x2 + 0.3 * x4 + static_cast<double>((i * 5) % 7) / 10.0;
    }
}

// Longley (1967): TOTEMP ~ GNPDEFL, GNP, UNEMP, ARMED, POP, YEAR (statsmodels.datasets.longley,
// NIST StRD "Longley").
void longley(arma::mat& X, arma::vec& y) {
    const double rows[16][7] = {
        {60323, 83.0, 234289, 2356, 1590, 107608, 1947},
        {61122, 88.5, 259426, 2325, 1456, 108632, 1948},
        {60171, 88.2, 258054, 3682, 1616, 109773, 1949},
        {61187, 89.5, 284599, 3351, 1650, 110929, 1950},
        {63221, 96.2, 328975, 2099, 3099, 112075, 1951},
        {63639, 98.1, 346999, 1932, 3594, 113270, 1952},
        {64989, 99.0, 365385, 1870, 3547, 115094, 1953},
        {63761, 100.0, 363112, 3578, 3350, 116219, 1954},
        {66019, 101.2, 397469, 2904, 3048, 117388, 1955},
        {67857, 104.6, 419180, 2822, 2857, 118734, 1956},
        {68169, 108.4, 442769, 2936, 2798, 120445, 1957},
        {66513, 110.8, 444546, 4681, 2637, 121950, 1958},
        {68655, 112.6, 482704, 3813, 2552, 123366, 1959},
        {69564, 114.2, 502601, 3931, 2514, 125368, 1960},
        {69331, 115.7, 518173, 4806, 2572, 127852, 1961},
        {70551, 116.9, 554894, 4007, 2827, 130081, 1962},
    };
    X.set_size(16, 6);
    y.set_size(16);
    for (arma::uword i = 0; i < 16; ++i) {
        y(i) = rows[i][0];
        for (arma::uword j = 0; j < 6; ++j)
            X(i, j) = rows[i][j + 1];
    }
}

std::vector<std::string> names(arma::uword d) {
    std::vector<std::string> out;
    for (arma::uword j = 0; j < d; ++j)
        out.push_back("x" + std::to_string(j + 1));
    return out;
}

// Correct significant digits of `value` against `exact`.
double digits(double value, double exact) {
    const double rel = std::abs(value - exact) / std::abs(exact);
    return rel == 0 ? 17.0 : -std::log10(rel);
}

// Every estimable coefficient to `coefficientDigits`, every standard error to `errorDigits`.
void checkDigits(const Regression& fit, const double* coefficients, const double* errors,
                 const std::vector<arma::uword>& rows, double coefficientDigits,
                 double errorDigits) {
    const auto& table = fit.report().coefficients;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const Coefficient& c = table[rows[k]];
        QVERIFY2(c.estimable, c.name.c_str());
        const double de = digits(c.estimate, coefficients[k]);
        const double ds = digits(c.stdError, errors[k]);
        QVERIFY2(de >= coefficientDigits,
                 (c.name + ": " + std::to_string(de) + " digits in the estimate").c_str());
        QVERIFY2(ds >= errorDigits,
                 (c.name + ": " + std::to_string(ds) + " digits in the std error").c_str());
    }
}

// regression_reference.py's output (mpmath, 80 digits): intercept first.
const double polynomialCoefficients[] = {
    1.3099501753692199e+2, 2.3817975178700796e+2, 1.9203275245346729e+2, 9.0294871407604612e+1,
    2.7417442343195717e+1, 5.6185507131726089,    7.8720227749266084e-1, 7.4486701536939424e-2,
    4.5571853891409678e-3, 1.6285350073777344e-4, 2.5822702400693055e-6};
const double polynomialStdErrors[] = {
    1.7333780691714184e+2, 3.2970414758281553e+2, 2.7770396700315895e+2, 1.3642494199118145e+2,
    4.3300401606206737e+1, 9.2811227584474551,    1.3610977327619458,    1.3491466587966323e-1,
    8.6545739627617577e-3, 3.2460465256330616e-4, 5.4083735744483353e-6};
// sigma, r2, F, log-likelihood
const double polynomialModel[] = {3.3779462921699165e-3, 9.8290763653406979e-1,
                                  2.8752829838110912e+2, 2.6662942962754485e+2};
// The same as NIST's certified Longley values (to their 15 digits).
const double longleyCoefficients[] = {
    -3.4822586345958184e+6, 1.5061872271373324e+1, -3.5819179292591022e-2, -2.0202298038168251,
    -1.033226867173592,     -5.110410565358071e-2, 1.8291514646135519e+3};
const double longleyStdErrors[] = {
    8.9042038360737259e+5, 8.4914925774766962e+1, 3.3491007772243184e-2, 4.8839968165169939e-1,
    2.1427416316167526e-1, 2.2607320006937021e-1, 4.5547849914221201e+2};
const double longleyModel[] = {3.048540735619648e+2, 9.954790045772956e-1, 3.3028533923458831e+2,
                               -1.0961743480848056e+2};
// The fit without the duplicate (column 3): what R reports beside "x3 not defined".
const double duplicatedCoefficients[] = {2.2476632218689096, 5.1033417957397336e-1,
                                         -1.0114530550141894, 3.0446769469233309e-1};
const double duplicatedStdErrors[] = {1.3191034586628601e-1, 2.1780115010497639e-2,
                                      3.6965752732508008e-2, 1.2210687084064958e-2};
const double duplicatedModel[] = {2.2345534443002908e-1, 9.915358238836559e-1,
                                  6.2477327834678136e+2, 3.8235385710357946};

// regression_reference.py's statsmodels_figures(): statsmodels 0.13.5 OLS on the duplicated data
// without x3.
const double smT[] = {17.039324755825501, 23.431197646477127, -27.361895274614792,
                      24.934526009569542};
const double smP[] = {1.1137110525576651e-11, 8.2239182188942935e-14, 7.283305181813034e-15,
                      3.1178774102457815e-14};
const double smCi95Low[] = {1.9680257806448944, 0.46416239834557627, -1.0898169501215269,
                            0.27858219443569382};
const double smCi95High[] = {2.5273006630929267, 0.55650596080237036, -0.93308915990685226,
                             0.33035319494897158};
const double smCi90Low[] = {2.0173631022890088, 0.47230863230972642, -1.0759909592911392,
                            0.28314925543614655};
const double smCi90High[] = {2.4779633414488123, 0.54835972683822021, -0.94691515073724009,
                             0.32578613394851885};
const double smVif[] = {6.3177216894040429, 6.1916472202277166, 1.1005128731151914};
const double smStdBeta[] = {1.3545875723244623, -1.5659634903885669, 0.60163214827281497};
// r2_adjusted, f_pvalue, aic, bic
const double smModel[] = {0.9899487908618414, 8.7616338206226062e-17, 0.35292285792839095,
                          4.3358519521443544};
// rows 0, 7, 19: fitted, residual, leverage, internal, external, Cook's distance
const double smRow0[] = {2.7579974014428839, -0.25799740144288386, 0.37659247102266913,
                         -1.462307017076506, -1.5211659685091417,  0.32293619723569894};
const double smRow7[] = {1.7891156927776022,  -0.28911569277760218, 0.28006405215349761,
                         -1.5248741045820502, -1.5970546542589397,  0.2261369321793826};
const double smRow19[] = {2.8558605725943327,  0.044139427405667231, 0.24010183380631639,
                          0.22659913649307495, 0.21975657502338955,  0.0040559873363161837};
// at x = (10.5, 3, 20): mean, mean_se, mean_ci, obs_ci
const double smPredict[] = {10.661166836199717, 0.19663586533281685, 10.244317423263769,
                            11.078016249135665, 10.030168363459724,  11.29216530893971};

void checkModel(const RegressionReport& r, const double* model, double tolerance) {
    QVERIFY2(digits(r.sigma, model[0]) >= tolerance, "sigma");
    QVERIFY2(digits(r.r2, model[1]) >= tolerance, "r2");
    QVERIFY2(digits(r.fStatistic, model[2]) >= tolerance, "F");
    QVERIFY2(digits(r.logLikelihood, model[3]) >= tolerance, "log-likelihood");
}

} // namespace

class tst_Regression : public QObject {
    Q_OBJECT
private slots:
    void polynomialKeepsSevenDigits();
    void longleyMatchesCertifiedValues();
    void duplicatedColumnIsNotEstimable();
    void statisticsLeastSquaresKeepsDigits();
    void reportMatchesStatsmodels();
    void confidenceLevelWidensIntervals();
    void wideDataSaysWhy();
    void interceptOnly();
    void aliasedTermLeavesTheOthers();
    void diagnosticsMatchStatsmodels();
    void predictionIntervals();
    void statisticsPathEqualsQr();
    void statisticsPathRefusesIllConditioned();
    void featuresThroughAnAffineMap();
    void tooFewRows();
    void analysisInRawUnits();
    void diagnosticsInBlocksEqualTheHatMatrix();
};

namespace {
// The duplicated data without its copy: well conditioned, full rank.
void threeFeatures(arma::mat& X, arma::vec& y) {
    duplicated(X, y);
    X.shed_col(2);
}

bool rel(double a, double b, double tolerance) {
    return std::abs(a - b) <= tolerance * std::abs(b);
}
} // namespace

void tst_Regression::polynomialKeepsSevenDigits() {
    arma::mat X;
    arma::vec y;
    polynomial(X, y);
    const Regression fit(X, y, names(10));
    const RegressionReport& r = fit.report();
    QVERIFY(r.problem.empty());
    QCOMPARE(r.rank, arma::uword(11)); // solved, not declared rank-deficient
    QVERIFY(r.conditionNumber > 1e8 && r.conditionNumber < 1e11);
    checkDigits(fit, polynomialCoefficients, polynomialStdErrors,
                {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 7.0, 6.0);
    checkModel(r, polynomialModel, 7.0);
    QCOMPARE(fit.intercept(), r.coefficients[0].estimate);
    QCOMPARE(fit.weights()(9), r.coefficients[10].estimate);
}

void tst_Regression::longleyMatchesCertifiedValues() {
    arma::mat X;
    arma::vec y;
    longley(X, y);
    const Regression fit(X, y, names(6));
    QCOMPARE(fit.report().rank, arma::uword(7));
    checkDigits(fit, longleyCoefficients, longleyStdErrors, {0, 1, 2, 3, 4, 5, 6}, 9.0, 9.0);
    checkModel(fit.report(), longleyModel, 9.0);
}

void tst_Regression::duplicatedColumnIsNotEstimable() {
    arma::mat X;
    arma::vec y;
    duplicated(X, y);
    const Regression fit(X, y, names(4));
    const RegressionReport& r = fit.report();
    QCOMPARE(r.rank, arma::uword(4));
    QCOMPARE(r.dfModel, 3.0);
    QCOMPARE(r.dfResidual, 16.0);
    // As R: the later copy is the aliased one, every number of it NaN.
    const Coefficient& copy = r.coefficients[3];
    QCOMPARE(copy.name, std::string("x3"));
    QVERIFY(!copy.estimable);
    QVERIFY(std::isnan(copy.estimate) && std::isnan(copy.stdError) && std::isnan(copy.p));
    QVERIFY(std::isnan(fit.weights()(2)));
    checkDigits(fit, duplicatedCoefficients, duplicatedStdErrors, {0, 1, 2, 4}, 10.0, 10.0);
    checkModel(r, duplicatedModel, 10.0);
}

// The lstsq every view shows: the ill-conditioned Gram matrix sends it to the data, where the
// equilibrated QR solves what the SVD's cut-off declared rank-deficient.
void tst_Regression::statisticsLeastSquaresKeepsDigits() {
    arma::mat X;
    arma::vec y;
    polynomial(X, y);
    const LeastSquaresResult ls = SufficientStatistics::compute(X, y).leastSquares();
    QVERIFY(!ls.rankDeficient);
    QCOMPARE(ls.rank, arma::uword(11));
    QVERIFY(ls.conditionNumber > 1e12); // the raw centred design's
    QVERIFY2(digits(ls.bias, polynomialCoefficients[0]) >= 7.0, "bias");
    for (arma::uword j = 0; j < 10; ++j)
        QVERIFY2(digits(ls.weights(j), polynomialCoefficients[j + 1]) >= 7.0,
                 ("weight " + std::to_string(j + 1)).c_str());
}

void tst_Regression::reportMatchesStatsmodels() {
    arma::mat X;
    arma::vec y;
    threeFeatures(X, y);
    const Regression fit(X, y, {"a", "b", "c"});
    const RegressionReport& r = fit.report();
    QCOMPARE(r.coefficients.size(), std::size_t(4));
    QCOMPARE(r.coefficients[0].name, std::string("(intercept)"));
    QCOMPARE(r.coefficients[3].name, std::string("c"));
    QCOMPARE(r.n, arma::uword(20));
    for (std::size_t k = 0; k < 4; ++k) {
        const Coefficient& c = r.coefficients[k];
        QVERIFY2(rel(c.t, smT[k], 1e-10), c.name.c_str());
        QVERIFY2(rel(c.p, smP[k], 1e-8), c.name.c_str());
        QVERIFY2(rel(c.ciLow, smCi95Low[k], 1e-10), c.name.c_str());
        QVERIFY2(rel(c.ciHigh, smCi95High[k], 1e-10), c.name.c_str());
        if (k == 0) {
            QVERIFY(std::isnan(c.vif) && std::isnan(c.stdBeta));
            continue;
        }
        QVERIFY2(rel(c.vif, smVif[k - 1], 1e-10), c.name.c_str());
        QVERIFY2(rel(c.stdBeta, smStdBeta[k - 1], 1e-10), c.name.c_str());
    }
    QVERIFY(rel(r.r2Adjusted, smModel[0], 1e-12));
    QVERIFY(rel(r.fPValue, smModel[1], 1e-8));
    QVERIFY(rel(r.aic, smModel[2], 1e-10));
    QVERIFY(rel(r.bic, smModel[3], 1e-10));
    QCOMPARE(r.dfModel, 3.0);
    QCOMPARE(r.dfResidual, 16.0);
    QVERIFY(r.conditionNumber >= 1.0 && r.conditionNumber < 10.0);
}

void tst_Regression::confidenceLevelWidensIntervals() {
    arma::mat X;
    arma::vec y;
    threeFeatures(X, y);
    const Regression fit(X, y, {"a", "b", "c"}, 0.90);
    QCOMPARE(fit.report().confidenceLevel, 0.90);
    for (std::size_t k = 0; k < 4; ++k) {
        QVERIFY(rel(fit.report().coefficients[k].ciLow, smCi90Low[k], 1e-10));
        QVERIFY(rel(fit.report().coefficients[k].ciHigh, smCi90High[k], 1e-10));
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Regression(X, y, {"a", "b", "c"}, 1.0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Regression(X, y, {"a", "b"}));
}

void tst_Regression::aliasedTermLeavesTheOthers() {
    arma::mat X, X3;
    arma::vec y;
    duplicated(X, y);
    threeFeatures(X3, y);
    const Regression withCopy(X, y, names(4)), without(X3, y, names(3));
    const auto& a = withCopy.report();
    const auto& b = without.report();
    const std::size_t rows[] = {0, 1, 2, 4};
    for (std::size_t k = 0; k < 4; ++k) {
        QVERIFY(rel(a.coefficients[rows[k]].p, b.coefficients[k].p, 1e-8));
        if (k > 0) // (the intercept has none)
            QVERIFY(rel(a.coefficients[rows[k]].vif, b.coefficients[k].vif, 1e-10));
    }
    QVERIFY(rel(a.aic, b.aic, 1e-10));
    QVERIFY(rel(a.fStatistic, b.fStatistic, 1e-10));
    QVERIFY(std::isnan(a.coefficients[3].vif));
    // The copy is aliased, so a prediction ignores it.
    QVERIFY(rel(withCopy.predict({10.5, 3, 99, 20}).fit, smPredict[0], 1e-12));
}

void tst_Regression::diagnosticsMatchStatsmodels() {
    arma::mat X;
    arma::vec y;
    threeFeatures(X, y);
    const Regression fit(X, y, names(3));
    const RowDiagnostics g = fit.diagnostics(X, y);
    QCOMPARE(g.leverage.n_elem, arma::uword(20));
    const double* expected[] = {smRow0, smRow7, smRow19};
    const arma::uword rows[] = {0, 7, 19};
    for (int k = 0; k < 3; ++k) {
        const arma::uword i = rows[k];
        const double* e = expected[k];
        QVERIFY(rel(g.fitted(i), e[0], 1e-12));
        QVERIFY(rel(g.residuals(i), e[1], 1e-9));
        QVERIFY(rel(g.leverage(i), e[2], 1e-10));
        QVERIFY(rel(g.standardized(i), e[3], 1e-9));
        QVERIFY(rel(g.studentized(i), e[4], 1e-9));
        QVERIFY(rel(g.cooksDistance(i), e[5], 1e-9));
    }
    QVERIFY(std::abs(arma::accu(g.leverage) - 4.0) < 1e-12); // trace of the hat matrix: 4 terms
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fit.diagnostics(X.cols(0, 1), y));
}

void tst_Regression::predictionIntervals() {
    arma::mat X;
    arma::vec y;
    threeFeatures(X, y);
    const Regression fit(X, y, names(3));
    const IntervalPrediction p = fit.predict({10.5, 3, 20});
    QVERIFY(rel(p.fit, smPredict[0], 1e-12));
    QVERIFY(rel(p.stdErrorMean, smPredict[1], 1e-10));
    QVERIFY(rel(p.ciLow, smPredict[2], 1e-10));
    QVERIFY(rel(p.ciHigh, smPredict[3], 1e-10));
    QVERIFY(rel(p.piLow, smPredict[4], 1e-10));
    QVERIFY(rel(p.piHigh, smPredict[5], 1e-10));
    const auto rows = fit.predictRows(arma::mat{{10.5, 3, 20}, {0, 0, 0}});
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[0].fit, p.fit);
    // At the origin the mean response is the intercept, its error the intercept's.
    QVERIFY(rel(rows[1].fit, fit.intercept(), 1e-14));
    QVERIFY(rel(rows[1].stdErrorMean, fit.report().coefficients[0].stdError, 1e-12));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fit.predict({1, 2}));
}

void tst_Regression::statisticsPathEqualsQr() {
    arma::mat X;
    arma::vec y;
    threeFeatures(X, y);
    const Regression qr(X, y, names(3));
    const auto fast = Regression::fromStatistics(SufficientStatistics::compute(X, y), names(3),
                                                 0.95, arma::rowvec(3, arma::fill::ones),
                                                 arma::rowvec(3, arma::fill::zeros));
    QVERIFY(fast.has_value());
    for (std::size_t k = 0; k < 4; ++k) {
        const Coefficient &a = fast->report().coefficients[k], &b = qr.report().coefficients[k];
        QVERIFY(rel(a.estimate, b.estimate, 1e-12));
        QVERIFY(rel(a.stdError, b.stdError, 1e-11));
        QVERIFY(rel(a.p, b.p, 1e-9));
        QVERIFY(rel(a.ciHigh, b.ciHigh, 1e-11));
    }
    QVERIFY(rel(fast->report().aic, qr.report().aic, 1e-10));
    QVERIFY(rel(fast->report().conditionNumber, qr.report().conditionNumber, 1e-10));
    QVERIFY(rel(fast->predict({10.5, 3, 20}).piLow, smPredict[4], 1e-10));
    const RowDiagnostics g = fast->diagnostics(X, y);
    QVERIFY(rel(g.cooksDistance(7), smRow7[5], 1e-9));
}

void tst_Regression::statisticsPathRefusesIllConditioned() {
    arma::mat X;
    arma::vec y;
    polynomial(X, y);
    const auto s = SufficientStatistics::compute(X, y);
    QVERIFY(!Regression::fromStatistics(s, names(10), 0.95, arma::rowvec(10, arma::fill::ones),
                                        arma::rowvec(10, arma::fill::zeros)));
    duplicated(X, y);
    QVERIFY(!Regression::fromStatistics(SufficientStatistics::compute(X, y), names(4), 0.95,
                                        arma::rowvec(4, arma::fill::ones),
                                        arma::rowvec(4, arma::fill::zeros)));
}

// Features given as slope * x + offset (a scaled, shifted copy): the report in x's units.
void tst_Regression::featuresThroughAnAffineMap() {
    arma::mat X;
    arma::vec y;
    threeFeatures(X, y);
    const arma::rowvec slope{-2.0, 0.5, 4.0}, offset{3.0, -1.0, 100.0};
    arma::mat T = X;
    T.each_row() %= slope;
    T.each_row() += offset;
    const Regression direct(X, y, names(3));
    const Regression mapped(T, y, names(3), 0.95, slope, offset);
    const auto fast = Regression::fromStatistics(SufficientStatistics::compute(T, y), names(3),
                                                 0.95, slope, offset);
    QVERIFY(fast.has_value());
    for (const Regression* fit : {&mapped, &*fast}) {
        for (std::size_t k = 0; k < 4; ++k) {
            const Coefficient &a = fit->report().coefficients[k],
                              &b = direct.report().coefficients[k];
            QVERIFY(rel(a.estimate, b.estimate, 1e-11));
            QVERIFY(rel(a.stdError, b.stdError, 1e-10));
            QVERIFY(rel(a.ciLow, b.ciLow, 1e-10));
            if (k > 0)
                QVERIFY(rel(a.stdBeta, b.stdBeta, 1e-10));
        }
        QVERIFY(rel(fit->predict({10.5, 3, 20}).ciHigh, smPredict[3], 1e-10));
        QVERIFY(rel(fit->intercept(), direct.intercept(), 1e-11));
    }
    QVERIFY(rel(mapped.diagnostics(T, y).leverage(0), smRow0[2], 1e-10));
}

void tst_Regression::tooFewRows() {
    const Regression none(arma::mat(0, 2), arma::vec(), names(2));
    QVERIFY(!none.report().problem.empty());
    const Regression exact(arma::mat{{1, 2}, {2, 1}, {3, 5}}, arma::vec{1, 2, 4}, names(2));
    QCOMPARE(exact.report().dfResidual, 0.0);
    QVERIFY(!exact.report().problem.empty());
    QVERIFY(std::isnan(exact.report().coefficients[1].stdError));
    QVERIFY(std::isfinite(exact.report().coefficients[1].estimate));
    const Regression empty;
    QVERIFY(std::isnan(empty.intercept()));
}

// An analysis with scaled, z-scored features reports in the raw features' units: the statistics
// path on well-conditioned data, the QR of the transformed rows on the polynomial (whose z-scored
// rows are rounded: 6.5 digits then).
void tst_Regression::analysisInRawUnits() {
    arma::mat X;
    arma::vec y;
    threeFeatures(X, y);
    TransformSettings settings;
    settings.scale = -3.0;
    settings.normalization = Normalization::ZScore;
    const Analysis analysis(Dataset(X, y, names(3), "y"), settings);
    const Regression fit = Regression::ofAnalysis(analysis, names(3), 0.95);
    for (std::size_t k = 0; k < 4; ++k)
        QVERIFY(rel(fit.report().coefficients[k].p, smP[k], 1e-8));
    QVERIFY(rel(fit.predict({10.5, 3, 20}).piHigh, smPredict[5], 1e-10));
    QVERIFY(rel(fit.diagnostics(analysis.features(), y).cooksDistance(19), smRow19[5], 1e-8));
    polynomial(X, y);
    settings.scale = 1.0;
    const Analysis raw(Dataset(X, y, names(10), "y"), settings);
    const Regression poly = Regression::ofAnalysis(raw, names(10), 0.95);
    QCOMPARE(poly.report().rank, arma::uword(11));
    checkDigits(poly, polynomialCoefficients, polynomialStdErrors,
                {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 6.5, 6.0);
}

void tst_Regression::wideDataSaysWhy() {
    // More features than rows (R is trapezoidal): no crash, a plain reason, every term listed.
    arma::arma_rng::set_seed(7);
    const arma::mat X(5, 12, arma::fill::randu);
    const arma::vec y = arma::regspace(1.0, 5.0);
    std::vector<std::string> names;
    for (arma::uword j = 0; j < X.n_cols; ++j)
        names.push_back("x" + std::to_string(j + 1));
    const Regression fit(X, y, names);
    QVERIFY(!fit.report().problem.empty());
    QCOMPARE(fit.report().coefficients.size(), std::size_t(13));
    QCOMPARE(fit.report().rank, arma::uword(5)); // 4 centred directions and the intercept
}

void tst_Regression::interceptOnly() {
    // No features (a file with only a label; the fuzzer's find): the mean, its standard error
    // sd / sqrt(n), and diagnostics with leverage 1/n.
    const arma::mat X(4, 0);
    const arma::vec y = {1.0, 2.0, 3.0, 6.0};
    const Regression fit(X, y, {});
    QVERIFY(fit.report().problem.empty());
    QCOMPARE(fit.report().coefficients.size(), std::size_t(1));
    QVERIFY(std::abs(fit.intercept() - 3.0) < 1e-15);
    QVERIFY(std::abs(fit.report().coefficients[0].stdError - std::sqrt(14.0 / 3.0 / 4.0)) < 1e-14);
    const RowDiagnostics d = fit.diagnostics(X, y);
    QVERIFY(
        arma::approx_equal(d.leverage, arma::vec(4, arma::fill::value(0.25)), "absdiff", 1e-15));
    QVERIFY(std::abs(d.residuals(3) - 3.0) < 1e-15);
}

void tst_Regression::diagnosticsInBlocksEqualTheHatMatrix() {
    // Several blocks of rows on two threads, against the hat matrix's diagonal from a QR of the
    // whole design [1 X] and the residuals of its least squares.
    arma::arma_rng::set_seed(5);
    const arma::uword n = 10000;
    const arma::mat X = arma::randn(n, 3) * 4 + 100;
    const arma::vec y = X * arma::vec{1, -2, 0.5} + arma::randn(n);
    const Regression r(X, y, {"a", "b", "c"});
    const RowDiagnostics g = r.diagnostics(X, y);
    arma::mat Q, R;
    QVERIFY(arma::qr_econ(Q, R, arma::join_rows(arma::vec(n, arma::fill::ones), X)));
    const arma::vec hat = arma::sum(arma::square(Q), 1);
    const arma::vec residuals = y - Q * (Q.t() * y);
    QVERIFY(arma::approx_equal(g.leverage, hat, "reldiff", 1e-9));
    QVERIFY(arma::approx_equal(g.residuals, residuals, "absdiff", 1e-9));
    QVERIFY(arma::approx_equal(g.fitted + g.residuals, y, "absdiff", 1e-9));
    QVERIFY(std::abs(arma::accu(g.leverage) - 4.0) < 1e-9); // the trace: 4 terms
    // Cancelled before the first block: nothing.
    std::atomic<bool> cancel{true};
    QCOMPARE(r.diagnostics(X, y, &cancel).leverage.n_elem, arma::uword(0));
}

QTEST_APPLESS_MAIN(tst_Regression)
#include "tst_Regression.moc"
