#pragma once
// Typed documents for the data plot's tests: a small penguins-like table (three categorical
// columns, a date, a missing feature value that leaves a row out, a missing level in an ignored
// column), and a larger seeded one that looks like the Palmer penguins, for pictures.

#include "app/document/Document.h"
#include "model/data/Column.h"
#include "model/data/SourceTable.h"
#include "model/data/TypedTable.h"

#include <armadillo>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace plottest {

/// Present everywhere except at `missing`.
inline std::vector<linlab::CellState> statesWithout(std::size_t n,
                                                    std::vector<std::size_t> missing) {
    std::vector<linlab::CellState> states(n, linlab::CellState::Present);
    for (std::size_t row : missing)
        states[row] = linlab::CellState::Missing;
    return states;
}

/// 8 table rows; flipper_length_mm is missing in table row 4, which is left out (dataset rows
/// 0..6 are table rows 0, 1, 2, 3, 5, 6, 7); sex is missing in table row 3. Label body_mass_g;
/// features flipper_length_mm, species (dummies species=Chinstrap, species=Gentoo) and day (a
/// date); island and sex ignored. The model: 20 flipper - 100 Chinstrap + 300 Gentoo - 200.
inline void loadSmallPenguins(Document& doc) {
    using linlab::Column;
    using linlab::ColumnType;
    const std::size_t n = 8;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<Column> columns;
    columns.push_back(Column::numbers("flipper_length_mm", ColumnType::Numeric,
                                      {181, 186, 217, 195, nan, 190, 230, 200},
                                      statesWithout(n, {4})));
    columns.push_back(Column::categorical("species", {0, 0, 2, 1, 2, 0, 2, 1},
                                          {"Adelie", "Chinstrap", "Gentoo"}, statesWithout(n, {})));
    columns.push_back(Column::numbers("day", ColumnType::Date,
                                      {19700, 19701, 19702, 19710, 19712, 19720, 19730, 19760},
                                      statesWithout(n, {})));
    columns.push_back(Column::categorical("island", {2, 2, 0, 1, 0, 1, 0, 1},
                                          {"Biscoe", "Dream", "Torgersen"}, statesWithout(n, {})));
    columns.push_back(Column::categorical("sex", {1, 0, 0, 0, 1, 1, 1, 0}, {"female", "male"},
                                          statesWithout(n, {3})));
    columns.push_back(Column::numbers("body_mass_g", ColumnType::Numeric,
                                      {3750, 3800, 4500, 3700, 5700, 3900, 5500, 3600},
                                      statesWithout(n, {})));
    linlab::SourceTable source;
    source.table = linlab::TypedTable(std::move(columns));
    source.design.label = "body_mass_g";
    source.design.features = {"flipper_length_mm", "species", "day"};
    source.design.ignored = {"island", "sex"};
    doc.replaceSource(std::move(source), linlab::TransformSettings{},
                      linlab::LinearModel(arma::vec{20, -100, 300, 0}, -200),
                      QStringLiteral("penguins"));
}

/// `n` seeded rows like the Palmer penguins: species with their own flipper and mass, islands,
/// sex with a few missing; body mass on flipper length and species, fitted by least squares.
inline void loadPenguins(Document& doc, std::size_t n, int seed) {
    using linlab::Column;
    using linlab::ColumnType;
    arma::arma_rng::set_seed(seed);
    const double flipperMean[] = {190, 196, 217};
    const double massMean[] = {3700, 3730, 5080};
    std::vector<std::uint32_t> species(n), island(n), sex(n);
    std::vector<double> flipper(n), mass(n);
    std::vector<std::size_t> noSex;
    for (std::size_t i = 0; i < n; ++i) {
        const double u = arma::randu();
        species[i] = u < 0.44 ? 0 : u < 0.64 ? 1 : 2;
        island[i] = species[i] == 2   ? 0
                    : species[i] == 1 ? 1
                                      : std::uint32_t(arma::randi(arma::distr_param(0, 2)));
        sex[i] = arma::randu() < 0.5 ? 0 : 1;
        const double z = arma::randn();
        flipper[i] = std::round(flipperMean[species[i]] + 6.5 * z);
        mass[i] = std::round(massMean[species[i]] + 280 * z + 200 * arma::randn() +
                             (sex[i] ? 250 : -250));
        if (i % 31 == 7)
            noSex.push_back(i);
    }
    std::vector<Column> columns;
    columns.push_back(
        Column::numbers("flipper_length_mm", ColumnType::Numeric, flipper, statesWithout(n, {})));
    columns.push_back(Column::categorical("species", species, {"Adelie", "Chinstrap", "Gentoo"},
                                          statesWithout(n, {})));
    columns.push_back(Column::categorical("island", island, {"Biscoe", "Dream", "Torgersen"},
                                          statesWithout(n, {})));
    columns.push_back(Column::categorical("sex", sex, {"female", "male"}, statesWithout(n, noSex)));
    columns.push_back(
        Column::numbers("body_mass_g", ColumnType::Numeric, mass, statesWithout(n, {})));
    linlab::SourceTable source;
    source.table = linlab::TypedTable(std::move(columns));
    source.design.label = "body_mass_g";
    source.design.features = {"flipper_length_mm", "species"};
    source.design.ignored = {"island", "sex"};
    doc.replaceSource(std::move(source), linlab::TransformSettings{}, linlab::LinearModel(3),
                      QStringLiteral("penguins"));
    doc.setModel(doc.leastSquaresModel());
}

} // namespace plottest
