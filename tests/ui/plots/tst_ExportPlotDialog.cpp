// "Export Plot…" on a live Document, offscreen: its defaults, the format following the path, the
// settings remembered, "All plots" one file each, a missing folder refused, the clipboard.

#include "tests/ui/plots/LivePlots.h"
#include "ui/plots/ExportPlotDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>

using namespace exporttest;

namespace {
const char* const kSampleDir = "/tmp/linlab-export";
} // namespace

class tst_ExportPlotDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void dialogDefaults();
    void dialogFormatFollowsPath();
    void dialogExportsAllPlots();
    void dialogMissingFolder();
    void clipboardOfTheChosenPlot();
    void titlesFromTheKindsTable();
    void sampleImage();

private:
    LivePlots m_live;
};

void tst_ExportPlotDialog::initTestCase() {
    m_live.setUp("tst_ExportPlotDialog");
}

void tst_ExportPlotDialog::init() {
    QSettings().remove(QStringLiteral("export"));
}

void tst_ExportPlotDialog::cleanupTestCase() {
    m_live.tearDown();
}

void tst_ExportPlotDialog::dialogDefaults() {
    ExportPlotDialog dialog({{QStringLiteral("data"), m_live.plot(PlotKind::Data)},
                             {QStringLiteral("residuals"), m_live.plot(PlotKind::Residuals)}},
                            m_live.document()->name());
    QCOMPARE(dialog.plotIndex(), 0);
    QCOMPARE(dialog.format(), QStringLiteral("png"));
    QCOMPARE(dialog.sizePx(), QSize(1600, 1000));
    QCOMPARE(dialog.scale(), 2.0);
    QCOMPARE(QFileInfo(dialog.path()).fileName(), QStringLiteral("lesson-data.png"));
    dialog.setPlotIndex(1);
    QCOMPARE(QFileInfo(dialog.path()).fileName(), QStringLiteral("lesson-residuals.png"));
    dialog.setFormat(QStringLiteral("svg"));
    QCOMPARE(QFileInfo(dialog.path()).fileName(), QStringLiteral("lesson-residuals.svg"));
    dialog.setPlotIndex(-1);
    QVERIFY(dialog.allPlots());
    QVERIFY(QFileInfo(dialog.path()).isDir());
    QCOMPARE(dialog.targetPaths().size(), 2);
}

void tst_ExportPlotDialog::dialogFormatFollowsPath() {
    ExportPlotDialog dialog({{QStringLiteral("data"), m_live.plot(PlotKind::Data)}},
                            m_live.document()->name());
    const QString file = m_live.filePath(QStringLiteral("chosen.svg"));
    dialog.setPath(file);
    QCOMPARE(dialog.format(), QStringLiteral("svg"));
    dialog.setFormat(QStringLiteral("jpeg"));
    QCOMPARE(dialog.format(), QStringLiteral("jpg"));
    QCOMPARE(dialog.path(),
             m_live.filePath(QStringLiteral("chosen.jpg"))); // the name the user chose stays
    dialog.setPlotIndex(0);
    dialog.setSizePx(QSize(640, 400));
    dialog.setScale(1);
    QString error;
    QVERIFY2(dialog.exportNow(&error), qPrintable(error));
    QImageReader reader(m_live.filePath(QStringLiteral("chosen.jpg")));
    QCOMPARE(reader.format(), QByteArray("jpeg"));
    QCOMPARE(reader.size(), QSize(640, 400));
    // Remembered for next time.
    ExportPlotDialog again({{QStringLiteral("data"), m_live.plot(PlotKind::Data)}},
                           QStringLiteral("other data"));
    QCOMPARE(again.format(), QStringLiteral("jpg"));
    QCOMPARE(again.sizePx(), QSize(640, 400));
    QCOMPARE(again.scale(), 1.0);
    QCOMPARE(again.path(), m_live.filePath(QStringLiteral("other-data-data.jpg")));
}

