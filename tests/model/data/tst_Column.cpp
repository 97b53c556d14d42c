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

QTEST_APPLESS_MAIN(tst_Column)
#include "tst_Column.moc"
