#include "ui/plots/PlotFactory.h"

#include "ui/plots/DataPlotView.h"
#include "ui/plots/PredictedActualPlotView.h"
#include "ui/plots/ResidualPlotView.h"

#include <QCoreApplication>

namespace {

struct KindInfo {
    PlotKind kind;
    const char* name;  // file names and command line: never translated
    const char* title; // translated via PlotFactory's context
};

// One row per kind: the only list to extend besides create().
constexpr KindInfo kKinds[] = {
    {PlotKind::Data, "data", QT_TRANSLATE_NOOP("PlotFactory", "Data")},
    {PlotKind::PredictedVsActual, "predicted-vs-actual",
     QT_TRANSLATE_NOOP("PlotFactory", "Predicted vs actual")},
    {PlotKind::Residuals, "residuals", QT_TRANSLATE_NOOP("PlotFactory", "Residuals")},
};

const KindInfo* infoOf(PlotKind kind) {
    for (const KindInfo& info : kKinds)
        if (info.kind == kind)
            return &info;
    return nullptr;
}

} // namespace

QList<PlotKind> PlotFactory::kinds() {
    QList<PlotKind> list;
    for (const KindInfo& info : kKinds)
        list.append(info.kind);
    return list;
}

QString PlotFactory::kindName(PlotKind kind) {
    const KindInfo* info = infoOf(kind);
    return info ? QString::fromLatin1(info->name) : QString();
}

QString PlotFactory::kindTitle(PlotKind kind) {
    const KindInfo* info = infoOf(kind);
    return info ? QCoreApplication::translate("PlotFactory", info->title) : QString();
}

std::optional<PlotKind> PlotFactory::parseKind(const QString& name) {
    const QString wanted = name.trimmed();
    for (const KindInfo& info : kKinds)
        if (wanted.compare(QLatin1String(info.name), Qt::CaseInsensitive) == 0)
            return info.kind;
    return std::nullopt;
}

PlotView* PlotFactory::create(PlotKind kind, Document* document, QWidget* parent) {
    switch (kind) {
    case PlotKind::Data:
        return new DataPlotView(document, parent);
    case PlotKind::PredictedVsActual:
        return new PredictedActualPlotView(document, parent);
    case PlotKind::Residuals:
        return new ResidualPlotView(document, parent);
    }
    return nullptr;
}
