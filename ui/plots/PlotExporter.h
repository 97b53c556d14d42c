#pragma once
// Renders a QCustomPlot to PNG, JPG, PDF or SVG, or to the clipboard, without a dialog: the
// window's export dialog and the batch command line both use it.
//
// The figure is laid out at sizePx / scale "logical" pixels with the on-screen fonts, pens and
// legend, then drawn scaled by `scale` onto exactly sizePx: scale 2 gives the same layout as
// scale 1 at half the size, with crisper text. Every format applies the scale, so a PDF or SVG
// looks like the PNG of the same settings. The background is white whatever the screen shows.
//
// Files are written atomically (temporary file, then rename; see linlab::writeFileAtomically):
// a failure never leaves a half-written file nor damages an existing one. A device such as
// /dev/full is written to directly, never renamed over.

#include <QSize>
#include <QString>
#include <QStringList>

class QCustomPlot;
class QImage;

class PlotExporter {
public:
    /// Sizes outside [kMinSide, kMaxSide] pixels (per side) are refused.
    static constexpr int kMinSide = 16;
    static constexpr int kMaxSide = 10000;

    /// Writes `plot` to `path` at exactly sizePx pixels (PDF: sizePx at 96 dpi, in points ·0.75).
    /// `format` is "png", "jpg"/"jpeg", "pdf" or "svg" (any case); empty takes it from the path's
    /// extension. On failure returns false and sets *error (if given) to one line naming the path
    /// and the reason. The plot's on-screen state is restored and replotted either way.
    static bool exportPlot(QCustomPlot* plot, const QString& path, const QSize& sizePx,
                           double scale, QString* error, const QString& format = {});
    /// Puts a sizePx image of `plot` on the clipboard (as an image, offered as PNG).
    static bool copyToClipboard(QCustomPlot* plot, const QSize& sizePx, double scale);
    /// The image exportPlot() would write for a raster format (null on an invalid size or scale).
    static QImage renderImage(QCustomPlot* plot, const QSize& sizePx, double scale);

    /// The formats exportPlot() writes, lower case, preferred extension: png, jpg, pdf, svg.
    static QStringList formats();
    /// The format for a path's extension ("jpeg" -> "jpg"); empty when it is not one of formats().
    static QString formatForPath(const QString& path);
    /// A scale that keeps text readable at that size: logical width near 1000 px, 1..3.
    static double suggestedScale(const QSize& sizePx);
    /// "lesson-predicted-vs-actual.png": spaces become '-', characters file systems dislike go.
    static QString defaultFileName(const QString& datasetName, const QString& plotKind,
                                   const QString& format);
};
