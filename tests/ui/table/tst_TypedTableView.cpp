// The table of a typed document: every row and column of the typed table, rows left out greyed,
// missing cells muted, filled cells tinted; type and role changes from the header menu as undo
// steps; edits, pastes and selections in table rows while the plots get dataset rows.
#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "model/data/DesignRoles.h"
#include "model/data/TypedReader.h"
#include "ui/table/ColumnMenu.h"
#include "ui/table/DataTableModel.h"
#include "ui/table/DataTableView.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

using namespace linlab;

class tst_TypedTableView : public QObject {
    Q_OBJECT
private slots:
    void showsEveryRowAndColumn();
    void excludedRowsAreGreyedAndMissingMuted();
    void modelTesterThroughTypedChanges();
    void typedEditsAndRefusals();
    void headerMenuChangesTypeAndUndoes();
    void fillFromTheHeaderTintsCells();
    void selectionMapsToDatasetRows();
    void pasteTextsIsOneStep();
};

namespace {

SourceTable penguins() {
    const std::vector<std::string> header = {"species", "name", "flipper", "mass"};
    const std::vector<std::vector<std::string>> rows = {
        {"Adelie", "a1", "181", "3750"},    {"Adelie", "a2", "186", "3800"},
        {"Gentoo", "g1", "NA", "5000"},     {"Gentoo", "g2", "217", "4800"},
        {"Chinstrap", "c1", "195", "3500"}, {"Chinstrap", "c2", "193", ""},
    };
    SourceTable source;
    TypedReadOptions options;
    options.maxLevels = 5; // six distinct names: text
    source.table = TypedReader::read(header, rows, options);
    source.design.label = "mass";
    return source;
}

void open(Document& doc) {
    doc.replaceSource(penguins(), {}, LinearModel(3), QStringLiteral("penguins"));
}

// Triggers the header menu entry whose text starts with `path`'s parts, in submenus.
bool triggerMenu(QMenu* menu, const QStringList& path) {
    for (QAction* action : menu->actions()) {
        if (!action->text().startsWith(path.first()))
            continue;
        if (path.size() == 1) {
            action->trigger();
            return true;
        }
        if (action->menu())
            return triggerMenu(action->menu(), path.mid(1));
    }
    return false;
}

} // namespace

