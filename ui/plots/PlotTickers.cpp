#include "ui/plots/PlotTickers.h"

#include <QVector>

#include <cstdint>

QSharedPointer<QCPAxisTickerText> PlotTickers::levelTicker(const QStringList& labels) {
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> positions;
    QVector<QString> names;
    for (int i = 0; i < labels.size(); ++i) {
        positions.append(i);
        names.append(labels.at(i));
    }
    ticker->addTicks(positions, names);
    ticker->setSubTickCount(0); // sub ticks between levels would suggest values in between
    return ticker;
}

QSharedPointer<QCPAxisTickerDateTime> PlotTickers::dateTicker(double spanSeconds) {
    QSharedPointer<QCPAxisTickerDateTime> ticker(new QCPAxisTickerDateTime);
    // The dataset's days are UTC days: local time would shift every tick by the zone's offset.
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(dateFormat(spanSeconds));
    ticker->setTickCount(5); // date labels are wide
    return ticker;
}

QString PlotTickers::dateFormat(double spanSeconds) {
    const double days = spanSeconds / kSecondsPerDay;
    if (days > 3 * 365.25)
        return QStringLiteral("yyyy");
    if (days > 90)
        return QStringLiteral("MMM yyyy");
    if (days > 3)
        return QStringLiteral("d MMM\nyyyy");
    return QStringLiteral("d MMM\nhh:mm");
}

double PlotTickers::jitter(int row) {
    // splitmix64's finaliser: neighbouring rows get unrelated offsets, without a random state.
    std::uint64_t z = std::uint64_t(std::int64_t(row)) + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    const double unit = double(z >> 11) / double(std::uint64_t(1) << 53); // [0, 1)
    return (2 * unit - 1) * kJitter;
}
