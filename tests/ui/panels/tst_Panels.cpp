// TransformPanel, MetricsPanel and LessonPane on the lesson's document: commands pushed, values
// shown exactly, "—" where undefined, and the lesson's lines with their current values.

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "tests/common/TestUtil.h"
#include "ui/common/NumberText.h"
#include "ui/common/PreciseSpinBox.h"
#include "ui/panels/LessonPane.h"
#include "ui/panels/MetricsPanel.h"
#include "ui/panels/ModelPanel.h"
#include "ui/panels/TransformPanel.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <cmath>

using namespace linlab;

class tst_Panels : public QObject {
    Q_OBJECT

private slots:
    void metricsMaeArrivesFromBackground();
    void lessonPaneThrottlesDuringADrag();
    void transformZScorePushesOneCommand();
    void transformDdofOnlyForZScore();
    void transformScaleBox();
    void transformStatsTable();
    void transformConstantFeatureWarning();
    void metricsOnLesson();
    void metricsAtLeastSquares();
    void metricsWithoutRows();
    void metricsRankDeficientAndRenames();
    void lessonPaneShowsCodeAndValues();
    void lessonPaneFollowsScaleAndNormalisation();
    void lessonPaneCoalescesRebuilds();
    void lessonPaneLongAndEmptyData();
    void renderPanels();
};

