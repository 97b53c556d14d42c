#pragma once
// A list of derived features evaluated in order over named columns: each may read the columns
// offered and the derived features before it. What the design step and the plain dataset path
// run. Plain C++17 + Armadillo, no Qt.

#include "model/data/Dataset.h"
#include "model/data/DerivedFeature.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace linlab {

class DerivedColumns {
public:
    /// The columns on offer: a name's `rows` values (any pointer when `rows` is 0), or nullopt
    /// when there is no such column.
    using Lookup = std::function<std::optional<const double*>(const std::string&)>;

    /// Parses every spec in order (throws as DerivedFeature does, naming the expression).
    static std::vector<DerivedFeature> parse(const std::vector<DerivedSpec>& specs);
    /// Evaluates `features` in order into `out`, `rows` values a feature one after the other
    /// (column-major: an Armadillo matrix's columns). Throws std::invalid_argument naming the
    /// expression for a name already taken (by a column or an earlier derived feature), a name
    /// neither `columns` nor an earlier feature has, or a value that is not finite (the first
    /// such row, rowNumbers[i] or i + 1, and its value).
    static void evaluate(const std::vector<DerivedFeature>& features, std::size_t rows,
                         const Lookup& columns, double* out,
                         const std::vector<std::size_t>& rowNumbers = {});
    /// `data` with `specs` appended as features after its own, which are their sources (the
    /// label is not one: it would leak the answer into the features). Throws as evaluate().
    static Dataset appended(const Dataset& data, const std::vector<DerivedSpec>& specs);
};

} // namespace linlab
