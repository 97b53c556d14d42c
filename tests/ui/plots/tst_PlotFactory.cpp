// The plot views by kind: the kinds PlotFactory builds, their names and titles from the PlotKind
// table, and a view built offscreen, never shown, exports as the batch command line needs.

#include "app/document/Document.h"
#include "ui/plots/DataPlotView.h"
#include "ui/plots/PlotExporter.h"
#include "ui/plots/PlotFactory.h"
#include "ui/plots/PredictedActualPlotView.h"
#include "ui/plots/ResidualPlotView.h"

#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class tst_PlotFactory : public QObject {
    Q_OBJECT

private slots:
    void kindsFromTheTable();
    void createsTheViewOfEachKind();
    void hiddenViewExports();
};

void tst_PlotFactory::kindsFromTheTable() {
    const QList<PlotKind> kinds = PlotFactory::kinds();
    QCOMPARE(kinds,
             (QList<PlotKind>{PlotKind::Data, PlotKind::PredictedVsActual, PlotKind::Residuals}));
    QCOMPARE(PlotFactory::kindName(PlotKind::Data), QStringLiteral("data"));
    QCOMPARE(PlotFactory::kindName(PlotKind::PredictedVsActual),
             QStringLiteral("predicted-vs-actual"));
    QCOMPARE(PlotFactory::kindName(PlotKind::Residuals), QStringLiteral("residuals"));
    for (PlotKind kind : kinds) {
        QCOMPARE(PlotFactory::parseKind(PlotFactory::kindName(kind)),
                 std::optional<PlotKind>(kind));
        QVERIFY(!PlotFactory::kindTitle(kind).isEmpty());
    }
    QCOMPARE(PlotFactory::parseKind(QStringLiteral(" Residuals ")),
             std::optional<PlotKind>(PlotKind::Residuals));
    // The training plots are in the table too: named and titled, though create() leaves them.
    QCOMPARE(PlotFactory::kindName(PlotKind::LossSurface), QStringLiteral("loss-surface"));
    QCOMPARE(PlotFactory::kindTitle(PlotKind::LossCurve), QStringLiteral("Loss curve"));
    QCOMPARE(PlotFactory::parseKind(QStringLiteral("LOSS-CURVE")),
             std::optional<PlotKind>(PlotKind::LossCurve));
    QVERIFY(!PlotFactory::parseKind(QStringLiteral("loss")));
    QVERIFY(!PlotFactory::parseKind(QString()));
}

void tst_PlotFactory::createsTheViewOfEachKind() {
    Document doc;
    const std::unique_ptr<PlotView> data(PlotFactory::create(PlotKind::Data, &doc));
    const std::unique_ptr<PlotView> predicted(
        PlotFactory::create(PlotKind::PredictedVsActual, &doc));
    const std::unique_ptr<PlotView> residuals(PlotFactory::create(PlotKind::Residuals, &doc));
    QVERIFY(qobject_cast<DataPlotView*>(data.get()));
    QVERIFY(qobject_cast<PredictedActualPlotView*>(predicted.get()));
    QVERIFY(qobject_cast<ResidualPlotView*>(residuals.get()));
    // The training plots draw a session, not the document: not built here.
    QVERIFY(!PlotFactory::create(PlotKind::LossSurface, &doc));
    QVERIFY(!PlotFactory::create(PlotKind::LossCurve, &doc));
}

void tst_PlotFactory::hiddenViewExports() {
    // A view built offscreen and never shown exports like any other (the batch command line).
    QTemporaryDir dir;
    Document doc;
    std::unique_ptr<PlotView> hidden(PlotFactory::create(PlotKind::Residuals, &doc));
    const QString path = dir.filePath(QStringLiteral("hidden.png"));
    QString error;
    QVERIFY2(PlotExporter::exportPlot(hidden->plot(), path, QSize(800, 500), 1.0, &error),
             qPrintable(error));
    QCOMPARE(QImageReader(path).size(), QSize(800, 500));
}

QTEST_MAIN(tst_PlotFactory)
#include "tst_PlotFactory.moc"
