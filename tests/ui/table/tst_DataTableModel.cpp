#include "app/document/Document.h"
#include "ui/common/DisplayDigits.h"
#include "ui/table/DataTableModel.h"
#include "ui/table/DataTableView.h"
#include "ui/table/NumberDelegate.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <cstring>

namespace {
bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}
} // namespace

class tst_DataTableModel : public QObject {
    Q_OBJECT
private slots:
    void showsTheLesson();
    void modelTesterThroughEveryChange();
    void editKeepsFullPrecisionAndUndoIsBitExact();
    void invalidEntriesAreRefused_data();
    void invalidEntriesAreRefused();
    void delegateRefusesAtTheCell();
    void transformedViewIsReadOnly();
    void pasteBlockIsOneUndoStep();
    void pasteGrowsTheTable();
    void pasteRefusesNonNumbers();
    void copySelectionWithEveryDigit();
    void lastRowAndFeatureAreKept();
    void renameAndUseAsLabel();
    void wideColumnsFitTheirContent();
};

void tst_DataTableModel::showsTheLesson() {
    Document doc;
    DataTableModel model(&doc);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("8"));
    QCOMPARE(model.index(3, 2).data().toString(), QStringLiteral("55"));
    QVERIFY(model.headerData(2, Qt::Horizontal).toString().contains(QStringLiteral("exam_score")));
    QVERIFY(model.headerData(2, Qt::Horizontal).toString().contains(QStringLiteral("label")));
    QVERIFY(model.index(0, 2).data(DataTableModel::IsLabelRole).toBool());
    QVERIFY(!model.index(0, 1).data(DataTableModel::IsLabelRole).toBool());
    QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 1);
}

void tst_DataTableModel::modelTesterThroughEveryChange() {
    Document doc;
    DataTableModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    doc.insertRows(2, arma::mat{{1, 2, 3}, {4, 5, 6}});
    QCOMPARE(model.rowCount(), 6);
    doc.removeRows(0, 3);
    QCOMPARE(model.rowCount(), 3);
    doc.insertFeature(1, "coffee", arma::vec{1, 2, 3}, 0.5);
    QCOMPARE(model.columnCount(), 4);
    doc.removeFeature(0);
    QCOMPARE(model.columnCount(), 3);
    doc.setValues(0, 0, arma::mat{{9, 8}});
    doc.swapLabelWithFeature(0);
    model.setShowTransformed(true);
    doc.setTransformSettings({1.0, linlab::Normalization::ZScore, 0});
    model.setShowTransformed(false);
    doc.replaceAll(linlab::Dataset::lesson(), {}, linlab::LinearModel(2), QStringLiteral("again"));
    QCOMPARE(model.rowCount(), 4);
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
}

void tst_DataTableModel::editKeepsFullPrecisionAndUndoIsBitExact() {
    Document doc;
    DataTableModel model(&doc);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(model.index(0, 0), QStringLiteral("0.30000000000000004")));
    QVERIFY(sameBits(doc.dataset().value(0, 0), 0.1 + 0.2));
    // Shown as View > Significant Digits says (6 by default); every digit to edit and in the tip.
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("0.3"));
    QCOMPARE(model.index(0, 0).data(Qt::EditRole).toString(),
             QStringLiteral("0.30000000000000004"));
    QVERIFY(model.index(0, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("0.30000000000000004")));
    QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).isNull()); // "7" hides no digit
    QVERIFY(changed.count() >= 1);
    QVERIFY(model.setData(model.index(1, 2), QStringLiteral("1.2345678901234567e-300")));
    QVERIFY(sameBits(doc.dataset().value(1, 2), 1.2345678901234567e-300));
    QCOMPARE(doc.undoStack()->count(), 2);
    QVERIFY(doc.undoStack()->undoText().contains(QStringLiteral("exam_score")));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QVERIFY(sameBits(doc.dataset().value(0, 0), 5.0));
    QVERIFY(sameBits(doc.dataset().value(1, 2), 60.0));
    QVERIFY(doc.dataset().isLesson());
    QCOMPARE(doc.evaluation().metrics.mse, 509.0);
    // Writing the same bits again is not an edit.
    QVERIFY(model.setData(model.index(0, 0), QStringLiteral("5")));
    QCOMPARE(doc.undoStack()->index(), 0);
}

void tst_DataTableModel::invalidEntriesAreRefused_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("word") << QStringLiteral("abc") << QStringLiteral("not a number");
    QTest::newRow("partial") << QStringLiteral("1.5abc")
                             << QStringLiteral("followed by other text");
    QTest::newRow("nan") << QStringLiteral("nan") << QStringLiteral("NaN or infinity");
    QTest::newRow("inf") << QStringLiteral("-inf") << QStringLiteral("NaN or infinity");
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("overflow") << QStringLiteral("1e400") << QStringLiteral("out of the range");
}

