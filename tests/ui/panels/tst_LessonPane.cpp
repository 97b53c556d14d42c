// LessonPane: the lesson's lines with their current values, following the transform, rebuilt at
// most once per interval during a drag, and bounded text on long and wide data.

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "ui/common/NumberText.h"
#include "ui/panels/LessonPane.h"

#include <QSignalSpy>
#include <QTest>
#include <QTextEdit>
#include <QUndoStack>

#include <string>
#include <vector>

using namespace linlab;

namespace {

// d features x1, x2, ... over a few rows, every one of them constant: as wide as a table gets.
Dataset wideConstantDataset(arma::uword d) {
    std::vector<std::string> names;
    for (arma::uword j = 0; j < d; ++j)
        names.push_back("x" + std::to_string(j + 1));
    return Dataset(arma::mat(6, d, arma::fill::ones), arma::linspace(1, 6, 6), names, "y");
}

} // namespace

class tst_LessonPane : public QObject {
    Q_OBJECT

private slots:
    void lessonPaneThrottlesDuringADrag();
    void lessonPaneShowsCodeAndValues();
    void lessonPaneFollowsScaleAndNormalisation();
    void lessonPaneCoalescesRebuilds();
    void lessonPaneLongAndEmptyData();
    void wideTableElidesConstantNotes();
};

void tst_LessonPane::lessonPaneThrottlesDuringADrag() {
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

void tst_LessonPane::lessonPaneShowsCodeAndValues() {
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

void tst_LessonPane::lessonPaneFollowsScaleAndNormalisation() {
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

void tst_LessonPane::lessonPaneCoalescesRebuilds() {
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

void tst_LessonPane::lessonPaneLongAndEmptyData() {
    Document doc;
    LessonPane pane(&doc);
    doc.insertRows(4, arma::mat{{1, 2, 30}, {4, 4, 50}, {6, 7, 80}});
    QTRY_VERIFY(pane.toPlainText().contains(QStringLiteral("\u2026 7 rows")));
    doc.removeRows(0, 7);
    QTRY_VERIFY(pane.toPlainText().contains(QStringLiteral("mse = \u2014")));
}

void tst_LessonPane::wideTableElidesConstantNotes() {
    // 2,000 constant features under z-scores: six warnings, then a count, not 2,000 lines.
    Document doc;
    doc.replaceAll(wideConstantDataset(2000), TransformSettings{1.0, Normalization::ZScore, 0},
                   LinearModel(2000), QStringLiteral("wide"));
    LessonPane pane(&doc);
    const QString text = pane.toPlainText();
    QCOMPARE(int(text.count(QStringLiteral("is constant: not divided"))), 6);
    QVERIFY(text.contains(QStringLiteral("x6 is constant")));
    QVERIFY(!text.contains(QStringLiteral("x7 is constant")));
    QVERIFY(text.contains(QStringLiteral("\u2026 1,994 more constant features")));
    QVERIFY(text.contains(QStringLiteral("\u2026 2000 features]"))); // vectors elided as before
    QVERIFY(text.size() < 20000);
}

QTEST_MAIN(tst_LessonPane)
#include "tst_LessonPane.moc"
