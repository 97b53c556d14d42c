#pragma once
// Level lines of a function sampled on a rectangular grid (marching squares), for drawing the
// loss surface's contours. values(i, j) is the value at (x(i), y(j)), as in LossSurfaceGrid.
// Plain C++17 + Armadillo.

#include <armadillo>
#include <utility>
#include <vector>

namespace linlab {

/// One straight piece of a level line, from (x1, y1) to (x2, y2).
struct ContourSegment {
    double x1, y1, x2, y2;
};

/// The level line(s) of one value.
struct ContourLevel {
    double level;                         ///< the value every point of the line has
    std::vector<ContourSegment> segments; ///< unordered pieces, each once, none of zero length
    /// The same pieces joined end to end; a closed line repeats its first point at its end.
    std::vector<std::vector<std::pair<double, double>>> polylines;
};

class ContourLines {
public:
    /// Level lines of `values` at each of `levels` (one ContourLevel per level, in order), by
    /// linear interpolation along cell edges; cells with a non-finite corner are skipped. Throws
    /// std::invalid_argument when x, y and values disagree in size.
    static std::vector<ContourLevel> compute(const arma::vec& x, const arma::vec& y,
                                             const arma::mat& values,
                                             const std::vector<double>& levels);

    /// `count` increasing levels strictly between the smallest and largest finite values, evenly
    /// spaced, or geometrically spaced when `logarithmic` (between the smallest positive value,
    /// at least 1e-6 of the largest, and the largest); empty when there is no spread to split.
    static std::vector<double> niceLevels(const arma::mat& values, int count, bool logarithmic);
};

} // namespace linlab
