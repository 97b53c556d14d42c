#include "ui/plots/PlotFactory.h"

#include "ui/plots/DataPlotView.h"
#include "ui/plots/PredictedActualPlotView.h"
#include "ui/plots/ResidualPlotView.h"

#include <QCoreApplication>

QList<PlotKind> PlotFactory::kinds() {
    QList<PlotKind> list;
    for (const linlab::PlotKindInfo& info : linlab::plotKinds())
        if (!info.training)
            list.append(info.kind);
    return list;
}

QString PlotFactory::kindName(PlotKind kind) {
    return QString::fromLatin1(linlab::plotKindInfo(kind).name);
}

QString PlotFactory::kindTitle(PlotKind kind) {
    // The table's titles are English source texts, translated in PlotFactory's context.
    return QCoreApplication::translate("PlotFactory", linlab::plotKindInfo(kind).title);
}

std::optional<PlotKind> PlotFactory::parseKind(const QString& name) {
    const QString wanted = name.trimmed();
    for (const linlab::PlotKindInfo& info : linlab::plotKinds())
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
    case PlotKind::LossSurface:
    case PlotKind::LossCurve:
        break;
    }
    return nullptr;
}
