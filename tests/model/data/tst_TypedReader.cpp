#include "model/data/TypedReader.h"
#include "model/io/CsvReader.h"
#include "tests/model/data/TypedCells.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <random>
#include <stdexcept>

using namespace linlab;
using linlab::test::splitCsv;

namespace {

TypedTable readCsv(std::string_view text, const TypedReadOptions& options = {}) {
    const auto cells = splitCsv(text);
    return TypedReader::read(cells.header, cells.rows, options);
}

// A one-column table: the header "x", then `count` cells made by `cell(i)`.
template <class F> TypedTable oneColumn(std::size_t count, F cell) {
    std::vector<std::vector<std::string>> rows(count);
    for (std::size_t i = 0; i < count; ++i)
        rows[i] = {cell(i)};
    return TypedReader::read({"x"}, rows);
}

} // namespace

class tst_TypedReader : public QObject {
    Q_OBJECT
private slots:
    void numericKeepsFullPrecision();
    void missingTokens();
    void perColumnTokens();
    void textAndCategorical();
    void levelsPastFiftyMakeText();
    void twoThousandDistinctIsText();
    void dates();
    void invalidCellsAtTheThresholds();
    void invalidCellsAreListed();
    void allMissingColumn();
    void forcedTypes();
    void penguinsLike();
    void viewsAndStringsAgree();
    void badShapesThrow();
    void agreesWithTheStrictReader();
    void deepTextCellIsNamed();
};

void tst_TypedReader::numericKeepsFullPrecision() {
    const TypedTable t = readCsv("a,b\n0.1,1e-300\n-2.5, +3 \n1.7976931348623157e308,4");
    QCOMPARE(t.rowCount(), std::size_t(3));
    QCOMPARE(t.column(0).type(), ColumnType::Numeric);
    QCOMPARE(t.column(1).type(), ColumnType::Numeric);
    QCOMPARE(t.column(0).value(0), 0.1);
    QCOMPARE(t.column(0).value(2), 1.7976931348623157e308);
    QCOMPARE(t.column(1).value(0), 1e-300);
    QCOMPARE(t.column(1).value(1), 3.0); // blanks and '+' as the numeric reader allows
    QCOMPARE(t.column(0).missingCount(), std::size_t(0));
    QVERIFY(t.invalidCells().empty());
}

void tst_TypedReader::missingTokens() {
    // Every default token, one per row; the column stays numeric.
    const TypedTable t = readCsv("x,y\n1,\n2,NA\n3,N/A\n4,NaN\n5,nan\n6,null\n7,NULL\n8,?\n9,.\n"
                                 "10, NA \n11,12.5");
    const Column& y = t.column(1);
    QCOMPARE(y.type(), ColumnType::Numeric);
    QCOMPARE(y.missingCount(), std::size_t(10));
    QCOMPARE(y.invalidCount(), std::size_t(0));
    QCOMPARE(y.state(1), CellState::Missing);
    QVERIFY(std::isnan(y.value(1)));
    QCOMPARE(y.value(10), 12.5);
    QCOMPARE(y.cellText(0), std::string());
    QCOMPARE(defaultMissingTokens().size(), std::size_t(9));
}

void tst_TypedReader::perColumnTokens() {
    TypedReadOptions options;
    options.missingTokens = {"", "-999"};
    options.columns["b"].missingTokens = std::vector<std::string>{"x"};
    const TypedTable t = readCsv("a,b\n-999,x\nNA,1\n2,-999", options);
    // "NA" is no longer a token for a: one text cell among two values, not numeric.
    QCOMPARE(t.column(0).missingCount(), std::size_t(1));
    QCOMPARE(t.column(0).type(), ColumnType::Categorical);
    QCOMPARE(t.column(1).type(), ColumnType::Numeric);
    QCOMPARE(t.column(1).missingCount(), std::size_t(1));
    QCOMPARE(t.column(1).value(2), -999.0);
}

