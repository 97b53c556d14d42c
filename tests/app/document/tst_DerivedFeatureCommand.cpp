// DerivedFeatureCommand (issue 15): derived features added, edited and removed as undo steps. The
// lesson's plain document becomes typed and its undo gives back the plain lesson exactly; a list
// the design refuses is named and changes nothing; a renamed source is followed in the same step.

#include "app/document/Commands.h"
#include "app/document/DerivedFeatureCommand.h"
#include "app/document/Document.h"
#include "model/io/TypedCsvReader.h"

#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace linlab;

namespace {

// The lesson's document with `derived` pushed as one step.
void push(Document& doc, const std::vector<DerivedSpec>& derived) {
    QVERIFY2(DerivedFeatureCommand::check(doc, derived).isEmpty(),
             qPrintable(DerivedFeatureCommand::check(doc, derived)));
    doc.undoStack()->push(new DerivedFeatureCommand(&doc, derived, QStringLiteral("derive")));
}

// The plain lesson as a new document has it: data, model, metrics, no design.
void verifyPlainLesson(const Document& doc) {
    QVERIFY(!doc.isTyped());
    QVERIFY(doc.dataset().isLesson());
    QCOMPARE(doc.model().weights().n_elem, arma::uword(2));
    QVERIFY(arma::all(doc.model().weights() == Dataset::lessonWeights()));
    QCOMPARE(doc.model().bias(), Dataset::lessonBias());
    QCOMPARE(doc.evaluation().metrics.mse, 509.0);
    QCOMPARE(doc.tableColumnCount(), 3);
    QVERIFY(doc.source().design.derived.empty());
}

std::vector<std::string> names(const Document& doc) {
    return doc.dataset().featureNames();
}

} // namespace

class tst_DerivedFeatureCommand : public QObject {
    Q_OBJECT
private slots:
    void polynomialOnTheLessonUndoesToThePlainLesson();
    void weightsKeptByNameNewOnesZero();
    void refusedListsChangeNothing_data();
    void refusedListsChangeNothing();
    void renamedSourceIsFollowedInTheSameStep();
    void typedDocumentUndoRestoresTheOptions();
    void readersNameWhoReadsAColumn();
};

void tst_DerivedFeatureCommand::polynomialOnTheLessonUndoesToThePlainLesson() {
    Document doc;
    push(doc, DerivedFeature::polynomial("hours_studied", 3));
    QVERIFY(doc.isTyped());
    QCOMPARE(names(doc), (std::vector<std::string>{"hours_studied", "hours_slept",
                                                   "hours_studied^2", "hours_studied^3"}));
    QCOMPARE(doc.design().derivedCount(), std::size_t(2));
    const arma::mat& X = doc.dataset().features();
    QVERIFY(arma::all(X.col(2) == arma::vec{25, 9, 64, 4}));
    QVERIFY(arma::all(X.col(3) == arma::vec{125, 27, 512, 8}));
    QVERIFY(arma::all(doc.dataset().labels() == arma::vec{75, 60, 90, 55}));
    QCOMPARE(doc.tableColumnCount(), 3); // the table's own columns: the derived ones are extra
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.evaluation().metrics.mse, 509.0); // weights 0: the same predictions

    doc.undoStack()->undo();
    verifyPlainLesson(doc);
    doc.undoStack()->redo();
    QVERIFY(doc.isTyped());
    QCOMPARE(names(doc).size(), std::size_t(4));
    QVERIFY(arma::all(doc.dataset().features().col(3) == arma::vec{125, 27, 512, 8}));
    doc.undoStack()->undo();
    verifyPlainLesson(doc);
}

void tst_DerivedFeatureCommand::weightsKeptByNameNewOnesZero() {
    Document doc;
    push(doc, {DerivedFeature::product("hours_studied", "hours_slept")});
    doc.setModel(LinearModel(arma::vec{4, 3, 0.5}, 10));
    std::vector<DerivedSpec> more = DerivedFeatureCommand::current(doc);
    more.insert(more.begin(), DerivedFeature::logarithm("hours_slept"));
    push(doc, more);
    QCOMPARE(names(doc),
             (std::vector<std::string>{"hours_studied", "hours_slept", "log(hours_slept)",
                                       "hours_studied*hours_slept"}));
    QVERIFY(arma::all(doc.model().weights() == arma::vec{4, 3, 0, 0.5}));
    QCOMPARE(doc.dataset().features()(0, 2), std::log(7.0));
    doc.undoStack()->undo();
    QVERIFY(arma::all(doc.model().weights() == arma::vec{4, 3, 0.5}));
    QCOMPARE(names(doc).back(), std::string("hours_studied*hours_slept"));
}