void tst_Panels::transformZScorePushesOneCommand() {
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

void tst_Panels::transformDdofOnlyForZScore() {
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

void tst_Panels::transformScaleBox() {
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

void tst_Panels::transformStatsTable() {
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

void tst_Panels::transformConstantFeatureWarning() {
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

void tst_Panels::metricsOnLesson() {
    Document doc;
    MetricsPanel panel(&doc);
    auto text = [&](const char* name) {
        QLabel* label = panel.findChild<QLabel*>(QString::fromLatin1(name));
        return label ? label->text()
                     : QStringLiteral("(missing %1)").arg(QString::fromLatin1(name));
    };
    QCOMPARE(text("mseValue"), QStringLiteral("509"));
    QCOMPARE(text("rmseValue"), NumberText::exact(std::sqrt(509.0)));
    QCOMPARE(text("maeValue"), QStringLiteral("22.5"));
    QCOMPARE(text("r2Value"), NumberText::exact(doc.evaluation().metrics.r2));
    QVERIFY(testutil::close(doc.evaluation().metrics.r2, 1.0 - 2036.0 / 750.0, 1e-12));
    QCOMPARE(text("gradW0Value"), QStringLiteral("-208"));
    QCOMPARE(text("gradW1Value"), QStringLiteral("-295"));
    QCOMPARE(text("gradBiasValue"), QStringLiteral("-45"));
    QCOMPARE(text("lessonGradW0Value"), QStringLiteral("-104"));
    QCOMPARE(text("lessonGradW1Value"), QStringLiteral("-147.5"));
    QCOMPARE(text("distanceValue"), NumberText::exact(doc.evaluation().distanceToLeastSquares));
    QCOMPARE(text("excessLossValue"), NumberText::exact(doc.evaluation().excessLoss));
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("rankWarning"))->isHidden());
    QCOMPARE(panel.valueLabel(QStringLiteral("mseValue")),
             panel.findChild<QLabel*>(QStringLiteral("mseValue")));

    // The lesson's gradient is labelled as what it is.
    bool labelled = false;
    for (QLabel* label : panel.findChildren<QLabel*>())
        labelled = labelled || label->text().contains(
                                   QStringLiteral("lesson's Xᵀe/n (half the true gradient)"));
    QVERIFY(labelled);
    for (QLabel* label : panel.findChildren<QLabel*>())
        if (label->objectName().endsWith(QStringLiteral("Value"))) {
            QVERIFY2(label->textInteractionFlags() & Qt::TextSelectableByMouse,
                     qPrintable(label->objectName()));
            QVERIFY2(!label->toolTip().isEmpty(), qPrintable(label->objectName()));
        }

    // Live: a model change shows at once.
    doc.undoStack()->push(
        new SetModelCommand(&doc, LinearModel(arma::vec{4, 3}, 32.5), QStringLiteral("b")));
    QCOMPARE(text("gradBiasValue"), QStringLiteral("0"));
}

void tst_Panels::metricsAtLeastSquares() {
    Document doc;
    MetricsPanel panel(&doc);
    doc.setModel(doc.leastSquaresModel());
    const double mse = panel.valueLabel(QStringLiteral("mseValue"))->text().toDouble();
    QVERIFY2(testutil::close(mse, 1.25, 1e-9),
             qPrintable(panel.valueLabel(QStringLiteral("mseValue"))->text()));
    const double distance = panel.valueLabel(QStringLiteral("distanceValue"))->text().toDouble();
    QVERIFY(std::abs(distance) < 1e-9);
    const double excess = panel.valueLabel(QStringLiteral("excessLossValue"))->text().toDouble();
    QVERIFY(std::abs(excess) < 1e-9);
    QVERIFY(std::abs(panel.valueLabel(QStringLiteral("gradW0Value"))->text().toDouble()) < 1e-9);
}

void tst_Panels::metricsWithoutRows() {
    Document doc;
    MetricsPanel panel(&doc);
    TransformPanel transform(&doc);
    LessonPane lesson(&doc);
    ModelPanel model(&doc);
    doc.removeRows(0, 4);
    QCoreApplication::processEvents();
    int values = 0;
    for (QLabel* label : panel.findChildren<QLabel*>())
        if (label->objectName().endsWith(QStringLiteral("Value"))) {
            ++values;
            QVERIFY2(label->text() == NumberText::dash(),
                     qPrintable(label->objectName() + QLatin1Char('=') + label->text()));
        }
    QCOMPARE(values,
             2 * 2 + 1 + 4 + 2); // gradients and lesson's per feature, bias, metrics, distances
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("rankWarning"))->isHidden());
    QCOMPARE(transform.statsTable()->item(0, 1)->text(), NumberText::dash());
    QVERIFY(lesson.toPlainText().contains(QStringLiteral("mse = \u2014")));
    QVERIFY(!model.fitButton()->isEnabled());
    // Rows come back: numbers come back.
    doc.undoStack()->push(
        new SetModelCommand(&doc, LinearModel(arma::vec{1, 1}, 1), QStringLiteral("m")));
    doc.insertRows(0, arma::mat{{1, 1, 5}, {2, 3, 9}});
    QVERIFY(panel.valueLabel(QStringLiteral("mseValue"))->text() != NumberText::dash());
    QVERIFY(model.fitButton()->isEnabled());
}

void tst_Panels::metricsRankDeficientAndRenames() {
    Document doc;
    MetricsPanel panel(&doc);
    doc.insertFeature(2, "minutes_studied", doc.dataset().features().col(0) * 60.0, 0.0);
    QLabel* warning = panel.findChild<QLabel*>(QStringLiteral("rankWarning"));
    QVERIFY(!warning->isHidden());
    QVERIFY(warning->text().contains(QStringLiteral("rank-deficient")));
    QVERIFY(panel.valueLabel(QStringLiteral("gradW2Value")));
    QCOMPARE(panel.valueLabel(QStringLiteral("gradW0Value"))->text(), QStringLiteral("-208"));
    doc.removeFeature(2); // the rows are rebuilt: find the labels again
    warning = panel.findChild<QLabel*>(QStringLiteral("rankWarning"));
    QVERIFY(warning->isHidden());
    QVERIFY(!panel.valueLabel(QStringLiteral("gradW2Value")));

    doc.renameColumn(0, "study_hours");
    bool renamed = false;
    for (QLabel* label : panel.findChildren<QLabel*>())
        renamed = renamed || label->text().contains(QStringLiteral("study_hours"));
    QVERIFY(renamed);
}

void tst_Panels::lessonPaneShowsCodeAndValues() {
    Document doc;
    LessonPane pane(&doc);
    QVERIFY(pane.isReadOnly());
    const QString text = pane.toPlainText();
    QVERIFY(text.contains(QStringLiteral("prediction = np.dot(X, weights) + bias")));
    QVERIFY(text.contains(QStringLiteral("509")));
    QVERIFY(text.contains(QStringLiteral("X_scaled = X * 1")));
    QVERIFY(text.contains(QStringLiteral("mse = np.mean((predicted - actual) ** 2)")));
    QVERIFY(text.contains(QStringLiteral("gradient = np.dot(X.T, errors) / len(X)")));
    QVERIFY(text.contains(QStringLiteral("weights = [4, 3]")));
    QVERIFY(text.contains(QStringLiteral("bias = 10")));
    QVERIFY(text.contains(QStringLiteral("[51, 40, 66, 33]")));     // predictions
    QVERIFY(text.contains(QStringLiteral("[-24, -20, -24, -22]"))); // errors
    QVERIFY(text.contains(QStringLiteral("gradient = [-104, -147.5]")));
    QVERIFY(text.contains(QStringLiteral("[-208, -295]")));
    QVERIFY(text.contains(QStringLiteral("-45")));

    doc.undoStack()->push(
        new SetModelCommand(&doc, doc.leastSquaresModel(), QStringLiteral("fit")));
    QTRY_VERIFY(pane.toPlainText().contains(QStringLiteral("mse = 1.25")));
}

void tst_Panels::lessonPaneFollowsScaleAndNormalisation() {
    Document doc;
    LessonPane pane(&doc);
    doc.undoStack()->push(
        new SetTransformCommand(&doc, TransformSettings{1.1, Normalization::None, 0}));
    QTRY_VERIFY(pane.toPlainText().contains(QStringLiteral("X * 1.1")));
    QVERIFY(pane.toPlainText().contains(NumberText::brief(5 * 1.1)));

    doc.undoStack()->push(
        new SetTransformCommand(&doc, TransformSettings{1.1, Normalization::ZScore, 0}));
    QTRY_VERIFY(pane.toPlainText().contains(QStringLiteral("X_normalized = (X - mean) / std")));
    QVERIFY(pane.toPlainText().contains(QStringLiteral("mean = [") + NumberText::brief(4.5 * 1.1)));
    QVERIFY(pane.toPlainText().contains(QStringLiteral("ddof=0")));

    doc.undoStack()->push(
        new SetTransformCommand(&doc, TransformSettings{1.0, Normalization::MinMax, 0}));
    QTRY_VERIFY(pane.toPlainText().contains(QStringLiteral("(X - min) / (max - min)")));
    QVERIFY(pane.toPlainText().contains(QStringLiteral("min = [2, 5]")));

    doc.insertFeature(2, "classroom", arma::vec{3, 3, 3, 3}, 0.0);
    QTRY_VERIFY(pane.toPlainText().contains(QStringLiteral("classroom is constant")));
}

void tst_Panels::lessonPaneCoalescesRebuilds() {
    Document doc;
    LessonPane pane(&doc);
    QSignalSpy spy(&pane, &QTextEdit::textChanged);
    doc.undoStack()->push(
        new SetModelCommand(&doc, LinearModel(arma::vec{1, 1}, 1), QStringLiteral("m")));
    QVERIFY(spy.isEmpty()); // nothing rebuilt inside the change itself
    QTRY_VERIFY(!spy.isEmpty());
    QTest::qWait(20);
    const int perRebuild = int(spy.count());
    spy.clear();
    for (int i = 0; i < 50; ++i)
        doc.undoStack()->push(new SetModelCommand(&doc, LinearModel(arma::vec{1, 1}, 2.0 + i),
                                                  QStringLiteral("m"), 7));
    QTRY_VERIFY(!spy.isEmpty());
    QTest::qWait(20);
    QCOMPARE(int(spy.count()), perRebuild); // fifty changes, one rebuild
    QVERIFY(pane.toPlainText().contains(QStringLiteral("bias = 51")));
}

void tst_Panels::lessonPaneLongAndEmptyData() {
    Document doc;
    LessonPane pane(&doc);
    doc.insertRows(4, arma::mat{{1, 2, 30}, {4, 4, 50}, {6, 7, 80}});
    QTRY_VERIFY(pane.toPlainText().contains(QStringLiteral("\u2026 7 rows")));
    doc.removeRows(0, 7);
    QTRY_VERIFY(pane.toPlainText().contains(QStringLiteral("mse = \u2014")));
}

void tst_Panels::renderPanels() {
    // Paints every panel offscreen (a crash or warning here is a bug); saves PNGs when asked,
    // sized as in a 1280x800 window's side dock.
    const QString dir = qEnvironmentVariable("LINLAB_PANELS_PNG_DIR");
    Document doc;
    doc.undoStack()->push(
        new SetTransformCommand(&doc, TransformSettings{1.1, Normalization::ZScore, 0}));
    doc.insertFeature(2, "classroom", arma::vec{3, 3, 3, 3}, 0.0);
    ModelPanel model(&doc);
    ModelPanel modelRanges(&doc);
    modelRanges.rangesButton()->setChecked(true);
    TransformPanel transform(&doc);
    MetricsPanel metrics(&doc);
    LessonPane lesson(&doc);
    const struct {
        QWidget* widget;
        const char* name;
        int height;
    } shots[] = {{&model, "ModelPanel", 0},
                 {&modelRanges, "ModelPanelRanges", 0},
                 {&transform, "TransformPanel", 0},
                 {&metrics, "MetricsPanel", 0},
                 {&lesson, "LessonPane", 720}};
    for (const auto& shot : shots) {
        shot.widget->resize(380, shot.height > 0 ? shot.height : shot.widget->sizeHint().height());
        shot.widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(shot.widget));
        QCoreApplication::processEvents();
        const QPixmap pixmap = shot.widget->grab();
        QVERIFY(!pixmap.isNull());
        QVERIFY2(pixmap.width() <= 380 * pixmap.devicePixelRatio(), shot.name); // fits the dock
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            QVERIFY(pixmap.save(dir + QLatin1Char('/') + QString::fromLatin1(shot.name) +
                                QStringLiteral(".png")));
        }
        shot.widget->hide();
    }
}