void tst_TypedReader::textAndCategorical() {
    const TypedTable t = readCsv("name,colour,n\nAnn,red,1\nBob, blue ,2\nCy,red,3\nDee,NA,4");
    const Column& colour = t.column(1);
    QCOMPARE(colour.type(), ColumnType::Categorical);
    // Sorted bytewise; blanks around ignored.
    QCOMPARE(colour.levels(), (std::vector<std::string>{"blue", "red"}));
    QCOMPARE(colour.code(0), 1u);
    QCOMPARE(colour.code(1), 0u);
    QCOMPARE(colour.code(3), Column::kNoLevel);
    QCOMPARE(colour.missingCount(), std::size_t(1));
    QCOMPARE(colour.cellText(2), std::string("red"));
    QCOMPARE(colour.levelIndex("red"), 1u);
    QCOMPARE(colour.levelIndex("green"), Column::kNoLevel);
    // Four distinct names are categorical too (at most 50), until forced to text.
    QCOMPARE(t.column(0).type(), ColumnType::Categorical);
    TypedReadOptions options;
    options.columns["name"].type = ColumnType::Text;
    const TypedTable forced = readCsv("name,colour\nAnn,red\n Bob ,blue\nNA,red", options);
    QCOMPARE(forced.column(0).type(), ColumnType::Text);
    QCOMPARE(forced.column(0).text(1), std::string_view(" Bob ")); // text is kept as read
    QCOMPARE(forced.column(0).missingCount(), std::size_t(1));
    QCOMPARE(forced.column(0).text(2), std::string_view());
}

void tst_TypedReader::levelsPastFiftyMakeText() {
    auto level = [](std::size_t i) { return "L" + std::to_string(i); };
    const TypedTable fifty = oneColumn(200, [&](std::size_t i) { return level(i % 50); });
    QCOMPARE(fifty.column(0).type(), ColumnType::Categorical);
    QCOMPARE(fifty.column(0).levels().size(), std::size_t(50));
    const TypedTable fiftyOne = oneColumn(200, [&](std::size_t i) { return level(i % 51); });
    QCOMPARE(fiftyOne.column(0).type(), ColumnType::Text);
    QCOMPARE(fiftyOne.column(0).text(199), std::string_view("L46"));
    QVERIFY(fiftyOne.column(0).levels().empty());
}

void tst_TypedReader::twoThousandDistinctIsText() {
    // Stands for a million distinct identifiers: anything past 50 levels is text, not levels.
    const TypedTable t = oneColumn(2000, [](std::size_t i) { return "id-" + std::to_string(i); });
    const Column& c = t.column(0);
    QCOMPARE(c.type(), ColumnType::Text);
    QCOMPARE(c.rowCount(), std::size_t(2000));
    QCOMPARE(c.text(1234), std::string_view("id-1234"));
    QCOMPARE(c.missingCount(), std::size_t(0));
    // Forced categorical has no cap.
    TypedReadOptions options;
    options.columns["x"].type = ColumnType::Categorical;
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < 2000; ++i)
        rows.push_back({std::to_string(i)});
    const TypedTable forced = TypedReader::read({"x"}, rows, options);
    QCOMPARE(forced.column(0).levels().size(), std::size_t(2000));
    // Levels that are all numbers sort as numbers: "2" before "10".
    QCOMPARE(forced.column(0).levels()[2], std::string("2"));
    QCOMPARE(forced.column(0).levels()[10], std::string("10"));
    QCOMPARE(forced.column(0).code(10), 10u);
}

