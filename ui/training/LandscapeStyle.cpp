#include "ui/training/LandscapeStyle.h"

#include "model/training/ContourLines.h"
#include "model/training/LandscapeSlice.h"
#include "ui/common/NumberText.h"
#include "ui/common/ParameterSymbols.h"

#include "model/training/LandscapeWindow.h"
#include "ui/plots/PlotView.h"
#include <QCoreApplication>
#include <QStringList>

#include <QPainterPath>

#include <algorithm>
#include <cmath>

using namespace linlab;

namespace {

constexpr double kPi = 3.14159265358979323846;

} // namespace

QCPColorGradient LandscapeStyle::lossGradient() {
    // Viridis: perceptually even, dark where the loss is low, readable in grey.
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0x44, 0x01, 0x54));
    g.setColorStopAt(0.13, QColor(0x48, 0x28, 0x78));
    g.setColorStopAt(0.25, QColor(0x3e, 0x49, 0x89));
    g.setColorStopAt(0.38, QColor(0x31, 0x68, 0x8e));
    g.setColorStopAt(0.5, QColor(0x26, 0x82, 0x8e));
    g.setColorStopAt(0.63, QColor(0x1f, 0x9e, 0x89));
    g.setColorStopAt(0.75, QColor(0x35, 0xb7, 0x79));
    g.setColorStopAt(0.88, QColor(0x6e, 0xce, 0x58));
    g.setColorStopAt(1.0, QColor(0xfd, 0xe7, 0x25));
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setNanHandling(QCPColorGradient::nhTransparent);
    g.setLevelCount(256);
    return g;
}

