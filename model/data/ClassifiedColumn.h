#pragma once
// One column's cells classified while a scanner splits the text (TypedCsvReader's fast path), as
// TypedReader classifies them: each cell's kind, its number or date, and the counts that decide
// the column's type. Plain C++17, no Qt.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace linlab {

/// What a cell read as.
enum CellKind : std::uint8_t { kCellMissing, kCellNumber, kCellDate, kCellOther };

/// A column classified cell by cell. `cells` holds every cell's text once `hasCells` (set at
/// the first cell that is neither missing nor a number, the earlier ones filled in then): a
/// column of numbers alone never needs its text, so it costs 9 bytes a cell instead of 25.
struct ClassifiedColumn {
    std::vector<std::uint8_t> kinds;     ///< a CellKind per cell
    std::vector<double> values;          ///< numbers and dates; NaN for the other kinds
    std::vector<std::string_view> cells; ///< every cell's text when hasCells, else empty
    bool hasCells = false;
    bool tryDates = true; ///< dates still possible (no number nor non-date seen yet)
    std::size_t nonMissing = 0, numbers = 0, dates = 0;

    /// Classifies `cell` (missing `tokens`, numbers with `decimal`) as TypedReader does with no
    /// forced type, appending its kind and value and counting it; returns its kind.
    CellKind add(std::string_view cell, const std::vector<std::string>& tokens, char decimal);

    /// Appends a cell already read as the number `value` (a cell add() reads as that number).
    void addNumber(double value) {
        kinds.push_back(kCellNumber);
        values.push_back(value);
        ++nonMissing;
        ++numbers;
        tryDates = false;
    }

    /// Whether no cell that reads as a number with `decimal` is one of `tokens`, so a cell that
    /// does is a number without looking at the tokens (addNumber).
    static bool numbersAreNoTokens(const std::vector<std::string>& tokens, char decimal);
};

} // namespace linlab
