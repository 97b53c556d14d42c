#include "ui/plots/PlotExporter.h"

#include "ui/plots/DenseScatter.h"

#include "model/io/AtomicFile.h"

#include <QBuffer>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <string_view>

namespace {

// QCustomPlot has a setter for its background brush but no getter; a derived class may name the
// protected member, and the member pointer then reads it on any QCustomPlot.
struct BackgroundAccess : QCustomPlot {
    static QBrush brushOf(const QCustomPlot* plot) {
        return plot->*(&BackgroundAccess::mBackgroundBrush);
    }
};

/// White background while exporting; on destruction the on-screen look, viewport and layout
/// come back (rendering lays the plot out at the export size, so it must be replotted).
class ExportState {
public:
    explicit ExportState(QCustomPlot* plot)
        : m_plot(plot)
        , m_brush(BackgroundAccess::brushOf(plot))
        , m_pixmap(plot->background())
        , m_pixmapScaled(plot->backgroundScaled())
        , m_pixmapMode(plot->backgroundScaledMode())
        , m_viewport(plot->viewport())
        , m_vectorPoints(plot) {
        m_plot->setBackground(QPixmap());
        m_plot->setBackground(QBrush(Qt::white));
    }
    ~ExportState() {
        m_plot->setBackground(m_brush);
        m_plot->setBackground(m_pixmap, m_pixmapScaled, m_pixmapMode);
        m_plot->setViewport(m_viewport);
        m_plot->replot();
    }
    ExportState(const ExportState&) = delete;
    ExportState& operator=(const ExportState&) = delete;

private:
    QCustomPlot* m_plot;
    QBrush m_brush;
    QPixmap m_pixmap;
    bool m_pixmapScaled;
    Qt::AspectRatioMode m_pixmapMode;
    QRect m_viewport;
    DenseScatter::VectorScope m_vectorPoints; // exports draw real circles, never stamped pixmaps
};

QString formatList() {
    return PlotExporter::formats().join(QStringLiteral(", "));
}

/// The size the plot is laid out at: sizePx / scale, at least one pixel.
QSize logicalSize(const QSize& sizePx, double scale) {
    return QSize(std::max(1, int(std::lround(sizePx.width() / scale))),
                 std::max(1, int(std::lround(sizePx.height() / scale))));
}

/// The dots per inch images get by default: the screen's, so point-sized fonts come out as on
/// screen.
int screenDpi() {
    static const int dpi = QImage(1, 1, QImage::Format_RGB32).logicalDpiX();
    return dpi > 0 ? dpi : 96;
}

/// Draws `plot`, laid out at `logical` pixels, onto the whole of the painter's device.
void drawPlot(QCustomPlot* plot, QCPPainter* painter, const QSize& logical, bool vector) {
    const QPaintDevice* device = painter->device();
    const double sx = double(device->width()) / logical.width();
    const double sy = double(device->height()) / logical.height();
    painter->setMode(QCPPainter::pmVectorized, vector);
    // Scaled up, hairlines (width 0) would stay one device pixel thin: make them one logical pixel.
    painter->setMode(QCPPainter::pmNonCosmetic, vector || sx > 1.0 || sy > 1.0);
    painter->scale(sx, sy);
    plot->toPainter(painter, logical.width(), logical.height());
}

/// The raster image, without touching the plot's state (the caller holds an ExportState).
QImage renderRaster(QCustomPlot* plot, const QSize& sizePx, double scale) {
    QImage image(sizePx, QImage::Format_RGB32);
    if (image.isNull())
        return image;
    image.fill(Qt::white);
    QCPPainter painter(&image);
    drawPlot(plot, &painter, logicalSize(sizePx, scale), false);
    painter.end();
    // Viewers and office programs then show it at its on-screen size: `scale` pixels per pixel.
    const int dpm = int(std::lround(screenDpi() * scale / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    return image;
}

QString describe(const QCustomPlot* plot) {
    const QString x = plot->xAxis ? plot->xAxis->label() : QString();
    const QString y = plot->yAxis ? plot->yAxis->label() : QString();
    if (x.isEmpty() || y.isEmpty())
        return QCoreApplication::translate("PlotExporter", "A plot made with LinLab");
    return QCoreApplication::translate("PlotExporter", "%1 against %2, made with LinLab").arg(y, x);
}

QByteArray encodeRaster(const QImage& image, const QString& format, QString* why) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format.toLatin1());
    if (format == QLatin1String("jpg"))
        writer.setQuality(95); // plots are lines and text: keep JPEG's smudging low
    if (!writer.write(image)) {
        *why = QCoreApplication::translate("PlotExporter", "cannot encode the image: %1")
                   .arg(writer.errorString());
        return {};
    }
    return buffer.data();
}

QByteArray renderPdf(QCustomPlot* plot, const QSize& sizePx, double scale, const QString& title,
                     QString* why) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("LinLab"));
        writer.setTitle(title);
        // The page is sizePx at 96 dpi (1 px = 0.75 pt); drawn at the screen's dpi so fonts match.
        writer.setResolution(screenDpi());
        const QPageSize page(QSizeF(sizePx.width() * 0.75, sizePx.height() * 0.75),
                             QPageSize::Point, QString(), QPageSize::ExactMatch);
        if (!writer.setPageLayout(
                QPageLayout(page, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)))) {
            *why = QCoreApplication::translate("PlotExporter",
                                               "cannot set up a PDF page of that size");
            return {};
        }
        QCPPainter painter;
        if (!painter.begin(&writer)) {
            *why = QCoreApplication::translate("PlotExporter", "cannot start the PDF");
            return {};
        }
        drawPlot(plot, &painter, logicalSize(sizePx, scale), true);
        painter.end();
    }
    return buffer.data();
}