void LandscapeStyle::fillColorMap(QCPColorMap* map, const LossSurfaceGrid& grid, bool logarithmic) {
    QCPColorMapData* data = map->data();
    const int nx = int(grid.x.n_elem), ny = int(grid.y.n_elem);
    if (nx < 2 || ny < 2 || grid.values.n_rows != grid.x.n_elem ||
        grid.values.n_cols != grid.y.n_elem) {
        data->clear();
        return;
    }
    data->setSize(nx, ny);
    data->setRange(QCPRange(grid.x(0), grid.x(nx - 1)), QCPRange(grid.y(0), grid.y(ny - 1)));
    const auto [lo, hi] = colorRange(grid.values, logarithmic);
    for (int i = 0; i < nx; ++i) {
        for (int j = 0; j < ny; ++j) {
            double v = grid.values(arma::uword(i), arma::uword(j));
            // A log colour scale cannot place 0 (the exact optimum of a perfect fit): clamp.
            if (logarithmic && std::isfinite(v))
                v = std::max(v, lo);
            data->setCell(i, j, v);
        }
    }
    map->setDataScaleType(logarithmic ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    map->setDataRange(QCPRange(lo, hi));
    if (QCPColorScale* scale = map->colorScale()) {
        if (logarithmic)
            scale->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        else
            scale->axis()->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
}

void LandscapeStyle::drawContours(QCustomPlot* plot, QVector<QCPCurve*>& pool,
                                  const LossSurfaceGrid& grid, bool logarithmic, QCPLayer* layer) {
    std::vector<ContourLevel> lines;
    if (grid.values.n_elem > 0) {
        try {
            lines = ContourLines::compute(
                grid.x, grid.y, grid.values,
                ContourLines::niceLevels(grid.values, kContourLevels, logarithmic));
        } catch (const std::exception&) {
            lines.clear();
        }
    }
    const QPen pen(QColor(255, 255, 255, 120), 1.0);
    int used = 0;
    for (const ContourLevel& level : lines) {
        for (const auto& polyline : level.polylines) {
            QVector<QCPCurveData> data;
            data.reserve(int(polyline.size()));
            for (const auto& [x, y] : polyline)
                if (PlotView::isPlottable(x) && PlotView::isPlottable(y))
                    data.append(QCPCurveData(data.size(), x, y));
            if (data.size() < 2)
                continue;
            if (used == pool.size()) {
                auto* curve = new QCPCurve(plot->xAxis, plot->yAxis);
                curve->setLayer(layer);
                curve->removeFromLegend();
                curve->setSelectable(QCP::stNone);
                pool.append(curve);
            }
            QCPCurve* curve = pool[used++];
            curve->setPen(pen);
            curve->data()->set(data, true);
            curve->setVisible(true);
        }
    }
    for (int k = used; k < pool.size(); ++k) {
        pool[k]->data()->clear();
        pool[k]->setVisible(false);
    }
}

QCPScatterStyle LandscapeStyle::optimumStyle(double size) {
    QPainterPath star;
    for (int k = 0; k < 10; ++k) {
        // QCustomPlot draws custom scatters scaled by size / 6: a radius of 3 spans `size` pixels.
        const double r = k % 2 == 0 ? 3.0 : 1.25;
        const double a = -kPi / 2 + k * kPi / 5;
        const QPointF p(r * std::cos(a), r * std::sin(a));
        if (k == 0)
            star.moveTo(p);
        else
            star.lineTo(p);
    }
    star.closeSubpath();
    return QCPScatterStyle(star, QPen(QColor(30, 30, 30), 1.2), QBrush(Qt::white), size);
}

QString LandscapeStyle::heldText(const linlab::LinearModel& model, int x, int y) {
    const int d = int(model.weights().n_elem);
    // At most kHeldListed by name: a label listing thousands would widen the window without
    // bound (a 500,000-pixel window, and gigabytes of paint buffers, at 5,000 features).
    constexpr int kHeldListed = 8;
    QStringList parts;
    int unlisted = 0;
    for (int k = 0; k <= d; ++k) {
        if (k == x || k == y)
            continue;
        if (parts.size() == kHeldListed) {
            ++unlisted;
            continue;
        }
        parts << QStringLiteral("%1 = %2").arg(
            ParameterSymbols::parameterSymbol(k, d),
            NumberText::brief(linlab::parameterValue(model, arma::uword(k)), 4));
    }
    const auto tr = [](const char* text) {
        return QCoreApplication::translate("LossLandscapeView", text);
    };
    if (unlisted > 0)
        parts << tr("\u2026 %1 more").arg(NumberText::count(unlisted));
    return parts.isEmpty() ? tr("nothing else to hold")
                           : tr("held: %1").arg(parts.join(QStringLiteral(", ")));
}

void LandscapeStyle::appendTrajectory(QCPCurve* path, const std::vector<arma::vec>& trajectory,
                                      int from, int to, arma::uword i, arma::uword j) {
    QVector<QCPCurveData> add;
    add.reserve(std::max(0, to - from));
    for (int k = from; k < to; ++k) {
        const arma::vec& theta = trajectory[size_t(k)];
        if (theta.n_elem <= std::max(i, j))
            continue;
        if (PlotView::isPlottable(theta(i)) && PlotView::isPlottable(theta(j)))
            add.append(QCPCurveData(k, theta(i), theta(j)));
    }
    path->data()->add(add, true);
}

QCPScatterStyle LandscapeStyle::pathDots(int points, const QColor& color) {
    return points <= 400 ? QCPScatterStyle(QCPScatterStyle::ssDisc, color, 4.5)
                         : QCPScatterStyle(QCPScatterStyle::ssNone);
}

void LandscapeStyle::putLegendBelow(QCustomPlot* plot) {
    auto* legendRow = new QCPLayoutGrid;
    plot->plotLayout()->addElement(1, 0, legendRow);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
    legendRow->setMargins(QMargins(0, 0, 0, 4));
    plot->axisRect()->insetLayout()->take(plot->legend);
    legendRow->addElement(0, 0, plot->legend);
    // Two entries a row: four in one row do not fit beside the colour bar.
    plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot->legend->setWrap(2);
    plot->legend->setRowSpacing(0);
    plot->legend->setColumnSpacing(16);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setVisible(true);
    plot->plotLayout()->setColumnStretchFactor(1, 0.001);
}
