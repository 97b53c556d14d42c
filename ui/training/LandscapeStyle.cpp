#include "ui/training/LandscapeStyle.h"

#include "model/training/ContourLines.h"
#include "model/training/LandscapeWindow.h"
#include "ui/plots/PlotView.h"

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
