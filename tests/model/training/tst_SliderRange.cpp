// SliderRange: round range ends worked out by hand, the scale read from the statistics, and the
// invariants every automatic range and every slider mapping keeps.

#include "model/training/SliderRange.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace linlab;

namespace {

constexpr int kSteps = 1000;
const double kNan = std::nan("");

bool sameRange(const SliderRange& r, double lo, double hi) {
    return r.lo == lo && r.hi == hi;
}

} // namespace

class tst_SliderRange : public QObject {
    Q_OBJECT
private slots:
    void niceCeilKnownAnswers();
    void roundedRangeKnownAnswers();
    void automaticRangeKnownAnswers();
    void automaticRangeInvariants();
    void labelShiftScaleReadsTheSpreads();
    void userRangeGrowsToTheValue();
    void sliderMappingKnownAnswers();
    void sliderMappingRoundTrips();
};

void tst_SliderRange::niceCeilKnownAnswers() {
    QCOMPARE(niceCeil(1.0), 1.0);
    QCOMPARE(niceCeil(1.2), 1.5);
    QCOMPARE(niceCeil(2.6), 3.0);
    QCOMPARE(niceCeil(7.0), 8.0);
    QCOMPARE(niceCeil(8.5), 10.0);
    QCOMPARE(niceCeil(1234.0), 1500.0);
    QCOMPARE(niceCeil(0.03), 0.03); // 3 / 100, not 3 * 0.01
    QCOMPARE(niceCeil(0.031), 0.04);
    for (double x : {0.0, -3.0, HUGE_VAL, kNan})
        QCOMPARE(niceCeil(x), 1.0);
}

void tst_SliderRange::roundedRangeKnownAnswers() {
    QVERIFY(sameRange(roundedRange(4, 8), -4, 12));     // ticks of 0.5
    QVERIFY(sameRange(roundedRange(0, 1), -1, 1));      // ticks of 0.1
    QVERIFY(sameRange(roundedRange(2.5, 20), -18, 24)); // ticks of 2
}

void tst_SliderRange::automaticRangeKnownAnswers() {
    // Centred on least squares, half-width 2|w*| = 10.
    QVERIFY(sameRange(automaticRange(5, 4, 0.5), -5, 15));
    // The label-shift scale widens it: half 40, ticks of 2.
    QVERIFY(sameRange(automaticRange(5, 4, 40), -36, 46));
    // A value far from the fit: 3|v - w*| = 300.
    QVERIFY(sameRange(automaticRange(0, 100, kNan), -300, 300));
    // No fit: room around the value, |v| = 7 -> 8, ticks of 0.5.
    QVERIFY(sameRange(automaticRange(kNan, -7, kNan), -15, 1));
    // Nothing known.
    QVERIFY(sameRange(automaticRange(kNan, kNan, kNan), -1, 1));
}

void tst_SliderRange::automaticRangeInvariants() {
    std::mt19937 rng(12);
    std::uniform_real_distribution<double> exponent(-8, 8);
    std::uniform_real_distribution<double> sign(-1, 1);
    auto number = [&] { return sign(rng) * std::pow(10.0, exponent(rng)); };
    for (int i = 0; i < 20000; ++i) {
        const double best = i % 7 == 0 ? kNan : number();
        const double current = i % 11 == 0 ? kNan : (i % 3 == 0 ? best : number());
        const double scale = i % 5 == 0 ? kNan : std::abs(number());
        const SliderRange r = automaticRange(best, current, scale);
        QVERIFY(std::isfinite(r.lo) && std::isfinite(r.hi) && r.lo < r.hi);
        if (std::isfinite(current))
            QVERIFY(r.lo <= current && current <= r.hi);
        const double centre = std::isfinite(best) ? best : (std::isfinite(current) ? current : 0);
        double half = 1;
        half =
            std::max(half, std::isfinite(best) ? 2 * std::abs(best)
                                               : (std::isfinite(current) ? std::abs(current) : 0));
        if (std::isfinite(current))
            half = std::max(half, 3 * std::abs(current - centre));
        if (std::isfinite(scale))
            half = std::max(half, scale);
        // At least `half` on each side of the centre; at most a nice ceiling (< 1.5x) plus a
        // tick (a tenth of it) on each side.
        QVERIFY2(r.lo <= centre - half * (1 - 1e-12) && r.hi >= centre + half * (1 - 1e-12),
                 qPrintable(QStringLiteral("%1 %2 %3").arg(best).arg(current).arg(scale)));
        QVERIFY(r.hi - r.lo <= 3.3 * half * (1 + 1e-12));
    }
}

