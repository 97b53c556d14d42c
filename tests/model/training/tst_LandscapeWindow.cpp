#include "model/data/Dataset.h"
#include "model/fit/Analysis.h"
#include "model/training/LandscapeWindow.h"
#include "tests/common/TestUtil.h"

#include <QTest>

#include <cmath>

using namespace linlab;
using testutil::close;

class tst_LandscapeWindow : public QObject {
    Q_OBJECT
private slots:
    void windowHoldsItsPoints();
    void colourRanges();
    void arrowDownTheGradient();
};

void tst_LandscapeWindow::windowHoldsItsPoints() {
    const Analysis raw(Dataset::lesson(), TransformSettings{});
    // A window holds its points with room, and at least the bowl's own scale.
    const LandscapeWindow w = landscapeWindow(raw.statistics(), 0, 1, {{4, 3}, {5, 2}});
    QVERIFY(w.contains(4, 3) && w.contains(5, 2));
    QVERIFY(w.xMax - w.xMin >= 2 * parameterScale(raw.statistics(), 0) * (1 - 1e-12));
    const LandscapeWindow square =
        landscapeWindow(raw.statistics(), 1, 2, {{0, 0}, {2, 34.5}}, true);
    QVERIFY(close(square.xMax - square.xMin, square.yMax - square.yMin));
    // Points that cannot be drawn are left out: the window stays where the others are.
    const LandscapeWindow finite =
        landscapeWindow(raw.statistics(), 0, 1, {{4, 3}, {std::nan(""), 1}, {1e200, 2}});
    QVERIFY(finite.contains(4, 3));
    QVERIFY(finite.xMax < 1e6);
}

void tst_LandscapeWindow::colourRanges() {
    const auto [lo, hi] = colorRange(arma::mat{{0, 1}, {10, 100}}, true);
    QCOMPARE(lo, 1.0);
    QCOMPARE(hi, 100.0);
    QCOMPARE(colorRange(arma::mat{{0, 1}, {10, 100}}, false), std::make_pair(0.0, 100.0));
    QCOMPARE(colorRange(arma::mat(), false), std::make_pair(0.0, 1.0));
    const auto [flatLo, flatHi] = colorRange(arma::mat(2, 2, arma::fill::value(4.0)), false);
    QVERIFY(flatLo < 4 && flatHi > 4);
}

void tst_LandscapeWindow::arrowDownTheGradient() {
    const LandscapeWindow window{0, 10, 0, 1};
    double tx = 0, ty = 0;
    // Straight left down the gradient: a sixth of the width long.
    QVERIFY(downhillArrowTip(window, 5, 0.5, 1, 0, 1.0 / 6, tx, ty));
    QVERIFY(close(tx, 5 - 10.0 / 6) && ty == 0.5);
    // Equal slopes per side of the window point at 45 degrees on screen.
    QVERIFY(downhillArrowTip(window, 5, 0.5, -10, -1, 0.16, tx, ty));
    QVERIFY(close((tx - 5) / 10, ty - 0.5) && close(std::hypot((tx - 5) / 10, ty - 0.5), 0.16));
    // No direction, or no window: no arrow.
    QVERIFY(!downhillArrowTip(window, 5, 0.5, 0, 0, 0.16, tx, ty));
    QVERIFY(!downhillArrowTip(window, 5, 0.5, std::nan(""), 1, 0.16, tx, ty));
    QVERIFY(!downhillArrowTip(LandscapeWindow{1, 1, 0, 1}, 1, 0.5, 1, 1, 0.16, tx, ty));
}

QTEST_MAIN(tst_LandscapeWindow)
#include "tst_LandscapeWindow.moc"
