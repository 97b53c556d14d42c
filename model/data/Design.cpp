#include "model/data/Design.h"

#include "model/data/DerivedColumns.h"
#include "model/support/HugePages.h"
#include "model/support/Parallel.h"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace linlab {

namespace {

std::string quoted(const std::string& name) {
    return "\"" + name + "\"";
}

[[noreturn]] void refuse(const std::string& message) {
    throw std::invalid_argument(message);
}

// `purpose` says what the column was asked for, in words: "to use as the label".
std::size_t columnNamed(const TypedTable& table, const std::string& name, const char* purpose) {
    const std::size_t index = table.indexOf(name);
    if (index == table.columnCount())
        refuse("there is no column " + quoted(name) + " " + purpose);
    return index;
}

bool contains(const std::vector<std::size_t>& list, std::size_t value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// The features in order: the named ones, or every numeric and categorical column but the label
// and the ignored (dates and text only when named).
std::vector<std::size_t> chooseFeatures(const TypedTable& table, const DesignOptions& options,
                                        std::size_t label,
                                        const std::vector<std::size_t>& ignored) {
    std::vector<std::size_t> features;
    if (options.features.empty()) {
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            const ColumnType type = table.column(c).type();
            if (c != label && !contains(ignored, c) &&
                (type == ColumnType::Numeric || type == ColumnType::Categorical))
                features.push_back(c);
        }
        return features;
    }
    for (const std::string& name : options.features) {
        const std::size_t c = columnNamed(table, name, "to use as a feature");
        if (c == label)
            refuse("column " + quoted(name) + " is the label and cannot also be a feature");
        if (contains(features, c))
            refuse("column " + quoted(name) + " is named twice as a feature");
        if (contains(ignored, c))
            refuse("column " + quoted(name) + " is both a feature and ignored");
        if (table.column(c).type() == ColumnType::Text)
            refuse("column " + quoted(name) +
                   " is text and cannot be a feature: make it categorical to use it");
        features.push_back(c);
    }
    return features;
}

// The mean over the column's present cells (the fill of a numeric or date feature).
double meanOf(const Column& column) {
    double sum = 0;
    std::size_t count = 0;
    for (std::size_t r = 0; r < column.rowCount(); ++r)
        if (!column.isMissing(r)) {
            sum += column.value(r);
            ++count;
        }
    if (count == 0)
        refuse("column " + quoted(column.name()) +
               " has no value to fill its missing cells with: every cell is missing");
    return sum / double(count);
}

// The most frequent level, ties to the first in sorted order (the fill of a categorical one).
std::uint32_t modeOf(const Column& column) {
    std::vector<std::size_t> counts(column.levels().size(), 0);
    for (std::uint32_t code : column.codes())
        if (code != Column::kNoLevel)
            ++counts[code];
    const auto best = std::max_element(counts.begin(), counts.end()); // the first of equals
    if (best == counts.end() || *best == 0)
        refuse("column " + quoted(column.name()) +
               " has no value to fill its missing cells with: every cell is missing");
    return static_cast<std::uint32_t>(best - counts.begin());
}

// One feature's plan: its column, and the value filled into its missing cells.
struct Feature {
    std::size_t column = 0;
    bool fill = false;
    double value = 0;         // numeric and date fill
    std::uint32_t level = 0;  // categorical fill
    std::vector<int> dummies; // categorical: level -> column of X, -1 for none
};

} // namespace

const char* roleName(Role role) {
    switch (role) {
    case Role::Label:
        return "label";
    case Role::Feature:
        return "feature";
    case Role::Ignored:
        return "ignored";
    }
    return "ignored";
}

