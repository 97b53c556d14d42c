#pragma once
// Centred sufficient statistics of (X, y) for linear least squares. Rows of X are samples,
// columns are features. With them the MSE and its gradient at any (w, b) cost O(d^2),
// whatever the number of rows: what every slider tick uses. Plain C++17 + Armadillo.

#include "model/fit/LeastSquares.h"
#include "model/fit/LinearModel.h"

#include <armadillo>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

namespace linlab {

class SufficientStatistics {
public:
    /// Statistics of no data: every loss is NaN.
    SufficientStatistics() = default;
    /// Computes the statistics of X (n x d) and y (n) in a few passes over the data, and the
    /// least-squares fit. Throws std::invalid_argument when the sizes disagree.
    static SufficientStatistics compute(const arma::mat& X, const arma::vec& y);
    /// compute() for a background thread: nullopt when `cancel` turns true before it ends (it is
    /// checked between blocks of rows).
    static std::optional<SufficientStatistics> compute(const arma::mat& X, const arma::vec& y,
                                                       const std::atomic<bool>& cancel);
    /// updated() declines tables with fewer rows than this: compute() costs little there.
    static constexpr arma::uword kMinUpdateRows = 1000;
    /// The statistics after an edit of k rows, from `previous` in O(k d^2 + d^3), without a pass
    /// over the rows. Every feature j first goes through t -> scale(j) t + shift(j) (a column's
    /// z-score refitted after the edit); then the rows that held `oldRows`, `oldLabels` (as
    /// `previous` saw them, before that map) hold `newRows`, `newLabels`. Agrees with compute()
    /// on the new data to rounding, which can add up over many updates (compute() resets it).
    /// nullopt where an update would not keep the digits or the sizes disagree: wide data, fewer
    /// than kMinUpdateRows rows, a zero or non-finite map, a least squares that needs the rows.
    static std::optional<SufficientStatistics>
    updated(const SufficientStatistics& previous, const arma::rowvec& scale,
            const arma::rowvec& shift, const arma::mat& oldRows, const arma::vec& oldLabels,
            const arma::mat& newRows, const arma::vec& newLabels);

    /// The statistics of rows never held together (a file read in blocks): n, the feature means
    /// (1 x d), the label mean, Sxx = Xc^T Xc, Sxy = Xc^T yc and syy = yc^T yc. Least squares
    /// from the normal equations (refined against the same moments); the anchor's residual sums
    /// come from the moments too until withAnchor() puts in ones summed over the rows. Throws
    /// std::invalid_argument naming this function on sizes that disagree, on wide data and when
    /// the fit needs the rows (a Gram condition past LeastSquares::kGramConditionLimit).
    static SufficientStatistics fromMoments(arma::uword n, const arma::rowvec& featureMean,
                                            double labelMean, const arma::mat& sxx,
                                            const arma::vec& sxy, double syy);
    /// These statistics with the anchor's sums taken from the rows: `sse` = |r|^2 and `cross` =
    /// Xc^T r for r = Xc p - yc at the least-squares weights p (what compute() sums). Throws
    /// std::invalid_argument on a wrong length.
    SufficientStatistics withAnchor(double sse, const arma::vec& cross) const;

    /// Number of samples n.
    arma::uword sampleCount() const { return m_n; }
    /// Number of features d.
    arma::uword featureCount() const { return m_meanX.n_elem; }
    /// Feature means (1 x d).
    const arma::rowvec& featureMean() const { return m_meanX; }
    /// Label mean.
    double labelMean() const { return m_meanY; }
    /// Past this many features, and with more features than rows, no d x d matrix is formed:
    /// the statistics keep the centred data (n x d, smaller than d x d), least squares solves from
    /// it (an SVD of the n-row side) and every loss multiplies through it in O(n d).
    static constexpr arma::uword kWideFeatures = 256;
    /// True when the statistics keep the centred data instead of the Gram matrix (kWideFeatures).
    bool isWide() const { return m_wide; }
    /// Centred Gram matrix Xc^T Xc (d x d); on wide data formed on first use only.
    const arma::mat& centredGram() const;
    /// (Xc^T Xc)_jj, feature j's centred sum of squares, without forming Xc^T Xc on wide data.
    double centredSquares(arma::uword feature) const;
    /// Xc^T Xc v, without forming Xc^T Xc on wide data.
    arma::vec gramTimes(const arma::vec& v) const;
    /// Centred cross products Xc^T yc (d).
    const arma::vec& centredCross() const { return m_sxy; }
    /// Centred label sum of squares yc^T yc.
    double centredLabelSquares() const { return m_syy; }

    /// MSE of (w, b) in O(d^2). NaN with no rows; throws on a wrong weight count.
    double mse(const arma::vec& weights, double bias) const;
    /// True gradient of the MSE at (w, b) in O(d^2).
    Gradient gradient(const arma::vec& weights, double bias) const;
    /// The least-squares fit computed with the statistics.
    const LeastSquaresResult& leastSquares() const { return m_ls; }

    /// Hessian of the MSE over (w, b): (2/n) [X 1]^T [X 1], (d+1) x (d+1).
    arma::mat hessian() const;
    /// Largest stable gradient-descent rate 2 / lambda_max(Hessian); NaN with no rows.
    double stableLearningRate() const;

    /// Sum of squared residuals at the least-squares weights, summed over the data.
    double anchorSse() const { return m_anchorSse; }
    /// Xc^T r at the least-squares weights (zero up to rounding), summed over the data.
    const arma::vec& anchorCross() const { return m_anchorGrad; }

    /// mean_x . w + b - mean_y: the mean residual, summed in extended precision because its
    /// terms are as large as the data's offset while it may be tiny.
    double meanResidual(const arma::vec& weights, double bias) const;

private:
    /// compute(), stopping early (with meaningless sums) when `cancel` is given and turns true.
    static SufficientStatistics compute(const arma::mat& X, const arma::vec& y,
                                        const std::atomic<bool>* cancel);
    void check(const char* function, const arma::vec& weights) const;
    /// dw^T Sxx dw, through the centred data on wide data.
    double gramQuadratic(const arma::vec& dw) const;

    arma::uword m_n = 0;
    arma::rowvec m_meanX;
    double m_meanY = arma::datum::nan;
    arma::mat m_sxx;
    arma::vec m_sxy;
    double m_syy = arma::datum::nan;
    LeastSquaresResult m_ls;
    // Losses are expanded around the least-squares weights p, with its residual r = Xc p - yc
    // taken from the data: SSE(w) = d^T Sxx d + 2 d^T g + |r|^2 (d = w - p, g = Xc^T r). Every
    // term is small near the optimum, so nothing large cancels.
    double m_anchorSse = arma::datum::nan;
    arma::vec m_anchorGrad;
    // Wide data (isWide()): the centred data instead of m_sxx, and the Gram matrix formed only if
    // someone asks for it (shared by copies: the statistics do not change once computed).
    struct LazyGram {
        std::once_flag once;
        arma::mat gram;
    };
    bool m_wide = false;
    arma::mat m_centred;
    std::shared_ptr<LazyGram> m_lazyGram;
};

} // namespace linlab
