#pragma once
// How every loss landscape is drawn, so the landscape view and the normalisation comparison
// look alike: the colour gradient, the colour map filled from a grid, its contour lines, and the
// star for the least-squares optimum.

#include "model/training/LossSurface.h"

#include <QVector>

#include <qcustomplot.h>

class LandscapeStyle {
public:
    /// Contour levels drawn.
    static constexpr int kContourLevels = 12;

    /// The colour gradient of every landscape (dark = low loss).
    static QCPColorGradient lossGradient();
    /// Fills `map` with `grid` and sets its colour range (logarithmic: values clamped to it).
    static void fillColorMap(QCPColorMap* map, const linlab::LossSurfaceGrid& grid,
                             bool logarithmic);
    /// Draws the grid's contours with curves from `pool` (grown as needed; unused ones hidden).
    static void drawContours(QCustomPlot* plot, QVector<QCPCurve*>& pool,
                             const linlab::LossSurfaceGrid& grid, bool logarithmic,
                             QCPLayer* layer);
    /// A five-pointed star, for the least-squares optimum.
    static QCPScatterStyle optimumStyle(double size = 15);
};