QByteArray renderSvg(QCustomPlot* plot, const QSize& sizePx, double scale, const QString& title,
                     QString* why) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(sizePx);
    generator.setViewBox(QRect(QPoint(0, 0), sizePx));
    generator.setResolution(screenDpi());
    generator.setTitle(title);
    generator.setDescription(describe(plot));
    QCPPainter painter;
    if (!painter.begin(&generator)) {
        *why = QCoreApplication::translate("PlotExporter", "cannot start the SVG");
        return {};
    }
    drawPlot(plot, &painter, logicalSize(sizePx, scale), true);
    painter.end();

    // QSvgGenerator gives width and height in millimetres; state them in pixels, as asked.
    QByteArray svg = buffer.data();
    static const QRegularExpression sizeInMm(
        QStringLiteral("<svg([^>]*?) width=\"[0-9.eE+-]+mm\" height=\"[0-9.eE+-]+mm\""));
    QString text = QString::fromUtf8(svg);
    text.replace(sizeInMm, QStringLiteral("<svg\\1 width=\"%1\" height=\"%2\"")
                               .arg(sizePx.width())
                               .arg(sizePx.height()));
    return text.toUtf8();
}

/// Writes atomically (a device is written directly); false with the reason naming the path.
bool writeBytes(const QString& path, const QByteArray& bytes, QString* why) {
    try {
        linlab::writeFileAtomically(QFile::encodeName(path).toStdString(),
                                    std::string_view(bytes.constData(), std::size_t(bytes.size())));
        return true;
    } catch (const std::exception& e) {
        *why = QString::fromLocal8Bit(e.what());
        return false;
    }
}

} // namespace

bool PlotExporter::exportPlot(QCustomPlot* plot, const QString& path, const QSize& sizePx,
                              double scale, QString* error, const QString& format) {
    QString ignored;
    QString& message = error ? *error : ignored;
    const auto fail = [&](const QString& reason) {
        message = QCoreApplication::translate("PlotExporter", "cannot write \"%1\": %2")
                      .arg(path, reason);
        return false;
    };

    if (path.isEmpty()) {
        message =
            QCoreApplication::translate("PlotExporter", "cannot export a plot: no file name given");
        return false;
    }
    QString fmt = format.trimmed().toLower();
    if (fmt.isEmpty()) {
        fmt = formatForPath(path);
        if (fmt.isEmpty()) {
            const QString suffix = QFileInfo(path).suffix();
            if (suffix.isEmpty())
                return fail(QCoreApplication::translate("PlotExporter",
                                                        "no extension to tell the format (use %1)")
                                .arg(formatList()));
            return fail(
                QCoreApplication::translate("PlotExporter", "unknown format \".%1\" (use %2)")
                    .arg(suffix, formatList()));
        }
    } else if (fmt == QLatin1String("jpeg")) {
        fmt = QStringLiteral("jpg");
    }
    if (!formats().contains(fmt))
        return fail(QCoreApplication::translate("PlotExporter", "unknown format \"%1\" (use %2)")
                        .arg(format, formatList()));
    if (!plot)
        return fail(QCoreApplication::translate("PlotExporter", "there is no plot to export"));
    if (sizePx.width() < kMinSide || sizePx.height() < kMinSide || sizePx.width() > kMaxSide ||
        sizePx.height() > kMaxSide)
        return fail(QCoreApplication::translate(
                        "PlotExporter", "the size %1 \u00d7 %2 is not between %3 and %4 pixels")
                        .arg(sizePx.width())
                        .arg(sizePx.height())
                        .arg(kMinSide)
                        .arg(kMaxSide));
    if (!std::isfinite(scale) || scale < 0.25 || scale > 8)
        return fail(
            QCoreApplication::translate("PlotExporter", "the scale %1 is not between 0.25 and 8")
                .arg(scale));

    QByteArray bytes;
    QString why;
    {
        const ExportState state(plot);
        const QString title = QFileInfo(path).completeBaseName();
        if (fmt == QLatin1String("pdf")) {
            bytes = renderPdf(plot, sizePx, scale, title, &why);
        } else if (fmt == QLatin1String("svg")) {
            bytes = renderSvg(plot, sizePx, scale, title, &why);
        } else {
            const QImage image = renderRaster(plot, sizePx, scale);
            if (image.isNull())
                why =
                    QCoreApplication::translate("PlotExporter", "not enough memory for the image");
            else
                bytes = encodeRaster(image, fmt, &why);
        }
    }
    if (bytes.isEmpty())
        return fail(why.isEmpty() ? QCoreApplication::translate("PlotExporter", "nothing was drawn")
                                  : why);
    // writeBytes' message already names the path.
    if (!writeBytes(path, bytes, &why)) {
        message = why;
        return false;
    }
    return true;
}