namespace {

// What the options ask for, checked against the table: the label and the features in order
// (with their fill flags). Throws std::invalid_argument naming the column.
struct Plan {
    std::size_t label = 0;
    std::vector<Feature> features;
};

Plan planFor(const TypedTable& table, const DesignOptions& options) {
    Plan plan;
    if (options.label.empty())
        refuse("no column is chosen as the label");
    plan.label = columnNamed(table, options.label, "to use as the label");
    const Column& y = table.column(plan.label);
    if (!y.isNumber())
        refuse("column " + quoted(y.name()) + " is " + columnTypeName(y.type()) +
               " and cannot be the label: the label must be numeric or a date");
    std::vector<std::size_t> ignored;
    for (const std::string& name : options.ignored)
        ignored.push_back(columnNamed(table, name, "to ignore"));
    if (contains(ignored, plan.label))
        refuse("column " + quoted(y.name()) + " is the label and cannot also be ignored");

    for (std::size_t c : chooseFeatures(table, options, plan.label, ignored))
        plan.features.push_back({c, options.fillAll, 0, 0, {}});
    for (const std::string& name : options.fill) {
        const std::size_t c = columnNamed(table, name, "to fill");
        if (c == plan.label)
            refuse("column " + quoted(name) + " is the label: the label is never filled");
        const auto it = std::find_if(plan.features.begin(), plan.features.end(),
                                     [c](const Feature& f) { return f.column == c; });
        if (it == plan.features.end())
            refuse("column " + quoted(name) + " cannot be filled: it is not a feature");
        it->fill = true;
    }
    for (const auto& [name, level] : options.reference) {
        const Column& column = table.column(columnNamed(table, name, "to give a reference level"));
        if (column.type() != ColumnType::Categorical)
            refuse("column " + quoted(name) + " is not categorical: it has no reference level");
        if (column.levelIndex(level) == Column::kNoLevel)
            refuse("column " + quoted(name) + " has no level " + quoted(level) +
                   " to use as the reference");
    }
    return plan;
}

std::vector<Role> rolesOf(const TypedTable& table, const Plan& plan) {
    std::vector<Role> roles(table.columnCount(), Role::Ignored);
    roles[plan.label] = Role::Label;
    for (const Feature& f : plan.features)
        roles[f.column] = Role::Feature;
    return roles;
}

// Column `x` of X: feature `f`'s values in the used rows, or its dummy of level `level`.
void fillColumn(const Column& column, const Feature& f, std::uint32_t level,
                const std::vector<std::size_t>& rows, double* out) {
    if (column.type() == ColumnType::Categorical) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::size_t r = rows[i];
            out[i] = (column.isMissing(r) ? f.level : column.code(r)) == level ? 1.0 : 0.0;
        }
        return;
    }
    for (std::size_t i = 0; i < rows.size(); ++i)
        out[i] = column.isMissing(rows[i]) ? f.value : column.value(rows[i]);
}

// X, a column at a time (each written once, in order; two threads when large): the numbers of
// each number feature and the 0/1 dummies of each categorical one.
void fillFeatures(const TypedTable& table, const std::vector<Feature>& features,
                  const std::vector<std::size_t>& rows, std::size_t width, std::size_t derived,
                  arma::mat& x) {
    std::vector<std::pair<const Feature*, std::uint32_t>> of(width, {nullptr, 0});
    std::size_t next = 0;
    for (const Feature& f : features) {
        if (table.column(f.column).type() != ColumnType::Categorical) {
            of[next++] = {&f, 0};
            continue;
        }
        for (std::uint32_t l = 0; l < f.dummies.size(); ++l)
            if (f.dummies[l] >= 0) {
                of[std::size_t(f.dummies[l])] = {&f, l};
                ++next;
            }
    }
    x.set_size(rows.size(), width + derived); // the derived features' columns are filled later
    if (rows.empty()) // (colptr of a matrix with no rows is undefined in Armadillo)
        return;
    adviseHugePages(x.memptr(), x.n_elem * sizeof(double));
    forEachIndex(width, rows.size() * width, [&](std::size_t j) {
        const Feature& f = *of[j].first;
        fillColumn(table.column(f.column), f, of[j].second, rows, x.colptr(arma::uword(j)));
    });
}

