// Tests for the typed CSV reader (model/io/TypedCsvReader): a penguins-like file with quoted
// text, missing tokens, dates, CRLF and a BOM; invalid cells named by file:line:column; the
// numeric reader's errors in its words; all-numeric files read to the bit as CsvReader reads them;
// and the real Palmer penguins file when the Debian package is installed.

#include "tests/model/io/CsvTestData.h"

#include "model/data/DateValue.h"
#include "model/io/CsvError.h"
#include "model/io/CsvReader.h"
#include "model/io/TypedCsvReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <stdexcept>
#include <string>

#include <unistd.h>

using namespace linlab;
using namespace csvtest;

namespace {

TypedCsvTable readTyped(const std::string& text, const CsvReadOptions& csv = {},
                        const TypedReadOptions& typed = {}) {
    return TypedCsvReader::readString(text, kSource, csv, typed);
}

// The error message of reading `text`, or "" when it reads.
template <class Read> std::string errorOf(Read read) {
    try {
        read();
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

// A pipe holding `text` (at most the pipe's buffer, 64 KiB), its writing end closed: opening the
// returned /dev/fd path reads a stream, not a regular file. `fd` is the reading end to close.
std::string pipeHolding(const std::string& text, int& fd) {
    int ends[2];
    if (::pipe(ends) != 0)
        return {};
    const bool written = ::write(ends[1], text.data(), text.size()) == ssize_t(text.size());
    ::close(ends[1]);
    fd = ends[0];
    return written ? "/dev/fd/" + std::to_string(fd) : std::string();
}

// The mean of a column's present values.
double presentMean(const Column& column) {
    double sum = 0;
    std::size_t n = 0;
    for (std::size_t r = 0; r < column.rowCount(); ++r)
        if (!column.isMissing(r)) {
            sum += column.value(r);
            ++n;
        }
    return sum / double(n);
}

// `data` written with a decimal comma and ';' between fields under the header a;b;y.
std::string semicolonText(const arma::mat& data) {
    CsvWriteOptions options;
    options.delimiter = ';';
    options.decimal = ',';
    return CsvWriter::toString({"a", "b", "y"}, data, options);
}

// The penguins-like file of penguinsLike(): lines 1-7 (the fifth row's note spans two lines).
const std::string kPenguins = "\xEF\xBB\xBF"
                              "species,island,bill_length_mm,body_mass_g,sex,observed,note\r\n"
                              "Adelie,\"Torgersen, north\",39.1,3750,male,2007-11-11,calm\r\n"
                              "Adelie,\"Torgersen, north\",NA,NA,NA,2007-11-11,NA\r\n"
                              "Gentoo,Biscoe,46.1,4500,female,2007/11/27,\"said \"\"hi\"\"\"\r\n"
                              "Chinstrap,Dream,46.5,3500,female,2007-11-19,\"two\r\nlines\"\r\n"
                              "Gentoo, Biscoe ,,5700,male,2007-11-27 10:30,ok\r\n";

} // namespace

class tst_TypedCsvReader : public QObject {
    Q_OBJECT

private slots:
    void penguinsLike();
    void readFileSameAsString();
    void typoDeepInNumericColumn();
    void invalidCellAfterMultiLineCell();
    void invalidDateAndDecimalComma();
    void commasInTextOnly();
    void errorsWordedAsCsvReader_data();
    void errorsWordedAsCsvReader();
    void fileErrorsWordedAsCsvReader();
    void streamLimit();
    void badOptions();
    void progressAndCancel();
    void numericSameAsCsvReader_data();
    void numericSameAsCsvReader();
    void palmerPenguins();
    void unquotedSplitAsTheScanner_data();
    void unquotedSplitAsTheScanner();
};

void tst_TypedCsvReader::penguinsLike() {
    TypedReadOptions typed;
    typed.maxLevels = 3; // the four notes make text
    const TypedCsvTable t = readTyped(kPenguins, {}, typed);
    QVERIFY(t.hadHeader);
    QCOMPARE(t.delimiter, ',');
    QCOMPARE(t.decimal, '.');
    QCOMPARE(t.source, kSource);
    QCOMPARE(joined(t.table.names()),
             QStringLiteral("species|island|bill_length_mm|body_mass_g|sex|observed|note"));
    QCOMPARE(t.table.rowCount(), std::size_t(5));
    QCOMPARE(t.table.invalidCount(), std::size_t(0));
    QVERIFY(t.invalidAt.empty());

    const Column& species = t.table.column(0);
    QCOMPARE(species.type(), ColumnType::Categorical);
    QCOMPARE(joined(species.levels()), QStringLiteral("Adelie|Chinstrap|Gentoo"));
    QCOMPARE(species.codes(), (std::vector<std::uint32_t>{0, 0, 2, 1, 2}));

    // The quoted comma stays in the level; blanks around an unquoted cell do not count.
    const Column& island = t.table.column(1);
    QCOMPARE(island.type(), ColumnType::Categorical);
    QCOMPARE(joined(island.levels()), QStringLiteral("Biscoe|Dream|Torgersen, north"));
    QCOMPARE(island.codes(), (std::vector<std::uint32_t>{2, 2, 0, 1, 0}));

    // NA and the empty cell are missing.
    const Column& bill = t.table.column(2);
    QCOMPARE(bill.type(), ColumnType::Numeric);
    QCOMPARE(bill.missingCount(), std::size_t(2));
    QCOMPARE(bill.value(0), 39.1);
    QVERIFY(std::isnan(bill.value(1)) && std::isnan(bill.value(4)));
    QCOMPARE(bill.value(3), 46.5);
    QCOMPARE(t.table.column(3).missingCount(), std::size_t(1));
    QCOMPARE(t.table.column(3).value(4), 5700.0);

    const Column& sex = t.table.column(4);
    QCOMPARE(sex.type(), ColumnType::Categorical);
    QCOMPARE(joined(sex.levels()), QStringLiteral("female|male"));
    QCOMPARE(sex.state(1), CellState::Missing);

    // Days since 1970-01-01: 2007-11-11 is day 13828 (Python's date arithmetic), 2007-11-27
    // day 13844; 10:30 is 0.4375 of a day.
    const Column& observed = t.table.column(5);
    QCOMPARE(observed.type(), ColumnType::Date);
    QCOMPARE(observed.value(0), 13828.0);
    QCOMPARE(observed.value(2), 13844.0);
    QCOMPARE(observed.value(4), 13844.4375);

    // "" unescaped; the line break inside quotes kept as read.
    const Column& note = t.table.column(6);
    QCOMPARE(note.type(), ColumnType::Text);
    QCOMPARE(note.missingCount(), std::size_t(1));
    QCOMPARE(std::string(note.text(2)), std::string("said \"hi\""));
    QCOMPARE(std::string(note.text(3)), std::string("two\r\nlines"));
    QCOMPARE(std::string(note.text(4)), std::string("ok"));
}

void tst_TypedCsvReader::readFileSameAsString() {
    QTemporaryDir dir;
    const std::string path = writeTemp(dir, kPenguins);
    QVERIFY(!path.empty());
    const TypedCsvTable fromFile = TypedCsvReader::readFile(path);
    const TypedCsvTable fromText = readTyped(kPenguins);
    QCOMPARE(fromFile.source, path);
    QCOMPARE(fromFile.table.rowCount(), fromText.table.rowCount());
    for (std::size_t c = 0; c < fromText.table.columnCount(); ++c)
        for (std::size_t r = 0; r < fromText.table.rowCount(); ++r)
            QCOMPARE(fromFile.table.column(c).cellText(r), fromText.table.column(c).cellText(r));
}

void tst_TypedCsvReader::typoDeepInNumericColumn() {
    // Line 1 the header; data row k on line k + 2, but for a quoted two-line id in row 4 and a
    // blank line after row 99, each pushing the later rows one line down.
    std::string text = "id,a,b,c\n";
    for (int k = 0; k < 2000; ++k) {
        const std::string id = k == 4 ? "\"r4\nsecond line\"" : "r" + std::to_string(k);
        const std::string c = k == 1499 ? "1.5abc" : std::to_string(k) + ".25";
        text += id + "," + std::to_string(k) + ",0.5," + c + "\n";
        if (k == 99)
            text += "\n";
    }
    const TypedCsvTable t = TypedCsvReader::readString(text, "typo.csv");
    QCOMPARE(t.table.column(0).type(), ColumnType::Text);
    const Column& c = t.table.column(3);
    QCOMPARE(c.type(), ColumnType::Numeric);
    QCOMPARE(c.invalidCount(), std::size_t(1));
    QCOMPARE(c.state(1499), CellState::Invalid);
    QCOMPARE(c.value(1500), 1500.25);
    QCOMPARE(t.table.invalidCells().size(), std::size_t(1));
    QCOMPARE(t.table.invalidCells()[0].row, std::size_t(1499));
    QCOMPARE(t.invalidAt.size(), std::size_t(1));
    QCOMPARE(t.invalidAt[0].line, std::size_t(1499 + 2 + 2));
    QCOMPARE(t.invalidAt[0].column, std::size_t(4));
    QCOMPARE(QByteArray(TypedCsvReader::invalidCellError(t, 0).what()),
             QByteArray("typo.csv:1503:4: expected a number, found \"1.5abc\" "
                        "(a number followed by other text)"));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, TypedCsvReader::invalidCellError(t, 1));
}

void tst_TypedCsvReader::invalidCellAfterMultiLineCell() {
    const TypedCsvTable t = readTyped("note,x\n"
                                      "a,1\n"
                                      "\"b\nc\",zz\n"
                                      "d,3\n"
                                      "e,  4 \n");
    QCOMPARE(t.table.column(1).type(), ColumnType::Numeric);
    QCOMPARE(t.table.column(1).value(3), 4.0);
    QCOMPARE(t.invalidAt.size(), std::size_t(1));
    QCOMPARE(t.invalidAt[0].line, std::size_t(4)); // zz starts on the quoted cell's second line
    QCOMPARE(QByteArray(TypedCsvReader::invalidCellError(t, 0).what()),
             QByteArray("data.csv:4:2: expected a number, found \"zz\" (not a number)"));
}

void tst_TypedCsvReader::invalidDateAndDecimalComma() {
    TypedReadOptions typed;
    typed.columns["when"].type = ColumnType::Date;
    typed.decimal = '.'; // ignored: the file's decimal comma wins
    const TypedCsvTable t = readTyped("when;x;kind\n"
                                      "2020-01-01;1,5;a\n"
                                      "2020-13-01;-2,25;b\n"
                                      "2020-01-03;\"3,5\";a\n",
                                      {}, typed);
    QCOMPARE(t.delimiter, ';');
    QCOMPARE(t.decimal, ',');
    QCOMPARE(t.table.column(1).type(), ColumnType::Numeric);
    QCOMPARE(t.table.column(1).values(), (std::vector<double>{1.5, -2.25, 3.5}));
    QCOMPARE(t.table.column(2).type(), ColumnType::Categorical);
    QCOMPARE(t.table.column(0).state(1), CellState::Invalid);
    QCOMPARE(QByteArray(TypedCsvReader::invalidCellError(t, 0).what()),
             QByteArray("data.csv:3:1: expected a date (YYYY-MM-DD, time optional), found "
                        "\"2020-13-01\""));
}

void tst_TypedCsvReader::commasInTextOnly() {
    // Any comma in a ';' file's data makes CsvDialect choose a decimal comma; commas in text
    // only, beside numbers with a point, do not.
    const TypedCsvTable point = readTyped("city;x\n\"Paris, France\";1.5\nLyon;2.25\nNice;3\n");
    QCOMPARE(point.decimal, '.');
    QCOMPARE(point.table.column(1).values(), (std::vector<double>{1.5, 2.25, 3}));
    QCOMPARE(read("x;y\n1,5;2\n").decimal, ','); // the numeric reader's rule, unchanged

    // One number with a comma keeps the comma, and the point is then not a decimal.
    const TypedCsvTable comma = readTyped("city;x\nParis, France;1,5\nLyon;2\nNice;3\n");
    QCOMPARE(comma.decimal, ',');
    QCOMPARE(comma.table.column(1).values(), (std::vector<double>{1.5, 2, 3}));
    const TypedCsvTable both = readTyped("city;x\nA, B;1,5\nC;2.25\nD;3\nE;4\n");
    QCOMPARE(both.decimal, ',');
    QCOMPARE(both.table.column(1).state(1), CellState::Invalid);

    // A decimal the options name is kept.
    const TypedCsvTable forced =
        readTyped("city;x\n\"Paris, France\";1.5\n", options(0, ',', CsvReadOptions::Header::Yes));
    QCOMPARE(forced.decimal, ',');
}

void tst_TypedCsvReader::errorsWordedAsCsvReader_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("ragged short") << QByteArray("x,y,z\n1,2,3\n4,5\n")
                                  << QByteArray("data.csv:3:3: expected 3 fields, found 2");
    QTest::newRow("ragged long") << QByteArray("x,y\n1,2\n3,4,5\n")
                                 << QByteArray("data.csv:3:3: expected 2 fields, found 3");
    QTest::newRow("ragged no header")
        << QByteArray("1,2\n3,4\n5\n") << QByteArray("data.csv:3:2: expected 2 fields, found 1");
    QTest::newRow("ragged after multi-line")
        << QByteArray("x,y\n\"1\n\",1\n2\n")
        << QByteArray("data.csv:4:2: expected 2 fields, found 1");
    QTest::newRow("unterminated quote")
        << QByteArray("x,y\n1,2\n3,\"4\n5,6\n")
        << QByteArray("data.csv:3:2: unterminated quoted field (the quote opened here is never "
                      "closed)");
    QTest::newRow("text after quote")
        << QByteArray("x,y\n\"a\"b,3\n")
        << QByteArray("data.csv:2:1: unexpected text after a closing quote");
    QTest::newRow("NUL byte") << QByteArray("x,y\na,\0b\n", 9) << QByteArray();
    QTest::newRow("empty file") << QByteArray("") << QByteArray("data.csv: the file is empty");
    QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF")
                                << QByteArray("data.csv: the file is empty");
    QTest::newRow("header only") << QByteArray("x,name\r\n\r\n")
                                 << QByteArray("data.csv:1: no data rows after the header");
    QTest::newRow("duplicate name")
        << QByteArray("x,y,x\na,2,3\n") << QByteArray("data.csv:1:3: duplicate column name \"x\"");
    QTest::newRow("empty name") << QByteArray("x,,y\na,2,3\n")
                                << QByteArray("data.csv:1:2: empty column name");
}

