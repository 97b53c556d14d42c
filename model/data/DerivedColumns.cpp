#include "model/data/DerivedColumns.h"

#include <stdexcept>

namespace linlab {

namespace {

[[noreturn]] void refuse(const DerivedFeature& f, const std::string& reason) {
    throw std::invalid_argument("derived feature \"" + f.name() + "\" = \"" + f.expression() +
                                "\": " + reason);
}

} // namespace

std::vector<DerivedFeature> DerivedColumns::parse(const std::vector<DerivedSpec>& specs) {
    std::vector<DerivedFeature> features;
    features.reserve(specs.size());
    for (const DerivedSpec& spec : specs)
        features.emplace_back(spec);
    return features;
}

void DerivedColumns::evaluate(const std::vector<DerivedFeature>& features, std::size_t rows,
                              const Lookup& columns, double* out,
                              const std::vector<std::size_t>& rowNumbers) {
    // A name resolves to an earlier derived feature first, then to a column on offer.
    auto find = [&](const std::string& name, std::size_t before) -> std::optional<const double*> {
        for (std::size_t k = before; k-- > 0;)
            if (features[k].name() == name)
                return rows ? out + k * rows : nullptr;
        return columns(name);
    };
    for (std::size_t k = 0; k < features.size(); ++k) {
        const DerivedFeature& f = features[k];
        if (find(f.name(), k))
            refuse(f, "there is already a column named \"" + f.name() + "\"");
        std::vector<const double*> sources;
        for (const std::string& name : f.sources()) {
            const std::optional<const double*> values = find(name, k);
            if (!values)
                refuse(f, "unknown name \"" + name +
                              "\" (a feature, a numeric column or an earlier derived feature; "
                              "a name with spaces goes in brackets: [body mass])");
            sources.push_back(*values);
        }
        if (rows > 0)
            f.evaluate(sources, rows, out + k * rows, rowNumbers);
    }
}

Dataset DerivedColumns::appended(const Dataset& data, const std::vector<DerivedSpec>& specs) {
    if (specs.empty())
        return data;
    const std::vector<DerivedFeature> features = parse(specs);
    const arma::uword n = data.rowCount(), d = data.featureCount();
    arma::mat x(n, d + features.size());
    if (n > 0)
        x.head_cols(d) = data.features();
    const std::vector<std::string>& own = data.featureNames();
    evaluate(
        features, n,
        [&](const std::string& name) -> std::optional<const double*> {
            for (arma::uword j = 0; j < d; ++j)
                if (own[j] == name)
                    return n ? data.features().colptr(j) : nullptr;
            return std::nullopt;
        },
        n ? x.colptr(d) : nullptr);
    std::vector<std::string> names = data.featureNames();
    for (const DerivedFeature& f : features)
        names.push_back(f.name());
    std::vector<bool> dummies = data.dummyFeatures();
    if (!dummies.empty())
        dummies.resize(names.size(), false);
    Dataset out(std::move(x), data.labels(), names, data.labelName());
    out.setDummyFeatures(std::move(dummies));
    return out;
}

} // namespace linlab
