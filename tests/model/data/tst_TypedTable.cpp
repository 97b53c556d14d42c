#include "model/data/TypedTable.h"

#include <QTest>

#include <stdexcept>

using namespace linlab;

namespace {

Column numbers(const std::string& name, std::size_t rows) {
    return Column::numbers(name, ColumnType::Numeric, std::vector<double>(rows, 1.0),
                           std::vector<CellState>(rows, CellState::Present));
}

} // namespace

class tst_TypedTable : public QObject {
    Q_OBJECT
private slots:
    void columnsAndNames();
    void invalidCellsSortedAndCut();
    void columnsOfOtherLengthsThrow();
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

QTEST_APPLESS_MAIN(tst_TypedTable)
#include "tst_TypedTable.moc"
