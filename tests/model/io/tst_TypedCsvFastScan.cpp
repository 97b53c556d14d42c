// Tests for the typed reader's fast path (model/io/TypedCsvFastScan): text without quotes split
// and classified in one pass, large texts in two halves on two threads. Each file is read twice,
// by the fast path and by the record scanner (a progress callback turns the fast path off), and
// both readings must agree cell for cell, in the places of invalid cells and in the errors;
// a few places and values are also checked by hand.

#include "model/io/CsvError.h"
#include "model/io/TypedCsvReader.h"

#include <QtTest>

#include <string>

using namespace linlab;

namespace {

const std::string kName = "data.csv";

TypedCsvTable readFast(const std::string& text, const TypedReadOptions& typed = {}) {
    return TypedCsvReader::readString(text, kName, {}, typed);
}

// The same through the record scanner: a progress callback keeps the fast path out.
TypedCsvTable readScanned(const std::string& text, const TypedReadOptions& typed = {}) {
    CsvReadOptions csv;
    csv.progress = [](double) { return true; };
    return TypedCsvReader::readString(text, kName, csv, typed);
}

template <class Read> std::string errorOf(Read read) {
    try {
        read();
    } catch (const CsvError& e) {
        return e.what();
    }
    return {};
}

// The line of data row `r` (0-based) in bigText: the header is line 1, and a blank line follows
// every 1000th row.
std::size_t lineOfRow(std::size_t r) {
    return r + 2 + r / 1000;
}

// About 2.4 MB (two halves): numbers with NA and blanks, a category, dates, a numeric column
// with one typo at row `typoRow`, a column of numbers that turns to words in its second half,
// long numbers, CRLF lines and blank lines; the last line has no line break.
std::string bigText(std::size_t rows, std::size_t typoRow) {
    std::string text = "a,colour,day,typo,turns,long,e\n";
    const char* colours[] = {"red", "green", "blue"};
    for (std::size_t r = 0; r < rows; ++r) {
        text += r % 97 == 0 ? std::string("NA") : std::to_string(r % 1000) + "." + "25";
        text += std::string(",") + colours[r % 3];
        text += ",2024-01-" + std::to_string(10 + r % 19);
        text += "," + (r == typoRow ? std::string("1.5abc") : std::to_string(r));
        text += "," + (r < rows * 3 / 4 ? std::to_string(r % 7)
                                        : std::string("w") + std::to_string(r % 5));
        text += ",-98.07794574779297" + std::to_string(r % 10);
        text += r % 13 == 0 ? std::string(", 7 ") : std::string(",") + std::to_string(r % 11);
        if (r + 1 < rows)
            text += r % 5 == 0 ? "\r\n" : "\n";
        if (r % 1000 == 999 && r + 1 < rows)
            text += "\n";
    }
    return text;
}

void requireSame(const TypedCsvTable& fast, const TypedCsvTable& scanned) {
    QVERIFY(fast.table == scanned.table);
    QCOMPARE(fast.invalidAt.size(), scanned.invalidAt.size());
    for (std::size_t i = 0; i < fast.invalidAt.size(); ++i) {
        QCOMPARE(fast.invalidAt[i].line, scanned.invalidAt[i].line);
        QCOMPARE(fast.invalidAt[i].column, scanned.invalidAt[i].column);
    }
}

} // namespace

class TestTypedCsvFastScan : public QObject {
    Q_OBJECT
private slots:
    void twoHalvesReadAsTheScannerReads() {
        const std::size_t rows = 40000, typo = 31234; // the typo in the second half
        const std::string text = bigText(rows, typo);
        QVERIFY(text.size() > (std::size_t(2) << 20));
        const TypedCsvTable fast = readFast(text);
        requireSame(fast, readScanned(text));

        const TypedTable& t = fast.table;
        QCOMPARE(t.rowCount(), rows);
        QCOMPARE(t.column(0).type(), ColumnType::Numeric);
        QCOMPARE(t.column(0).missingCount(), std::size_t((rows + 96) / 97));
        QCOMPARE(t.column(1).type(), ColumnType::Categorical);
        QCOMPARE(t.column(2).type(), ColumnType::Date);
        QCOMPARE(t.column(3).type(), ColumnType::Numeric);
        QCOMPARE(t.column(4).type(), ColumnType::Categorical);
        QCOMPARE(t.column(4).levels().size(), std::size_t(7 + 5));
        QCOMPARE(t.column(6).type(), ColumnType::Numeric);
        QCOMPARE(t.column(6).value(13), 7.0); // " 7 ": blanks around a number
        QCOMPARE(t.column(5).value(rows - 1), -98.077945747792979);
        QCOMPARE(t.column(0).value(rows - 1), double((rows - 1) % 1000) + 0.25);
        QCOMPARE(fast.invalidAt.size(), std::size_t(1));
        QCOMPARE(fast.invalidAt[0].line, lineOfRow(typo));
        QCOMPARE(fast.invalidAt[0].column, std::size_t(4));
        QCOMPARE(TypedCsvReader::invalidCellError(fast, 0).line(), lineOfRow(typo));
    }