void tst_TypedReader::dates() {
    // Days since 1970-01-01: pandas 1.5.3, (pd.to_datetime(s, utc=True) - epoch) / 1 day.
    const TypedTable t = readCsv("when,n\n2020-03-01,1\n2000-02-29 12:00,2\n1969-12-31,3\nNA,4\n"
                                 "2024/02/29,5\n2026-12-01T10:00:00Z,6");
    const Column& when = t.column(0);
    QCOMPARE(when.type(), ColumnType::Date);
    QCOMPARE(when.value(0), 18322.0);
    QCOMPARE(when.value(1), 11016.5);
    QCOMPARE(when.value(2), -1.0);
    QCOMPARE(when.missingCount(), std::size_t(1));
    QCOMPARE(when.value(4), 19782.0);
    QVERIFY(std::abs(when.value(5) - 20788.416666666668) < 1e-9);
    QCOMPARE(when.cellText(0), std::string("2020-03-01"));
    // One impossible date (29 February 2021) makes the column categorical, not a date.
    const TypedTable bad = readCsv("when\n2020-03-01\n2021-02-29");
    QCOMPARE(bad.column(0).type(), ColumnType::Categorical);
    // Forced date: the other cells are invalid.
    TypedReadOptions options;
    options.columns["when"].type = ColumnType::Date;
    const TypedTable forced = readCsv("when\n2020-03-01\n2021-02-29\n7", options);
    QCOMPARE(forced.column(0).type(), ColumnType::Date);
    QCOMPARE(forced.column(0).invalidCount(), std::size_t(2));
    QCOMPARE(forced.invalidCells().at(1).text, std::string("7"));
}

void tst_TypedReader::invalidCellsAtTheThresholds() {
    // At most 3 invalid cells (here 3 of 5 non-missing would not do: numbers must be more).
    auto numbersWithBad = [](std::size_t count, std::size_t bad) {
        return oneColumn(count,
                         [=](std::size_t i) { return i < bad ? "1.5abc" : std::to_string(i); });
    };
    QCOMPARE(numbersWithBad(7, 3).column(0).type(), ColumnType::Numeric);
    QCOMPARE(numbersWithBad(7, 3).column(0).invalidCount(), std::size_t(3));
    QCOMPARE(numbersWithBad(6, 3).column(0).type(), ColumnType::Categorical);  // 3 vs 3
    QCOMPARE(numbersWithBad(30, 4).column(0).type(), ColumnType::Categorical); // 4 > 3, > 1/10
    // Or at most 1 in 10 of the non-missing: 4 of 40 and 10 of 100 read as numbers.
    QCOMPARE(numbersWithBad(40, 4).column(0).type(), ColumnType::Numeric);
    QCOMPARE(numbersWithBad(100, 10).column(0).type(), ColumnType::Numeric);
    QCOMPARE(numbersWithBad(100, 11).column(0).type(), ColumnType::Text); // 90 distinct values
    QCOMPARE(numbersWithBad(39, 4).column(0).type(), ColumnType::Categorical);
    // The counts alone.
    QCOMPARE(TypedReader::inferType(0, 0, 0, 0), ColumnType::Numeric);
    QCOMPARE(TypedReader::inferType(5, 0, 5, 5), ColumnType::Date);
    QCOMPARE(TypedReader::inferType(1000, 900, 0, 51), ColumnType::Numeric);
    QCOMPARE(TypedReader::inferType(1000, 899, 0, 51), ColumnType::Text);
    QCOMPARE(TypedReader::inferType(1000, 899, 0, 50), ColumnType::Categorical);
}

void tst_TypedReader::invalidCellsAreListed() {
    const TypedTable t = readCsv("a,b\n1,2\n3,4x\n1.5abc,6\n7,8\n9,10\n11,12\n13,14");
    QCOMPARE(t.column(0).type(), ColumnType::Numeric);
    QCOMPARE(t.column(1).type(), ColumnType::Numeric);
    QCOMPARE(t.column(0).missingCount(), std::size_t(1));
    QCOMPARE(t.column(1).state(1), CellState::Invalid);
    QVERIFY(std::isnan(t.column(1).value(1)));
    QCOMPARE(t.invalidCount(), std::size_t(2));
    // By row, then column: (row 1, column 1, "4x") comes first.
    QCOMPARE(t.invalidCells().size(), std::size_t(2));
    QCOMPARE(t.invalidCells()[0].row, std::size_t(1));
    QCOMPARE(t.invalidCells()[0].column, std::size_t(1));
    QCOMPARE(t.invalidCells()[0].text, std::string("4x"));
    QCOMPARE(t.invalidCells()[1].row, std::size_t(2));
    QCOMPARE(t.invalidCells()[1].text, std::string("1.5abc"));
    // A forced numeric column of text lists at most kMaxListedInvalid, but counts all.
    TypedReadOptions options;
    options.columns["x"].type = ColumnType::Numeric;
    std::vector<std::vector<std::string>> rows(1500, std::vector<std::string>{"word"});
    const TypedTable forced = TypedReader::read({"x"}, rows, options);
    QCOMPARE(forced.invalidCount(), std::size_t(1500));
    QCOMPARE(forced.invalidCells().size(), TypedTable::kMaxListedInvalid);
}