// The table columns derived features read that are not features (their missing rows are left
// out). Refuses the label and a column without numbers as a source; a name that is no column
// (a dummy, an earlier derived feature, or unknown) is resolved when evaluated.
std::vector<std::size_t> derivedSources(const TypedTable& table, const Plan& plan,
                                        const std::vector<DerivedFeature>& derived) {
    std::vector<std::size_t> extra;
    for (std::size_t k = 0; k < derived.size(); ++k) {
        const DerivedFeature& f = derived[k];
        auto refuseSource = [&](const std::string& why) {
            refuse("derived feature " + quoted(f.name()) + " = " + quoted(f.expression()) + ": " +
                   why);
        };
        if (table.indexOf(f.name()) != table.columnCount())
            refuseSource("there is already a column named " + quoted(f.name()));
        for (const std::string& name : f.sources()) {
            const std::size_t c = table.indexOf(name);
            const bool earlier =
                std::any_of(derived.begin(), derived.begin() + std::ptrdiff_t(k),
                            [&](const DerivedFeature& e) { return e.name() == name; });
            if (earlier || c == table.columnCount())
                continue;
            const Column& column = table.column(c);
            if (c == plan.label)
                refuseSource("the label " + quoted(name) +
                             " cannot be a source: it would leak the answer into the features");
            if (!column.isNumber())
                refuseSource("column " + quoted(name) + " is " + columnTypeName(column.type()) +
                             (column.type() == ColumnType::Categorical
                                  ? ": use one of its dummies, [" + name + "=LEVEL]"
                                  : ": it holds no numbers"));
            const bool feature =
                std::any_of(plan.features.begin(), plan.features.end(),
                            [c](const Feature& feature) { return feature.column == c; });
            if (!feature && !contains(extra, c))
                extra.push_back(c);
        }
    }
    return extra;
}

// The derived features into the last columns of X, on the used rows: their sources are the
// first `names.size()` columns of X and the `extra` table columns.
void fillDerived(const TypedTable& table, const std::vector<DerivedFeature>& derived,
                 const std::vector<std::size_t>& extra, const std::vector<std::string>& names,
                 const std::vector<std::size_t>& rows, arma::mat& x) {
    if (derived.empty())
        return;
    const std::size_t n = rows.size(), d = names.size();
    std::vector<arma::vec> extraValues;
    for (std::size_t c : extra) {
        arma::vec& v = extraValues.emplace_back(n);
        for (std::size_t i = 0; i < n; ++i)
            v(i) = table.column(c).value(rows[i]);
    }
    std::vector<std::size_t> rowNumbers(n); // as the table shows them, for messages
    for (std::size_t i = 0; i < n; ++i)
        rowNumbers[i] = rows[i] + 1;
    const DerivedColumns::Lookup lookup =
        [&](const std::string& name) -> std::optional<const double*> {
        for (std::size_t j = 0; j < d; ++j)
            if (names[j] == name)
                return n ? x.colptr(arma::uword(j)) : nullptr;
        for (std::size_t e = 0; e < extra.size(); ++e)
            if (table.column(extra[e]).name() == name)
                return n ? extraValues[e].memptr() : nullptr;
        return std::nullopt;
    };
    DerivedColumns::evaluate(derived, n, lookup, n ? x.colptr(arma::uword(d)) : nullptr,
                             rowNumbers);
}

} // namespace

std::vector<Role> Design::rolesFor(const TypedTable& table, const DesignOptions& options) {
    return rolesOf(table, planFor(table, options));
}

