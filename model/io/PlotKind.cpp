#include "model/io/PlotKind.h"

namespace linlab {

const std::vector<PlotKindInfo>& plotKinds() {
    static const std::vector<PlotKindInfo> kinds{
        {PlotKind::Data, "data", "Data", false},
        {PlotKind::PredictedVsActual, "predicted-vs-actual", "Predicted vs actual", false},
        {PlotKind::Residuals, "residuals", "Residuals", false},
        {PlotKind::LossSurface, "loss-surface", "Loss surface", true},
        {PlotKind::LossCurve, "loss-curve", "Loss curve", true},
    };
    return kinds;
}

const PlotKindInfo& plotKindInfo(PlotKind kind) {
    for (const PlotKindInfo& info : plotKinds())
        if (info.kind == kind)
            return info;
    return plotKinds().front(); // unreachable: every enumerator has a row (tst_PlotKind)
}

std::optional<PlotKind> parsePlotKind(std::string_view name) {
    for (const PlotKindInfo& info : plotKinds())
        if (name == info.name)
            return info.kind;
    return std::nullopt;
}

std::vector<std::string> plotKindNames() {
    std::vector<std::string> names;
    for (const PlotKindInfo& info : plotKinds())
        names.emplace_back(info.name);
    return names;
}

std::string plotKindList() {
    std::string list;
    for (const PlotKindInfo& info : plotKinds())
        list += (list.empty() ? "" : ", ") + std::string(info.name);
    return list;
}

} // namespace linlab
