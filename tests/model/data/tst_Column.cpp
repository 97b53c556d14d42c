#include "model/data/Column.h"

#include <QTest>

#include <cmath>
#include <stdexcept>

using namespace linlab;

namespace {

constexpr CellState P = CellState::Present;
constexpr CellState M = CellState::Missing;
constexpr CellState I = CellState::Invalid;

} // namespace

class tst_Column : public QObject {
    Q_OBJECT
private slots:
    void numbersMarkMissingCells();
    void datesAsText();
    void categoricalLevels();
    void textInOneBuffer();
    void sizeMismatchesThrow();
    void typeNames();
    void setNumberCells();
    void badNumberLeavesTheColumn();
    void setDateCells();
    void newLevelSortsIn();
    void numericLevelsSortAsNumbers();
    void unusedLevelDropped();
    void setTextCells();
    void convertedToEachType();
    void convertKeepsMissingAndInvalid();
    void rowsInAndOut();
    void insertRowsFromMergesLevels();
};

void tst_Column::numbersMarkMissingCells() {
    Column c = Column::numbers("x", ColumnType::Numeric, {0.1 + 0.2, 7, 8, -0.0}, {P, M, I, P});
    QCOMPARE(c.name(), std::string("x"));
    QCOMPARE(c.type(), ColumnType::Numeric);
    QVERIFY(c.isNumber());
    QCOMPARE(c.rowCount(), std::size_t(4));
    QCOMPARE(c.missingCount(), std::size_t(2)); // the missing and the invalid cell
    QCOMPARE(c.invalidCount(), std::size_t(1));
    QCOMPARE(c.value(0), 0.1 + 0.2); // full precision
    QVERIFY(std::isnan(c.value(1))); // a value under a missing state is dropped
    QVERIFY(std::isnan(c.value(2)));
    QVERIFY(c.isMissing(2));
    QCOMPARE(c.state(2), CellState::Invalid);
    QCOMPARE(c.cellText(0), std::string("0.30000000000000004"));
    QCOMPARE(c.cellText(1), std::string());
    QVERIFY(c.text(0).empty());
    QVERIFY(c.levels().empty());
    c.setName("z");
    QCOMPARE(c.name(), std::string("z"));
    const Column empty;
    QCOMPARE(empty.rowCount(), std::size_t(0));
    QCOMPARE(empty.type(), ColumnType::Numeric);
}

void tst_Column::datesAsText() {
    const Column c = Column::numbers("day", ColumnType::Date, {18322, 11016.5, -1}, {P, P, P});
    QCOMPARE(c.type(), ColumnType::Date);
    QVERIFY(c.isNumber());
    QCOMPARE(c.cellText(0), std::string("2020-03-01"));
    QCOMPARE(c.cellText(1), std::string("2000-02-29 12:00:00"));
    QCOMPARE(c.cellText(2), std::string("1969-12-31"));
}

void tst_Column::categoricalLevels() {
    const Column c = Column::categorical("g", {1, 0, 7, 1}, {"a", "b"}, {P, P, M, P});
    QCOMPARE(c.type(), ColumnType::Categorical);
    QVERIFY(!c.isNumber());
    QCOMPARE(c.code(2), Column::kNoLevel); // set for a missing cell, whatever was given
    QCOMPARE(c.codes(), (std::vector<std::uint32_t>{1, 0, Column::kNoLevel, 1}));
    QCOMPARE(c.cellText(0), std::string("b"));
    QCOMPARE(c.cellText(2), std::string());
    QCOMPARE(c.levelIndex("a"), 0u);
    QCOMPARE(c.levelIndex("c"), Column::kNoLevel);
    QCOMPARE(c.missingCount(), std::size_t(1));
    QVERIFY(c.values().empty());
}

