#include "model/training/ContourLines.h"
#include "tests/common/TestUtil.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <tuple>

using namespace linlab;
using testutil::close;

namespace {

arma::mat sample(const arma::vec& x, const arma::vec& y, double (*f)(double, double)) {
    arma::mat v(x.n_elem, y.n_elem);
    for (arma::uword i = 0; i < x.n_elem; ++i)
        for (arma::uword j = 0; j < y.n_elem; ++j)
            v(i, j) = f(x(i), y(j));
    return v;
}

double bowl(double x, double y) {
    return x * x + 4 * y * y;
}
double plane(double x, double y) {
    return 2 * x - 3 * y + 1;
}

double length(const ContourSegment& s) {
    return std::hypot(s.x2 - s.x1, s.y2 - s.y1);
}

double totalLength(const ContourLevel& l) {
    double sum = 0;
    for (const auto& s : l.segments)
        sum += length(s);
    return sum;
}

double polylineLength(const std::vector<std::pair<double, double>>& line) {
    double sum = 0;
    for (std::size_t k = 1; k < line.size(); ++k)
        sum += std::hypot(line[k].first - line[k - 1].first, line[k].second - line[k - 1].second);
    return sum;
}

// Segments as sorted tuples of their endpoints (each already lower endpoint first), for
// comparing sets regardless of order.
std::vector<std::tuple<double, double, double, double>>
sorted(const std::vector<ContourSegment>& segs) {
    std::vector<std::tuple<double, double, double, double>> out;
    for (const auto& s : segs) {
        if (std::make_pair(s.x2, s.y2) < std::make_pair(s.x1, s.y1))
            out.emplace_back(s.x2, s.y2, s.x1, s.y1);
        else
            out.emplace_back(s.x1, s.y1, s.x2, s.y2);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class tst_ContourLines : public QObject {
    Q_OBJECT
private slots:
    void ellipseOfAQuadratic_data();
    void ellipseOfAQuadratic();
    void planeGivesOneStraightLine();
    void saddleCell_data();
    void saddleCell();
    void lineAlongAGridEdgeIsNotDoubled();
    void nonFiniteCornersAreSkipped();
    void levelsKeepTheirOrder();
    void sizeMismatchIsRefused();
    void niceLevels_data();
    void niceLevels();
    void niceLevelsEdgeCases();
};

void tst_ContourLines::ellipseOfAQuadratic_data() {
    QTest::addColumn<double>("level");
    QTest::newRow("c = 0.25") << 0.25;
    QTest::newRow("c = 1") << 1.0;
    QTest::newRow("c = 2") << 2.0;
}

void tst_ContourLines::ellipseOfAQuadratic() {
    QFETCH(double, level);
    // f = x^2 + 4 y^2: the level set f = c is an ellipse with semi-axes sqrt(c) and sqrt(c)/2.
    const arma::vec x = arma::linspace(-1.5, 1.5, 301),
                    y = arma::linspace(-1.0, 1.0, 201); // h = 0.01
    const auto result = ContourLines::compute(x, y, sample(x, y, bowl), {level});
    QCOMPARE(result.size(), std::size_t(1));
    const ContourLevel& l = result[0];
    QCOMPARE(l.level, level);
    QVERIFY(l.segments.size() > 50);

    // Linear interpolation along an edge of length h misses a quadratic by at most
    // max|f''| h^2 / 8 = 8 * 1e-4 / 8.
    const double tol = 1e-4 * 1.001;
    for (const auto& s : l.segments) {
        QVERIFY2(std::abs(bowl(s.x1, s.y1) - level) <= tol,
                 qPrintable(QString::number(bowl(s.x1, s.y1) - level)));
        QVERIFY(std::abs(bowl(s.x2, s.y2) - level) <= tol);
        QVERIFY(length(s) > 0);
    }

    // Ramanujan's perimeter of the ellipse: pi (3(a + b) - sqrt((3a + b)(a + 3b))).
    const double a = std::sqrt(level), b = a / 2;
    const double perimeter = M_PI * (3 * (a + b) - std::sqrt((3 * a + b) * (a + 3 * b)));
    QVERIFY2(testutil::closeRel(totalLength(l), perimeter, 0.01),
             qPrintable(QStringLiteral("%1 vs %2").arg(totalLength(l)).arg(perimeter)));

    // Joined, the pieces make one closed line through every piece once.
    QCOMPARE(l.polylines.size(), std::size_t(1));
    const auto& line = l.polylines[0];
    QCOMPARE(line.size(), l.segments.size() + 1);
    QCOMPARE(line.front(), line.back());
    QVERIFY(close(polylineLength(line), totalLength(l), 1e-12));
}

void tst_ContourLines::planeGivesOneStraightLine() {
    // f = 2x - 3y + 1 = 0.5 is the line y = (2x + 0.5) / 3; interpolation is exact on a plane.
    const arma::vec x = arma::linspace(0.0, 1.0, 11), y = arma::linspace(0.0, 1.0, 13);
    const auto l = ContourLines::compute(x, y, sample(x, y, plane), {0.5})[0];
    QVERIFY(!l.segments.empty());
    for (const auto& s : l.segments) {
        QVERIFY(std::abs(plane(s.x1, s.y1) - 0.5) < 1e-12);
        QVERIFY(std::abs(plane(s.x2, s.y2) - 0.5) < 1e-12);
        // Perpendicular to the gradient (2, -3).
        QVERIFY(std::abs(2 * (s.x2 - s.x1) - 3 * (s.y2 - s.y1)) < 1e-12);
    }
    // One open line across the square, from (0, 1/6) to (1, 5/6). It runs through grid
    // corners on the way (at x = 0, 0.5 and 1), which must neither break nor double it.
    QCOMPARE(l.polylines.size(), std::size_t(1));
    const auto& line = l.polylines[0];
    QCOMPARE(line.size(), l.segments.size() + 1);
    const auto [lo, hi] = std::minmax(line.front(), line.back());
    QVERIFY(close(lo.first, 0.0) && close(lo.second, 1.0 / 6));
    QVERIFY(close(hi.first, 1.0) && close(hi.second, 5.0 / 6));
    QVERIFY(close(totalLength(l), std::hypot(1.0, 2.0 / 3), 1e-12));
}

void tst_ContourLines::saddleCell_data() {
    QTest::addColumn<double>("topRight");
    QTest::addColumn<double>("expected");
    // Corners 1 at (0,0) and v at (1,1), 0 at (1,0) and (0,1); the level is 0.5.
    // Centre average (2 + 0.0) / 4 = 0.5 is not above: the high corners are cut off one by one.
    QTest::newRow("centre below") << 1.0 << 0.0;
    // Centre average 2.4 / 4 = 0.6 is above: the high corners join; the low ones are cut off.
    QTest::newRow("centre above") << 1.4 << 1.0;
}

void tst_ContourLines::saddleCell() {
    QFETCH(double, topRight);
    QFETCH(double, expected);
    const arma::vec x{0.0, 1.0}, y{0.0, 1.0};
    arma::mat v(2, 2);
    v(0, 0) = 1.0;
    v(1, 0) = 0.0;
    v(1, 1) = topRight;
    v(0, 1) = 0.0;
    const auto l = ContourLines::compute(x, y, v, {0.5})[0];
    QCOMPARE(l.segments.size(), std::size_t(2));
    const double t = 0.5 / topRight; // where 0.5 falls from a 0 corner towards (1, 1)
    std::vector<ContourSegment> want;
    if (expected == 0.0) // around (0,0): (0.5,0)-(0,0.5); around (1,1): (1,t)-(t,1)
        want = {{0.5, 0.0, 0.0, 0.5}, {1.0, t, t, 1.0}};
    else // around (1,0): (0.5,0)-(1,t); around (0,1): (0,0.5)-(t,1)
        want = {{0.5, 0.0, 1.0, t}, {0.0, 0.5, t, 1.0}};
    const auto got = sorted(l.segments), exp = sorted(want);
    for (std::size_t k = 0; k < 2; ++k) {
        QVERIFY(close(std::get<0>(got[k]), std::get<0>(exp[k])));
        QVERIFY(close(std::get<1>(got[k]), std::get<1>(exp[k])));
        QVERIFY(close(std::get<2>(got[k]), std::get<2>(exp[k])));
        QVERIFY(close(std::get<3>(got[k]), std::get<3>(exp[k])));
    }
    QCOMPARE(l.polylines.size(), std::size_t(2)); // two separate pieces
}

void tst_ContourLines::lineAlongAGridEdgeIsNotDoubled() {
    // f = y^2 at its minimum level 0: the line y = 0 lies on grid edges, which the cells on
    // both sides find; each piece must come out once.
    const arma::vec x{0.0, 1.0, 2.0, 3.0}, y = arma::linspace(-1.0, 1.0, 5);
    arma::mat v(x.n_elem, y.n_elem);
    for (arma::uword i = 0; i < x.n_elem; ++i)
        for (arma::uword j = 0; j < y.n_elem; ++j)
            v(i, j) = y(j) * y(j);
    const auto l = ContourLines::compute(x, y, v, {0.0})[0];
    QCOMPARE(l.segments.size(), std::size_t(3));
    for (const auto& s : l.segments) {
        QCOMPARE(s.y1, 0.0);
        QCOMPARE(s.y2, 0.0);
        QCOMPARE(std::abs(s.x2 - s.x1), 1.0);
    }
    QCOMPARE(l.polylines.size(), std::size_t(1));
    QCOMPARE(l.polylines[0].size(), std::size_t(4));
}

void tst_ContourLines::nonFiniteCornersAreSkipped() {
    // f = x + y on {0, 1, 2}^2. x + y = 0.5 lies in cell (0,0) only; x + y = 1.5 crosses
    // cells (0,0), (1,0) and (0,1).
    const arma::vec x{0.0, 1.0, 2.0}, y{0.0, 1.0, 2.0};
    arma::mat v(3, 3);
    for (arma::uword i = 0; i < 3; ++i)
        for (arma::uword j = 0; j < 3; ++j)
            v(i, j) = x(i) + y(j);
    const auto clean = ContourLines::compute(x, y, v, {0.5, 1.5});
    QCOMPARE(clean[0].segments.size(), std::size_t(1));
    QCOMPARE(clean[1].segments.size(), std::size_t(3));

    for (const double bad : {arma::datum::nan, arma::datum::inf, -arma::datum::inf}) {
        arma::mat holed = v;
        holed(0, 0) = bad;
        const auto l = ContourLines::compute(x, y, holed, {0.5, 1.5});
        QCOMPARE(l[0].segments.size(), std::size_t(0));
        QCOMPARE(l[1].segments.size(), std::size_t(2));
        for (const auto& s : l[1].segments) // none inside the skipped cell [0,1]^2
            QVERIFY(s.x1 + s.x2 > 2.0 - 1e-12 || s.y1 + s.y2 > 2.0 - 1e-12);
        QCOMPARE(l[1].polylines.size(), std::size_t(2)); // the hole splits the line
    }
}

void tst_ContourLines::levelsKeepTheirOrder() {
    const arma::vec x = arma::linspace(-2.0, 2.0, 41), y = arma::linspace(-1.0, 1.0, 21);
    const auto result =
        ContourLines::compute(x, y, sample(x, y, bowl), {2.0, arma::datum::nan, 0.5, 100.0});
    QCOMPARE(result.size(), std::size_t(4));
    QCOMPARE(result[0].level, 2.0);
    QVERIFY(!result[0].segments.empty());
    QVERIFY(result[1].segments.empty()); // a NaN level has no line
    QCOMPARE(result[2].level, 0.5);
    // Ellipse perimeters grow as sqrt(level): four times the level, twice the length.
    QVERIFY(testutil::closeRel(totalLength(result[0]) / totalLength(result[2]), 2.0, 0.02));
    QVERIFY(result[3].segments.empty()); // above every value
}

void tst_ContourLines::sizeMismatchIsRefused() {
    const arma::vec x = arma::linspace(0.0, 1.0, 3), y = arma::linspace(0.0, 1.0, 4);
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        ContourLines::compute(x, y, arma::mat(4, 3, arma::fill::zeros), {0.5}));
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        ContourLines::compute(x, y, arma::mat(3, 3, arma::fill::zeros), {0.5}));
}

void tst_ContourLines::niceLevels_data() {
    QTest::addColumn<bool>("logarithmic");
    QTest::addColumn<int>("count");
    QTest::newRow("linear, 1") << false << 1;
    QTest::newRow("linear, 10") << false << 10;
    QTest::newRow("geometric, 3") << true << 3;
    QTest::newRow("geometric, 12") << true << 12;
}

void tst_ContourLines::niceLevels() {
    QFETCH(bool, logarithmic);
    QFETCH(int, count);
    // A bowl offset to a minimum of 1.25 (the lesson's least-squares MSE), with a NaN hole.
    const arma::vec x = arma::linspace(-2.0, 2.0, 41), y = arma::linspace(-1.0, 1.0, 21);
    arma::mat v = sample(x, y, bowl) + 1.25;
    v(3, 4) = arma::datum::nan;
    const double lo = 1.25, hi = 4 + 4 + 1.25;
    const std::vector<double> levels = ContourLines::niceLevels(v, count, logarithmic);
    QCOMPARE(levels.size(), std::size_t(count));
    for (std::size_t k = 0; k < levels.size(); ++k) {
        QVERIFY(levels[k] > lo && levels[k] < hi);
        if (k > 0)
            QVERIFY(levels[k] > levels[k - 1]);
    }
    // Even steps (linear) or even ratios (geometric), with the ends one step beyond the levels.
    const double step =
        logarithmic ? std::pow(hi / lo, 1.0 / (count + 1)) : (hi - lo) / (count + 1);
    for (std::size_t k = 0; k < levels.size(); ++k) {
        const double want =
            logarithmic ? lo * std::pow(step, double(k + 1)) : lo + step * double(k + 1);
        QVERIFY2(close(levels[k], want, 1e-12),
                 qPrintable(QStringLiteral("%1 vs %2").arg(levels[k]).arg(want)));
    }
}

void tst_ContourLines::niceLevelsEdgeCases() {
    QVERIFY(ContourLines::niceLevels(arma::mat(3, 3, arma::fill::ones), 5, false).empty()); // flat
    QVERIFY(ContourLines::niceLevels(arma::mat(3, 3, arma::fill::value(arma::datum::nan)), 5, true)
                .empty());
    QVERIFY(ContourLines::niceLevels(arma::mat{{0.0, 1.0}}, 0, false).empty());

    // A geometric request on values with no positive part falls back to even spacing.
    const auto negative = ContourLines::niceLevels(arma::mat{{-4.0, -1.0}}, 2, true);
    QCOMPARE(negative.size(), std::size_t(2));
    QVERIFY(close(negative[0], -3.0) && close(negative[1], -2.0));

    // An exact fit: the bowl's grid touches 0. Geometric levels start above 0, no lower than
    // 1e-6 of the top, and still rise evenly in ratio.
    arma::mat bowlValues{{0.0, 1e-20, 100.0}};
    const auto geo = ContourLines::niceLevels(bowlValues, 5, true);
    QCOMPARE(geo.size(), std::size_t(5));
    QVERIFY(geo.front() > 1e-4);
    const double ratio = geo[1] / geo[0];
    QVERIFY(close(std::pow(ratio, 6.0) * 1e-4, 100.0, 1e-9));
    for (std::size_t k = 1; k < geo.size(); ++k)
        QVERIFY(close(geo[k] / geo[k - 1], ratio, 1e-12));
}

QTEST_APPLESS_MAIN(tst_ContourLines)
#include "tst_ContourLines.moc"
