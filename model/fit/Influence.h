#pragma once
// What the diagnostic plots draw beside a regression's per-row numbers: the flagged rows, the
// normal quantiles of a Q-Q plot, Cook's distance contours and a histogram with its normal curve.
// Plain C++17 + Armadillo (+ Boost.Math for the normal quantiles).

#include "model/fit/Regression.h"

#include <armadillo>

#include <cstddef>
#include <vector>

namespace linlab {

/// A row that one of the usual rules flags.
struct FlaggedRow {
    arma::uword row = 0;
    bool outlier = false;      ///< |externally studentized residual| > kOutlierLimit
    bool influential = false;  ///< Cook's distance > 4 / n
    bool highLeverage = false; ///< leverage > 2 p / n (twice the mean leverage)
};

/// A histogram: bin edges (bins + 1) and the count in each bin.
struct Histogram {
    arma::vec edges;
    arma::uvec counts;
};

class Influence {
public:
    static constexpr double kOutlierLimit = 3.0;

    /// The rows any rule flags, in row order; `rank` is the regression's number of terms p.
    static std::vector<FlaggedRow> flagRows(const RowDiagnostics& d, arma::uword rank);
    /// The flagged rows worth a ring in a plot that draws rows 0, step, 2 step, ...: those among
    /// them, and past `limit` the `limit` with the largest Cook's distance (row order otherwise
    /// unspecified). A ring per point of a dense cloud is noise, and each costs every frame.
    static std::vector<arma::uword> ringedRows(const std::vector<FlaggedRow>& flagged,
                                               const arma::vec& cooksDistance, arma::uword step,
                                               std::size_t limit);
    /// For each value, the standard normal quantile of its rank: R's qqnorm (ppoints: a = 3/8
    /// up to 10 values, 1/2 above). Ties take their order in the vector; NaN stays NaN.
    static arma::vec normalQuantiles(const arma::vec& values);
    /// The standardized residual at which Cook's distance equals `distance`, at each leverage
    /// (positive branch; the contour's mirror is its negative): sqrt(D p (1 - h) / h).
    static arma::vec cooksContour(const arma::vec& leverage, double distance, arma::uword rank);
    /// Equal-width bins over the finite values (Sturges' rule, at least 5 bins and at most 60).
    static Histogram histogram(const arma::vec& values);
    /// The normal density with this mean and standard deviation at x.
    static arma::vec normalDensity(const arma::vec& x, double mean, double sd);
};

} // namespace linlab