void tst_TypedReader::allMissingColumn() {
    const TypedTable t = readCsv("a,b\n1,NA\n2,\n3,?");
    QCOMPARE(t.column(1).type(), ColumnType::Numeric);
    QCOMPARE(t.column(1).missingCount(), std::size_t(3));
    QVERIFY(t.invalidCells().empty());
}

void tst_TypedReader::forcedTypes() {
    // Cylinders: numbers read as categories when asked (the batch's --categorical).
    TypedReadOptions options;
    options.columns["cyl"].type = ColumnType::Categorical;
    const TypedTable t = readCsv("cyl,mpg\n8,15\n4,30\n6,20\n4,NA\n10,9", options);
    QCOMPARE(t.column(0).type(), ColumnType::Categorical);
    QCOMPARE(t.column(0).levels(), (std::vector<std::string>{"4", "6", "8", "10"}));
    QCOMPARE(t.column(0).code(0), 2u);
    QCOMPARE(t.column(1).missingCount(), std::size_t(1));
    // Forced numeric: every non-number is invalid, whatever the share.
    TypedReadOptions numeric;
    numeric.columns["c"].type = ColumnType::Numeric;
    const TypedTable n = readCsv("c\nred\n2\nblue", numeric);
    QCOMPARE(n.column(0).type(), ColumnType::Numeric);
    QCOMPARE(n.column(0).invalidCount(), std::size_t(2));
    QCOMPARE(n.column(0).value(1), 2.0);
}

void tst_TypedReader::penguinsLike() {
    const TypedTable t = readCsv("species,island,bill_length_mm,sex,year\n"
                                 "Adelie,Torgersen,39.1,male,2007\n"
                                 "Adelie,Torgersen,NA,NA,2007\n"
                                 "Gentoo,Biscoe,46.1,female,2008\n"
                                 "Chinstrap,Dream,46.5,NA,2009");
    // As pandas 1.5.3's read_csv: object, object, float64 (1 NaN), object (2 NaN), int64.
    QCOMPARE(t.column(0).type(), ColumnType::Categorical);
    QCOMPARE(t.column(0).levels(), (std::vector<std::string>{"Adelie", "Chinstrap", "Gentoo"}));
    QCOMPARE(t.column(1).type(), ColumnType::Categorical);
    QCOMPARE(t.column(2).type(), ColumnType::Numeric);
    QCOMPARE(t.column(2).missingCount(), std::size_t(1));
    QCOMPARE(t.column(3).type(), ColumnType::Categorical);
    QCOMPARE(t.column(3).missingCount(), std::size_t(2));
    QCOMPARE(t.column(4).type(), ColumnType::Numeric);
    QCOMPARE(t.names().back(), std::string("year"));
    QCOMPARE(t.indexOf("sex"), std::size_t(3));
    QCOMPARE(t.indexOf("mass"), t.columnCount());
}

