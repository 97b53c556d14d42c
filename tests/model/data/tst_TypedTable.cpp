#include "model/data/TypedTable.h"

#include "model/data/Dataset.h"
#include "model/data/TypedReader.h"
#include "tests/model/data/TypedCells.h"

#include <QTest>

#include <stdexcept>

using namespace linlab;

namespace {

Column numbers(const std::string& name, std::size_t rows) {
    return Column::numbers(name, ColumnType::Numeric, std::vector<double>(rows, 1.0),
                           std::vector<CellState>(rows, CellState::Present));
}

const std::vector<std::string> kTokens = defaultMissingTokens();

// A small table of every type, with missing and invalid cells.
TypedTable sample() {
    const auto cells = test::splitCsv("name,species,mass,day,bill\n"
                                      "Ann,Adelie,3750,2020-03-01,39.1\n"
                                      "Bob,Gentoo,NA,2020-03-02,1.5abc\n"
                                      "Cy,Chinstrap,3250,NA,40.3\n"
                                      "Dee,Adelie,3450,2020-03-04,36.7\n"
                                      "Eve,Gentoo,4500,2020-03-05,46.1");
    TypedReadOptions options;
    options.maxLevels = 3; // names make text, species categories
    return TypedReader::read(cells.header, cells.rows, options);
}

std::string refusal(TypedTable& t, std::size_t row, std::size_t column, std::string_view text) {
    try {
        t.setCell(row, column, text, kTokens);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

} // namespace

class tst_TypedTable : public QObject {
    Q_OBJECT
private slots:
    void columnsAndNames();
    void invalidCellsSortedAndCut();
    void columnsOfOtherLengthsThrow();
    void sampleTypes();
    void setCellAndCellText();
    void setCellRefusalLeavesTheTable();
    void typeChangeAndItsUndo();
    void rowsOutAndBackIn();
    void rowsInsertedMissing();
    void columnsInAndOut();
    void fromDataset();
};

void tst_TypedTable::columnsAndNames() {
    const TypedTable empty;
    QCOMPARE(empty.rowCount(), std::size_t(0));
    QCOMPARE(empty.columnCount(), std::size_t(0));
    const TypedTable t({numbers("a", 3), numbers("b", 3), numbers("a", 3)});
    QCOMPARE(t.rowCount(), std::size_t(3));
    QCOMPARE(t.columnCount(), std::size_t(3));
    QCOMPARE(t.names(), (std::vector<std::string>{"a", "b", "a"}));
    QCOMPARE(t.indexOf("a"), std::size_t(0)); // the first of a name
    QCOMPARE(t.indexOf("b"), std::size_t(1));
    QCOMPARE(t.indexOf("c"), std::size_t(3));
    QCOMPARE(t.column(1).name(), std::string("b"));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, t.column(3));
}

void tst_TypedTable::invalidCellsSortedAndCut() {
    std::vector<InvalidCell> invalid;
    for (std::size_t r = 0; r < 1200; ++r)
        invalid.push_back({1199 - r, r % 2, "x" + std::to_string(r)});
    invalid.push_back({0, 0, "first"});
    std::vector<CellState> states(1200, CellState::Invalid);
    const Column bad = Column::numbers("a", ColumnType::Numeric, std::vector<double>(1200), states);
    const TypedTable t({bad, numbers("b", 1200)}, invalid);
    QCOMPARE(t.invalidCells().size(), TypedTable::kMaxListedInvalid);
    QCOMPARE(t.invalidCells()[0].text, std::string("first")); // row 0, column 0
    QCOMPARE(t.invalidCells()[1].column, std::size_t(1));     // row 0, column 1
    QCOMPARE(t.invalidCells()[2].row, std::size_t(1));
    QCOMPARE(t.invalidCells().back().row, std::size_t(998));
    QCOMPARE(t.invalidCount(), std::size_t(1200)); // counted by the columns, not the list
}

void tst_TypedTable::columnsOfOtherLengthsThrow() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TypedTable({numbers("a", 3), numbers("b", 2)}));
}