void tst_Column::textInOneBuffer() {
    const Column c = Column::text("name", "AnnBobDee", {0, 3, 6, 6, 9}, {P, P, M, P});
    QCOMPARE(c.type(), ColumnType::Text);
    QCOMPARE(c.text(0), std::string_view("Ann"));
    QCOMPARE(c.text(1), std::string_view("Bob"));
    QCOMPARE(c.text(2), std::string_view());
    QCOMPARE(c.text(3), std::string_view("Dee"));
    QCOMPARE(c.cellText(3), std::string("Dee"));
    QCOMPARE(c.missingCount(), std::size_t(1));
    const Column none = Column::text("t", "", {}, {});
    QCOMPARE(none.rowCount(), std::size_t(0));
}

void tst_Column::sizeMismatchesThrow() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             Column::numbers("x", ColumnType::Numeric, {1, 2}, {P}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             Column::numbers("x", ColumnType::Text, {1}, {P}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Column::categorical("g", {2}, {"a", "b"}, {P}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Column::text("t", "ab", {0, 3}, {P}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Column::text("t", "ab", {0, 1}, {P, P}));
}

void tst_Column::typeNames() {
    QCOMPARE(std::string(columnTypeName(ColumnType::Numeric)), std::string("numeric"));
    QCOMPARE(std::string(columnTypeName(ColumnType::Date)), std::string("date"));
    QCOMPARE(std::string(columnTypeName(ColumnType::Categorical)), std::string("categorical"));
    QCOMPARE(std::string(columnTypeName(ColumnType::Text)), std::string("text"));
    QCOMPARE(columnTypeFromName("categorical"), std::optional<ColumnType>(ColumnType::Categorical));
    QCOMPARE(columnTypeFromName("text"), std::optional<ColumnType>(ColumnType::Text));
    QVERIFY(!columnTypeFromName("factor"));
}

namespace {

const std::vector<std::string> kTokens = {"", "NA"};

std::string refusal(Column& c, std::size_t row, std::string_view text) {
    try {
        c.setCell(row, text, kTokens);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

std::vector<std::string> texts(const Column& c) {
    std::vector<std::string> all;
    for (std::size_t r = 0; r < c.rowCount(); ++r)
        all.push_back(c.isMissing(r) ? "<NA>" : c.cellText(r));
    return all;
}

} // namespace

void tst_Column::setNumberCells() {
    Column c = Column::numbers("x", ColumnType::Numeric, {1, 2, 3}, {P, M, I});
    c.setCell(1, " 2.5 ", kTokens); // blanks around ignored
    QCOMPARE(c.value(1), 2.5);
    QCOMPARE(c.state(1), P);
    c.setCell(2, "-1e3", kTokens);
    QCOMPARE(c.value(2), -1000.0);
    QCOMPARE(c.invalidCount(), std::size_t(0));
    c.setCell(0, " NA", kTokens);
    QCOMPARE(c.state(0), M);
    QVERIFY(std::isnan(c.value(0)));
    QCOMPARE(c.missingCount(), std::size_t(1));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, c.setCell(3, "1", kTokens));
}

void tst_Column::badNumberLeavesTheColumn() {
    Column c = Column::numbers("bill_length_mm", ColumnType::Numeric, {39.1, 40}, {P, P});
    const Column before = c;
    QCOMPARE(refusal(c, 0, "abc"),
             std::string("\"abc\" is not a number (column \"bill_length_mm\" is numeric)"));
    QCOMPARE(refusal(c, 1, "1.5abc"),
             std::string("\"1.5abc\" is not a number (column \"bill_length_mm\" is numeric)"));
    QVERIFY(!refusal(c, 1, "2020-03-01").empty()); // a date is no number
    QVERIFY(c == before);
}

void tst_Column::setDateCells() {
    Column c = Column::numbers("day", ColumnType::Date, {0, 1}, {P, P});
    c.setCell(1, "2020-03-01", kTokens);
    QCOMPARE(c.value(1), 18322.0);
    QCOMPARE(c.cellText(1), std::string("2020-03-01"));
    QCOMPARE(refusal(c, 0, "1.5"), std::string("\"1.5\" is not a date (column \"day\" is date)"));
    QCOMPARE(c.value(0), 0.0);
}

void tst_Column::newLevelSortsIn() {
    Column c = Column::categorical("g", {0, 1, 0}, {"Adelie", "Gentoo"}, {P, P, M});
    c.setCell(2, " Chinstrap ", kTokens); // a new level, blanks around ignored
    QCOMPARE(c.levels(), (std::vector<std::string>{"Adelie", "Chinstrap", "Gentoo"}));
    QCOMPARE(c.codes(), (std::vector<std::uint32_t>{0, 2, 1}));
    QCOMPARE(texts(c), (std::vector<std::string>{"Adelie", "Gentoo", "Chinstrap"}));
    c.setCell(0, "Gentoo", kTokens); // an existing level: Adelie is no cell's any more
    QCOMPARE(c.levels(), (std::vector<std::string>{"Chinstrap", "Gentoo"}));
    QCOMPARE(c.codes(), (std::vector<std::uint32_t>{1, 1, 0}));
    c.setCell(1, "NA", kTokens);
    QCOMPARE(c.code(1), Column::kNoLevel);
    QCOMPARE(c.missingCount(), std::size_t(1));
    QCOMPARE(c.levels(), (std::vector<std::string>{"Chinstrap", "Gentoo"})); // row 0 is Gentoo
}

void tst_Column::numericLevelsSortAsNumbers() {
    Column c = Column::categorical("cyl", {0, 1}, {"4", "10"}, {P, P});
    c.setCell(0, "6", kTokens); // 4 is gone, 6 sorts before 10 as a number
    QCOMPARE(c.levels(), (std::vector<std::string>{"6", "10"}));
    c.setCell(1, "8", kTokens);
    c.setCell(1, "12", kTokens);
    QCOMPARE(c.levels(), (std::vector<std::string>{"6", "12"}));
    c.insertRows(2, 1);
    c.setCell(2, "V8", kTokens); // a word among them: every level sorts bytewise
    QCOMPARE(c.levels(), (std::vector<std::string>{"12", "6", "V8"}));
    QCOMPARE(texts(c), (std::vector<std::string>{"6", "12", "V8"}));
}

void tst_Column::unusedLevelDropped() {
    Column c = Column::categorical("g", {0, 1, 1}, {"a", "b"}, {P, P, P});
    c.setCell(0, "NA", kTokens);
    QCOMPARE(c.levels(), (std::vector<std::string>{"b"}));
    QCOMPARE(c.codes(), (std::vector<std::uint32_t>{Column::kNoLevel, 0, 0}));
    c.removeRows(1, 2);
    QVERIFY(c.levels().empty());
}

void tst_Column::setTextCells() {
    Column c = Column::text("name", "AnnBobDee", {0, 3, 6, 6, 9}, {P, P, M, P});
    c.setCell(0, "Annabel", kTokens);
    c.setCell(2, " Cy ", kTokens); // text keeps what was typed
    c.setCell(1, "NA", kTokens);
    QCOMPARE(c.text(0), std::string_view("Annabel"));
    QCOMPARE(c.text(1), std::string_view());
    QCOMPARE(c.state(1), M);
    QCOMPARE(c.text(2), std::string_view(" Cy "));
    QCOMPARE(c.text(3), std::string_view("Dee"));
    QCOMPARE(c.missingCount(), std::size_t(1));
}

void tst_Column::convertedToEachType() {
    const Column n = Column::numbers("cyl", ColumnType::Numeric, {10, 4, 6, 4}, {P, P, M, P});
    const Column cat = n.convertedTo(ColumnType::Categorical, kTokens);
    QCOMPARE(cat.type(), ColumnType::Categorical);
    QCOMPARE(cat.levels(), (std::vector<std::string>{"4", "10"})); // as numbers
    QCOMPARE(cat.codes(), (std::vector<std::uint32_t>{1, 0, Column::kNoLevel, 0}));
    const Column back = cat.convertedTo(ColumnType::Numeric, kTokens);
    QVERIFY(back == n); // the numbers' shortest texts read back to the bit
    const Column t = Column::text("t", "1.5x2020-01-02", {0, 4, 4, 14}, {P, M, P});
    const Column num = t.convertedTo(ColumnType::Numeric, kTokens);
    QCOMPARE(num.states(), (std::vector<CellState>{I, M, I}));
    QCOMPARE(num.invalidCount(), std::size_t(2));
    const Column date = t.convertedTo(ColumnType::Date, kTokens);
    QCOMPARE(date.states(), (std::vector<CellState>{I, M, P}));
    QCOMPARE(date.value(2), 18263.0);
    QCOMPARE(texts(t.convertedTo(ColumnType::Text, kTokens)), texts(t));
    QCOMPARE(texts(cat.convertedTo(ColumnType::Text, kTokens)),
             (std::vector<std::string>{"10", "4", "<NA>", "4"}));
    // More than 50 distinct values still make categories when forced.
    std::vector<double> values(60);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = double(i);
    const Column many =
        Column::numbers("id", ColumnType::Numeric, values, std::vector<CellState>(60, P));
    QCOMPARE(many.convertedTo(ColumnType::Categorical, kTokens).levels().size(), std::size_t(60));
    QVERIFY(n.convertedTo(ColumnType::Numeric, kTokens) == n);
}

void tst_Column::convertKeepsMissingAndInvalid() {
    // A missing cell stays missing though "" is no token now; an invalid one stays invalid.
    const Column n = Column::numbers("x", ColumnType::Numeric, {1, 0, 0}, {P, M, I});
    const Column t = n.convertedTo(ColumnType::Text, {"NA"});
    QCOMPARE(t.states(), (std::vector<CellState>{P, M, I}));
    QCOMPARE(t.text(0), std::string_view("1"));
    const Column c = n.convertedTo(ColumnType::Categorical, {"NA"});
    QCOMPARE(c.levels(), (std::vector<std::string>{"1"}));
    QCOMPARE(c.states(), (std::vector<CellState>{P, M, I}));
    QVERIFY(c.convertedTo(ColumnType::Numeric, {}) == n);
}

void tst_Column::rowsInAndOut() {
    const std::vector<Column> columns = {
        Column::numbers("x", ColumnType::Numeric, {1, 2, 3, 4}, {P, M, I, P}),
        Column::numbers("d", ColumnType::Date, {1, 2, 3, 4}, {P, P, M, P}),
        Column::categorical("g", {0, 1, 2, 0}, {"a", "b", "c"}, {P, P, P, P}),
        Column::text("t", "AnnBobDee", {0, 3, 6, 6, 9}, {P, P, M, P})};
    for (const Column& original : columns) {
        Column c = original;
        const Column middle = c.rowsSlice(1, 2);
        QCOMPARE(middle.rowCount(), std::size_t(2));
        QCOMPARE(texts(middle), (std::vector<std::string>{texts(original)[1], texts(original)[2]}));
        c.removeRows(1, 2);
        QCOMPARE(texts(c), (std::vector<std::string>{texts(original)[0], texts(original)[3]}));
        c.insertRowsFrom(1, middle);
        QVERIFY(c == original);
        c.insertRows(4, 2);
        c.insertRows(0, 1);
        QCOMPARE(c.rowCount(), std::size_t(7));
        QCOMPARE(c.missingCount(), original.missingCount() + 3);
        QVERIFY(c.isMissing(0) && c.isMissing(5) && c.isMissing(6));
        c.removeRows(5, 2);
        c.removeRows(0, 1);
        QVERIFY(c == original);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, c.removeRows(3, 2));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, c.insertRows(5, 1));
    }
    Column x = columns[0];
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, x.insertRowsFrom(0, columns[1]));
}

void tst_Column::insertRowsFromMergesLevels() {
    Column c = Column::categorical("g", {0, 1}, {"b", "d"}, {P, P});
    c.insertRowsFrom(1, Column::categorical("g", {1, 0, 2}, {"a", "d", "c"}, {P, P, M}));
    QCOMPARE(c.levels(), (std::vector<std::string>{"a", "b", "d"}));
    QCOMPARE(texts(c), (std::vector<std::string>{"b", "d", "a", "<NA>", "d"}));
}

QTEST_APPLESS_MAIN(tst_Column)
#include "tst_Column.moc"
