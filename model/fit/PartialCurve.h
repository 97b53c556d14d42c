#pragma once
// The model along one raw feature, the others at their raw means: the line (or curve) drawn over
// a label-against-feature plot. Derived features that read the feature, directly or through
// another derived feature (x^2, x*z, log(x)), are computed from it at each point, so a
// polynomial fit draws as the curve it is; the others stay at their means. Plain C++17.

#include "model/data/DerivedFeature.h"
#include "model/fit/Analysis.h"
#include "model/fit/LinearModel.h"

#include <armadillo>

#include <string>
#include <vector>

namespace linlab {

class PartialCurve {
public:
    /// The curve along feature `feature` of `names` (the analysis' features), with `derived`
    /// (parsed once here; those not among `names` are ignored). Throws std::invalid_argument
    /// naming the expression for one that does not parse.
    PartialCurve(std::vector<std::string> names, const std::vector<DerivedSpec>& derived,
                 arma::uword feature);

    /// True when some derived feature follows the feature: predict() is then no straight line.
    bool curved() const { return !m_follow.empty(); }
    /// The prediction at each value of `x` (original units); NaN where a derived feature has no
    /// finite value (log of a negative x, say) or reads a column that is no feature. Throws
    /// std::invalid_argument naming this function when the analysis has other features.
    arma::vec predict(const Analysis& analysis, const LinearModel& model, const arma::vec& x) const;

private:
    struct Follower {
        DerivedFeature feature;
        arma::uword column;        // its place among the features
        std::vector<long> sources; // each source's feature column, -1 for none
    };
    std::vector<std::string> m_names;
    arma::uword m_feature;
    std::vector<Follower> m_follow; // in evaluation order
};

} // namespace linlab
