// Influence: the flagging rules, Q-Q quantiles (R's qqnorm), Cook's contours, the histogram.
#include "model/fit/Influence.h"

#include <QTest>

#include <algorithm>

#include <cmath>

using namespace linlab;

class tst_Influence : public QObject {
    Q_OBJECT
private slots:
    void normalQuantilesMatchR_data();
    void normalQuantilesMatchR();
    void normalQuantilesKeepNaN();
    void flagRowsAppliesEachRule();
    void cooksContourInvertsCooksDistance();
    void histogramCountsEveryFiniteValue();
    void normalDensityPeaksAtTheMean();
    void ringedRowsKeepTheDrawnAndMostInfluential();
};

void tst_Influence::normalQuantilesMatchR_data() {
    QTest::addColumn<int>("n");
    QTest::addColumn<double>("lowest");
    // scipy.stats.norm.ppf of R's ppoints(n): (1 - 3/8) / (n + 1/4) up to n = 10, (1 - 1/2) / n
    // above (qqnorm in R 4.2 gives the same).
    QTest::newRow("3 values, a = 3/8") << 3 << -0.8694237732888861;
    QTest::newRow("20 values, a = 1/2") << 20 << -1.9599639845400545;
}

void tst_Influence::normalQuantilesMatchR() {
    QFETCH(int, n);
    QFETCH(double, lowest);
    // Values in reverse order: each gets the quantile of its rank, not of its position.
    const arma::vec values = arma::regspace(double(n), -1.0, 1.0);
    const arma::vec q = Influence::normalQuantiles(values);
    QVERIFY(std::abs(q(arma::uword(n - 1)) - lowest) < 1e-12);
    QVERIFY(std::abs(q(0) + lowest) < 1e-12); // symmetric
    for (arma::uword i = 1; i < q.n_elem; ++i)
        QVERIFY(q(i) < q(i - 1));
}

void tst_Influence::normalQuantilesKeepNaN() {
    const arma::vec q = Influence::normalQuantiles(arma::vec{2.0, arma::datum::nan, 1.0, 3.0});
    QVERIFY(std::isnan(q(1)));
    QVERIFY(std::abs(q(0)) < 1e-15); // the middle of three
    QVERIFY(std::abs(q(2) + 0.8694237732888861) < 1e-12);
}

void tst_Influence::flagRowsAppliesEachRule() {
    // n = 10, p = 2: Cook's limit 0.4, leverage limit 0.4.
    RowDiagnostics d;
    d.studentized = arma::vec(10, arma::fill::value(0.5));
    d.cooksDistance = arma::vec(10, arma::fill::value(0.1));
    d.leverage = arma::vec(10, arma::fill::value(0.2));
    d.studentized(2) = -3.5;
    d.cooksDistance(5) = 0.41;
    d.leverage(7) = 0.45;
    d.studentized(9) = 3.0; // the limits themselves are not flagged
    d.cooksDistance(9) = 0.4;
    d.leverage(9) = 0.4;
    const std::vector<FlaggedRow> f = Influence::flagRows(d, 2);
    QCOMPARE(int(f.size()), 3);
    QCOMPARE(f[0].row, arma::uword(2));
    QVERIFY(f[0].outlier && !f[0].influential && !f[0].highLeverage);
    QCOMPARE(f[1].row, arma::uword(5));
    QVERIFY(!f[1].outlier && f[1].influential && !f[1].highLeverage);
    QCOMPARE(f[2].row, arma::uword(7));
    QVERIFY(!f[2].outlier && !f[2].influential && f[2].highLeverage);
    QVERIFY(Influence::flagRows(RowDiagnostics{}, 2).empty());
}

void tst_Influence::cooksContourInvertsCooksDistance() {
    // Cook's distance D = r^2 h / (p (1 - h)) for standardized residual r: the contour at D
    // gives back |r|.
    const arma::vec h = {0.05, 0.2, 0.5, 0.9};
    const arma::vec r = {2.5, 1.0, 0.7, 0.1};
    const arma::uword p = 3;
    for (arma::uword i = 0; i < h.n_elem; ++i) {
        const double D = r(i) * r(i) * h(i) / (double(p) * (1 - h(i)));
        const arma::vec c = Influence::cooksContour(arma::vec{h(i)}, D, p);
        QVERIFY(std::abs(c(0) - r(i)) < 1e-12);
    }
    QVERIFY(std::abs(Influence::cooksContour(arma::vec{0.5}, 1.0, 2)(0) - std::sqrt(2.0)) < 1e-15);
    const arma::vec edges = Influence::cooksContour(arma::vec{0.0, 1.0}, 1.0, 2);
    QVERIFY(std::isnan(edges(0)) && std::isnan(edges(1)));
}

void tst_Influence::histogramCountsEveryFiniteValue() {
    arma::vec v = arma::linspace(-3, 3, 100);
    v(10) = arma::datum::nan;
    v(20) = arma::datum::inf;
    const Histogram h = Influence::histogram(v);
    QCOMPARE(h.counts.n_elem, arma::uword(8)); // Sturges: ceil(log2(98) + 1)
    QCOMPARE(h.edges.n_elem, arma::uword(9));
    QCOMPARE(arma::accu(h.counts), arma::uword(98));
    QCOMPARE(h.edges.front(), -3.0);
    QVERIFY(std::abs(h.edges.back() - 3.0) < 1e-12);
    // One distinct value: one bin around it.
    const Histogram one = Influence::histogram(arma::vec{2.0, 2.0});
    QCOMPARE(one.counts.n_elem, arma::uword(1));
    QCOMPARE(one.counts(0), arma::uword(2));
    QVERIFY(Influence::histogram(arma::vec{}).counts.is_empty());
}

void tst_Influence::normalDensityPeaksAtTheMean() {
    const arma::vec y = Influence::normalDensity(arma::vec{1.0, 3.0, -1.0}, 1.0, 2.0);
    QVERIFY(std::abs(y(0) - 1.0 / (2.0 * std::sqrt(2 * arma::datum::pi))) < 1e-15);
    QVERIFY(std::abs(y(1) - y(2)) < 1e-15);
    QVERIFY(y(1) < y(0));
    QVERIFY(std::isnan(Influence::normalDensity(arma::vec{0.0}, 0.0, 0.0)(0)));
}

void tst_Influence::ringedRowsKeepTheDrawnAndMostInfluential() {
    // Rows 0..99 flagged, Cook's distance growing with the row; a plot drawing every 3rd row.
    std::vector<FlaggedRow> flagged;
    for (arma::uword i = 0; i < 100; ++i)
        flagged.push_back({i, false, true, false});
    const arma::vec cooks = arma::regspace<arma::vec>(0, 99) / 100.0;
    std::vector<arma::uword> rows = Influence::ringedRows(flagged, cooks, 3, 1000);
    QCOMPARE(rows.size(), std::size_t(34)); // 0, 3, ..., 99
    QVERIFY(std::all_of(rows.begin(), rows.end(), [](arma::uword r) { return r % 3 == 0; }));
    rows = Influence::ringedRows(flagged, cooks, 3, 5);
    std::sort(rows.begin(), rows.end());
    QCOMPARE(rows, (std::vector<arma::uword>{87, 90, 93, 96, 99})); // the largest Cook's
    // A flagged row past the diagnostics (stale sizes) is skipped.
    QVERIFY(Influence::ringedRows(flagged, cooks.head(10), 1, 1000).size() == 10);
}

QTEST_APPLESS_MAIN(tst_Influence)
#include "tst_Influence.moc"
