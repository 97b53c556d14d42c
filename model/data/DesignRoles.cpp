#include "model/data/DesignRoles.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace linlab {

namespace {

std::string quoted(const std::string& name) {
    return "\"" + name + "\"";
}

bool listed(const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
}

void unlist(std::vector<std::string>& list, const std::string& name) {
    list.erase(std::remove(list.begin(), list.end(), name), list.end());
}

// The options with `features` (a set of names) written out in table order and every other
// non-label column ignored.
DesignOptions withFeatures(const TypedTable& table, DesignOptions options,
                           const std::set<std::string>& features) {
    options.features.clear();
    options.ignored.clear();
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        const std::string& name = table.column(c).name();
        if (name == options.label)
            continue;
        (features.count(name) ? options.features : options.ignored).push_back(name);
    }
    std::vector<std::string> fill;
    for (const std::string& name : options.fill)
        if (features.count(name))
            fill.push_back(name);
    options.fill = std::move(fill);
    return options;
}

std::set<std::string> featureSet(const DesignOptions& options) {
    return {options.features.begin(), options.features.end()};
}

} // namespace

DesignOptions DesignRoles::explicitRoles(const TypedTable& table, const DesignOptions& options) {
    DesignOptions out = options;
    if (out.label.empty())
        for (std::size_t c = table.columnCount(); c-- > 0;)
            if (table.column(c).isNumber()) {
                out.label = table.column(c).name();
                break;
            }
    std::set<std::string> features;
    if (!options.features.empty()) {
        features = featureSet(options);
    } else {
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            const Column& column = table.column(c);
            const bool usable =
                column.type() == ColumnType::Numeric || column.type() == ColumnType::Categorical;
            if (column.name() != out.label && usable && !listed(options.ignored, column.name()))
                features.insert(column.name());
        }
    }
    if (out.fillAll) {
        out.fillAll = false;
        out.fill.assign(features.begin(), features.end());
    }
    return withFeatures(table, std::move(out), features);
}

Role DesignRoles::roleOf(const TypedTable& table, const DesignOptions& options,
                         std::size_t column) {
    const std::string& name = table.column(column).name();
    if (name == options.label)
        return Role::Label;
    return listed(options.features, name) ? Role::Feature : Role::Ignored;
}

DesignOptions DesignRoles::withRole(const TypedTable& table, const DesignOptions& options,
                                    std::size_t column, Role role) {
    const Column& target = table.column(column);
    const std::string& name = target.name();
    std::set<std::string> features = featureSet(options);
    DesignOptions out = options;
    switch (role) {
    case Role::Label: {
        if (!target.isNumber())
            throw std::invalid_argument("column " + quoted(name) + " is " +
                                        columnTypeName(target.type()) +
                                        ": the label must be numeric or a date");
        const std::size_t old = table.indexOf(options.label);
        if (old < table.columnCount() && old != column)
            features.insert(options.label); // the old label is a number: it can be a feature
        features.erase(name);
        out.label = name;
        out.reference.erase(name);
        break;
    }
    case Role::Feature:
        if (name == options.label)
            throw std::invalid_argument("column " + quoted(name) +
                                        " is the label: choose another label first");
        if (target.type() == ColumnType::Text)
            throw std::invalid_argument("column " + quoted(name) +
                                        " is text: make it categorical to use it as a feature");
        features.insert(name);
        break;
    case Role::Ignored:
        if (name == options.label)
            throw std::invalid_argument("column " + quoted(name) +
                                        " is the label: choose another label first");
        features.erase(name);
        break;
    }
    return withFeatures(table, std::move(out), features);
}

DesignOptions DesignRoles::withFill(const TypedTable& table, const DesignOptions& options,
                                    std::size_t column, bool fill) {
    DesignOptions out = explicitRoles(table, options);
    const std::string& name = table.column(column).name();
    unlist(out.fill, name);
    if (fill && listed(out.features, name))
        out.fill.push_back(name);
    return out;
}

DesignOptions DesignRoles::renamed(const DesignOptions& options, const std::string& from,
                                   const std::string& to) {
    DesignOptions out = options;
    if (out.label == from)
        out.label = to;
    for (std::vector<std::string>* list : {&out.features, &out.ignored, &out.fill})
        std::replace(list->begin(), list->end(), from, to);
    const auto it = out.reference.find(from);
    if (it != out.reference.end()) {
        std::string level = it->second;
        out.reference.erase(it);
        out.reference[to] = std::move(level);
    }
    return out;
}

DesignOptions DesignRoles::afterTypeChange(const DesignOptions& options, const Column& changed) {
    DesignOptions out = options;
    const std::string& name = changed.name();
    if (changed.type() == ColumnType::Text) {
        unlist(out.features, name);
        if (!listed(out.ignored, name) && name != out.label)
            out.ignored.push_back(name);
    }
    if (changed.type() == ColumnType::Text || changed.missingCount() == changed.rowCount())
        unlist(out.fill, name);
    if (changed.type() != ColumnType::Categorical)
        out.reference.erase(name);
    else if (const auto it = out.reference.find(name);
             it != out.reference.end() && changed.levelIndex(it->second) == Column::kNoLevel)
        out.reference.erase(it);
    return out;
}

DesignOptions DesignRoles::sanitized(const TypedTable& table, const DesignOptions& options) {
    DesignOptions out = options;
    for (auto it = out.reference.begin(); it != out.reference.end();) {
        const std::size_t c = table.indexOf(it->first);
        const bool stale = c == table.columnCount() ||
                           table.column(c).type() != ColumnType::Categorical ||
                           table.column(c).levelIndex(it->second) == Column::kNoLevel;
        it = stale ? out.reference.erase(it) : std::next(it);
    }
    std::vector<std::string> fill;
    for (const std::string& name : out.fill) {
        const std::size_t c = table.indexOf(name);
        if (c < table.columnCount() && table.column(c).missingCount() < table.column(c).rowCount())
            fill.push_back(name);
    }
    out.fill = std::move(fill);
    return out;
}

bool DesignRoles::isFilled(const TypedTable& table, const DesignOptions& options,
                           std::size_t column) {
    const std::string& name = table.column(column).name();
    return name != options.label &&
           (options.fillAll ? listed(options.features, name) || options.features.empty()
                            : listed(options.fill, name));
}

} // namespace linlab
