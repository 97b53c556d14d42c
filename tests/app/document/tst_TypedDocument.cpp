// A typed document: a table with text, categories and missing values, the rows its design uses,
// and every typed edit as an undo command whose undo gives back the same table and model.
#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "model/data/DesignRoles.h"
#include "model/data/TypedReader.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace linlab;

class tst_TypedDocument : public QObject {
    Q_OBJECT
private slots:
    void opensWithRowsLeftOutVisibly();
    void cellEditBringsARowBackAndUndoes();
    void refusedCellTextNamesTheColumn();
    void typeChangeMakesDummiesAndUndoes();
    void plainDocumentBecomesTypedAndBack();
    void roleChangeKeepsWeightsByName();
    void labelMustStayANumber();
    void rowsRemovedAndInsertedUndo();
    void columnRemovedAndAddedUndo();
    void renameKeepsWeightsAndRoles();
};

namespace {

// Eight penguins: rows 3 and 6 (0-based 2 and 5) miss a value of a used column.
SourceTable penguins() {
    const std::vector<std::string> header = {"species", "island", "flipper", "year", "mass"};
    const std::vector<std::vector<std::string>> rows = {
        {"Adelie", "Torgersen", "181", "2007", "3750"}, {"Adelie", "Biscoe", "186", "2007", "3800"},
        {"Gentoo", "Biscoe", "NA", "2008", "5000"},     {"Gentoo", "Biscoe", "217", "2008", "4800"},
        {"Chinstrap", "Dream", "195", "2009", "3500"},  {"Chinstrap", "Dream", "193", "2009", "NA"},
        {"Adelie", "Dream", "190", "2009", "3650"},     {"Gentoo", "Biscoe", "220", "2007", "5400"},
    };
    SourceTable source;
    source.table = TypedReader::read(header, rows);
    source.design.label = "mass";
    source.design.features = {"species", "flipper"};
    return source;
}

Document* typedDocument(QObject* parent) {
    auto* doc = new Document(parent);
    doc->replaceSource(penguins(), {}, LinearModel(3), QStringLiteral("penguins"));
    return doc;
}

std::vector<std::string> names(const Document& doc) {
    return doc.dataset().featureNames();
}

} // namespace

void tst_TypedDocument::opensWithRowsLeftOutVisibly() {
    QObject owner;
    Document* doc = typedDocument(&owner);
    QVERIFY(doc->isTyped());
    QCOMPARE(doc->tableRowCount(), 8);
    QCOMPARE(doc->tableColumnCount(), 5);
    QCOMPARE(doc->dataset().rowCount(), arma::uword(6));
    // species: reference Adelie (first in sorted order), then the numeric feature.
    QCOMPARE(names(*doc),
             (std::vector<std::string>{"species=Chinstrap", "species=Gentoo", "flipper"}));
    QCOMPARE(doc->rowsUsedText(), QStringLiteral("6 of 8 rows used (2 with missing values)"));
    QCOMPARE(doc->datasetRow(2), -1);
    QCOMPARE(doc->datasetRow(3), 2);
    QCOMPARE(doc->tableRow(2), 3);
    QCOMPARE(doc->tableRow(4), 6);
    QCOMPARE(doc->dataset().labels()(2), 4800.0);
    QCOMPARE(doc->design().roles()[1], Role::Ignored); // island: named in neither list
}

void tst_TypedDocument::cellEditBringsARowBackAndUndoes() {
    QObject owner;
    Document* doc = typedDocument(&owner);
    QSignalSpy designs(doc, &Document::designChanged);
    doc->undoStack()->push(new SetCellTextsCommand(doc, 2, 2, {{"210.5"}}, QStringLiteral("Edit")));
    QCOMPARE(designs.count(), 1);
    QCOMPARE(doc->dataset().rowCount(), arma::uword(7));
    QCOMPARE(doc->datasetRow(2), 2);
    QCOMPARE(doc->dataset().features()(2, 2), 210.5);
    QCOMPARE(doc->source().table.cellText(2, 2), std::string("210.5"));
    doc->undoStack()->undo();
    QCOMPARE(doc->dataset().rowCount(), arma::uword(6));
    QVERIFY(doc->source().table.column(2).isMissing(2));
    // A missing token typed into a cell makes it missing; the row leaves the fit.
    doc->undoStack()->push(new SetCellTextsCommand(doc, 0, 2, {{"NA"}}, QStringLiteral("Edit")));
    QCOMPARE(doc->dataset().rowCount(), arma::uword(5));
    QCOMPARE(doc->datasetRow(0), -1);
}