void tst_TypedCsvReader::errorsWordedAsCsvReader() {
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    const std::string input = text.toStdString();
    const std::string typed = errorOf([&] { readTyped(input); });
    const std::string numeric = errorOf([&] { read(input); });
    QVERIFY(!typed.empty());
    QCOMPARE(QByteArray::fromStdString(typed), QByteArray::fromStdString(numeric));
    if (!expected.isEmpty())
        QCOMPARE(QByteArray::fromStdString(typed), expected);
    QVERIFY_THROWS_EXCEPTION(CsvError, readTyped(input));
}

void tst_TypedCsvReader::fileErrorsWordedAsCsvReader() {
    QTemporaryDir dir;
    CsvReadOptions small;
    small.maxStreamBytes = 16;
    for (const std::string& path : {dir.path().toStdString() + "/missing.csv",
                                    dir.path().toStdString(), std::string("/dev/zero")}) {
        const std::string typed = errorOf([&] { TypedCsvReader::readFile(path, small); });
        QVERIFY2(!typed.empty(), path.c_str());
        QCOMPARE(QByteArray::fromStdString(typed),
                 QByteArray::fromStdString(errorOf([&] { CsvReader::readFile(path, small); })));
    }
}

void tst_TypedCsvReader::streamLimit() {
    const std::string text = "name,x\nab,1\ncd,2\n"; // 18 bytes
    CsvReadOptions small;
    small.maxStreamBytes = 16;
    std::string errors[2];
    for (int way = 0; way < 2; ++way) {
        int fd = -1;
        const std::string path = pipeHolding(text, fd);
        QVERIFY(!path.empty());
        errors[way] = errorOf([&] {
            if (way == 0)
                TypedCsvReader::readFile(path, small);
            else
                CsvReader::readFile(path, small);
        });
        ::close(fd);
    }
    QVERIFY2(errors[0].find("16") != std::string::npos, errors[0].c_str());
    QCOMPARE(QByteArray::fromStdString(errors[0]), QByteArray::fromStdString(errors[1]));

    // Within the limit a pipe reads as the text does.
    int fd = -1;
    const std::string path = pipeHolding(text, fd);
    QVERIFY(!path.empty());
    const TypedCsvTable t = TypedCsvReader::readFile(path);
    ::close(fd);
    QCOMPARE(t.table.column(0).type(), ColumnType::Categorical);
    QCOMPARE(t.table.column(1).values(), (std::vector<double>{1, 2}));
}