void tst_DerivedFeatureCommand::refusedListsChangeNothing_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("named"); // a part of the message
    auto addRow = [](const char* row, const char* name, const char* expression, const char* named) {
        QTest::newRow(row) << QString::fromUtf8(name) << QString::fromUtf8(expression)
                           << QString::fromUtf8(named);
    };

    addRow("unknown name", "f", "[nope]*2", "nope");
    addRow("log of a negative", "f", "log(hours_studied - 4)", "row 2");
    addRow("division by zero", "f", "1/(hours_slept - 6)", "row 2");
    addRow("syntax", "f", "hours_studied +", "syntax error");
    addRow("unknown function", "f", "ln(hours_slept)", "unknown function");
    addRow("name taken", "hours_slept", "hours_studied", "hours_slept");
    addRow("the label", "f", "exam_score * 2", "exam_score");
    addRow("no name", "", "hours_studied", "no name");
}

void tst_DerivedFeatureCommand::refusedListsChangeNothing() {
    QFETCH(QString, name);
    QFETCH(QString, expression);
    QFETCH(QString, named);
    Document doc;
    const QString why =
        DerivedFeatureCommand::check(doc, {{name.toStdString(), expression.toStdString()}});
    QVERIFY2(why.contains(expression), qPrintable(why)); // the message names the expression
    QVERIFY2(why.contains(named), qPrintable(why));
    verifyPlainLesson(doc); // checking built nothing into the document
    QCOMPARE(doc.undoStack()->count(), 0);
}

void tst_DerivedFeatureCommand::renamedSourceIsFollowedInTheSameStep() {
    Document doc;
    push(doc, {{"h2", "hours_studied^2"}, {"p", "[hours_studied] * hours_slept"}});
    doc.undoStack()->push(new RenameColumnCommand(&doc, 0, "study time"));
    const std::vector<DerivedSpec>& derived = doc.source().design.derived;
    QCOMPARE(derived[0].expression, std::string("[study time]^2"));
    QCOMPARE(derived[1].expression, std::string("[study time] * hours_slept"));
    QCOMPARE(names(doc), (std::vector<std::string>{"study time", "hours_slept", "h2", "p"}));
    QVERIFY(arma::all(doc.dataset().features().col(2) == arma::vec{25, 9, 64, 4}));
    QCOMPARE(doc.undoStack()->count(), 2);

    doc.undoStack()->undo(); // the rename, the expressions with it
    QCOMPARE(doc.source().design.derived[0].expression, std::string("hours_studied^2"));
    QCOMPARE(doc.source().design.derived[1].expression,
             std::string("[hours_studied] * hours_slept"));
    QCOMPARE(doc.tableColumnName(0), std::string("hours_studied"));
    doc.undoStack()->undo();
    verifyPlainLesson(doc);
}

void tst_DerivedFeatureCommand::typedDocumentUndoRestoresTheOptions() {
    const char* csv = "kind,x,y\n"
                      "a,1,2\n"
                      "b,NA,3\n"
                      "a,3,5\n"
                      "c,4,4\n";
    SourceTable source;
    source.table = TypedCsvReader::readString(csv, "t.csv").table;
    source.design.label = "y";
    Document doc;
    doc.replaceSource(source, {}, LinearModel(arma::vec{1, 2}, 0.5), QStringLiteral("t"));
    const DesignOptions before = doc.source().design;
    // The NA row is left out, and with it the only b: no dummy kind=b.
    push(doc, {{"xc", "x * [kind=c]"}, {"x2", "x^2"}});
    QCOMPARE(names(doc), (std::vector<std::string>{"kind=c", "x", "xc", "x2"}));
    QCOMPARE(doc.design().usedRows(), (std::vector<std::size_t>{0, 2, 3}));
    QVERIFY(arma::all(doc.dataset().features().col(2) == arma::vec{0, 0, 4}));
    QVERIFY(arma::all(doc.dataset().features().col(3) == arma::vec{1, 9, 16}));
    QVERIFY(arma::all(doc.model().weights() == arma::vec{1, 2, 0, 0}));
    doc.undoStack()->undo();
    QVERIFY(doc.isTyped());
    QVERIFY(doc.source().design.derived.empty());
    QCOMPARE(doc.source().design.features, before.features);
    QCOMPARE(doc.source().design.ignored, before.ignored);
    QVERIFY(arma::all(doc.model().weights() == arma::vec{1, 2}));
    QCOMPARE(doc.model().bias(), 0.5);
}

void tst_DerivedFeatureCommand::readersNameWhoReadsAColumn() {
    const std::vector<DerivedSpec> derived = {
        {"a", "x^2"}, {"b", "[kind=b] * 2"}, {"c", "log(y2)"}, {"d", "a + x"}};
    QCOMPARE(DerivedFeatureCommand::readers(derived, "x"), (std::vector<std::string>{"a", "d"}));
    QCOMPARE(DerivedFeatureCommand::readers(derived, "kind"), (std::vector<std::string>{"b"}));
    QCOMPARE(DerivedFeatureCommand::readers(derived, "a"), (std::vector<std::string>{"d"}));
    QVERIFY(DerivedFeatureCommand::readers(derived, "y").empty());
}

QTEST_MAIN(tst_DerivedFeatureCommand)
#include "tst_DerivedFeatureCommand.moc"