void tst_SliderRange::labelShiftScaleReadsTheSpreads() {
    // y = 2x: sd(x) = sqrt(5/4), sd(y) = sqrt(5); moving w by 2 shifts predictions by sd(y).
    const arma::mat X = arma::vec{1, 2, 3, 4};
    const arma::vec y{2, 4, 6, 8};
    const SufficientStatistics stats = SufficientStatistics::compute(X, y);
    QVERIFY(std::abs(labelShiftScale(stats, 0) - 2.0) <= 1e-15);
    QVERIFY(std::abs(labelShiftScale(stats, 1) - std::sqrt(5.0)) <= 1e-15); // the bias
    QVERIFY(std::isnan(labelShiftScale(stats, 2)));                         // past the bias
    QVERIFY(std::isnan(labelShiftScale(SufficientStatistics(), 0)));        // no rows
}

void tst_SliderRange::userRangeGrowsToTheValue() {
    const SliderRange r{0, 10};
    QVERIFY(sameRange(rangeIncluding(r, 12), 0, 13));
    QVERIFY(sameRange(rangeIncluding(r, -1), -2, 10));
    QVERIFY(sameRange(rangeIncluding(r, 5), 0, 10));
    QVERIFY(sameRange(rangeIncluding(r, 10), 0, 10));
    QVERIFY(sameRange(rangeIncluding(r, kNan), 0, 10));
}

void tst_SliderRange::sliderMappingKnownAnswers() {
    const SliderRange r{0, 10};
    QCOMPARE(sliderValue(r, 451, kSteps), 4.51); // the shortest decimal, not 4.5099999999999998
    QCOMPARE(sliderValue(r, kSteps, kSteps), 10.0);
    QCOMPARE(sliderValue(r, 2 * kSteps, kSteps), 10.0); // clamped
    QCOMPARE(sliderValue(r, -5, kSteps), 0.0);
    QCOMPARE(sliderValue(SliderRange{-1, 1}, 333, kSteps), -0.334);
    QCOMPARE(sliderPosition(r, 4, kSteps), 400);
    QCOMPARE(sliderPosition(r, 4.0004, kSteps), 400);
    QCOMPARE(sliderPosition(r, 20, kSteps), kSteps);
    QCOMPARE(sliderPosition(r, -5, kSteps), 0);
    QCOMPARE(sliderPosition(r, kNan, kSteps), 0);
}

void tst_SliderRange::sliderMappingRoundTrips() {
    // Every position's value maps back to that position, values rise with positions and stay
    // inside the range, on ranges of every size and offset.
    for (const SliderRange& r : {SliderRange{0, 10}, SliderRange{-13, 17}, SliderRange{1e-9, 3e-9},
                                 SliderRange{-4e12, 6e12}, SliderRange{99.5, 100.5},
                                 automaticRange(0.1 + 0.2, 0.3, kNan)}) {
        double previous = -HUGE_VAL;
        for (int p = 0; p <= kSteps; ++p) {
            const double v = sliderValue(r, p, kSteps);
            QVERIFY(v >= r.lo && v <= r.hi);
            QVERIFY(v > previous);
            QCOMPARE(sliderPosition(r, v, kSteps), p);
            previous = v;
        }
        const double tolerance = (r.hi - r.lo) / kSteps * 1e-3;
        QVERIFY(std::abs(sliderValue(r, 0, kSteps) - r.lo) <= tolerance);
        QCOMPARE(sliderValue(r, kSteps, kSteps), r.hi);
    }
}

QTEST_MAIN(tst_SliderRange)
#include "tst_SliderRange.moc"