void tst_TypedCsvReader::badOptions() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             readTyped("a\n1\n", options('"', 0, CsvReadOptions::Header::Detect)));
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        readTyped("a\n1\n", options(',', ',', CsvReadOptions::Header::Detect)));
    TypedReadOptions typed;
    typed.columns["nope"].type = ColumnType::Text;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, readTyped("a\n1\n", {}, typed));
}

void tst_TypedCsvReader::progressAndCancel() {
    std::string text = "name,x\n";
    for (int k = 0; k < 40000; ++k)
        text += "n" + std::to_string(k % 7) + "," + std::to_string(k) + "\n";
    CsvReadOptions csv;
    std::vector<double> fractions;
    csv.progress = [&](double f) {
        fractions.push_back(f);
        return true;
    };
    QCOMPARE(readTyped(text, csv).table.rowCount(), std::size_t(40000));
    QCOMPARE(fractions.size(), std::size_t(2)); // every 16384 records
    QVERIFY(fractions[0] > 0 && fractions[0] < fractions[1] && fractions[1] < 1);
    csv.progress = [](double) { return false; };
    QVERIFY_THROWS_EXCEPTION(CsvCancelled, readTyped(text, csv));
}

void tst_TypedCsvReader::numericSameAsCsvReader_data() {
    QTest::addColumn<QByteArray>("text");
    const arma::mat varied = variedData(500);
    QTest::newRow("varied, comma") << QByteArray::fromStdString(variedText(varied));
    QTest::newRow("varied, semicolon and decimal comma")
        << QByteArray::fromStdString(semicolonText(varied));
    QTest::newRow("no header") << QByteArray("5,7,75\n3,6,60\n-0,1e-300,2.5e10\n");
    QTest::newRow("quoted, BOM, CRLF")
        << QByteArray("\xEF\xBB\xBF\"a\",b\r\n\"1.5\", 2 \r\n\r\n 3 ,\"-4e2\"\r\n");
    QTest::newRow("tabs") << QByteArray("a\tb\n0.1\t0.2\n1e5\t-7\n");
    QTest::newRow("tabs, decimal comma") << QByteArray("a\tb\n0,1\t0,2\n1e5\t-7,5\n");
    QTest::newRow("one column") << QByteArray("y\n+1\n2.\n.5\n");
}

