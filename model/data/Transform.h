#pragma once
// The lesson's preprocessing, in its order: scale the features (X * s), then normalise them.
// Rows are samples, columns are features. Plain C++17 + Armadillo.

#include <armadillo>
#include <string>
#include <vector>

namespace linlab {

/// How features are normalised after scaling.
enum class Normalization { None, ZScore, MinMax };

/// "none", "zscore" or "minmax".
const char* normalizationName(Normalization mode);
/// Parses "none", "zscore" or "minmax"; false when the text is none of them.
bool parseNormalization(const std::string& text, Normalization& mode);

/// What the user chose: a scale factor, a normalisation, and the std convention for z-score.
struct TransformSettings {
    double scale = 1.0;
    Normalization normalization = Normalization::None;
    int ddof = 0; ///< 0: population std (NumPy's default); 1: sample std.

    bool operator==(const TransformSettings& o) const {
        return scale == o.scale && normalization == o.normalization && ddof == o.ddof;
    }
    bool operator!=(const TransformSettings& o) const { return !(*this == o); }
};

/// A transform fitted to data: transformed = (X * scale - shift) / divisor, column by column. A
/// fixed column (a 0/1 dummy) is left as it is: its scale 1, shift 0, divisor 1.
class Transform {
public:
    /// Relative spread under which a feature counts as constant (scaled by 1 and flagged).
    static constexpr double kZeroSpreadTolerance = 1e-12;

    /// The identity transform for d features.
    explicit Transform(arma::uword featureCount = 0);
    /// Fits the settings to X (n x d): computes mean, std, min and max of the scaled features.
    /// Columns flagged in `fixed` (empty, or d flags) are neither scaled nor normalised. Throws
    /// std::invalid_argument on a non-finite scale, a ddof other than 0 or 1, or d != flags.
    static Transform fit(const arma::mat& X, const TransformSettings& settings,
                         const std::vector<bool>& fixed = {});

    /// The transform fit() would give on rows never held together, from their raw (unscaled)
    /// column moments: n rows, each column's mean, centred sum of squares sum (x - mean)^2, min
    /// and max (as StreamingMoments keeps them). Equal to fit() to rounding. Throws
    /// std::invalid_argument as fit() does, and naming this function when the sizes disagree.
    static Transform fromMoments(arma::uword n, const arma::rowvec& mean,
                                 const arma::rowvec& centredSquares, const arma::rowvec& min,
                                 const arma::rowvec& max, const TransformSettings& settings);
    /// This transform after X changed in `columns` only: those are fitted anew, the others keep
    /// their fit (what a cell edit costs: one column, not the table). Equals
    /// fit(X, settings(), fixed()); with another column count, fit(X, settings()).
    Transform refit(const arma::mat& X, const std::vector<arma::uword>& columns) const;
    /// Applies the fitted transform to X (n x d).
    arma::mat apply(const arma::mat& X) const;
    /// apply() into `out`, reusing its memory when the size fits (no second matrix in memory).
    void applyInto(const arma::mat& X, arma::mat& out) const;
    /// applyInto() for `columns` only; `out` (X's size) already holds the others transformed.
    void applyColumnsInto(const arma::mat& X, const std::vector<arma::uword>& columns,
                          arma::mat& out) const;
    /// Maps weights on transformed features back to the original features' units.
    arma::vec weightsToOriginal(const arma::vec& weights) const;
    /// Maps a bias on transformed features back to the original features' units.
    double biasToOriginal(const arma::vec& weights, double bias) const;

    const TransformSettings& settings() const { return m_settings; }
    /// Per feature: true when it is kept as it is (a dummy); empty when none is.
    const std::vector<bool>& fixed() const { return m_fixed; }
    /// Per feature: the scale factor applied, settings().scale or 1 for a fixed feature.
    const arma::rowvec& scales() const { return m_scales; }
    /// Per-feature mean of the scaled features (NaN with no rows).
    const arma::rowvec& mean() const { return m_mean; }
    /// Per-feature std of the scaled features, with the settings' ddof (NaN when n <= ddof).
    const arma::rowvec& stddev() const { return m_std; }
    /// Per-feature minimum of the scaled features.
    const arma::rowvec& min() const { return m_min; }
    /// Per-feature maximum of the scaled features.
    const arma::rowvec& max() const { return m_max; }
    /// Per feature: true when its spread is (near) zero, so it is not divided by it.
    const std::vector<bool>& zeroSpread() const { return m_zeroSpread; }
    /// What is subtracted from each scaled feature (0 for a fixed one).
    const arma::rowvec& shift() const { return m_shift; }
    /// What each shifted feature is divided by (1 for a flagged or fixed feature).
    const arma::rowvec& divisor() const { return m_divisor; }
    /// True when apply() returns X unchanged.
    bool isIdentity() const;

private:
    /// Column j's mean, std, min and max from X's values (columns may run in parallel).
    void fitMoments(const arma::mat& X, arma::uword j);
    /// Column j's flag, shift and divisor from its moments (serially: vector<bool> shares words).
    void fitParameters(arma::uword j);
    /// Transforms column j of X into column j of out (same sizes).
    void applyColumn(const arma::mat& X, arma::uword j, arma::mat& out) const;

    TransformSettings m_settings;
    arma::rowvec m_mean, m_std, m_min, m_max, m_shift, m_divisor, m_scales;
    std::vector<bool> m_zeroSpread;
    std::vector<bool> m_fixed;
};

} // namespace linlab
