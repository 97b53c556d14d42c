// Derived features in the data table (issue 15): the header menu's shortcuts and dialog add them as
// one undo step each, their columns follow the document's (read-only, the name in the header, the
// expression in the tooltip, a dash for a row left out), they follow their sources live, a refusal
// changes nothing, and the report's columns still come after them. A model tester watches all.
#include "app/document/DerivedFeatureCommand.h"
#include "app/document/Document.h"
#include "model/io/TypedCsvReader.h"
#include "ui/common/NumberText.h"
#include "ui/table/DataTableModel.h"
#include "ui/table/DataTableView.h"
#include "ui/table/DerivedFeatureDialog.h"
#include "ui/table/DerivedMenu.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <cmath>
#include <memory>

using namespace linlab;

namespace {

// kind, x (one missing), y: row 2 is left out.
void openTyped(Document& doc) {
    const char* csv = "kind,x,z,y\n"
                      "a,1,0,2\n"
                      "b,NA,1,3\n"
                      "a,3,2,5\n"
                      "c,4,-1,4\n";
    SourceTable source;
    source.table = TypedCsvReader::readString(csv, "t.csv").table;
    source.design.label = "y";
    doc.replaceSource(source, {}, LinearModel(4), QStringLiteral("t"));
}

QString cell(const QAbstractItemModel& m, int row, int column, int role = Qt::DisplayRole) {
    return m.index(row, column).data(role).toString();
}

QString header(const QAbstractItemModel& m, int column, int role = Qt::EditRole) {
    return m.headerData(column, Qt::Horizontal, role).toString();
}

// The action whose text starts with `text`, in `menu` or a submenu named `sub`.
QAction* findAction(QMenu* menu, const QString& text, const QString& sub = {}) {
    for (QAction* action : menu->actions()) {
        if (!sub.isEmpty() && action->menu() && action->text().startsWith(sub))
            return findAction(action->menu(), text);
        if (sub.isEmpty() && action->text().startsWith(text))
            return action;
    }
    return nullptr;
}

// Closes the next message box, keeping its text.
void closeNextMessageBox(QString* text) {
    QTimer::singleShot(0, [text] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            *text = box->text();
            box->accept();
        }
    });
}

} // namespace

class tst_DerivedColumns : public QObject {
    Q_OBJECT
private slots:
    void polynomialColumnsAfterTheDocumentsOwn();
    void headerMenuOffersShortcutsOnNumericColumns();
    void derivedColumnsAreReadOnly();
    void dashForRowsLeftOutAndLiveFollowing();
    void refusalsChangeNothing();
    void removingASourceIsRefused();
    void dialogPreviewsAndAdds();
    void editFromTheDialogRenamesReaders();
    void reportColumnsComeAfterTheDerived();
};

void tst_DerivedColumns::polynomialColumnsAfterTheDocumentsOwn() {
    Document doc;
    DataTableView view(&doc);
    DataTableModel& model = *view.tableModel();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(DerivedMenu::addPolynomial(&doc, "hours_studied", 3).isEmpty());
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(model.documentColumnCount(), 3);
    QCOMPARE(model.derivedColumnCount(), 2);
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(header(model, 2), QStringLiteral("exam_score")); // the label stays where it was
    QCOMPARE(header(model, 3), QStringLiteral("hours_studied^2"));
    QCOMPARE(header(model, 4), QStringLiteral("hours_studied^3"));
    QVERIFY(header(model, 4, Qt::ToolTipRole).contains(QStringLiteral("hours_studied^3 = ")));
    QVERIFY(header(model, 3, Qt::DisplayRole).contains(QStringLiteral("read-only")));
    QCOMPARE(cell(model, 0, 3), QStringLiteral("25"));
    QCOMPARE(cell(model, 2, 4), QStringLiteral("512"));
    QCOMPARE(cell(model, 3, 4, Qt::EditRole), QStringLiteral("8"));
    // Degree 4 adds only the term not there yet.
    QVERIFY(DerivedMenu::addPolynomial(&doc, "hours_studied", 4).isEmpty());
    QCOMPARE(model.columnCount(), 6);
    QCOMPARE(cell(model, 1, 5), QStringLiteral("81"));
    QVERIFY(!DerivedMenu::addPolynomial(&doc, "hours_studied", 3).isEmpty()); // all there
    QCOMPARE(doc.undoStack()->count(), 2);

    doc.undoStack()->undo();
    QCOMPARE(model.columnCount(), 5);
    doc.undoStack()->undo();
    QCOMPARE(model.columnCount(), 3);
    QVERIFY(doc.dataset().isLesson());
    QVERIFY(!doc.isTyped());
    doc.undoStack()->redo();
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(cell(model, 2, 3), QStringLiteral("64"));
}