    void aTypoInTheFirstHalfIsPlacedToo() {
        const std::string text = bigText(40000, 1234);
        const TypedCsvTable fast = readFast(text);
        requireSame(fast, readScanned(text));
        QCOMPARE(fast.invalidAt.at(0).line, lineOfRow(1234));
    }

    void raggedRowsAreNamedInFileOrder() {
        std::string text = bigText(40000, 5);
        const std::size_t late = text.find("\n", text.size() * 7 / 8) + 1;
        std::string secondHalf = text;
        secondHalf.insert(late, "1,2\n");
        const std::string lateError = errorOf([&] { readFast(secondHalf); });
        QVERIFY(!lateError.empty());
        QCOMPARE(lateError, errorOf([&] { readScanned(secondHalf); }));

        std::string both = secondHalf;
        both.insert(text.find("\n", text.size() / 8) + 1, "1,2,3,4,5,6,7,8\n");
        const std::string earlyError = errorOf([&] { readFast(both); });
        QCOMPARE(earlyError, errorOf([&] { readScanned(both); }));
        QVERIFY(!earlyError.empty());
        QVERIFY(earlyError != lateError);
    }

    void smallFilesReadAsTheScannerReads() {
        const std::string text = "x,c,d\n1.5,a,2024-01-02\r\nNA,b,2024-01-03\n\n  \n-2,a,?\n3e2,b,";
        const TypedCsvTable fast = readFast(text);
        requireSame(fast, readScanned(text));
        QCOMPARE(fast.table.column(0).value(3), 300.0);
        QCOMPARE(fast.table.column(1).type(), ColumnType::Categorical);
        QCOMPARE(fast.table.column(2).type(), ColumnType::Date);
        QCOMPARE(fast.table.column(2).missingCount(), std::size_t(2));
        QCOMPARE(errorOf([] { readFast("x,y\n"); }), errorOf([] { readScanned("x,y\n"); }));
    }

    void oddNumbersReadByTheFullRules() {
        std::string text = "x,y\n";
        for (const char* cell : {"1.5e3", "1e309", "-inf", "0x10", "-nan", "12345678901234567890",
                                 ".5", "-.5e-2", "1.", "5-", "1.5.2", "-", "+3"})
            text += std::string(cell) + ",1\n";
        for (int k = 0; k < 100; ++k) // numbers enough to make the others invalid cells
            text += "7,1\n";
        const TypedCsvTable fast = readFast(text);
        requireSame(fast, readScanned(text));
        const Column& x = fast.table.column(0);
        QCOMPARE(x.type(), ColumnType::Numeric);
        QCOMPARE(x.value(0), 1500.0);
        QCOMPARE(x.value(5), 12345678901234567890.0);
        QCOMPARE(x.value(7), -0.005);
        QCOMPARE(x.value(8), 1.0);
        QCOMPARE(x.state(1), CellState::Invalid); // 1e309: out of range
        QCOMPARE(x.value(12), 3.0);               // "+3": by parseDouble's rules
        QCOMPARE(fast.invalidAt.at(0).line, std::size_t(3));
    }

    void aNumberTokenIsMissing() {
        TypedReadOptions typed;
        typed.missingTokens = {"NA", "-999"};
        const std::string text = bigText(40000, 7) + "\n-999,red,2024-01-01,-999,1,2,-999";
        const TypedCsvTable fast = readFast(text, typed);
        requireSame(fast, readScanned(text, typed));
        QVERIFY(fast.table.column(3).isMissing(40000));
        QVERIFY(!fast.table.column(3).isMissing(39999));
    }
};

QTEST_APPLESS_MAIN(TestTypedCsvFastScan)
#include "tst_TypedCsvFastScan.moc"
