#include "model/training/ContourLines.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>

namespace linlab {

namespace {

using Point = std::pair<double, double>;

// The crossing of `level` on the edge from p (value vp) to q (value vq), one of them above the
// level and the other not. Every edge is walked in one fixed direction (towards larger x or y)
// in whichever cell it is met, so the two cells sharing an edge compute bit-identical points
// and the pieces join exactly. A corner exactly on the level is returned as itself.
Point crossing(double px, double py, double vp, double qx, double qy, double vq, double level) {
    const double t = (level - vp) / (vq - vp);
    if (!(t > 0.0))
        return {px, py};
    if (!(t < 1.0))
        return {qx, qy};
    return {px + t * (qx - px), py + t * (qy - py)};
}

// Sorted endpoints, so that the same piece met twice compares equal.
ContourSegment canonical(const Point& a, const Point& b) {
    if (b < a)
        return {b.first, b.second, a.first, a.second};
    return {a.first, a.second, b.first, b.second};
}

bool segmentLess(const ContourSegment& a, const ContourSegment& b) {
    return std::tie(a.x1, a.y1, a.x2, a.y2) < std::tie(b.x1, b.y1, b.x2, b.y2);
}

bool segmentEqual(const ContourSegment& a, const ContourSegment& b) {
    return a.x1 == b.x1 && a.y1 == b.y1 && a.x2 == b.x2 && a.y2 == b.y2;
}

// Joins pieces that share exact endpoints into polylines: open lines first (from their ends),
// then closed loops, which repeat their first point at the end.
std::vector<std::vector<Point>> join(const std::vector<ContourSegment>& segments) {
    std::map<Point, std::vector<std::size_t>> at;
    for (std::size_t s = 0; s < segments.size(); ++s) {
        at[{segments[s].x1, segments[s].y1}].push_back(s);
        at[{segments[s].x2, segments[s].y2}].push_back(s);
    }
    std::vector<bool> used(segments.size(), false);
    std::vector<std::vector<Point>> lines;
    auto walk = [&](Point p) {
        std::vector<Point> line{p};
        for (;;) {
            const auto& incident = at[p];
            const auto next = std::find_if(incident.begin(), incident.end(),
                                           [&](std::size_t s) { return !used[s]; });
            if (next == incident.end())
                break;
            used[*next] = true;
            const ContourSegment& s = segments[*next];
            p = (Point{s.x1, s.y1} == p) ? Point{s.x2, s.y2} : Point{s.x1, s.y1};
            line.push_back(p);
        }
        if (line.size() > 1)
            lines.push_back(std::move(line));
    };
    for (const auto& [point, incident] : at)
        if (incident.size() % 2 == 1)
            walk(point);
    for (std::size_t s = 0; s < segments.size(); ++s)
        if (!used[s])
            walk({segments[s].x1, segments[s].y1});
    return lines;
}

} // namespace

std::vector<ContourLevel> ContourLines::compute(const arma::vec& x, const arma::vec& y,
                                                const arma::mat& values,
                                                const std::vector<double>& levels) {
    if (values.n_rows != x.n_elem || values.n_cols != y.n_elem)
        throw std::invalid_argument("ContourLines::compute: values are " +
                                    std::to_string(values.n_rows) + " x " +
                                    std::to_string(values.n_cols) + " but the grid is " +
                                    std::to_string(x.n_elem) + " x " + std::to_string(y.n_elem));
    std::vector<ContourLevel> result;
    result.reserve(levels.size());
    for (const double level : levels) {
        ContourLevel out{level, {}, {}};
        if (!std::isfinite(level) || x.n_elem < 2 || y.n_elem < 2) {
            result.push_back(std::move(out));
            continue;
        }
        std::vector<ContourSegment>& segs = out.segments;
        auto add = [&](const Point& a, const Point& b) {
            if (a != b) // a corner on the level can make a piece of zero length
                segs.push_back(canonical(a, b));
        };
        for (arma::uword i = 0; i + 1 < x.n_elem; ++i) {
            for (arma::uword j = 0; j + 1 < y.n_elem; ++j) {
                // Corners counter-clockwise from (x_i, y_j): 0 bottom-left, 1 bottom-right,
                // 2 top-right, 3 top-left.
                const double v0 = values(i, j), v1 = values(i + 1, j), v2 = values(i + 1, j + 1),
                             v3 = values(i, j + 1);
                if (!(std::isfinite(v0) && std::isfinite(v1) && std::isfinite(v2) &&
                      std::isfinite(v3)))
                    continue;
                const bool a0 = v0 > level, a1 = v1 > level, a2 = v2 > level, a3 = v3 > level;
                const int crossings = (a0 != a1) + (a1 != a2) + (a2 != a3) + (a3 != a0);
                if (crossings == 0)
                    continue;
                const double xl = x(i), xr = x(i + 1), yb = y(j), yt = y(j + 1);
                // Edges: 0 bottom (0->1), 1 right (1->2), 2 top (3->2), 3 left (0->3).
                auto edge = [&](int e) -> Point {
                    switch (e) {
                    case 0:
                        return crossing(xl, yb, v0, xr, yb, v1, level);
                    case 1:
                        return crossing(xr, yb, v1, xr, yt, v2, level);
                    case 2:
                        return crossing(xl, yt, v3, xr, yt, v2, level);
                    default:
                        return crossing(xl, yb, v0, xl, yt, v3, level);
                    }
                };
                if (crossings == 2) {
                    const bool cut[4] = {a0 != a1, a1 != a2, a2 != a3, a3 != a0};
                    int first = -1, second = -1;
                    for (int e = 0; e < 4; ++e)
                        if (cut[e])
                            (first < 0 ? first : second) = e;
                    add(edge(first), edge(second));
                } else {
                    // Saddle: corners 0 and 2 on one side, 1 and 3 on the other. The cell-centre
                    // average decides which pair is joined through the middle; the line then
                    // cuts off the other pair's corners one by one.
                    const bool centreAbove = 0.25 * (v0 + v1 + v2 + v3) > level;
                    if (centreAbove == a0) { // 0 and 2 joined: cut off corners 1 and 3
                        add(edge(0), edge(1));
                        add(edge(2), edge(3));
                    } else { // 1 and 3 joined: cut off corners 0 and 2
                        add(edge(3), edge(0));
                        add(edge(1), edge(2));
                    }
                }
            }
        }
        // A line running exactly along a grid edge is found by both cells that share it.
        std::sort(segs.begin(), segs.end(), segmentLess);
        segs.erase(std::unique(segs.begin(), segs.end(), segmentEqual), segs.end());
        out.polylines = join(segs);
        result.push_back(std::move(out));
    }
    return result;
}

std::vector<double> ContourLines::niceLevels(const arma::mat& values, int count, bool logarithmic) {
    std::vector<double> levels;
    double lo = arma::datum::inf, hi = -arma::datum::inf, smallestPositive = arma::datum::inf;
    for (const double v : values) {
        if (!std::isfinite(v))
            continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        if (v > 0)
            smallestPositive = std::min(smallestPositive, v);
    }
    if (count <= 0 || !(hi > lo))
        return levels;
    levels.reserve(static_cast<std::size_t>(count));
    // Levels at k / (count + 1) of the way, never at the extremes: there a level line
    // shrinks to a point or runs into the grid's corner.
    const double steps = static_cast<double>(count) + 1.0;
    // A bowl whose grid happens to hit its minimum (an exact fit) has values down to ~0;
    // 1e-6 of the top keeps the geometric levels from crowding into invisible rings.
    const double floor = std::max(smallestPositive, 1e-6 * hi);
    if (logarithmic && hi > 0 && floor < hi) {
        const double a = std::log(floor), b = std::log(hi);
        for (int k = 1; k <= count; ++k)
            levels.push_back(std::exp(a + (b - a) * (k / steps)));
    } else {
        const double span = hi - lo;
        for (int k = 1; k <= count; ++k) {
            const double t = k / steps;
            levels.push_back(std::isfinite(span) ? lo + t * span : (1.0 - t) * lo + t * hi);
        }
    }
    // Rounding can only make neighbours equal or push a level a hair outside a tiny range.
    for (double& l : levels)
        l = std::clamp(l, lo, hi);
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    return levels;
}

} // namespace linlab
