#pragma once
// How every loss landscape is drawn, so the landscape view and the normalisation comparison
// look alike: the colour gradient, the colour map filled from a grid, its contour lines, and the
// star for the least-squares optimum.

#include "model/training/LossSurface.h"

#include <QString>
#include <QVector>

#include <vector>

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
    /// "held: w₃ = 1.2, b = 0.5, … 3 more": the parameters a slice over (x, y) holds.
    static QString heldText(const linlab::LinearModel& model, int x, int y);
    /// Appends points [from, to) of `trajectory` (each the weights then the bias) over
    /// parameters (i, j) to `path`, skipping points too short or not plottable.
    static void appendTrajectory(QCPCurve* path, const std::vector<arma::vec>& trajectory, int from,
                                 int to, arma::uword i, arma::uword j);
    /// Dots on a path of `points` steps while they are few enough to tell apart, else none.
    static QCPScatterStyle pathDots(int points, const QColor& color);
    /// Moves the legend into a row of its own below the plot, two entries a row.
    static void putLegendBelow(QCustomPlot* plot);
    /// A five-pointed star, for the least-squares optimum.
    static QCPScatterStyle optimumStyle(double size = 15);
};
