// Plot export on a live Document, offscreen: every format at the asked size, white background,
// atomic writes that never damage what is already at the path (nor a device such as /dev/full),
// the on-screen plot left as it was, default file names, the clipboard. Sample images of every
// kind are left in /tmp/linlab-export/ to look at.

#include "tests/ui/plots/LivePlots.h"
#include "ui/plots/PlotExporter.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgRenderer>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace exporttest;

namespace {
const char* const kSampleDir = "/tmp/linlab-export";
} // namespace

class tst_PlotExporter : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void rasterSize_data();
    void rasterSize();
    void whiteBackgroundAndRestored();
    void pdfPage();
    void svgFile();
    void formatArgumentOverridesExtension();
    void unknownExtension();
    void missingFolder();
    void directoryTarget();
    void devFullIsNotReplaced();
    void existingFileUntouchedReadOnlyDir();
    void existingFileUntouchedWhenWriteFails();
    void invalidSizeOrScale();
    void onScreenSizeKept();
    void formats();
    void suggestedScale();
    void defaultFileName_data();
    void defaultFileName();
    void clipboard();
    void samples();
    void densePointsStampedOnScreenVectorInExports();

private:
    LivePlots m_live;
};

void tst_PlotExporter::initTestCase() {
    m_live.setUp("tst_PlotExporter");
}

void tst_PlotExporter::init() {
    QSettings().remove(QStringLiteral("export"));
}

void tst_PlotExporter::cleanupTestCase() {
    m_live.tearDown();
}

void tst_PlotExporter::rasterSize_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::addColumn<QByteArray>("readerFormat");
    QTest::newRow("png 800x500") << "a.png" << QSize(800, 500) << 1.0 << QByteArray("png");
    QTest::newRow("png 1200x700 scale 2")
        << "b.png" << QSize(1200, 700) << 2.0 << QByteArray("png");
    QTest::newRow("PNG upper case") << "c.PNG" << QSize(1200, 700) << 1.0 << QByteArray("png");
    QTest::newRow("jpg 800x500") << "d.jpg" << QSize(800, 500) << 1.0 << QByteArray("jpeg");
    QTest::newRow("jpeg 1200x700 scale 2")
        << "e.jpeg" << QSize(1200, 700) << 2.0 << QByteArray("jpeg");
    QTest::newRow("png odd size scale 3")
        << "f.png" << QSize(1001, 777) << 3.0 << QByteArray("png");
}

void tst_PlotExporter::rasterSize() {
    QFETCH(QString, name);
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QFETCH(QByteArray, readerFormat);
    const QString path = m_live.filePath(name);
    QString error;
    QVERIFY2(PlotExporter::exportPlot(m_live.plot(PlotKind::Data), path, size, scale, &error),
             qPrintable(error));
    QVERIFY(error.isEmpty());
    QImageReader reader(path);
    QCOMPARE(reader.format(), readerFormat);
    QCOMPARE(reader.size(), size);
    const QImage image = reader.read();
    QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
    QCOMPARE(image.size(), size);
    if (readerFormat == "png") // compressed: well under a byte per pixel for a plot
        QVERIFY(QFileInfo(path).size() < qint64(size.width()) * size.height());
    // Not blank: the plot drew something other than the background.
    int dark = 0;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            dark += qGray(image.pixel(x, y)) < 128;
    QVERIFY(dark > 50);
}

