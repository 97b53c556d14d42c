#pragma once
// Axis tickers for the data plot's typed columns: a categorical column's levels as tick labels at
// x = 0, 1, 2, ... (each level a jittered group around its tick), and dates (the dataset counts
// days since 1970-01-01, QCustomPlot's date ticker seconds) labelled to suit the span shown.

#include <QSharedPointer>
#include <QString>
#include <QStringList>

#include <qcustomplot.h>

class PlotTickers {
public:
    /// A day in QCPAxisTickerDateTime's unit.
    static constexpr double kSecondsPerDay = 86400;
    /// Half the width of a level's group: points spread over [level - kJitter, level + kJitter].
    static constexpr double kJitter = 0.3;

    /// Ticks at 0, 1, ... labelled `labels`, without sub ticks.
    static QSharedPointer<QCPAxisTickerText> levelTicker(const QStringList& labels);
    /// A UTC date ticker for an axis spanning `spanSeconds`.
    static QSharedPointer<QCPAxisTickerDateTime> dateTicker(double spanSeconds);
    /// The QDateTime format for a span: years over decades, months over a year or so, days,
    /// then hours.
    static QString dateFormat(double spanSeconds);
    /// The offset of table row `row` within its group, in [-kJitter, kJitter]: the same row
    /// lands in the same place on every redraw.
    static double jitter(int row);
};