void tst_TypedTableView::showsEveryRowAndColumn() {
    Document doc;
    open(doc);
    DataTableModel model(&doc);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.labelColumn(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Adelie"));
    QCOMPARE(model.index(4, 1).data().toString(), QStringLiteral("c1"));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(),
             QStringLiteral("species\ncategorical \u00b7 feature"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(),
             QStringLiteral("name\ntext \u00b7 not used"));
    QCOMPARE(model.headerData(3, Qt::Horizontal).toString(),
             QStringLiteral("mass\nnumeric \u00b7 label y"));
    QVERIFY(model.headerData(0, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Reference level (no dummy): Adelie")));
    QVERIFY(model.index(0, 3).data(DataTableModel::IsLabelRole).toBool());
}

void tst_TypedTableView::excludedRowsAreGreyedAndMissingMuted() {
    Document doc;
    open(doc);
    DataTableModel model(&doc);
    const QColor used = model.index(0, 2).data(Qt::BackgroundRole).value<QBrush>().color();
    const QColor excluded = model.index(2, 0).data(Qt::BackgroundRole).value<QBrush>().color();
    QVERIFY(excluded.isValid());
    QVERIFY(excluded != used);
    QVERIFY(model.index(2, 0).data(Qt::ForegroundRole).value<QBrush>().color().isValid());
    QCOMPARE(model.index(2, 2).data().toString(), QString()); // missing: shown empty
    QVERIFY(
        model.index(2, 2).data(Qt::ToolTipRole).toString().contains(QStringLiteral("left out")));
    QCOMPARE(doc.rowsUsedText(), QStringLiteral("4 of 6 rows used (2 with missing values)"));
}

void tst_TypedTableView::modelTesterThroughTypedChanges() {
    Document doc;
    open(doc);
    DataTableModel model(&doc);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    doc.undoStack()->push(new SetColumnTypeCommand(&doc, 1, ColumnType::Categorical));
    doc.undoStack()->push(new TableRowsCommand(&doc, TableRowsCommand::Action::Insert, 2, 2));
    doc.undoStack()->push(new TableRowsCommand(&doc, TableRowsCommand::Action::Remove, 0, 1));
    doc.undoStack()->push(new TableColumnCommand(&doc, 4, std::string("x5")));
    doc.undoStack()->push(new TableColumnCommand(&doc, 0));
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.rowCount(), 6);
    Document plain; // and back to a plain document
    DataTableModel plainModel(&plain);
    QAbstractItemModelTester plainTester(&plainModel,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    plain.undoStack()->push(new SetColumnTypeCommand(&plain, 0, ColumnType::Categorical));
    QVERIFY(plain.isTyped());
    plain.undoStack()->undo();
    QVERIFY(!plain.isTyped());
}

void tst_TypedTableView::typedEditsAndRefusals() {
    Document doc;
    open(doc);
    DataTableModel model(&doc);
    QVERIFY(!model.setData(model.index(0, 2), QStringLiteral("tall")));
    QVERIFY(model.lastError().contains(QStringLiteral("flipper")));
    QVERIFY(model.lastError().contains(QStringLiteral("Row 1")));
    QVERIFY(model.setData(model.index(2, 2), QStringLiteral("230")));
    QCOMPARE(doc.dataset().rowCount(), arma::uword(5));
    QVERIFY(model.setData(model.index(1, 0), QStringLiteral("Emperor"))); // a new level
    QCOMPARE(doc.source().table.column(0).levels().size(), std::size_t(4));
    QCOMPARE(doc.undoStack()->count(), 2);
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(doc.dataset().rowCount(), arma::uword(4));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Adelie"));
}

void tst_TypedTableView::headerMenuChangesTypeAndUndoes() {
    Document doc;
    open(doc);
    QStringList messages;
    const ColumnMenu::Message say = [&messages](const QString& text, bool) { messages << text; };
    QMenu menu;
    ColumnMenu::addTo(&menu, &doc, 2, say);
    QVERIFY(triggerMenu(&menu, {QStringLiteral("Type"), QStringLiteral("Categorical")}));
    QCOMPARE(doc.source().table.column(2).type(), ColumnType::Categorical);
    QVERIFY(doc.dataset().featureCount() > 2);
    doc.undoStack()->undo();
    QCOMPARE(doc.source().table.column(2).type(), ColumnType::Numeric);

    QMenu labelMenu; // the label cannot become categorical: said, nothing changes
    ColumnMenu::addTo(&labelMenu, &doc, 3, say);
    QVERIFY(triggerMenu(&labelMenu, {QStringLiteral("Type"), QStringLiteral("Categorical")}));
    QCOMPARE(doc.undoStack()->count(), 1);
    QVERIFY(!messages.isEmpty());
    QVERIFY(messages.last().contains(QStringLiteral("mass")));

    QMenu roles;
    ColumnMenu::addTo(&roles, &doc, 0, say);
    QVERIFY(triggerMenu(&roles, {QStringLiteral("Use as"), QStringLiteral("Not Used")}));
    QCOMPARE(doc.dataset().featureNames(), std::vector<std::string>{"flipper"});
    QCOMPARE(doc.rowsUsedText(), QStringLiteral("4 of 6 rows used (2 with missing values)"));
    doc.undoStack()->undo();
    QCOMPARE(doc.dataset().featureCount(), arma::uword(3));
}

void tst_TypedTableView::fillFromTheHeaderTintsCells() {
    Document doc;
    open(doc);
    DataTableModel model(&doc);
    const ColumnMenu::Message say = [](const QString&, bool) {};
    QMenu menu;
    ColumnMenu::addTo(&menu, &doc, 2, say);
    QVERIFY(triggerMenu(&menu, {QStringLiteral("Fill Missing Values")}));
    QCOMPARE(doc.dataset().rowCount(), arma::uword(5)); // only the label's missing row is out
    // The mean of 181, 186, 217, 195, 193 (the present cells): 194.4, shown in italics.
    QCOMPARE(model.index(2, 2).data().toString(), QStringLiteral("194.4"));
    QVERIFY(model.index(2, 2).data(Qt::FontRole).value<QFont>().italic());
    QCOMPARE(model.index(2, 2).data(Qt::EditRole).toString(), QString());
    doc.undoStack()->undo();
    QCOMPARE(doc.dataset().rowCount(), arma::uword(4));
    QMenu every; // the same for every feature at once: one step
    ColumnMenu::addTo(&every, &doc, 0, say);
    QVERIFY(triggerMenu(&every, {QStringLiteral("Fill Missing Values in Every Feature")}));
    QCOMPARE(doc.source().design.fill, std::vector<std::string>{"flipper"});
    QCOMPARE(doc.dataset().rowCount(), arma::uword(5));
    doc.undoStack()->undo();
    QCOMPARE(doc.dataset().rowCount(), arma::uword(4));
}

void tst_TypedTableView::selectionMapsToDatasetRows() {
    Document doc;
    open(doc);
    DataTableView view(&doc);
    QSignalSpy selected(&view, &DataTableView::selectedRowsChanged);
    view.selectDataRow(2, false); // dataset row 2 is table row 3 (row 2 is left out)
    QCOMPARE(view.selectedRowList(), QList<int>{3});
    QVERIFY(!selected.isEmpty());
    QCOMPARE(selected.last().at(0).value<QList<int>>(), QList<int>{2});
}

void tst_TypedTableView::pasteTextsIsOneStep() {
    Document doc;
    open(doc);
    DataTableView view(&doc);
    view.setCurrentIndex(view.tableModel()->index(4, 0));
    QVERIFY(view.pasteText(QStringLiteral("Gentoo\tg3\t221\t5200\nAdelie\ta3\t180\t3600\n")));
    QCOMPARE(doc.tableRowCount(), 6);
    QCOMPARE(doc.source().table.cellText(5, 3), std::string("3600"));
    QCOMPARE(doc.dataset().rowCount(), arma::uword(5));
    QVERIFY(view.pasteText(QStringLiteral("x\ty\t1\t2\nAdelie\ta4\t180\t3600\nA\tb\t1\t2")));
    QCOMPARE(doc.tableRowCount(), 7); // grown by one row
    QVERIFY(!view.pasteText(QStringLiteral("Adelie\ta\tnot a number\t1")));
    QCOMPARE(doc.undoStack()->count(), 2);
    doc.undoStack()->undo();
    QCOMPARE(doc.tableRowCount(), 6);
}

QTEST_MAIN(tst_TypedTableView)
#include "tst_TypedTableView.moc"