void tst_TypedTable::sampleTypes() {
    const TypedTable t = sample();
    QCOMPARE(t.column(0).type(), ColumnType::Text);
    QCOMPARE(t.column(1).type(), ColumnType::Categorical);
    QCOMPARE(t.column(2).type(), ColumnType::Numeric);
    QCOMPARE(t.column(3).type(), ColumnType::Date);
    QCOMPARE(t.column(4).type(), ColumnType::Numeric); // with one invalid cell
    QCOMPARE(t.invalidCells(), (std::vector<InvalidCell>{{1, 4, "1.5abc"}}));
}

void tst_TypedTable::setCellAndCellText() {
    TypedTable t = sample();
    QCOMPARE(t.cellText(1, 2), std::string());
    t.setCell(1, 2, "5700", kTokens);
    QCOMPARE(t.cellText(1, 2), std::string("5700"));
    QCOMPARE(t.column(2).value(1), 5700.0);
    t.setCell(0, 1, "Emperor", kTokens); // a new level
    QCOMPARE(t.column(1).levels(),
             (std::vector<std::string>{"Adelie", "Chinstrap", "Emperor", "Gentoo"}));
    QCOMPARE(t.cellText(3, 1), std::string("Adelie"));
    t.setCell(1, 4, "50", kTokens); // the invalid cell gets a value: no longer listed
    QVERIFY(t.invalidCells().empty());
    QCOMPARE(t.invalidCount(), std::size_t(0));
    t.setCell(2, 3, "2020-03-03", kTokens);
    QCOMPARE(t.cellText(2, 3), std::string("2020-03-03"));
    t.setCell(4, 0, "NA", kTokens);
    QVERIFY(t.column(0).isMissing(4));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, t.cellText(5, 0));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, t.cellText(0, 5));
}

void tst_TypedTable::setCellRefusalLeavesTheTable() {
    TypedTable t = sample();
    const TypedTable before = t;
    QCOMPARE(refusal(t, 0, 2, " abc "),
             std::string("\"abc\" is not a number (column \"mass\" is numeric)"));
    QCOMPARE(refusal(t, 0, 3, "March"),
             std::string("\"March\" is not a date (column \"day\" is date)"));
    QCOMPARE(refusal(t, 1, 4, "still bad"),
             std::string("\"still bad\" is not a number (column \"bill\" is numeric)"));
    QVERIFY(t == before);
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, t.setCell(0, 9, "1", kTokens));
}

void tst_TypedTable::typeChangeAndItsUndo() {
    TypedTable t = sample();
    const TypedTable before = t;
    const Column old = t.column(2);
    t.setColumn(2, old.convertedTo(ColumnType::Categorical, kTokens));
    QCOMPARE(t.column(2).levels(), (std::vector<std::string>{"3250", "3450", "3750", "4500"}));
    t.setColumn(2, old);
    QVERIFY(t == before);
    // The species as text and back: the same levels and codes.
    const Column species = t.column(1);
    t.setColumn(1, species.convertedTo(ColumnType::Text, kTokens));
    QCOMPARE(t.column(1).text(2), std::string_view("Chinstrap"));
    t.setColumn(1, t.column(1).convertedTo(ColumnType::Categorical, kTokens));
    QVERIFY(t.column(1) == species);
    // The bill column to text: its invalid cell stays invalid, and listed.
    const Column bill = t.column(4);
    t.setColumn(4, bill.convertedTo(ColumnType::Text, kTokens));
    QCOMPARE(t.invalidCells().size(), std::size_t(1));
    t.setColumn(4, bill);
    QVERIFY(t == before);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, t.setColumn(0, numbers("x", 4)));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, t.setColumn(5, numbers("x", 5)));
}