void tst_TypedCsvReader::numericSameAsCsvReader() {
    QFETCH(QByteArray, text);
    const CsvTable numeric = read(text.toStdString());
    const TypedCsvTable typed = readTyped(text.toStdString());
    QCOMPARE(joined(typed.table.names()), joined(numeric.names));
    QCOMPARE(typed.delimiter, numeric.delimiter);
    QCOMPARE(typed.decimal, numeric.decimal);
    QCOMPARE(typed.hadHeader, numeric.hadHeader);
    QCOMPARE(typed.table.rowCount(), std::size_t(numeric.data.n_rows));
    for (std::size_t c = 0; c < typed.table.columnCount(); ++c) {
        const Column& column = typed.table.column(c);
        QCOMPARE(column.type(), ColumnType::Numeric);
        QCOMPARE(column.missingCount(), std::size_t(0));
        for (std::size_t r = 0; r < column.rowCount(); ++r)
            QVERIFY2(sameBits(column.value(r), numeric.data(r, c)),
                     qPrintable(QStringLiteral("row %1, column %2").arg(r).arg(c)));
    }
}

void tst_TypedCsvReader::palmerPenguins() {
    // Debian's r-cran-palmerpenguins; not ours to ship, so the test needs it installed.
    const std::string path = "/usr/lib/R/site-library/palmerpenguins/extdata/penguins.csv";
    if (!QFile::exists(QString::fromStdString(path)))
        QSKIP("penguins.csv not installed (apt-get install r-cran-palmerpenguins)");
    const TypedCsvTable t = TypedCsvReader::readFile(path);
    QCOMPARE(joined(t.table.names()),
             QStringLiteral("species|island|bill_length_mm|bill_depth_mm|flipper_length_mm|"
                            "body_mass_g|sex|year"));
    QCOMPARE(t.table.rowCount(), std::size_t(344));
    const ColumnType C = ColumnType::Categorical, N = ColumnType::Numeric;
    const std::vector<ColumnType> types{C, C, N, N, N, N, C, N};
    const std::vector<std::size_t> missing{0, 0, 2, 2, 2, 2, 11, 0};
    for (std::size_t c = 0; c < types.size(); ++c) {
        QCOMPARE(t.table.column(c).type(), types[c]);
        QCOMPARE(t.table.column(c).missingCount(), missing[c]);
    }
    QCOMPARE(joined(t.table.column(0).levels()), QStringLiteral("Adelie|Chinstrap|Gentoo"));
    QCOMPARE(joined(t.table.column(1).levels()), QStringLiteral("Biscoe|Dream|Torgersen"));
    QCOMPARE(joined(t.table.column(6).levels()), QStringLiteral("female|male"));
    std::size_t incomplete = 0;
    for (std::size_t r = 0; r < t.table.rowCount(); ++r) {
        bool any = false;
        for (const Column& column : t.table.columns())
            any = any || column.isMissing(r);
        incomplete += any ? 1 : 0;
    }
    QCOMPARE(incomplete, std::size_t(11)); // 333 complete rows, as R's complete.cases
    // Python's statistics.fmean over the non-NA cells (as pandas' mean()).
    QCOMPARE(presentMean(t.table.column(4)), 200.91520467836258);
    QCOMPARE(presentMean(t.table.column(5)), 4201.754385964912);
}