void tst_PlotExporter::whiteBackgroundAndRestored() {
    QCustomPlot* p = m_live.plot(PlotKind::Residuals);
    // Whatever the screen shows, exports are white; and the screen keeps its own background.
    p->setBackground(QBrush(QColor(40, 40, 40)));
    const QString path = m_live.filePath(QStringLiteral("white.png"));
    QString error;
    QVERIFY2(PlotExporter::exportPlot(p, path, QSize(800, 500), 1.0, &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(800, 500));
    for (const QPoint& corner : {QPoint(0, 0), QPoint(799, 0), QPoint(0, 499), QPoint(799, 499)})
        QCOMPARE(QColor(image.pixel(corner)), QColor(Qt::white));
    const QImage onScreen = p->toPixmap(50, 50).toImage();
    QCOMPARE(QColor(onScreen.pixel(0, 0)), QColor(40, 40, 40));
    p->setBackground(QBrush(Qt::white));
    p->replot();
}

void tst_PlotExporter::pdfPage() {
    const QString path = m_live.filePath(QStringLiteral("plot.pdf"));
    QString error;
    QVERIFY2(PlotExporter::exportPlot(m_live.plot(PlotKind::PredictedVsActual), path,
                                      QSize(800, 500), 1.0, &error),
             qPrintable(error));
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF"));
    // One page, 600 x 375 points (800 x 500 px at 96 dpi).
    const QRegularExpression mediaBox(
        QStringLiteral("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]"));
    const QString text = QString::fromLatin1(pdf);
    auto it = mediaBox.globalMatch(text);
    QVERIFY(it.hasNext());
    const QRegularExpressionMatch m = it.next();
    QCOMPARE(m.captured(1).toDouble(), 600.0);
    QCOMPARE(m.captured(2).toDouble(), 375.0);
    QVERIFY(!it.hasNext());
    QCOMPARE(text.count(QRegularExpression(QStringLiteral("/Type\\s*/Page\\b"))), 1);
}

void tst_PlotExporter::svgFile() {
    const QString path = m_live.filePath(QStringLiteral("plot.svg"));
    QString error;
    QVERIFY2(
        PlotExporter::exportPlot(m_live.plot(PlotKind::Data), path, QSize(800, 500), 2.0, &error),
        qPrintable(error));
    const QByteArray svg = readAll(path);
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.contains("width=\"800\" height=\"500\""));
    QVERIFY(svg.contains("viewBox=\"0 0 800 500\""));
    QVERIFY(svg.contains("<title>plot</title>"));
    QVERIFY(svg.contains("<desc>"));
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.defaultSize(), QSize(800, 500));
}

void tst_PlotExporter::formatArgumentOverridesExtension() {
    const QString path = m_live.filePath(QStringLiteral("no-extension"));
    QString error;
    QVERIFY2(PlotExporter::exportPlot(m_live.plot(PlotKind::Data), path, QSize(300, 200), 1.0,
                                      &error, QStringLiteral("PDF")),
             qPrintable(error));
    QVERIFY(readAll(path).startsWith("%PDF"));
    QVERIFY(!PlotExporter::exportPlot(m_live.plot(PlotKind::Data), path, QSize(300, 200), 1.0,
                                      &error, QStringLiteral("gif")));
    QVERIFY2(error.contains(QLatin1String("gif")), qPrintable(error));
}