void tst_TypedDocument::refusedCellTextNamesTheColumn() {
    QObject owner;
    Document* doc = typedDocument(&owner);
    const QString why = doc->checkCellText(0, 2, "abc");
    QVERIFY2(why.contains(QStringLiteral("flipper")), qPrintable(why));
    QVERIFY(doc->checkCellText(0, 2, "12.5").isEmpty());
    QVERIFY(doc->checkCellText(0, 0, "Emperor").isEmpty()); // a new level is fine
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, doc->setCellTexts(0, 2, {{"abc"}}));
    QCOMPARE(doc->source().table.cellText(0, 2), std::string("181")); // nothing changed
}

void tst_TypedDocument::typeChangeMakesDummiesAndUndoes() {
    QObject owner;
    Document* doc = typedDocument(&owner);
    doc->undoStack()->push(new SetDesignCommand(
        doc, DesignRoles::withRole(doc->source().table, doc->source().design, 3, Role::Feature),
        QStringLiteral("Use year")));
    QCOMPARE(names(*doc).back(), std::string("year"));
    const Dataset before = doc->dataset();
    doc->setModel(LinearModel(arma::vec{1, 2, 3, 4}, 5));
    doc->undoStack()->push(new SetColumnTypeCommand(doc, 3, ColumnType::Categorical));
    QCOMPARE(doc->source().table.column(3).type(), ColumnType::Categorical);
    QCOMPARE(names(*doc), (std::vector<std::string>{"species=Chinstrap", "species=Gentoo",
                                                    "flipper", "year=2008", "year=2009"}));
    QCOMPARE(doc->model().weights()(2), 3.0); // kept by name
    QCOMPARE(doc->model().weights()(3), 0.0);
    doc->undoStack()->undo();
    QCOMPARE(doc->source().table.column(3).type(), ColumnType::Numeric);
    QCOMPARE(names(*doc), before.featureNames());
    QVERIFY(arma::approx_equal(doc->dataset().features(), before.features(), "absdiff", 0));
    QCOMPARE(doc->model().weights()(3), 4.0);
    QCOMPARE(doc->model().bias(), 5.0);
}

void tst_TypedDocument::plainDocumentBecomesTypedAndBack() {
    Document doc; // the lesson: hours_studied, hours_slept -> exam_score
    const Dataset lesson = doc.dataset();
    QVERIFY(!doc.isTyped());
    doc.undoStack()->push(new SetColumnTypeCommand(&doc, 1, ColumnType::Categorical));
    QVERIFY(doc.isTyped());
    QCOMPARE(doc.tableColumnCount(), 3);
    QCOMPARE(doc.dataset().featureNames().front(), std::string("hours_studied"));
    QVERIFY(doc.dataset().featureCount() >= 2); // hours_slept's levels as dummies
    doc.undoStack()->undo();
    QVERIFY(!doc.isTyped());
    QCOMPARE(doc.dataset().featureNames(), lesson.featureNames());
    QVERIFY(arma::approx_equal(doc.dataset().features(), lesson.features(), "absdiff", 0));
    QCOMPARE(doc.model().weights()(0), 4.0); // the lesson's model is back too
}