void tst_TypedTable::rowsOutAndBackIn() {
    TypedTable t = sample();
    const TypedTable before = t;
    // Rows 1..2 hold the only Chinstrap and the invalid cell.
    const TypedTable slice = t.rowsSlice(1, 2);
    QCOMPARE(slice.rowCount(), std::size_t(2));
    QCOMPARE(slice.names(), t.names());
    QCOMPARE(slice.invalidCells(), (std::vector<InvalidCell>{{0, 4, "1.5abc"}}));
    t.removeRows(1, 2);
    QCOMPARE(t.rowCount(), std::size_t(3));
    QCOMPARE(t.column(1).levels(), (std::vector<std::string>{"Adelie", "Gentoo"}));
    QVERIFY(t.invalidCells().empty());
    QCOMPARE(t.cellText(1, 0), std::string("Dee"));
    t.insertTableRows(1, slice);
    QVERIFY(t == before);
    // At the ends, too.
    const TypedTable last = t.rowsSlice(4, 1);
    t.removeRows(4, 1);
    t.insertTableRows(4, last);
    QVERIFY(t == before);
    const TypedTable all = t.rowsSlice(0, 5);
    t.removeRows(0, 5);
    QCOMPARE(t.rowCount(), std::size_t(0));
    t.insertTableRows(0, all);
    QVERIFY(t == before);
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, t.removeRows(4, 2));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             t.insertTableRows(0, TypedTable({numbers("a", 1)})));
    TypedTable otherTypes = t.rowsSlice(0, 1);
    otherTypes.setColumn(2, otherTypes.column(2).convertedTo(ColumnType::Text, kTokens));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, t.insertTableRows(0, otherTypes));
    QVERIFY(t == before);
}

void tst_TypedTable::rowsInsertedMissing() {
    TypedTable t = sample();
    t.insertRows(1, 2);
    QCOMPARE(t.rowCount(), std::size_t(7));
    for (std::size_t c = 0; c < t.columnCount(); ++c) {
        QVERIFY(t.column(c).isMissing(1) && t.column(c).isMissing(2));
        QCOMPARE(t.column(c).rowCount(), std::size_t(7));
    }
    QCOMPARE(t.cellText(3, 0), std::string("Bob"));
    QCOMPARE(t.invalidCells(), (std::vector<InvalidCell>{{3, 4, "1.5abc"}})); // renumbered
    t.removeRows(1, 2);
    QVERIFY(t == sample());
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, t.insertRows(6, 1));
}

void tst_TypedTable::columnsInAndOut() {
    TypedTable t = sample();
    t.insertColumn(0, numbers("id", 5));
    QCOMPARE(t.names(), (std::vector<std::string>{"id", "name", "species", "mass", "day", "bill"}));
    QCOMPARE(t.invalidCells().front().column, std::size_t(5));
    t.renameColumn(0, "row_id");
    QCOMPARE(t.column(0).name(), std::string("row_id"));
    t.removeColumn(0);
    QVERIFY(t == sample());
    t.removeColumn(4); // the one with the invalid cell
    QVERIFY(t.invalidCells().empty());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, t.insertColumn(0, numbers("x", 4)));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, t.insertColumn(6, numbers("x", 5)));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, t.removeColumn(4));
    while (t.columnCount() > 0)
        t.removeColumn(0);
    QCOMPARE(t.rowCount(), std::size_t(0));
    t.insertColumn(0, numbers("x", 2)); // an empty table takes the column's length
    QCOMPARE(t.rowCount(), std::size_t(2));
}

void tst_TypedTable::fromDataset() {
    const TypedTable t = TypedTable::fromDataset(Dataset::lesson());
    QCOMPARE(t.names(), (std::vector<std::string>{"hours_studied", "hours_slept", "exam_score"}));
    QCOMPARE(t.rowCount(), std::size_t(4));
    for (const Column& c : t.columns()) {
        QCOMPARE(c.type(), ColumnType::Numeric);
        QCOMPARE(c.missingCount(), std::size_t(0));
    }
    QCOMPARE(t.column(0).values(), (std::vector<double>{5, 3, 8, 2}));
    QCOMPARE(t.column(2).values(), (std::vector<double>{75, 60, 90, 55}));
    QCOMPARE(TypedTable::fromDataset(Dataset()).columnCount(), std::size_t(1)); // the label
}

QTEST_APPLESS_MAIN(tst_TypedTable)
#include "tst_TypedTable.moc"
