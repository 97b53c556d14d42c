#include "ui/table/HeaderLabelStyle.h"

#include <QStyleOptionHeader>

#include <algorithm>

HeaderLabelStyle::HeaderLabelStyle(QObject* parent)
    : QProxyStyle() {
    setParent(parent);
}

void HeaderLabelStyle::drawControl(ControlElement element, const QStyleOption* option,
                                   QPainter* painter, const QWidget* widget) const {
    const auto* header = qstyleoption_cast<const QStyleOptionHeader*>(option);
    if (element != CE_HeaderLabel || !header || header->text.isEmpty()) {
        QProxyStyle::drawControl(element, option, painter, widget);
        return;
    }
    QStyleOptionHeader elided(*header);
    const int width = std::max(1, header->rect.width() - 4);
    QStringList lines = header->text.split(QLatin1Char('\n'));
    for (QString& line : lines)
        line = header->fontMetrics.elidedText(line, Qt::ElideMiddle, width);
    elided.text = lines.join(QLatin1Char('\n'));
    QProxyStyle::drawControl(element, &elided, painter, widget);
}