void tst_TypedReader::viewsAndStringsAgree() {
    const auto cells = splitCsv("a,b,c\n1,x,2020-01-01\nNA,y,2020-01-02\n3,x,");
    std::vector<std::vector<std::string_view>> views;
    for (const auto& row : cells.rows)
        views.emplace_back(row.begin(), row.end());
    const TypedTable a = TypedReader::read(cells.header, cells.rows);
    const TypedTable b = TypedReader::read(cells.header, views);
    QCOMPARE(b.columnCount(), a.columnCount());
    for (std::size_t c = 0; c < a.columnCount(); ++c) {
        QCOMPARE(b.column(c).type(), a.column(c).type());
        QCOMPARE(b.column(c).states(), a.column(c).states());
        for (std::size_t r = 0; r < a.rowCount(); ++r)
            QCOMPARE(b.column(c).cellText(r), a.column(c).cellText(r));
    }
    QCOMPARE(a.column(2).type(), ColumnType::Date);
    // One flat vector, row after row, reads the same.
    std::vector<std::string_view> flat;
    for (const auto& row : cells.rows)
        flat.insert(flat.end(), row.begin(), row.end());
    const TypedTable f = TypedReader::readFlat(cells.header, flat);
    QCOMPARE(f.rowCount(), a.rowCount());
    for (std::size_t c = 0; c < a.columnCount(); ++c) {
        QCOMPARE(f.column(c).type(), a.column(c).type());
        for (std::size_t r = 0; r < a.rowCount(); ++r)
            QCOMPARE(f.column(c).cellText(r), a.column(c).cellText(r));
    }
    flat.pop_back();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TypedReader::readFlat(cells.header, flat));
}

void tst_TypedReader::badShapesThrow() {
    const std::vector<std::string> header{"a", "b"};
    const std::vector<std::vector<std::string>> ragged{{"1", "2"}, {"3"}};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, TypedReader::read(header, ragged));
    TypedReadOptions options;
    options.columns["nope"].type = ColumnType::Text;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, readCsv("a\n1", options));
    const TypedTable empty = TypedReader::read({"a"}, std::vector<std::vector<std::string>>{});
    QCOMPARE(empty.rowCount(), std::size_t(0));
    QCOMPARE(empty.column(0).type(), ColumnType::Numeric);
}

void tst_TypedReader::agreesWithTheStrictReader() {
    // All-numeric input: the same doubles, to the bit, as CsvReader (the fast path stays there).
    std::mt19937 random(13);
    std::uniform_real_distribution<double> uniform(-1e6, 1e6);
    const char* const forms[] = {"%.17g", "%.3f", "%g", "%.0f", "%+.5e", " %.2f "};
    std::string text = "a,b,c,d\n";
    for (int r = 0; r < 500; ++r)
        for (int c = 0; c < 4; ++c) {
            char cell[64];
            const double v = c == 3 ? std::ldexp(uniform(random), -1060) : uniform(random);
            std::snprintf(cell, sizeof cell, forms[(r + c) % 6], v);
            text += cell;
            text += c == 3 ? "\n" : ",";
        }
    const CsvTable strict = CsvReader::readString(text, "mem");
    const TypedTable typed = readCsv(text);
    QCOMPARE(typed.names(), strict.names);
    QCOMPARE(typed.rowCount(), std::size_t(strict.data.n_rows));
    for (std::size_t c = 0; c < typed.columnCount(); ++c) {
        QCOMPARE(typed.column(c).type(), ColumnType::Numeric);
        for (std::size_t r = 0; r < typed.rowCount(); ++r) {
            const double a = typed.column(c).value(r), b = strict.data(r, c);
            QVERIFY2(std::memcmp(&a, &b, sizeof a) == 0, std::to_string(r).c_str());
        }
    }
}

void tst_TypedReader::deepTextCellIsNamed() {
    // One typo deep in a long numeric column: still numeric, and the cell is named.
    std::vector<std::vector<std::string>> rows(100000);
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = {std::to_string(i), std::to_string(i % 7) + ".25"};
    rows[99998][1] = "12x";
    const TypedTable t = TypedReader::read({"id", "v"}, rows);
    QCOMPARE(t.column(1).type(), ColumnType::Numeric);
    QCOMPARE(t.invalidCells().size(), std::size_t(1));
    QCOMPARE(t.invalidCells()[0].row, std::size_t(99998));
    QCOMPARE(t.invalidCells()[0].column, std::size_t(1));
    QCOMPARE(t.invalidCells()[0].text, std::string("12x"));
    QCOMPARE(t.column(1).value(99999), 4.25); // 99999 % 7 == 4
}

QTEST_APPLESS_MAIN(tst_TypedReader)
#include "tst_TypedReader.moc"