void tst_ExportPlotDialog::dialogExportsAllPlots() {
    QList<QPair<QString, QCustomPlot*>> plots;
    for (PlotKind kind : PlotFactory::kinds())
        plots.append({PlotFactory::kindName(kind), m_live.plot(kind)});
    ExportPlotDialog dialog(plots, m_live.document()->name());
    const QString folder = m_live.filePath(QStringLiteral("all"));
    QVERIFY(QDir().mkpath(folder));
    dialog.setPlotIndex(-1);
    dialog.setPath(folder);
    dialog.setFormat(QStringLiteral("png"));
    dialog.setSizePx(QSize(800, 500));
    dialog.setScale(1);
    QCOMPARE(dialog.plotIndex(), -1);
    QString error;
    QVERIFY2(dialog.exportNow(&error), qPrintable(error));
    QStringList expected{QStringLiteral("lesson-data.png"),
                         QStringLiteral("lesson-predicted-vs-actual.png"),
                         QStringLiteral("lesson-residuals.png")};
    QStringList found = entries(folder);
    found.sort();
    expected.sort();
    QCOMPARE(found, expected);
    for (const QString& name : expected)
        QCOMPARE(QImageReader(QDir(folder).filePath(name)).size(), QSize(800, 500));
    QVERIFY(!dialog.copyToClipboard()); // one plot at a time
}

void tst_ExportPlotDialog::dialogMissingFolder() {
    ExportPlotDialog dialog({{QStringLiteral("data"), m_live.plot(PlotKind::Data)},
                             {QStringLiteral("residuals"), m_live.plot(PlotKind::Residuals)}},
                            m_live.document()->name());
    const QString folder = m_live.filePath(QStringLiteral("not-there"));
    dialog.setPlotIndex(-1);
    dialog.setPath(folder);
    QString error;
    QVERIFY(!dialog.exportNow(&error));
    QVERIFY2(error.contains(folder), qPrintable(error));
    QVERIFY(!QFileInfo::exists(folder));

    dialog.setPlotIndex(0);
    dialog.setPath(folder + QStringLiteral("/one.png"));
    QVERIFY(!dialog.exportNow(&error));
    QVERIFY2(error.contains(folder + QStringLiteral("/one.png")), qPrintable(error));
    QVERIFY(!QFileInfo::exists(folder));
}

void tst_ExportPlotDialog::clipboardOfTheChosenPlot() {
    QClipboard* clipboard = QGuiApplication::clipboard();
    clipboard->clear();
    ExportPlotDialog dialog({{QStringLiteral("data"), m_live.plot(PlotKind::Data)}},
                            m_live.document()->name());
    dialog.setSizePx(QSize(320, 200));
    dialog.setScale(1);
    QVERIFY(dialog.copyToClipboard());
    QCOMPARE(clipboard->image().size(), QSize(320, 200));
}

void tst_ExportPlotDialog::titlesFromTheKindsTable() {
    // The plot list names each kind by its title from the table; "All plots" comes last.
    QList<QPair<QString, QCustomPlot*>> plots;
    for (const linlab::PlotKindInfo& info : linlab::plotKinds())
        plots.append({QString::fromLatin1(info.name), m_live.plot(PlotKind::Data)});
    ExportPlotDialog dialog(plots, m_live.document()->name());
    QComboBox* combo = nullptr; // the plot list: the combo that starts with the data plot
    for (QComboBox* c : dialog.findChildren<QComboBox*>())
        if (c->itemText(0) == QStringLiteral("Data"))
            combo = c;
    QVERIFY(combo);
    QCOMPARE(combo->count(), int(linlab::plotKinds().size()) + 1);
    QCOMPARE(combo->itemText(1), QStringLiteral("Predicted vs actual"));
    QCOMPARE(combo->itemText(3), QStringLiteral("Loss surface"));
    QCOMPARE(combo->itemText(4), QStringLiteral("Loss curve"));
    dialog.setPlotIndex(4);
    QCOMPARE(QFileInfo(dialog.path()).fileName(), QStringLiteral("lesson-loss-curve.png"));
}

void tst_ExportPlotDialog::sampleImage() {
    // For people to look at: the dialog as it opens on every plot.
    QVERIFY(QDir().mkpath(QString::fromLatin1(kSampleDir)));
    const QDir dir(QString::fromLatin1(kSampleDir));
    QList<QPair<QString, QCustomPlot*>> plots;
    for (PlotKind kind : PlotFactory::kinds())
        plots.append({PlotFactory::kindName(kind), m_live.plot(kind)});
    ExportPlotDialog dialog(plots, m_live.document()->name());
    dialog.adjustSize();
    QVERIFY(dialog.grab().save(dir.filePath(QStringLiteral("dialog.png"))));
}

QTEST_MAIN(tst_ExportPlotDialog)
#include "tst_ExportPlotDialog.moc"