void tst_TypedCsvReader::unquotedSplitAsTheScanner_data() {
    // Past the first record, text without a quote is split line by line (scanUnquoted); a quote
    // in the first data row sends the same text through the RFC 4180 scanner instead.
    QTest::addColumn<QByteArray>("rows"); // after the header and that first row
    QTest::addColumn<char>("delimiter");
    QTest::newRow("plain") << QByteArray("1,x,3\n2,NA,5\n") << ',';
    QTest::newRow("CRLF and blank lines") << QByteArray("1,x,3\r\n \t\r\n\r\n2,,5\r\n\n") << ',';
    QTest::newRow("blanks kept in cells") << QByteArray(" 1 ;x y; 3\r\n2; ;5\n") << ';';
    QTest::newRow("tabs") << QByteArray("1\t\t3\n\t\t\n2\tq\t5\n") << '\t';
    QTest::newRow("a CR at the end") << QByteArray("1,x,3\n2,z,5\r") << ',';
    QTest::newRow("no line end") << QByteArray("1,x,3\n2,z,5") << ',';
    QTest::newRow("blanks at the end") << QByteArray("1,x,3\n2,z,5\n  \r") << ',';
    QTest::newRow("too few") << QByteArray("1,x,3\n\n2,z\n") << ',';
    QTest::newRow("too many") << QByteArray("1,x,3\n2,z,5,6\n") << ',';
    QTest::newRow("invalid number") << QByteArray("1,x,3\n\n2,y,5\n4,z,1.5abc\n3,w,6\n") << ',';
}