void tst_DataTableModel::invalidEntriesAreRefused() {
    QFETCH(QString, text);
    QFETCH(QString, reason);
    Document doc;
    DataTableModel model(&doc);
    QVERIFY(!model.setData(model.index(2, 1), text));
    QVERIFY2(model.lastError().contains(reason), qPrintable(model.lastError()));
    QVERIFY(model.lastError().contains(QStringLiteral("Row 3")));
    QVERIFY(model.lastError().contains(QStringLiteral("hours_slept")));
    QCOMPARE(doc.dataset().value(2, 1), 8.0);
    QCOMPARE(doc.undoStack()->count(), 0);
}

void tst_DataTableModel::delegateRefusesAtTheCell() {
    Document doc;
    DataTableView view(&doc);
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy rejected(view.numberDelegate(), &NumberDelegate::inputRejected);

    const QModelIndex cell = view.tableModel()->index(1, 0);
    view.setCurrentIndex(cell);
    view.edit(cell);
    auto* editor = view.findChild<QLineEdit*>();
    QVERIFY(editor);
    QCOMPARE(editor->text(), QStringLiteral("3")); // the editor shows every digit of the value
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("2.5x"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(rejected.count(), 1); // the delegate commits on a queued call
    QVERIFY(rejected.first().first().toString().contains(QStringLiteral("2.5x")));
    QCOMPARE(doc.dataset().value(1, 0), 3.0);

    QTRY_VERIFY(!view.findChild<QLineEdit*>()); // the refused editor has closed
    view.edit(cell);
    editor = view.findChild<QLineEdit*>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("3.141592653589793"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(doc.dataset().value(1, 0), 3.141592653589793);
    QCOMPARE(rejected.count(), 1);
}

void tst_DataTableModel::transformedViewIsReadOnly() {
    Document doc;
    doc.setTransformSettings({1.0, linlab::Normalization::ZScore, 0});
    DataTableModel model(&doc);
    model.setShowTransformed(true);
    // NumPy's (X - mean) / std, first row (shared/reference/seed_lesson.json).
    // Every digit in the edit role (copy), the display's 6 digits in the cell.
    QCOMPARE(model.index(0, 0).data(Qt::EditRole).toString(), QStringLiteral("0.2182178902359924"));
    QCOMPARE(model.index(0, 1).data(Qt::EditRole).toString(), QStringLiteral("0.4472135954999579"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("0.218218"));
    QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(model.index(0, 0), QStringLiteral("1")));
    QCOMPARE(model.index(0, 2).data().toString(),
             QStringLiteral("75")); // the label is not transformed
    model.setShowTransformed(false);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("5"));
}

void tst_DataTableModel::pasteBlockIsOneUndoStep() {
    Document doc;
    DataTableView view(&doc);
    view.setCurrentIndex(view.tableModel()->index(1, 0));
    QVERIFY(view.pasteText(QStringLiteral("1.25\t2.5\n3\t4\n")));
    QCOMPARE(doc.dataset().value(1, 0), 1.25);
    QCOMPARE(doc.dataset().value(1, 1), 2.5);
    QCOMPARE(doc.dataset().value(2, 0), 3.0);
    QCOMPARE(doc.dataset().value(2, 1), 4.0);
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    QVERIFY(doc.dataset().isLesson());
}

void tst_DataTableModel::pasteGrowsTheTable() {
    Document doc;
    DataTableView view(&doc);
    QAbstractItemModelTester tester(view.tableModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setCurrentIndex(view.tableModel()->index(3, 0));
    // Four columns (three features and the label) and three rows, from a spreadsheet.
    QVERIFY(view.pasteText(QStringLiteral("1,2,3,70\n4,5,6,80\n7,8,9,90\n")));
    QCOMPARE(doc.dataset().rowCount(), arma::uword(6));
    QCOMPARE(doc.dataset().featureCount(), arma::uword(3));
    QCOMPARE(doc.dataset().value(5, 2), 9.0);
    QCOMPARE(doc.dataset().value(5, 3), 90.0); // the label column
    QCOMPARE(doc.dataset().value(0, 3), 75.0);
    QCOMPARE(doc.model().weights().n_elem, arma::uword(3));
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    QVERIFY(doc.dataset().isLesson());
    QCOMPARE(doc.evaluation().metrics.mse, 509.0);
    doc.undoStack()->redo();
    QCOMPARE(doc.dataset().value(5, 3), 90.0);
}

void tst_DataTableModel::pasteRefusesNonNumbers() {
    Document doc;
    DataTableView view(&doc);
    QSignalSpy messages(&view, &DataTableView::message);
    view.setCurrentIndex(view.tableModel()->index(0, 0));
    QVERIFY(!view.pasteText(QStringLiteral("1\t2\n3\tabc\n")));
    QCOMPARE(messages.count(), 1);
    const QString text = messages.first().first().toString();
    QVERIFY2(text.contains(QStringLiteral("clipboard:2:2")), qPrintable(text));
    QVERIFY(messages.first().at(1).toBool());
    QVERIFY(doc.dataset().isLesson());
    QCOMPARE(doc.undoStack()->count(), 0);
}

void tst_DataTableModel::copySelectionWithEveryDigit() {
    Document doc;
    doc.setValues(0, 0, arma::mat(1, 1, arma::fill::value(0.1 + 0.2)));
    DataTableView view(&doc);
    view.selectionModel()->select(
        QItemSelection(view.tableModel()->index(0, 0), view.tableModel()->index(1, 2)),
        QItemSelectionModel::ClearAndSelect);
    QCOMPARE(view.selectionText(), QStringLiteral("0.30000000000000004\t7\t75\n3\t6\t60\n"));
    QCOMPARE(view.selectedRowList(), (QList<int>{0, 1}));
}

void tst_DataTableModel::lastRowAndFeatureAreKept() {
    Document doc;
    DataTableView view(&doc);
    QSignalSpy messages(&view, &DataTableView::message);
    view.selectAll();
    view.removeSelectedRows();
    QCOMPARE(doc.dataset().rowCount(), arma::uword(4));
    QCOMPARE(messages.count(), 1);
    view.selectionModel()->select(
        QItemSelection(view.tableModel()->index(1, 0), view.tableModel()->index(2, 2)),
        QItemSelectionModel::ClearAndSelect);
    view.removeSelectedRows();
    QCOMPARE(doc.dataset().rowCount(), arma::uword(2));
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    QVERIFY(doc.dataset().isLesson());

    view.setCurrentIndex(view.tableModel()->index(0, 0));
    view.removeCurrentFeature();
    QCOMPARE(doc.dataset().featureCount(), arma::uword(1));
    view.setCurrentIndex(view.tableModel()->index(0, 0));
    view.removeCurrentFeature();
    QCOMPARE(doc.dataset().featureCount(), arma::uword(1));
    QVERIFY(messages.last().first().toString().contains(QStringLiteral("at least one feature")));
    doc.undoStack()->undo();
    QVERIFY(doc.dataset().isLesson());
    QVERIFY(arma::approx_equal(doc.model().weights(), arma::vec{4, 3}, "absdiff", 0));
}

void tst_DataTableModel::renameAndUseAsLabel() {
    Document doc;
    DataTableView view(&doc);
    QVERIFY(view.renameColumnTo(0, QStringLiteral("study")));
    QCOMPARE(doc.dataset().featureNames()[0], std::string("study"));
    QVERIFY(!view.renameColumnTo(1, QStringLiteral("study")));
    QVERIFY(!view.renameColumnTo(1, QStringLiteral("  ")));
    view.setCurrentIndex(view.tableModel()->index(0, 1));
    view.useCurrentColumnAsLabel();
    QCOMPARE(doc.dataset().labelName(), std::string("hours_slept"));
    QVERIFY(view.tableModel()
                ->headerData(2, Qt::Horizontal)
                .toString()
                .contains(QStringLiteral("hours_slept")));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QVERIFY(doc.dataset().isLesson());
    QVERIFY(arma::approx_equal(doc.model().weights(), arma::vec{4, 3}, "absdiff", 0));
}

// Twelve features with long names and long numbers (a million-row file's look): each column as
// wide as its numbers at the display digits, the long names elided in the middle, not over the
// next header; every digit shows again when the setting says so.
void tst_DataTableModel::wideColumnsFitTheirContent() {
    Document doc;
    std::vector<std::string> names;
    for (int j = 0; j < 12; ++j)
        names.push_back("a_rather_long_feature_name_number_" + std::to_string(j + 1));
    arma::mat X(50, 12);
    for (arma::uword i = 0; i < X.n_rows; ++i)
        for (arma::uword j = 0; j < X.n_cols; ++j)
            X(i, j) = (1 + double(i * 13 + j) / 7.0) * 1e-5 / 3; // 17 significant digits
    doc.replaceAll(linlab::Dataset(X, arma::vec(50, arma::fill::value(0.1 + 0.2)), names, "y"), {},
                   linlab::LinearModel(12), QStringLiteral("wide"));
    DataTableView view(&doc);
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QHeaderView* header = view.horizontalHeader();
    QCOMPARE(header->textElideMode(), Qt::ElideMiddle);
    const QFontMetrics fm = view.fontMetrics();
    const QString shown = view.model()->index(0, 0).data().toString();
    QCOMPARE(shown, QStringLiteral("3.33333e-06"));
    for (int c = 0; c < 13; ++c) {
        const int width = header->sectionSize(c);
        QVERIFY2(width >= fm.horizontalAdvance(view.model()->index(0, c).data().toString()),
                 qPrintable(QString::number(c)));
        QVERIFY2(width <= DataTableView::kMaxColumnWidth, qPrintable(QString::number(width)));
    }
    // The sections tile the header: none overlaps the next.
    for (int c = 0; c + 1 < 13; ++c)
        QCOMPARE(header->sectionPosition(c) + header->sectionSize(c),
                 header->sectionPosition(c + 1));
    // Every digit: the columns widen to the numbers.
    const int before = header->sectionSize(0);
    DisplayDigits::setDigits(0);
    QCOMPARE(view.model()->index(0, 0).data().toString(), QStringLiteral("3.3333333333333337e-06"));
    QVERIFY(header->sectionSize(0) > before);
    DisplayDigits::setDigits(DisplayDigits::kDefault);
    QCOMPARE(header->sectionSize(0), before);
}

QTEST_MAIN(tst_DataTableModel)
#include "tst_DataTableModel.moc"