void tst_DerivedColumns::headerMenuOffersShortcutsOnNumericColumns() {
    Document doc;
    openTyped(doc);
    DataTableView view(&doc);
    QAbstractItemModelTester tester(view.tableModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QMenu numeric;
    DerivedMenu::addTo(&numeric, view.tableModel(), &doc, 1, &view); // x
    QVERIFY(findAction(&numeric, QStringLiteral("Add Polynomial Terms")));
    QVERIFY(findAction(&numeric, QStringLiteral("Add Derived Feature")));
    QVERIFY(findAction(&numeric, QStringLiteral("z"), QStringLiteral("Add Product With")));
    QVERIFY(!findAction(&numeric, QStringLiteral("y"), QStringLiteral("Add Product With")));
    QMenu categorical, label;
    DerivedMenu::addTo(&categorical, view.tableModel(), &doc, 0, &view); // kind
    DerivedMenu::addTo(&label, view.tableModel(), &doc, 3, &view);       // y
    for (QMenu* menu : {&categorical, &label}) {
        QVERIFY(!findAction(menu, QStringLiteral("Add Log")));
        QVERIFY(findAction(menu, QStringLiteral("Add Derived Feature")));
    }

    findAction(&numeric, QStringLiteral("z"), QStringLiteral("Add Product With"))->trigger();
    QCOMPARE(header(*view.tableModel(), 4), QStringLiteral("x*z"));
    QCOMPARE(cell(*view.tableModel(), 2, 4), QStringLiteral("6"));
    QMenu derived;
    DerivedMenu::addTo(&derived, view.tableModel(), &doc, 4, &view);
    QVERIFY(findAction(&derived, QStringLiteral("Edit Derived Feature")));
    QVERIFY(!findAction(&derived, QStringLiteral("Add Log")));
    findAction(&derived, QStringLiteral("Remove Derived Feature"))->trigger();
    QCOMPARE(view.tableModel()->columnCount(), 4);
    QCOMPARE(doc.undoStack()->count(), 2);
}

void tst_DerivedColumns::derivedColumnsAreReadOnly() {
    Document doc;
    DataTableView view(&doc);
    DataTableModel& model = *view.tableModel();
    QVERIFY(DerivedMenu::addLogarithm(&doc, "hours_slept").isEmpty());
    QSignalSpy messages(&view, &DataTableView::message);
    const QModelIndex derived = model.index(1, 3);
    QVERIFY(model.isExtraColumn(3));
    QVERIFY(!(model.flags(derived) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(derived, QStringLiteral("1")));
    view.setCurrentIndex(derived);
    QVERIFY(!view.pasteText(QStringLiteral("1\n")));
    view.removeCurrentFeature();
    view.renameCurrentColumn();
    QVERIFY(!view.renameColumnTo(3, QStringLiteral("other")));
    QCOMPARE(messages.count(), 3);
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(cell(model, 1, 3, Qt::EditRole), NumberText::exact(std::log(6.0)));
    // A new column may not take a derived feature's name.
    view.setCurrentIndex(model.index(0, 0));
    QVERIFY(!view.renameColumnTo(0, QStringLiteral("log(hours_slept)")));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void tst_DerivedColumns::dashForRowsLeftOutAndLiveFollowing() {
    Document doc;
    openTyped(doc);
    DataTableModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(DerivedMenu::addPolynomial(&doc, "x", 2).isEmpty());
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(cell(model, 0, 4), QStringLiteral("1"));
    QCOMPARE(cell(model, 1, 4), NumberText::dash()); // x is missing: the row is left out
    QCOMPARE(cell(model, 2, 4), QStringLiteral("9"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(model.index(2, 1), QStringLiteral("5")));
    QVERIFY(std::any_of(changed.begin(), changed.end(), [](const QList<QVariant>& args) {
        return args.at(0).toModelIndex().column() <= 4 && args.at(1).toModelIndex().column() >= 4;
    }));
    QCOMPARE(cell(model, 2, 4), QStringLiteral("25"));
    QVERIFY(model.setData(model.index(1, 1), QStringLiteral("2"))); // row 2 comes in
    QCOMPARE(cell(model, 1, 4), QStringLiteral("4"));
    doc.undoStack()->undo();
    QCOMPARE(cell(model, 1, 4), NumberText::dash());
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(model.columnCount(), 4);
}

void tst_DerivedColumns::refusalsChangeNothing() {
    Document doc;
    openTyped(doc);
    DataTableView view(&doc);
    QAbstractItemModelTester tester(view.tableModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // log(z) with z = 0 in row 1: the model's message names the expression and the row.
    const QString why = DerivedMenu::addLogarithm(&doc, "z");
    QVERIFY2(why.contains(QStringLiteral("log(z)")) && why.contains(QStringLiteral("row 1")),
             qPrintable(why));
    QCOMPARE(doc.undoStack()->count(), 0);
    QCOMPARE(view.tableModel()->columnCount(), 4);
    // Through the header menu: a message box says so.
    QMenu menu;
    DerivedMenu::addTo(&menu, view.tableModel(), &doc, 2, &view);
    QString shown;
    closeNextMessageBox(&shown);
    findAction(&menu, QStringLiteral("Add Log"))->trigger();
    QVERIFY2(shown.contains(QStringLiteral("log(z)")), qPrintable(shown));
    QCOMPARE(doc.undoStack()->count(), 0);
    QVERIFY(doc.source().design.derived.empty());
    // The plain lesson stays plain.
    Document lesson;
    QVERIFY(!DerivedMenu::apply(&lesson, {{"f", "1/(hours_slept - 6)"}}, QStringLiteral("f"))
                 .isEmpty());
    QVERIFY(!lesson.isTyped());
    QCOMPARE(lesson.undoStack()->count(), 0);
}

void tst_DerivedColumns::removingASourceIsRefused() {
    Document doc;
    openTyped(doc);
    DataTableView view(&doc);
    QVERIFY(DerivedMenu::addProduct(&doc, "x", "z").isEmpty());
    QSignalSpy messages(&view, &DataTableView::message);
    view.setCurrentIndex(view.tableModel()->index(0, 2)); // z
    view.removeCurrentFeature();
    QCOMPARE(messages.count(), 1);
    QVERIFY(messages.first().first().toString().contains(QStringLiteral("x*z")));
    QCOMPARE(doc.tableColumnCount(), 4);
    QCOMPARE(doc.undoStack()->count(), 1);
    // Removing the feature first lets the column go.
    QVERIFY(DerivedMenu::remove(&doc, 0).isEmpty());
    view.setCurrentIndex(view.tableModel()->index(0, 2));
    view.removeCurrentFeature();
    QCOMPARE(doc.tableColumnCount(), 3);
}

void tst_DerivedColumns::dialogPreviewsAndAdds() {
    Document doc;
    DataTableModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    DerivedFeatureDialog dialog(&doc, -1, 1);
    QCOMPARE(dialog.expressionEdit()->text(), QStringLiteral("[hours_slept]"));
    QVERIFY(!dialog.isAcceptable()); // no name yet
    QVERIFY(dialog.previewText().contains(QStringLiteral("no name")));
    dialog.nameEdit()->setText(QStringLiteral("sleep minus 6"));
    dialog.expressionEdit()->setText(QStringLiteral("log("));
    dialog.insertColumn(QStringLiteral("hours_slept"));
    dialog.expressionEdit()->insert(QStringLiteral(" - 6)"));
    QCOMPARE(dialog.expressionEdit()->text(), QStringLiteral("log([hours_slept] - 6)"));
    dialog.updatePreview();
    QVERIFY(!dialog.isAcceptable());
    QVERIFY2(dialog.previewText().contains(QStringLiteral("row 2")),
             qPrintable(dialog.previewText()));
    QVERIFY(dialog.previewText().contains(QStringLiteral("log([hours_slept] - 6)")));
    dialog.expressionEdit()->setText(QStringLiteral("[hours_slept] - 6"));
    dialog.updatePreview();
    QVERIFY(dialog.isAcceptable());
    QVERIFY2(dialog.previewText().contains(QStringLiteral("1 (row 1), 0 (row 2)")),
             qPrintable(dialog.previewText()));
    QCOMPARE(doc.undoStack()->count(), 0); // previews change nothing
    QVERIFY(!doc.isTyped());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(header(model, 3), QStringLiteral("sleep minus 6"));
    QCOMPARE(cell(model, 3, 3), QStringLiteral("-1"));
}

void tst_DerivedColumns::editFromTheDialogRenamesReaders() {
    Document doc;
    DataTableModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(DerivedMenu::apply(&doc, {{"h2", "hours_studied^2"}, {"h4", "h2^2"}}, {}).isEmpty());
    DerivedFeatureDialog dialog(&doc, 0, -1);
    QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("h2"));
    dialog.nameEdit()->setText(QStringLiteral("square"));
    dialog.expressionEdit()->setText(QStringLiteral("hours_studied * hours_studied"));
    dialog.accept();
    QCOMPARE(doc.source().design.derived[1].expression, std::string("square^2"));
    QCOMPARE(header(model, 3), QStringLiteral("square"));
    QCOMPARE(cell(model, 2, 4), QStringLiteral("4096"));
    QCOMPARE(doc.undoStack()->count(), 2);
    doc.undoStack()->undo();
    QCOMPARE(header(model, 3), QStringLiteral("h2"));
}

void tst_DerivedColumns::reportColumnsComeAfterTheDerived() {
    Document doc;
    DataTableModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExtraColumns({QStringLiteral("fitted"), QStringLiteral("residual")},
                          {QStringLiteral("tip f"), QStringLiteral("tip r")},
                          [](int row, int column) { return 100.0 * column + row; });
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(cell(model, 2, 4), QStringLiteral("102"));
    QVERIFY(DerivedMenu::addPolynomial(&doc, "hours_slept", 2).isEmpty());
    QCOMPARE(model.columnCount(), 6);
    QCOMPARE(header(model, 3), QStringLiteral("hours_slept^2")); // derived first
    QCOMPARE(header(model, 4), QStringLiteral("fitted"));        // then the report's
    QCOMPARE(header(model, 5, Qt::ToolTipRole), QStringLiteral("tip r"));
    QCOMPARE(cell(model, 1, 3), QStringLiteral("36"));
    QCOMPARE(cell(model, 1, 5), QStringLiteral("101"));
    QVERIFY(model.isExtraColumn(5));
    QCOMPARE(model.derivedIndex(5), -1);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.extraValuesChanged();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), 4);
    model.setExtraColumns({}, {}, {}); // hidden and shown again with the derived column there
    model.setExtraColumns({QStringLiteral("fitted")}, {QString()},
                          [](int row, int) { return -1.0 * row; });
    QCOMPARE(model.columnCount(), 5);
    QCOMPARE(cell(model, 3, 4), QStringLiteral("-3"));
    doc.undoStack()->undo();
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(header(model, 3), QStringLiteral("fitted"));
    QCOMPARE(cell(model, 2, 3), QStringLiteral("-2"));
}

QTEST_MAIN(tst_DerivedColumns)
#include "tst_DerivedColumns.moc"