void tst_TypedCsvReader::unquotedSplitAsTheScanner() {
    QFETCH(QByteArray, rows);
    QFETCH(char, delimiter);
    const std::string d(1, delimiter);
    const std::string header = "a" + d + "b" + d + "y\n";
    const std::string fast = header + "7" + d + "v" + d + "8\n" + rows.toStdString();
    const std::string scanned = header + "\"7\"" + d + "v" + d + "8\n" + rows.toStdString();
    const std::string fastError = errorOf([&] { readTyped(fast); });
    QCOMPARE(fastError, errorOf([&] { readTyped(scanned); }));
    if (!fastError.empty())
        return;
    const TypedCsvTable a = readTyped(fast), b = readTyped(scanned);
    QCOMPARE(a.table.rowCount(), b.table.rowCount());
    QCOMPARE(a.table.names(), b.table.names());
    for (std::size_t c = 0; c < a.table.columnCount(); ++c) {
        const Column &x = a.table.column(c), &y = b.table.column(c);
        QCOMPARE(x.type(), y.type());
        QCOMPARE(x.states(), y.states());
        for (std::size_t r = 0; r < x.rowCount(); ++r)
            QCOMPARE(x.cellText(r), y.cellText(r));
    }
    QCOMPARE(a.invalidAt.size(), b.invalidAt.size());
    for (std::size_t i = 0; i < a.invalidAt.size(); ++i) {
        QCOMPARE(a.invalidAt[i].line, b.invalidAt[i].line);
        QCOMPARE(a.invalidAt[i].column, b.invalidAt[i].column);
    }
}

QTEST_APPLESS_MAIN(tst_TypedCsvReader)
#include "tst_TypedCsvReader.moc"
