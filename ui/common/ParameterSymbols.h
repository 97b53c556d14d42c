#pragma once
// How a model's parameters are named on screen: w₁, w₂, ... for the weights and b for the bias
// (one home for the panels, the landscapes and their tool tips).

#include <QString>

namespace ParameterSymbols {

/// `number`'s decimal digits as Unicode subscripts: 12 -> "₁₂".
QString subscript(int number);
/// The symbol of weight k (0-based), numbered from 1 as the lesson does: 0 -> "w₁".
QString weightSymbol(int k);
/// Parameter k of a model with `featureCount` weights: weightSymbol(k), or "b" from k ==
/// featureCount on (the bias).
QString parameterSymbol(int k, int featureCount);
/// The same in plain ASCII ("w1", "b"), for undo texts that are typed, searched and logged.
QString plainParameterSymbol(int k, int featureCount);

} // namespace ParameterSymbols
