#pragma once
// Ordinary least squares with an intercept, and the statistician's report on it: standard errors,
// t and F tests, intervals, information criteria and per-row diagnostics, with the definitions of
// R's summary.lm / statsmodels' OLS. Solved from centred, column-equilibrated data by Householder
// QR with column pivoting, refined with the residual on the data, so that nearly collinear designs
// keep their digits. Rows are samples, columns are features, in the features' original units.
// Plain C++17 + Armadillo (+ Boost.Math for the t and F distributions).

#include <armadillo>

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace linlab {

class Analysis;
class SufficientStatistics;

/// One row of the coefficient table: the intercept is the first, named "(intercept)".
struct Coefficient {
    std::string name;
    /// False for a term aliased by others in rank-deficient data (R: "not defined because of
    /// singularities"): every number below is NaN then.
    bool estimable = true;
    double estimate = arma::datum::nan;
    double stdError = arma::datum::nan;
    double t = arma::datum::nan;
    double p = arma::datum::nan;     ///< two-sided, from Student's t with dfResidual
    double ciLow = arma::datum::nan; ///< confidence interval at the report's level
    double ciHigh = arma::datum::nan;
    double stdBeta = arma::datum::nan; ///< estimate * sd(x) / sd(y) (NaN for the intercept)
    double vif = arma::datum::nan;     ///< variance inflation factor (NaN for the intercept)
};

/// The whole-model numbers and the coefficient table.
struct RegressionReport {
    arma::uword n = 0;                    ///< rows used
    arma::uword rank = 0;                 ///< rank of [1 X] as decided on the scaled problem
    double dfModel = arma::datum::nan;    ///< rank - 1
    double dfResidual = arma::datum::nan; ///< n - rank
    double sigma = arma::datum::nan;      ///< residual standard error sqrt(RSS / dfResidual)
    double r2 = arma::datum::nan;
    double r2Adjusted = arma::datum::nan;
    double fStatistic = arma::datum::nan;
    double fPValue = arma::datum::nan;
    double logLikelihood = arma::datum::nan;
    double aic = arma::datum::nan; ///< statsmodels' OLS: -2 logL + 2 rank
    double bic = arma::datum::nan; ///< statsmodels' OLS: -2 logL + log(n) rank
    /// 2-norm condition number of the centred, column-scaled design (what decides the digits).
    double conditionNumber = arma::datum::nan;
    double confidenceLevel = 0.95;
    /// False for a fit through the origin (statsmodels' OLS without a constant): no
    /// "(intercept)" row, rank and df_model = the estimable features, R^2 uncentred
    /// (1 - RSS / y^T y, R's definition), adjusted R^2 with n for n - 1, std. beta and VIF about
    /// zero rather than the means.
    bool intercept = true;
    std::vector<Coefficient> coefficients; ///< intercept first (if any), then the features
    /// Empty, or why there is no report in plain words (e.g. "needs more rows than terms").
    std::string problem;
};

/// Per-row diagnostics of the fit, for every row used (length n each).
struct RowDiagnostics {
    arma::vec fitted;
    arma::vec residuals;    ///< y - fitted (R's and statsmodels' sign)
    arma::vec leverage;     ///< diagonal of the hat matrix
    arma::vec standardized; ///< internally studentized: e / (sigma sqrt(1 - h))
    arma::vec studentized;  ///< externally studentized (R's rstudent)
    arma::vec cooksDistance;
};

/// A prediction at one point with its intervals at the report's level.
struct IntervalPrediction {
    double fit = arma::datum::nan;
    double stdErrorMean = arma::datum::nan;
    double ciLow = arma::datum::nan; ///< confidence interval of the mean response
    double ciHigh = arma::datum::nan;
    double piLow = arma::datum::nan; ///< prediction interval of a new observation
    double piHigh = arma::datum::nan;
};

class Regression {
public:
    /// A column of the centred, unit-norm design counts as aliased (not estimable) when the QR
    /// leaves less than this fraction of its norm outside the span of the columns before it.
    /// Rounding leaves about 1e-16 sqrt(n) of an exactly aliased column; a polynomial of degree
    /// 10 keeps about 1e-10, and is solved.
    static constexpr double kRankTolerance = 1e-12;
    /// fromStatistics() is trusted up to this 2-norm condition number of the centred, scaled
    /// design: its Gram matrix, the square, then loses at most about 1e-10 relative.
    static constexpr double kStatisticsConditionLimit = 1e3;

    /// No fit (report().problem says so).
    Regression() = default;
    /// Fits y ~ 1 + X (n x d, original units; `names` has d entries) at `confidenceLevel` in
    /// (0, 1). Never throws on data: a report that cannot be made says why in report().problem.
    /// Throws std::invalid_argument naming this function on size mismatch.
    Regression(const arma::mat& X, const arma::vec& y, const std::vector<std::string>& names,
               double confidenceLevel = 0.95);
    /// The same on features given through a per-column affine map: column j of X is
    /// slope(j) * feature_j + offset(j) (what Transform::apply gives, slope(j) != 0). The fit is
    /// made on X, the report in the features' units. diagnostics() takes this X. `intercept`
    /// false: y ~ X without a constant, through the origin of X (of the transformed features:
    /// with a shift in the map, intercept() is the fit at features 0, not a free term).
    Regression(const arma::mat& X, const arma::vec& y, const std::vector<std::string>& names,
               double confidenceLevel, const arma::rowvec& slope, const arma::rowvec& offset,
               bool intercept = true);
    /// The report from the centred sufficient statistics of (X, y) (X mapped as above) in
    /// O(d^3), without a pass over the data; nullopt when they cannot give every digit: wide or
    /// rank-deficient data, or a scaled condition number past kStatisticsConditionLimit. Then
    /// use the constructor on the data.
    static std::optional<Regression>
    fromStatistics(const SufficientStatistics& statistics, const std::vector<std::string>& names,
                   double confidenceLevel, const arma::rowvec& slope, const arma::rowvec& offset);

    /// The report of an analysis' least squares in its raw features' units: fromStatistics() on
    /// its statistics where they keep every digit (O(d^3)), else the QR of its transformed rows.
    /// What the batch's `inference` is; diagnostics() then takes analysis.features().
    /// `intercept` false: through the origin, always by the QR of the transformed rows.
    static Regression ofAnalysis(const Analysis& analysis, const std::vector<std::string>& names,
                                 double confidenceLevel = 0.95, bool intercept = true);

    /// The coefficient table and the model's numbers.
    const RegressionReport& report() const { return m_report; }
    /// The weights (d, NaN where not estimable) and intercept of the fit.
    const arma::vec& weights() const { return m_weights; }
    double intercept() const { return m_intercept; }

    /// Fitted values, residuals, leverage, studentized residuals and Cook's distance of every row
    /// of the data the fit was made on (the same X and y). O(n d^2), blocks of rows on two
    /// threads; empty when `cancel` is given and turns true before the end (checked per block).
    RowDiagnostics diagnostics(const arma::mat& X, const arma::vec& y,
                               const std::atomic<bool>* cancel = nullptr) const;
    /// diagnostics() into `out`, reusing its vectors' memory when their size fits (a fit after
    /// every edit of a large table allocates nothing).
    void diagnostics(const arma::mat& X, const arma::vec& y, RowDiagnostics& out,
                     const std::atomic<bool>* cancel = nullptr) const;
    /// The prediction at feature values `x` (d) with its confidence and prediction intervals.
    IntervalPrediction predict(const arma::vec& x) const;
    /// predict() for each row of `X` (m x d): the confidence and prediction bands of a plot.
    std::vector<IntervalPrediction> predictRows(const arma::mat& X) const;

private:
    /// What a solver hands to the report (every vector in the coordinates of the X fitted).
    struct Solution {
        arma::uword n = 0;
        arma::rowvec means;  ///< column means of X
        arma::rowvec scales; ///< 2-norms of X's centred columns (1 for a constant one)
        double labelMean = 0;
        arma::uvec estimable; ///< the estimable columns, in the order of rInverse's rows
        arma::mat rInverse;   ///< inverse of R of the centred, scaled estimable columns
        arma::vec beta;       ///< coefficients on the centred, scaled columns (NaN: aliased)
        double rss = arma::datum::nan;
        double tss = arma::datum::nan; ///< about the mean, or about 0 without an intercept
        bool intercept = true;         ///< false: means and labelMean are 0, the columns uncentred
    };

    /// Everything from a solution: the report, the weights, what predict() needs.
    void finish(Solution s, const std::vector<std::string>& names, double confidenceLevel);
    /// The mean response at x in X's coordinates, and its standard error.
    void meanResponse(const arma::rowvec& x, double& fit, double& stdError) const;

    RegressionReport m_report;
    arma::vec m_weights;
    double m_intercept = arma::datum::nan;
    arma::rowvec m_slope, m_offset; // X = slope * features + offset, per column
    Solution m_solution;
    double m_tQuantile = arma::datum::nan;
};

} // namespace linlab
