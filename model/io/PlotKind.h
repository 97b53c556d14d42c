#pragma once
// The plots LinLab draws and exports, in one table: the batch's --export-plot KIND=PATH, the
// window's Export › Plots and the plot factory read it. Plain C++17 (the batch has no Qt).
//
// To add a plot: a row in kPlotKinds (PlotKind.cpp), then the view that draws it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace linlab {

/// The data with the model's line, predicted against actual, the residuals, the loss surface with
/// the descent, and the loss curve.
enum class PlotKind { Data, PredictedVsActual, Residuals, LossSurface, LossCurve };

/// One row of the table.
struct PlotKindInfo {
    PlotKind kind;
    const char* name;  ///< in file names and on the command line ("predicted-vs-actual")
    const char* title; ///< shown to people, in English ("Predicted vs actual"); the window
                       ///< translates it
    bool training;     ///< drawn from a gradient-descent run (the Training tab's plots)
};

/// Every kind, in the order menus, "All plots" and --help list them.
const std::vector<PlotKindInfo>& plotKinds();

/// The row of `kind`.
const PlotKindInfo& plotKindInfo(PlotKind kind);

/// The kind named `name` exactly as PlotKindInfo::name spells it; nothing otherwise.
std::optional<PlotKind> parsePlotKind(std::string_view name);

/// Every kind's name, in table order.
std::vector<std::string> plotKindNames();

/// The names joined by ", ": "data, predicted-vs-actual, residuals, loss-surface, loss-curve".
std::string plotKindList();

} // namespace linlab