QImage PlotExporter::renderImage(QCustomPlot* plot, const QSize& sizePx, double scale) {
    if (!plot || sizePx.width() < kMinSide || sizePx.height() < kMinSide ||
        sizePx.width() > kMaxSide || sizePx.height() > kMaxSide || !std::isfinite(scale) ||
        scale < 0.25 || scale > 8)
        return {};
    const ExportState state(plot);
    return renderRaster(plot, sizePx, scale);
}

bool PlotExporter::copyToClipboard(QCustomPlot* plot, const QSize& sizePx, double scale) {
    QClipboard* clipboard = qGuiApp ? QGuiApplication::clipboard() : nullptr;
    if (!clipboard)
        return false;
    const QImage image = renderImage(plot, sizePx, scale);
    if (image.isNull())
        return false;
    clipboard->setImage(image);
    return true;
}

QStringList PlotExporter::formats() {
    return {QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("pdf"),
            QStringLiteral("svg")};
}

QString PlotExporter::formatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("jpeg"))
        return QStringLiteral("jpg");
    return formats().contains(suffix) ? suffix : QString();
}

double PlotExporter::suggestedScale(const QSize& sizePx) {
    // About 1000 logical pixels across (the smaller ratio, so tall or wide figures stay roomy):
    // 800 x 500 -> 1, 1600 x 1000 -> 2, 3200 x 2000 -> 3.
    const double ratio = std::min(sizePx.width() / 1000.0, sizePx.height() / 625.0);
    return std::clamp(std::round(ratio), 1.0, 3.0);
}

QString PlotExporter::defaultFileName(const QString& datasetName, const QString& plotKind,
                                      const QString& format) {
    // Keeps letters, digits and ". _ -"; everything else (spaces, slashes, colons...) becomes '-'.
    const auto sanitise = [](const QString& name) {
        QString out;
        for (const QChar c : name.trimmed()) {
            const bool keep = c.isLetterOrNumber() || c == QLatin1Char('.') ||
                              c == QLatin1Char('_') || c == QLatin1Char('-');
            if (keep)
                out += c;
            else if (!out.endsWith(QLatin1Char('-')))
                out += QLatin1Char('-');
        }
        out.replace(QRegularExpression(QStringLiteral("-{2,}")), QStringLiteral("-"));
        // No leading dots (hidden files, "..") and no dangling separators.
        while (!out.isEmpty() &&
               (out.front() == QLatin1Char('-') || out.front() == QLatin1Char('.')))
            out.remove(0, 1);
        while (!out.isEmpty() && (out.back() == QLatin1Char('-') || out.back() == QLatin1Char('.')))
            out.chop(1);
        return out;
    };
    QStringList parts;
    for (const QString& part : {sanitise(datasetName), sanitise(plotKind)})
        if (!part.isEmpty())
            parts.append(part);
    if (parts.isEmpty())
        parts.append(QStringLiteral("plot"));
    QString ext = format.trimmed().toLower();
    if (ext == QLatin1String("jpeg"))
        ext = QStringLiteral("jpg");
    if (!formats().contains(ext))
        ext = QStringLiteral("png");
    return parts.join(QLatin1Char('-')) + QLatin1Char('.') + ext;
}