void tst_TypedDocument::roleChangeKeepsWeightsByName() {
    QObject owner;
    Document* doc = typedDocument(&owner);
    doc->setModel(LinearModel(arma::vec{10, 20, 30}, 1));
    doc->undoStack()->push(new SetDesignCommand(
        doc, DesignRoles::withRole(doc->source().table, doc->source().design, 0, Role::Ignored),
        QStringLiteral("Ignore species")));
    QCOMPARE(names(*doc), std::vector<std::string>{"flipper"});
    QCOMPARE(doc->model().weights()(0), 30.0);
    doc->undoStack()->undo();
    QCOMPARE(doc->model().weights()(0), 10.0);
    QCOMPARE(doc->model().weights()(1), 20.0);
}

void tst_TypedDocument::labelMustStayANumber() {
    QObject owner;
    Document* doc = typedDocument(&owner);
    QVERIFY(!doc->checkColumnType(4, ColumnType::Categorical).isEmpty());
    QVERIFY(doc->checkColumnType(4, ColumnType::Date).isEmpty());
    QVERIFY(doc->checkColumnType(2, ColumnType::Categorical).isEmpty());
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        DesignRoles::withRole(doc->source().table, doc->source().design, 0, Role::Label));
    Document plain;
    QVERIFY(plain.checkColumnType(2, ColumnType::Text).contains(QStringLiteral("exam_score")));
}

void tst_TypedDocument::rowsRemovedAndInsertedUndo() {
    QObject owner;
    Document* doc = typedDocument(&owner);
    const TypedTable before = doc->source().table;
    doc->undoStack()->push(new TableRowsCommand(doc, TableRowsCommand::Action::Remove, 1, 3));
    QCOMPARE(doc->tableRowCount(), 5);
    QCOMPARE(doc->dataset().rowCount(), arma::uword(4));
    doc->undoStack()->undo();
    QVERIFY(doc->source().table == before);
    QCOMPARE(doc->dataset().rowCount(), arma::uword(6));
    doc->undoStack()->push(new TableRowsCommand(doc, TableRowsCommand::Action::Insert, 8, 2));
    QCOMPARE(doc->tableRowCount(), 10);
    QCOMPARE(doc->datasetRow(9), -1); // empty rows are left out until filled in
    doc->undoStack()->undo();
    QVERIFY(doc->source().table == before);
}

void tst_TypedDocument::columnRemovedAndAddedUndo() {
    QObject owner;
    Document* doc = typedDocument(&owner);
    doc->setModel(LinearModel(arma::vec{1, 2, 3}, 4));
    doc->undoStack()->push(new TableColumnCommand(doc, 0));
    QCOMPARE(doc->tableColumnCount(), 4);
    QCOMPARE(names(*doc), std::vector<std::string>{"flipper"});
    doc->undoStack()->undo();
    QCOMPARE(doc->tableColumnCount(), 5);
    QCOMPARE(names(*doc).size(), std::size_t(3));
    QCOMPARE(doc->model().weights()(1), 2.0);
    doc->undoStack()->push(new TableColumnCommand(doc, 5, std::string("x_new")));
    QCOMPARE(names(*doc).back(), std::string("x_new"));
    QCOMPARE(doc->design().roles()[5], Role::Feature);
    doc->undoStack()->undo();
    QCOMPARE(doc->tableColumnCount(), 5);
}

void tst_TypedDocument::renameKeepsWeightsAndRoles() {
    QObject owner;
    Document* doc = typedDocument(&owner);
    doc->setModel(LinearModel(arma::vec{1, 2, 3}, 4));
    doc->undoStack()->push(new RenameColumnCommand(doc, 0, "kind"));
    QCOMPARE(names(*doc).front(), std::string("kind=Chinstrap"));
    QCOMPARE(doc->model().weights()(0), 1.0);
    doc->undoStack()->push(new RenameColumnCommand(doc, 4, "body_mass"));
    QCOMPARE(doc->dataset().labelName(), std::string("body_mass"));
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QCOMPARE(names(*doc).front(), std::string("species=Chinstrap"));
    QCOMPARE(doc->source().design.label, std::string("mass"));
}

QTEST_GUILESS_MAIN(tst_TypedDocument)
#include "tst_TypedDocument.moc"
