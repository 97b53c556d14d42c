#include "model/fit/PartialCurve.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

namespace linlab {

PartialCurve::PartialCurve(std::vector<std::string> names, const std::vector<DerivedSpec>& derived,
                           arma::uword feature)
    : m_names(std::move(names))
    , m_feature(feature) {
    const auto columnOf = [this](const std::string& name) -> long {
        const auto it = std::find(m_names.begin(), m_names.end(), name);
        return it == m_names.end() ? -1 : long(it - m_names.begin());
    };
    if (feature >= m_names.size())
        return;
    std::set<std::string> moving{m_names[feature]};
    for (const DerivedSpec& spec : derived) {
        const long column = columnOf(spec.name);
        if (column < 0 || arma::uword(column) == feature)
            continue;
        DerivedFeature parsed(spec);
        const bool follows = std::any_of(parsed.sources().begin(), parsed.sources().end(),
                                         [&](const std::string& s) { return moving.count(s) > 0; });
        if (!follows)
            continue;
        moving.insert(spec.name);
        std::vector<long> sources;
        for (const std::string& s : parsed.sources())
            sources.push_back(columnOf(s));
        m_follow.push_back({std::move(parsed), arma::uword(column), std::move(sources)});
    }
}

arma::vec PartialCurve::predict(const Analysis& analysis, const LinearModel& model,
                                const arma::vec& x) const {
    if (analysis.rawMeans().n_elem != m_names.size() || m_feature >= m_names.size())
        throw std::invalid_argument("PartialCurve::predict: the analysis has " +
                                    std::to_string(analysis.rawMeans().n_elem) +
                                    " features for a curve of " + std::to_string(m_names.size()));
    if (m_follow.empty())
        return analysis.partialPrediction(model, m_feature, x);
    const arma::vec w = analysis.transform().weightsToOriginal(model.weights());
    const double b = analysis.transform().biasToOriginal(model.weights(), model.bias());
    std::vector<double> raw(m_names.size()), values;
    arma::vec out(x.n_elem);
    for (arma::uword i = 0; i < x.n_elem; ++i) {
        for (arma::uword k = 0; k < raw.size(); ++k)
            raw[k] = analysis.rawMeans()(k);
        raw[m_feature] = x(i);
        bool finite = true;
        for (const Follower& f : m_follow) {
            values.clear();
            for (const long s : f.sources)
                values.push_back(s >= 0 ? raw[std::size_t(s)] : arma::datum::nan);
            raw[f.column] = f.feature.evaluateRow(values);
            finite = finite && std::isfinite(raw[f.column]);
        }
        double y = b;
        for (arma::uword k = 0; k < raw.size(); ++k)
            y += w(k) * raw[k];
        out(i) = finite ? y : arma::datum::nan;
    }
    return out;
}

} // namespace linlab