void tst_PlotExporter::unknownExtension() {
    const QString path = m_live.filePath(QStringLiteral("plot.bmp"));
    QString error;
    QVERIFY(
        !PlotExporter::exportPlot(m_live.plot(PlotKind::Data), path, QSize(800, 500), 1.0, &error));
    QVERIFY2(error.contains(QLatin1String(".bmp")), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QVERIFY(!QFileInfo::exists(path));

    const QString bare = m_live.filePath(QStringLiteral("plot"));
    QVERIFY(
        !PlotExporter::exportPlot(m_live.plot(PlotKind::Data), bare, QSize(800, 500), 1.0, &error));
    QVERIFY2(error.contains(QLatin1String("extension")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(bare));
}

void tst_PlotExporter::missingFolder() {
    const QString folder = m_live.filePath(QStringLiteral("missing"));
    const QString path = folder + QStringLiteral("/plot.png");
    QString error;
    QVERIFY(
        !PlotExporter::exportPlot(m_live.plot(PlotKind::Data), path, QSize(800, 500), 1.0, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QVERIFY(!QFileInfo::exists(folder));
    QVERIFY(!QFileInfo::exists(path));
}

void tst_PlotExporter::directoryTarget() {
    const QString folder = m_live.filePath(QStringLiteral("a-folder.png"));
    QVERIFY(QDir().mkpath(folder));
    QString error;
    QVERIFY(!PlotExporter::exportPlot(m_live.plot(PlotKind::Data), folder, QSize(800, 500), 1.0,
                                      &error));
    QVERIFY2(error.contains(folder), qPrintable(error));
    QVERIFY(QFileInfo(folder).isDir());
    QVERIFY(entries(folder).isEmpty());
}

void tst_PlotExporter::devFullIsNotReplaced() {
    if (!isCharDevice("/dev/full"))
        QSKIP("/dev/full is not available here");
    // As root a rename would happily replace the device with a regular file: it must be written
    // to directly, and its "no space left" reported.
    for (const char* format : {"png", "svg", "pdf"}) {
        QString error;
        QVERIFY(!PlotExporter::exportPlot(m_live.plot(PlotKind::Data), QStringLiteral("/dev/full"),
                                          QSize(400, 250), 1.0, &error,
                                          QString::fromLatin1(format)));
        QVERIFY2(error.contains(QLatin1String("/dev/full")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        QVERIFY(isCharDevice("/dev/full"));
        QVERIFY(QFileInfo(QStringLiteral("/dev/full")).exists() &&
                !QFileInfo(QStringLiteral("/dev/full")).isFile());
    }
    // No temporary files left beside it.
    for (const QString& name : entries(QStringLiteral("/dev")))
        QVERIFY2(!name.startsWith(QLatin1String("full.")), qPrintable(name));
}

void tst_PlotExporter::existingFileUntouchedReadOnlyDir() {
    if (::geteuid() == 0)
        QSKIP(
            "running as root: directory permissions do not stop root, so a read-only folder cannot "
            "make the "
            "write fail (existingFileUntouchedWhenWriteFails covers this with a file size limit)");
    const QString folder = m_live.filePath(QStringLiteral("readonly"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/plot.png");
    QVERIFY(writeText(path, "old contents"));
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    QString error;
    const bool ok =
        PlotExporter::exportPlot(m_live.plot(PlotKind::Data), path, QSize(800, 500), 1.0, &error);
    QFile::setPermissions(folder,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(!ok);
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(readAll(path), QByteArray("old contents"));
    QCOMPARE(entries(folder), QStringList{QStringLiteral("plot.png")});
}

void tst_PlotExporter::existingFileUntouchedWhenWriteFails() {
    // A file size limit makes the write fail part way, as a full disk would, even for root.
    const QString folder = m_live.filePath(QStringLiteral("limited"));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + QStringLiteral("/plot.png");
    QVERIFY(writeText(path, "old contents"));

    struct rlimit old {};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
    struct rlimit limited = old;
    limited.rlim_cur = 2048;
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN); // else the process is killed
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    QString error;
    const bool ok =
        PlotExporter::exportPlot(m_live.plot(PlotKind::Data), path, QSize(1600, 1000), 2.0, &error);
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);

    QVERIFY(!ok);
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(readAll(path), QByteArray("old contents"));
    QCOMPARE(entries(folder), QStringList{QStringLiteral("plot.png")}); // no temporary left
}

void tst_PlotExporter::invalidSizeOrScale() {
    const QString path = m_live.filePath(QStringLiteral("invalid.png"));
    QString error;
    QVERIFY(!PlotExporter::exportPlot(m_live.plot(PlotKind::Data), path, QSize(0, 0), 1.0, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(
        !PlotExporter::exportPlot(m_live.plot(PlotKind::Data), path, QSize(800, 500), 0.0, &error));
    QVERIFY(!PlotExporter::exportPlot(m_live.plot(PlotKind::Data), path, QSize(800, 500), qQNaN(),
                                      &error));
    QVERIFY(!PlotExporter::exportPlot(nullptr, path, QSize(800, 500), 1.0, &error));
    QVERIFY(!PlotExporter::exportPlot(m_live.plot(PlotKind::Data), QString(), QSize(800, 500), 1.0,
                                      &error));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(PlotExporter::renderImage(m_live.plot(PlotKind::Data), QSize(5, 5), 1.0).isNull());
}

void tst_PlotExporter::onScreenSizeKept() {
    for (const auto& view : m_live.views()) {
        QCustomPlot* p = view->plot();
        const QSize widgetSize = p->size();
        const QRect viewport = p->viewport();
        const QRect axisRect = p->axisRect()->outerRect();
        const QRect legend = p->legend->outerRect();
        for (const char* name : {"s.png", "s.pdf", "s.svg"}) {
            QString error;
            QVERIFY2(PlotExporter::exportPlot(p, m_live.filePath(QString::fromLatin1(name)),
                                              QSize(3200, 2000), 3.0, &error),
                     qPrintable(error));
            QCOMPARE(p->size(), widgetSize);
            QCOMPARE(p->viewport(), viewport);
            // Laid out for the screen again, so clicks and tooltips still land on the right rows.
            QCOMPARE(p->axisRect()->outerRect(), axisRect);
            QCOMPARE(p->legend->outerRect(), legend);
        }
        QCOMPARE(view->size(), QSize(640, 420));
    }
}

void tst_PlotExporter::formats() {
    QCOMPARE(PlotExporter::formats(), (QStringList{QStringLiteral("png"), QStringLiteral("jpg"),
                                                   QStringLiteral("pdf"), QStringLiteral("svg")}));
    QCOMPARE(PlotExporter::formatForPath(QStringLiteral("/x/a.JPEG")), QStringLiteral("jpg"));
    QCOMPARE(PlotExporter::formatForPath(QStringLiteral("a.Svg")), QStringLiteral("svg"));
    QCOMPARE(PlotExporter::formatForPath(QStringLiteral("a.gif")), QString());
    QCOMPARE(PlotExporter::formatForPath(QStringLiteral("png")), QString());
}

void tst_PlotExporter::suggestedScale() {
    QCOMPARE(PlotExporter::suggestedScale(QSize(800, 500)), 1.0);
    QCOMPARE(PlotExporter::suggestedScale(QSize(1600, 1000)), 2.0);
    QCOMPARE(PlotExporter::suggestedScale(QSize(3200, 2000)), 3.0);
    QCOMPARE(PlotExporter::suggestedScale(QSize(100, 100)), 1.0);
    QCOMPARE(PlotExporter::suggestedScale(QSize(9000, 9000)), 3.0);
    QCOMPARE(PlotExporter::suggestedScale(QSize(3200, 500)), 1.0); // a strip: keep its height roomy
}

void tst_PlotExporter::defaultFileName_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("lesson") << "lesson"
                            << "predicted-vs-actual"
                            << "png"
                            << "lesson-predicted-vs-actual.png";
    QTest::newRow("spaces") << "my house prices"
                            << "data"
                            << "PDF"
                            << "my-house-prices-data.pdf";
    QTest::newRow("runs of spaces") << "  two   spaces "
                                    << "residuals"
                                    << "svg"
                                    << "two-spaces-residuals.svg";
    QTest::newRow("slashes and colons") << "a/b\\c:d*e?f\"g<h>i|j"
                                        << "data"
                                        << "jpeg"
                                        << "a-b-c-d-e-f-g-h-i-j-data.jpg";
    QTest::newRow("dots") << "../../etc/passwd"
                          << "data"
                          << "png"
                          << "etc-passwd-data.png";
    QTest::newRow("hidden") << ".secret"
                            << "data"
                            << "png"
                            << "secret-data.png";
    QTest::newRow("no dataset") << ""
                                << "residuals"
                                << "png"
                                << "residuals.png";
    QTest::newRow("nothing") << "/"
                             << ""
                             << "png"
                             << "plot.png";
    QTest::newRow("unicode kept") << "Größe"
                                  << "data"
                                  << "png"
                                  << "Größe-data.png";
    QTest::newRow("unknown format") << "lesson"
                                    << "data"
                                    << "bmp"
                                    << "lesson-data.png";
}

void tst_PlotExporter::defaultFileName() {
    QFETCH(QString, dataset);
    QFETCH(QString, kind);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    const QString name = PlotExporter::defaultFileName(dataset, kind, format);
    QCOMPARE(name, expected);
    QVERIFY(!name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char(' ')));
}

void tst_PlotExporter::clipboard() {
    QClipboard* clipboard = QGuiApplication::clipboard();
    clipboard->clear();
    QVERIFY(PlotExporter::copyToClipboard(m_live.plot(PlotKind::PredictedVsActual), QSize(700, 450),
                                          2.0));
    const QImage image = clipboard->image();
    QCOMPARE(image.size(), QSize(700, 450));
    QCOMPARE(QColor(image.pixel(0, 0)), QColor(Qt::white));
}

void tst_PlotExporter::samples() {
    // For people to look at: every kind at the small and the large preset, and a PDF and SVG.
    QVERIFY(QDir().mkpath(QString::fromLatin1(kSampleDir)));
    const QDir dir(QString::fromLatin1(kSampleDir));
    for (PlotKind kind : PlotFactory::kinds()) {
        for (const QSize& size : {QSize(800, 500), QSize(1600, 1000), QSize(3200, 2000)}) {
            const double scale = PlotExporter::suggestedScale(size);
            const QString name = QStringLiteral("%1-%2x%3.png")
                                     .arg(PlotFactory::kindName(kind))
                                     .arg(size.width())
                                     .arg(size.height());
            QString error;
            QVERIFY2(PlotExporter::exportPlot(m_live.plot(kind), dir.filePath(name), size, scale,
                                              &error),
                     qPrintable(error));
            QCOMPARE(QImageReader(dir.filePath(name)).size(), size);
        }
        for (const char* ext : {"pdf", "svg"}) {
            const QString name = PlotExporter::defaultFileName(
                m_live.document()->name(), PlotFactory::kindName(kind), QString::fromLatin1(ext));
            QString error;
            QVERIFY2(PlotExporter::exportPlot(m_live.plot(kind), dir.filePath(name),
                                              QSize(800, 500), 1.0, &error),
                     qPrintable(error));
        }
        // The SVG as a viewer draws it, to compare with the PNG by eye.
        QSvgRenderer svg(dir.filePath(PlotExporter::defaultFileName(
            m_live.document()->name(), PlotFactory::kindName(kind), QStringLiteral("svg"))));
        QVERIFY(svg.isValid());
        QImage drawn(svg.defaultSize(), QImage::Format_RGB32);
        drawn.fill(
            Qt::magenta); // shows through wherever the SVG fails to paint its white background
        QPainter painter(&drawn);
        svg.render(&painter);
        painter.end();
        QCOMPARE(QColor(drawn.pixel(0, 0)), QColor(Qt::white));
        QVERIFY(drawn.save(
            dir.filePath(PlotFactory::kindName(kind) + QStringLiteral("-svg-rendered.png"))));
    }
}

void tst_PlotExporter::densePointsStampedOnScreenVectorInExports() {
    // A cloud past the dense threshold: on screen each point is a stamped pixmap (fast), in a
    // vector export each is a real circle, never an embedded image; afterwards, stamps again.
    Document doc;
    arma::arma_rng::set_seed(3);
    const arma::mat X = arma::randn(3000, 1);
    doc.replaceAll(linlab::Dataset(X, 2 * X.col(0) + arma::randn(3000), {"x"}, "y"), {},
                   linlab::LinearModel(arma::vec{2.0}, 0.0), QStringLiteral("dense"));
    std::unique_ptr<PlotView> view(PlotFactory::create(PlotKind::Data, &doc));
    QVERIFY(view->pointCount() > PlotView::kDenseThreshold);
    QCPGraph* points = view->pointsGraph();
    QCOMPARE(points->scatterStyle().shape(), QCPScatterStyle::ssPixmap);

    const QString path = m_live.filePath(QStringLiteral("dense.svg"));
    QString error;
    QVERIFY2(PlotExporter::exportPlot(view->plot(), path, QSize(600, 400), 1.0, &error),
             qPrintable(error));
    const QByteArray svg = readAll(path);
    QVERIFY(!svg.contains("<image"));
    QVERIFY(svg.count("<circle") > 1000); // one per point
    QCOMPARE(points->scatterStyle().shape(), QCPScatterStyle::ssPixmap);
}

QTEST_MAIN(tst_PlotExporter)
#include "tst_PlotExporter.moc"
