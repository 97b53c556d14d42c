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
};

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

QTEST_APPLESS_MAIN(tst_Regression)
#include "tst_Regression.moc"