void tst_Panels::metricsMaeArrivesFromBackground() {
    arma::arma_rng::set_seed(5);
    const arma::uword n = 150000;
    const arma::mat X = arma::randn(n, 2);
    Document doc;
    doc.replaceAll(Dataset(X, X * arma::vec{1, 2} + arma::randn(n), {"a", "b"}, "y"), {},
                   LinearModel(2), QStringLiteral("big"));
    MetricsPanel panel(&doc);
    QLabel* mae = panel.valueLabel(QStringLiteral("maeValue"));
    QLabel* mse = panel.valueLabel(QStringLiteral("mseValue"));
    QTRY_VERIFY(!doc.maePending());
    const QString first = mae->text();
    QVERIFY(mae->isEnabled());
    QCOMPARE(first, NumberText::exact(doc.evaluation().metrics.mae));

    // A tick: the MSE at once; the MAE keeps its last value, muted, until the pass is in.
    doc.setModel(LinearModel(arma::vec{1, 2}, 0));
    QCOMPARE(mse->text(), NumberText::exact(doc.evaluation().metrics.mse));
    if (doc.maePending()) {
        QCOMPARE(mae->text(), first);
        QVERIFY(!mae->isEnabled());
        QVERIFY(mae->toolTip().contains(QStringLiteral("being computed")));
    }
    QTRY_VERIFY(mae->isEnabled());
    const double expected = doc.analysis().evaluate(doc.model()).metrics.mae;
    QVERIFY(testutil::closeRel(doc.evaluation().metrics.mae, expected, 1e-12));
    QCOMPARE(mae->text(), NumberText::exact(doc.evaluation().metrics.mae));
    QVERIFY(!mae->toolTip().contains(QStringLiteral("being computed")));
    // The value labels keep their size whatever they show: no relayout per tick.
    QCOMPARE(mae->minimumSize(), mae->maximumSize());
    QVERIFY(mae->width() >=
            mae->fontMetrics().horizontalAdvance(QStringLiteral("-1.2345678901234567e-300")));
}

void tst_Panels::lessonPaneThrottlesDuringADrag() {
    Document doc;
    LessonPane lesson(&doc);
    // The first change shows at once...
    doc.setModel(LinearModel(arma::vec{5, 3}, 10));
    QCoreApplication::processEvents();
    QVERIFY(lesson.toPlainText().contains(QStringLiteral("weights = [5, 3]")));
    // ... a burst is coalesced (no state in between is laid out) and its last state shows
    // within the interval (at once if the machine was slow enough for the interval to pass).
    for (int w = 6; w <= 9; ++w)
        doc.setModel(LinearModel(arma::vec{double(w), 3}, 10));
    QCoreApplication::processEvents();
    for (int w = 6; w <= 8; ++w)
        QVERIFY(!lesson.toPlainText().contains(QStringLiteral("weights = [%1, 3]").arg(w)));
    QTRY_VERIFY_WITH_TIMEOUT(lesson.toPlainText().contains(QStringLiteral("weights = [9, 3]")),
                             10 * LessonPane::kMinRebuildInterval);
}

QTEST_MAIN(tst_Panels)
#include "tst_Panels.moc"
