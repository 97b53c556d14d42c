// TransformPanel on the lesson's document: one command per change, undo flowing back into the
// boxes, the features' statistics table and the constant-feature warning.

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "ui/common/NumberText.h"
#include "ui/common/PreciseSpinBox.h"
#include "ui/panels/TransformPanel.h"

#include <QComboBox>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace linlab;

class tst_TransformPanel : public QObject {
    Q_OBJECT

private slots:
    void transformZScorePushesOneCommand();
    void transformDdofOnlyForZScore();
    void transformScaleBox();
    void transformStatsTable();
    void transformConstantFeatureWarning();
};

void tst_TransformPanel::transformZScorePushesOneCommand() {
    Document doc;
    TransformPanel panel(&doc);
    QCOMPARE(panel.normalizationBox()->currentIndex(), 0);
    const int before = doc.undoStack()->count();
    panel.normalizationBox()->setCurrentIndex(1);
    QCOMPARE(doc.undoStack()->count(), before + 1);
    QCOMPARE(doc.transformSettings().normalization, Normalization::ZScore);
    QCOMPARE(doc.transformSettings().ddof, 0);

    // Undo flows back into the combo without pushing anything.
    doc.undoStack()->undo();
    QCOMPARE(doc.transformSettings().normalization, Normalization::None);
    QCOMPARE(panel.normalizationBox()->currentIndex(), 0);
    QCOMPARE(doc.undoStack()->count(), before + 1);
    doc.undoStack()->redo();
    QCOMPARE(panel.normalizationBox()->currentIndex(), 1);
}

void tst_TransformPanel::transformDdofOnlyForZScore() {
    Document doc;
    TransformPanel panel(&doc);
    QVERIFY(!panel.ddofBox()->isEnabled());
    panel.normalizationBox()->setCurrentIndex(1);
    QVERIFY(panel.ddofBox()->isEnabled());
    const int before = doc.undoStack()->count();
    panel.ddofBox()->setCurrentIndex(1);
    QCOMPARE(doc.undoStack()->count(), before + 1);
    QCOMPARE(doc.transformSettings().ddof, 1);
    panel.normalizationBox()->setCurrentIndex(2);
    QCOMPARE(doc.transformSettings().normalization, Normalization::MinMax);
    QVERIFY(!panel.ddofBox()->isEnabled());
    panel.normalizationBox()->setCurrentIndex(0);
    QVERIFY(!panel.ddofBox()->isEnabled());
    QVERIFY(!panel.ddofBox()->toolTip().isEmpty());
    QVERIFY(!panel.normalizationBox()->toolTip().isEmpty());
    QVERIFY(!panel.scaleBox()->toolTip().isEmpty());
}

void tst_TransformPanel::transformScaleBox() {
    Document doc;
    TransformPanel panel(&doc);
    QCOMPARE(panel.scaleBox()->value(), 1.0);
    const int before = doc.undoStack()->count();
    panel.scaleBox()->setValue(1.1);
    QCOMPARE(doc.undoStack()->count(), before + 1);
    QCOMPARE(doc.transformSettings().scale, 1.1);
    QCOMPARE(panel.statsTable()->item(0, 1)->text(), NumberText::brief(4.5 * 1.1));
    doc.undoStack()->undo();
    QCOMPARE(panel.scaleBox()->value(), 1.0);
    QCOMPARE(panel.statsTable()->item(0, 1)->text(), QStringLiteral("4.5"));
}

void tst_TransformPanel::transformStatsTable() {
    Document doc;
    TransformPanel panel(&doc);
    QTableWidget* table = panel.statsTable();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->columnCount(), 5);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("hours_studied"));
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("hours_slept"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("4.5"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("6.5"));
    // Population std, as NumPy: sqrt(21 / 4) and sqrt(5 / 4).
    QCOMPARE(table->item(0, 2)->text(), NumberText::brief(std::sqrt(5.25)));
    QCOMPARE(table->item(1, 2)->text(), NumberText::brief(std::sqrt(1.25)));
    QVERIFY(table->item(0, 2)->toolTip().contains(NumberText::exact(std::sqrt(5.25))));
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("2"));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("8"));
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("5"));
    QCOMPARE(table->item(1, 4)->text(), QStringLiteral("8"));
    QVERIFY(!table->item(0, 0)->text().contains(QStringLiteral("\u26a0")));
    QCOMPARE(table->editTriggers(), QAbstractItemView::NoEditTriggers);

    // Sample std with ddof 1: sqrt(21 / 3).
    doc.undoStack()->push(
        new SetTransformCommand(&doc, TransformSettings{1.0, Normalization::ZScore, 1}));
    QCOMPARE(table->item(0, 2)->text(), NumberText::brief(std::sqrt(7.0)));
}

void tst_TransformPanel::transformConstantFeatureWarning() {
    Document doc;
    TransformPanel panel(&doc);
    doc.insertFeature(2, "classroom", arma::vec{3, 3, 3, 3}, 0.0);
    QTableWidget* table = panel.statsTable();
    QCOMPARE(table->rowCount(), 3);
    QVERIFY(table->item(2, 0)->text().startsWith(QStringLiteral("\u26a0")));
    QVERIFY(table->item(2, 0)->text().contains(QStringLiteral("classroom")));
    QCOMPARE(table->item(2, 0)->toolTip(),
             QStringLiteral("constant feature: not divided by its spread, as scikit-learn does"));
    QVERIFY(table->item(2, 2)->text().contains(QStringLiteral("\u26a0")));
    QVERIFY(!table->item(0, 0)->text().contains(QStringLiteral("\u26a0")));
    doc.removeFeature(2);
    QCOMPARE(table->rowCount(), 2);
}

QTEST_MAIN(tst_TransformPanel)
#include "tst_TransformPanel.moc"
