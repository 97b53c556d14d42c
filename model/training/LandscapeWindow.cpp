#include "model/training/LandscapeWindow.h"

#include "model/training/Conditioning.h"

#include <algorithm>
#include <cmath>

namespace linlab {

double parameterScale(const SufficientStatistics& stats, arma::uword k) {
    const arma::uword d = stats.featureCount();
    if (stats.sampleCount() == 0 || k > d)
        return 1.0;
    const double n = double(stats.sampleCount());
    const double variance = stats.centredLabelSquares() / n;
    const double hkk = hessianEntry(stats, k, k);
    const double s = std::sqrt(2.0 * variance / hkk);
    if (!(variance > 0) || !(hkk > 0) || !std::isfinite(s) || !(s > 0))
        return 1.0;
    return s;
}

LandscapeWindow landscapeWindow(const SufficientStatistics& stats, arma::uword i, arma::uword j,
                                const std::vector<std::pair<double, double>>& points,
                                bool equalAspect) {
    double xLo = arma::datum::inf, xHi = -arma::datum::inf, yLo = arma::datum::inf,
           yHi = -arma::datum::inf;
    // 1e150: far past any useful model, and still leaves room for spans and pixel maths.
    const auto usable = [](double v) { return std::isfinite(v) && std::abs(v) < 1e150; };
    for (const auto& [x, y] : points) {
        if (!usable(x) || !usable(y))
            continue;
        xLo = std::min(xLo, x);
        xHi = std::max(xHi, x);
        yLo = std::min(yLo, y);
        yHi = std::max(yHi, y);
    }
    if (!(xLo <= xHi)) {
        xLo = xHi = 0.0;
        yLo = yHi = 0.0;
    }
    const double xc = xLo / 2 + xHi / 2, yc = yLo / 2 + yHi / 2;
    // Half the extent plus 25% of it on each side, and never narrower than the bowl's own scale.
    double hx = std::max(0.75 * (xHi - xLo), parameterScale(stats, i));
    double hy = std::max(0.75 * (yHi - yLo), parameterScale(stats, j));
    if (equalAspect)
        hx = hy = std::max(hx, hy);
    // Far from zero a tiny half-width would be lost in rounding: keep it above the spacing.
    hx = std::max(hx, std::abs(xc) * 1e-9);
    hy = std::max(hy, std::abs(yc) * 1e-9);
    LandscapeWindow w;
    w.xMin = xc - hx;
    w.xMax = xc + hx;
    w.yMin = yc - hy;
    w.yMax = yc + hy;
    return w;
}

std::pair<double, double> colorRange(const arma::mat& values, bool logarithmic) {
    double lo = arma::datum::inf, hi = -arma::datum::inf, positive = arma::datum::inf;
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        if (v > 0)
            positive = std::min(positive, v);
    }
    if (logarithmic) {
        if (!(hi > 0))
            return {1.0, 10.0};
        lo = std::max(positive, hi * 1e-6);
        if (!(lo < hi))
            return {hi / 10, hi};
        return {lo, hi};
    }
    if (!(lo <= hi))
        return {0.0, 1.0};
    if (!(lo < hi)) {
        const double half = std::max(std::abs(lo) * 0.05, 0.5);
        return {lo - half, hi + half};
    }
    return {lo, hi};
}

bool downhillArrowTip(const LandscapeWindow& window, double x, double y, double gx, double gy,
                      double fraction, double& tipX, double& tipY) {
    const double xSpan = window.xMax - window.xMin, ySpan = window.yMax - window.yMin;
    // In units of the window's sides, where the screen draws them alike.
    const double u = -gx / xSpan, v = -gy / ySpan;
    const double length = std::hypot(u, v);
    if (!std::isfinite(length) || !(length > 0) || !(xSpan > 0) || !(ySpan > 0))
        return false;
    const double f = fraction / length;
    tipX = x + u * f * xSpan;
    tipY = y + v * f * ySpan;
    return true;
}

} // namespace linlab
