#include "model/io/PlotKind.h"

#include <QTest>

#include <set>
#include <string>

using namespace linlab;

class tst_PlotKind : public QObject {
    Q_OBJECT
private slots:
    void tableListsEveryKindOnce();
    void namesAreTheCommandLines();
    void everyNameReadsBack();
    void unknownNamesAreRefused();
};

void tst_PlotKind::tableListsEveryKindOnce() {
    const std::vector<PlotKind> all{PlotKind::Data, PlotKind::PredictedVsActual,
                                    PlotKind::Residuals, PlotKind::LossSurface,
                                    PlotKind::LossCurve};
    QCOMPARE(plotKinds().size(), all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        QVERIFY(plotKinds()[i].kind == all[i]); // table order is menu order
        QVERIFY(plotKindInfo(all[i]).kind == all[i]);
        QVERIFY(std::string(plotKindInfo(all[i]).title).size() > 0);
    }
    QVERIFY(!plotKindInfo(PlotKind::Residuals).training);
    QVERIFY(plotKindInfo(PlotKind::LossSurface).training);
    QVERIFY(plotKindInfo(PlotKind::LossCurve).training);
}

void tst_PlotKind::namesAreTheCommandLines() {
    // --export-plot KIND=PATH and default file names use these: scripts depend on them.
    QCOMPARE(plotKindNames(), (std::vector<std::string>{"data", "predicted-vs-actual", "residuals",
                                                        "loss-surface", "loss-curve"}));
    QCOMPARE(plotKindList(),
             std::string("data, predicted-vs-actual, residuals, loss-surface, loss-curve"));
    QCOMPARE(std::string(plotKindInfo(PlotKind::PredictedVsActual).title),
             std::string("Predicted vs actual"));
}

void tst_PlotKind::everyNameReadsBack() {
    std::set<std::string> names;
    for (const PlotKindInfo& info : plotKinds()) {
        const std::optional<PlotKind> back = parsePlotKind(info.name);
        QVERIFY(back.has_value());
        QVERIFY(*back == info.kind);
        names.insert(info.name);
    }
    QCOMPARE(names.size(), plotKinds().size());
}

void tst_PlotKind::unknownNamesAreRefused() {
    for (const char* name : {"", "Data", "loss", "residual", " data", "loss_curve"})
        QVERIFY2(!parsePlotKind(name), name);
}

QTEST_APPLESS_MAIN(tst_PlotKind)
#include "tst_PlotKind.moc"