Design Design::build(const TypedTable& table, const DesignOptions& options) {
    Design d;
    d.m_tableRows = table.rowCount();
    Plan plan = planFor(table, options);
    const std::vector<DerivedFeature> derived = DerivedColumns::parse(options.derived);
    const std::vector<std::size_t> derivedExtra = derivedSources(table, plan, derived);
    const Column& y = table.column(plan.label);
    std::vector<Feature>& features = plan.features;
    d.m_roles = rolesOf(table, plan);
    d.m_references.assign(table.columnCount(), std::string());

    // Listwise: a row is used when its label and every feature it does not fill are present.
    const std::size_t n = table.rowCount();
    std::vector<unsigned char> used(n);
    for (std::size_t r = 0; r < n; ++r)
        used[r] = !y.isMissing(r);
    for (Feature& f : features) {
        const Column& column = table.column(f.column);
        if (f.fill) {
            if (column.missingCount() == 0)
                f.fill = false; // nothing to fill
            else if (column.type() == ColumnType::Categorical)
                f.level = modeOf(column);
            else
                f.value = meanOf(column);
            continue;
        }
        for (std::size_t r = 0; r < n; ++r)
            used[r] &= !column.isMissing(r);
    }
    for (std::size_t c : derivedExtra) // a derived feature's source that is no feature
        for (std::size_t r = 0; r < n; ++r)
            used[r] &= !table.column(c).isMissing(r);
    d.m_usedRows.reserve(std::size_t(std::count(used.begin(), used.end(), 1)));
    for (std::size_t r = 0; r < n; ++r)
        (used[r] ? d.m_usedRows : d.m_excludedRows).push_back(r);
    const std::vector<std::size_t>& rows = d.m_usedRows;

    // The columns of X: one per number feature, k - 1 dummies per categorical one (the levels
    // seen in the used rows; the reference is the chosen level when seen, else the first).
    for (Feature& f : features) {
        const Column& column = table.column(f.column);
        if (f.fill) {
            Imputation imputation{f.column, column.name(), f.value, {}, 0};
            if (column.type() == ColumnType::Categorical) {
                imputation.value = f.level;
                imputation.level = column.levels()[f.level];
            }
            for (std::size_t r : rows)
                imputation.cells += column.isMissing(r);
            d.m_imputed.push_back(std::move(imputation));
        }
        if (column.type() != ColumnType::Categorical) {
            d.m_featureNames.push_back(column.name());
            d.m_featureColumns.push_back(f.column);
            continue;
        }
        std::vector<unsigned char> seen(column.levels().size(), 0);
        for (std::size_t r : rows)
            seen[column.isMissing(r) ? f.level : column.code(r)] = 1;
        const auto chosen = options.reference.find(column.name());
        std::uint32_t reference = Column::kNoLevel;
        if (chosen != options.reference.end() && seen[column.levelIndex(chosen->second)])
            reference = column.levelIndex(chosen->second);
        for (std::uint32_t l = 0; reference == Column::kNoLevel && l < seen.size(); ++l)
            if (seen[l])
                reference = l;
        if (reference != Column::kNoLevel)
            d.m_references[f.column] = column.levels()[reference];
        f.dummies.assign(seen.size(), -1);
        for (std::uint32_t l = 0; l < seen.size(); ++l)
            if (seen[l] && l != reference) {
                f.dummies[l] = int(d.m_featureNames.size());
                d.m_featureNames.push_back(column.name() + "=" + column.levels()[l]);
                d.m_featureColumns.push_back(f.column);
            }
    }

    fillFeatures(table, features, rows, d.m_featureNames.size(), derived.size(), d.m_features);
    fillDerived(table, derived, derivedExtra, d.m_featureNames, rows, d.m_features);
    for (const DerivedFeature& f : derived) {
        d.m_featureNames.push_back(f.name());
        d.m_featureColumns.push_back(kNoColumn);
    }
    d.m_derivedCount = derived.size();
    d.m_labels.set_size(rows.size());
    adviseHugePages(d.m_labels.memptr(), rows.size() * sizeof(double));
    for (std::size_t i = 0; i < rows.size(); ++i)
        d.m_labels(i) = y.value(rows[i]);
    d.m_labelName = y.name();
    for (std::size_t c : d.m_featureColumns)
        d.m_dummies.push_back(c != kNoColumn && table.column(c).type() == ColumnType::Categorical);
    if (std::find(d.m_dummies.begin(), d.m_dummies.end(), true) == d.m_dummies.end())
        d.m_dummies.clear(); // as Dataset keeps them
    return d;
}

Dataset Design::dataset() const& {
    Dataset data(m_features, m_labels, m_featureNames, m_labelName);
    data.setDummyFeatures(m_dummies);
    return data;
}

Dataset Design::dataset() && {
    Dataset data(std::move(m_features), std::move(m_labels), m_featureNames, m_labelName);
    data.setDummyFeatures(m_dummies);
    return data;
}

} // namespace linlab
