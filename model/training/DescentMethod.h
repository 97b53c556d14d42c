#pragma once
// The gradient-descent method, one enum with one string form for the project file ("gd",
// "momentum", "sgd"), the window's training session and the batch's plot hooks. Plain C++17.

#include <optional>
#include <string_view>

namespace linlab {

struct GradientDescentSettings;

/// Plain full-batch descent, heavy-ball momentum, or mini-batch SGD.
enum class DescentMethod { GradientDescent, Momentum, MiniBatch };

/// Every method, in the order the window lists them.
constexpr DescentMethod kDescentMethods[] = {DescentMethod::GradientDescent,
                                             DescentMethod::Momentum, DescentMethod::MiniBatch};

/// The method's name in project files: "gd", "momentum" or "sgd".
const char* descentMethodName(DescentMethod method);

/// The method named `name` exactly as descentMethodName() spells it; nothing otherwise.
std::optional<DescentMethod> parseDescentMethod(std::string_view name);

/// The method a batch run's settings describe: a batch size makes it SGD, else a momentum makes it
/// heavy ball, else plain descent.
DescentMethod descentMethodOf(const GradientDescentSettings& settings);

} // namespace linlab
