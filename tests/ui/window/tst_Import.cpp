// The import dialog on typed files (inferred types, missing counts, roles, invalid cells) and
// loading them through the FileController: typed documents with their used rows, the numeric
// fast path for clean files, the typed fallback when a cell deep in a numeric file is text.

#include "app/document/Document.h"
#include "ui/window/CsvImportDialog.h"
#include "ui/window/CsvLoader.h"
#include "ui/window/ImportColumnsTable.h"
#include "ui/window/MainWindow.h"
#include "ui/window/OpenFileWatcher.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {
// Ten penguins: text levels, "NA", an empty cell, quoted commas, a date column. Known counts:
// bill_mm and mass_g 1 missing each (row 3), sex 2 (rows 3 and 6); the default label is the last
// numeric column, mass_g, and rows 3 (no label) and 6 (no sex) are left out: 8 of 10 used.
const QByteArray kPenguins = "species,island,bill_mm,mass_g,sex,seen\n"
                             "Adelie,\"Torgersen, N\",39.1,3750,male,2007-11-11\n"
                             "Adelie,\"Torgersen, N\",39.5,3800,female,2007-11-11\n"
                             "Adelie,\"Torgersen, N\",NA,NA,NA,2007-11-16\n"
                             "Gentoo,Biscoe,46.1,4500,female,2007-11-27\n"
                             "Gentoo,Biscoe,50.0,5700,male,2007-11-27\n"
                             "Gentoo,Biscoe,48.7,5450,,2007-11-29\n"
                             "Chinstrap,Dream,46.5,3500,female,2007-11-24\n"
                             "Chinstrap,Dream,50.0,3900,male,2007-11-24\n"
                             "Chinstrap,Dream,51.3,3650,male,2007-11-26\n"
                             "Adelie,Dream,37.2,3550,female,2007-11-26\n";
enum Column { Species, Island, Bill, Mass, Sex, Seen };

const QString kRealPenguins =
    QStringLiteral("/usr/lib/R/site-library/palmerpenguins/extdata/penguins.csv");

void writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write a test file");
    f.write(text);
}

QString warningText(MainWindow& w) {
    auto* box = w.findChild<QMessageBox*>(QStringLiteral("linlabWarning"));
    return box ? box->text() : QString();
}

bool okEnabled(const CsvImportDialog& dialog) {
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled();
}

// Chooses item `index` of `box` as a user does (activated, not only the current index).
void choose(QComboBox* box, int index) {
    box->setCurrentIndex(index);
    emit box->activated(index);
}

// Loads `path` as `dialog` chose and waits for the document (or a refusal).
void loadChosen(MainWindow& w, const QString& path, const ImportChoice& choice) {
    QSignalSpy typed(w.csvLoader(), &CsvLoader::loadedTyped);
    QSignalSpy plain(w.csvLoader(), &CsvLoader::loaded);
    QSignalSpy failed(w.csvLoader(), &CsvLoader::failed);
    w.files()->loadCsv(path, choice);
    QTRY_VERIFY_WITH_TIMEOUT(typed.count() + plain.count() + failed.count() > 0, 20000);
}
} // namespace

class tst_Import : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void dialogShowsTypesMissingAndRoles();
    void typeAndRoleChangesReachTheChoice();
    void categoricalLabelIsRefusedByName();
    void invalidCellsAreListedAndGateOk();
    void missingTokensAreEditable();
    void typedFileLoadsAsATypedDocument();
    void allNumericFileStaysPlain();
    void numericLoadFallsBackToTypedColumns();
    void refusedFallbackNamesTheColumnAndTheCell();
    void typedLoadCancels();
    void typedReloadReadsTheSameWay();
    void realPenguins();

private:
    QString penguinsPath();
    QTemporaryDir m_dir;
};

void tst_Import::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LinLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_Import"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

QString tst_Import::penguinsPath() {
    const QString path = m_dir.filePath(QStringLiteral("penguins10.csv"));
    writeText(path, kPenguins);
    return path;
}

void tst_Import::dialogShowsTypesMissingAndRoles() {
    CsvImportDialog dialog(penguinsPath());
    QVERIFY2(dialog.previewOk(), qPrintable(dialog.statusLabel()->text()));
    ImportColumnsTable* columns = dialog.columnsTable();
    QCOMPARE(columns->rowCount(), 6);
    const QStringList types{QStringLiteral("categorical"), QStringLiteral("categorical"),
                            QStringLiteral("numeric"),     QStringLiteral("numeric"),
                            QStringLiteral("categorical"), QStringLiteral("date")};
    const QStringList missing{QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("1"),
                              QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("0")};
    const QStringList roles{QStringLiteral("feature"), QStringLiteral("feature"),
                            QStringLiteral("feature"), QStringLiteral("label"),
                            QStringLiteral("feature"), QStringLiteral("ignored")};
    for (int c = 0; c < 6; ++c) {
        QCOMPARE(columns->typeBox(c)->currentText(), types[c]);
        QCOMPARE(columns->item(c, 2)->text(), missing[c]);
        QCOMPARE(columns->roleBox(c)->currentText(), roles[c]);
    }
    QCOMPARE(dialog.labelColumn(), int(Mass));
    QCOMPARE(dialog.labelBox()->currentText(), QStringLiteral("mass_g"));
    // The quoted comma stays in its cell; a missing cell is shown empty.
    QCOMPARE(dialog.previewTable()->item(0, Island)->text(), QStringLiteral("Torgersen, N"));
    QCOMPARE(dialog.previewTable()->item(2, Bill)->text(), QString());
    QCOMPARE(dialog.previewTable()->item(0, Seen)->text(), QStringLiteral("2007-11-11"));
    QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("10 data rows, 2 with missing")));
    const ImportChoice choice = dialog.choice();
    QVERIFY(!choice.plain);
    QCOMPARE(choice.design.label, std::string("mass_g"));
    QCOMPARE(choice.design.features,
             (std::vector<std::string>{"species", "island", "bill_mm", "sex"}));
    QCOMPARE(choice.design.ignored, std::vector<std::string>{"seen"});
    QVERIFY(choice.typed.columns.empty()); // nothing changed: every type is inferred again
}

void tst_Import::typeAndRoleChangesReachTheChoice() {
    CsvImportDialog dialog(penguinsPath());
    ImportColumnsTable* columns = dialog.columnsTable();
    choose(columns->typeBox(Bill), int(linlab::ColumnType::Categorical));
    QCOMPARE(columns->typeBox(Bill)->currentText(), QStringLiteral("categorical"));
    ImportChoice choice = dialog.choice();
    QCOMPARE(choice.typed.columns.size(), std::size_t(1));
    QVERIFY(choice.typed.columns.at("bill_mm").type == linlab::ColumnType::Categorical);
    QVERIFY(dialog.previewTable()->horizontalHeaderItem(Bill)->text().contains(
        QStringLiteral("categorical")));
    choose(columns->typeBox(Bill), int(linlab::ColumnType::Numeric)); // back to the inferred
    QVERIFY(dialog.choice().typed.columns.empty());

    choose(columns->roleBox(Sex), int(linlab::Role::Ignored));
    choose(columns->roleBox(Seen), int(linlab::Role::Feature));
    choice = dialog.choice();
    QCOMPARE(choice.design.features,
             (std::vector<std::string>{"species", "island", "bill_mm", "seen"}));
    QCOMPARE(choice.design.ignored, std::vector<std::string>{"sex"});
    // A new label: the old one becomes a feature.
    choose(columns->roleBox(Bill), int(linlab::Role::Label));
    choice = dialog.choice();
    QCOMPARE(choice.design.label, std::string("bill_mm"));
    QVERIFY(std::count(choice.design.features.begin(), choice.design.features.end(), "mass_g"));
    QCOMPARE(dialog.labelBox()->currentText(), QStringLiteral("bill_mm"));
    QCOMPARE(columns->roleBox(Mass)->currentText(), QStringLiteral("feature"));
    QVERIFY(dialog.previewOk());
    // A column made text is no feature any more.
    choose(columns->typeBox(Species), int(linlab::ColumnType::Text));
    QCOMPARE(columns->roleBox(Species)->currentText(), QStringLiteral("ignored"));
    QVERIFY(dialog.choice().typed.columns.at("species").type == linlab::ColumnType::Text);
}

void tst_Import::categoricalLabelIsRefusedByName() {
    CsvImportDialog dialog(penguinsPath());
    QVERIFY(okEnabled(dialog));
    choose(dialog.labelBox(), Species);
    QVERIFY(!dialog.previewOk());
    QVERIFY(!okEnabled(dialog));
    QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("\"species\"")),
             qPrintable(dialog.statusLabel()->text()));
    QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("categorical")));
    // Numeric again: OK comes back.
    choose(dialog.columnsTable()->roleBox(Bill), int(linlab::Role::Label));
    QVERIFY(okEnabled(dialog));
    // No label at all is refused too.
    choose(dialog.columnsTable()->roleBox(Bill), int(linlab::Role::Ignored));
    QCOMPARE(dialog.labelColumn(), -1);
    QVERIFY(!okEnabled(dialog));
    QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("label")));
}

void tst_Import::invalidCellsAreListedAndGateOk() {
    const QString path = m_dir.filePath(QStringLiteral("typo.csv"));
    writeText(path, "x,y\n1,2\n2,4\n3,6\n1.5abc,8\n5,10\n6,12\n");
    CsvImportDialog dialog(path);
    QTableWidget* list = dialog.invalidTable();
    QVERIFY(list->isVisibleTo(&dialog));
    QCOMPARE(list->rowCount(), 1);
    QCOMPARE(list->item(0, 0)->text(), QStringLiteral("5")); // the file's line
    QCOMPARE(list->item(0, 1)->text(), QStringLiteral("x (1)"));
    QCOMPARE(list->item(0, 2)->text(), QStringLiteral("1.5abc"));
    QCOMPARE(dialog.columnsTable()->typeBox(0)->currentText(), QStringLiteral("numeric"));
    QCOMPARE(dialog.previewTable()->item(3, 0)->text(), QStringLiteral("1.5abc"));
    QVERIFY(!okEnabled(dialog));
    QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("typo.csv:5:1")),
             qPrintable(dialog.statusLabel()->text()));
    dialog.readInvalidBox()->setChecked(true);
    QVERIFY(okEnabled(dialog));
    ImportChoice choice = dialog.choice();
    QVERIFY(choice.invalidAsMissing);
    QVERIFY(!choice.plain);
    dialog.readInvalidBox()->setChecked(false);
    QVERIFY(!okEnabled(dialog));

    // Accepted, the file loads typed with the cell missing: 5 of 6 rows used.
    dialog.readInvalidBox()->setChecked(true);
    MainWindow w;
    loadChosen(w, path, dialog.choice());
    QVERIFY(w.document()->isTyped());
    QCOMPARE(w.document()->tableRowCount(), 6);
    QCOMPARE(w.document()->dataset().rowCount(), arma::uword(5));
    QCOMPARE(w.document()->datasetRow(3), -1);
}

void tst_Import::missingTokensAreEditable() {
    const QString path = m_dir.filePath(QStringLiteral("sentinel.csv"));
    writeText(path, "a,b,y\n1,-999,3\n2,5,4\n3,6,5\n");
    CsvImportDialog dialog(path);
    QVERIFY(dialog.choice().plain); // numbers, nothing missing, the label last
    QCOMPARE(dialog.missingEdit()->text(),
             QStringLiteral("\"\", NA, N/A, NaN, nan, null, NULL, ?, ."));
    dialog.missingEdit()->setText(QStringLiteral("NA, -999"));
    QCOMPARE(dialog.missingTokens(), (std::vector<std::string>{"NA", "-999"}));
    QCOMPARE(dialog.columnsTable()->item(1, 2)->text(), QStringLiteral("1"));
    const ImportChoice choice = dialog.choice();
    QVERIFY(!choice.plain);
    QCOMPARE(choice.typed.missingTokens, (std::vector<std::string>{"NA", "-999"}));
    MainWindow w;
    loadChosen(w, path, choice);
    QVERIFY(w.document()->isTyped());
    QCOMPARE(w.document()->rowsUsedText(),
             QStringLiteral("2 of 3 rows used (1 with missing values)"));
    QCOMPARE(w.document()->source().missingTokens, choice.typed.missingTokens);
}

void tst_Import::typedFileLoadsAsATypedDocument() {
    const QString path = penguinsPath();
    CsvImportDialog dialog(path);
    MainWindow w;
    loadChosen(w, path, dialog.choice());
    Document* doc = w.document();
    QVERIFY(doc->isTyped());
    QCOMPARE(doc->tableRowCount(), 10);
    QCOMPARE(doc->tableColumnCount(), 6);
    QCOMPARE(doc->dataset().rowCount(), arma::uword(8));
    QCOMPARE(doc->rowsUsedText(), QStringLiteral("8 of 10 rows used (2 with missing values)"));
    QCOMPARE(doc->dataset().labelName(), std::string("mass_g"));
    // species and island: 2 dummies each, bill, sex: 1 dummy.
    QCOMPARE(doc->dataset().featureCount(), arma::uword(6));
    const std::vector<std::string>& names = doc->dataset().featureNames();
    QVERIFY(std::count(names.begin(), names.end(), "species=Gentoo"));
    QVERIFY(std::count(names.begin(), names.end(), "island=Torgersen, N"));
    QCOMPARE(doc->name(), QStringLiteral("penguins10"));
    QCOMPARE(doc->model().weights().n_elem, arma::uword(6));
    QVERIFY(arma::all(doc->model().weights() == 0));

    // Sex ignored: row 6 comes back (9 of 10).
    choose(dialog.columnsTable()->roleBox(Sex), int(linlab::Role::Ignored));
    MainWindow other;
    loadChosen(other, path, dialog.choice());
    QCOMPARE(other.document()->dataset().rowCount(), arma::uword(9));
}

void tst_Import::allNumericFileStaysPlain() {
    const QString path = m_dir.filePath(QStringLiteral("clean.csv"));
    writeText(path, "hours,sleep,score\n5,7,75.5\n3,6,60\n8,8,90\n");
    CsvImportDialog dialog(path);
    QVERIFY(dialog.choice().plain);
    MainWindow w;
    loadChosen(w, path, dialog.choice());
    QVERIFY(!w.document()->isTyped());
    QCOMPARE(w.document()->dataset().rowCount(), arma::uword(3));
    QCOMPARE(w.document()->dataset().labelName(), std::string("score"));
    // Another numeric label is still the fast path.
    choose(dialog.labelBox(), 0);
    QVERIFY(dialog.choice().plain);
    MainWindow other;
    loadChosen(other, path, dialog.choice());
    QVERIFY(!other.document()->isTyped());
    QCOMPARE(other.document()->dataset().labelName(), std::string("hours"));
    // An ignored column is not.
    choose(dialog.columnsTable()->roleBox(1), int(linlab::Role::Ignored));
    QVERIFY(!dialog.choice().plain);
}

void tst_Import::numericLoadFallsBackToTypedColumns() {
    // Numbers for 9,000 rows (past the preview), then a typo in x: the numeric read fails there.
    QByteArray csv = "x,z,y\n";
    for (int i = 0; i < 10000; ++i)
        csv += (i == 9000 ? QByteArray("4oops") : QByteArray::number(i % 13)) + ',' +
               QByteArray::number(i % 5) + ',' + QByteArray::number(2 * i) + '\n';
    const QString path = m_dir.filePath(QStringLiteral("deep.csv"));
    writeText(path, csv);
    CsvImportDialog dialog(path);
    QVERIFY(dialog.choice().plain); // the first rows are clean
    MainWindow w;
    w.document()->setValues(0, 0, arma::mat(1, 1, arma::fill::value(42.0)));
    QSignalSpy typed(w.csvLoader(), &CsvLoader::loadedTyped);
    w.files()->loadCsv(path, dialog.choice());
    QVERIFY(typed.wait(20000));
    // The typo is asked about; Cancel keeps the user's data.
    QTRY_VERIFY(w.files()->invalidCellsQuestion() != nullptr);
    QMessageBox* question = w.files()->invalidCellsQuestion();
    QVERIFY2(question->informativeText().contains(QStringLiteral("deep.csv:9002:1")),
             qPrintable(question->informativeText()));
    question->findChild<QPushButton*>(QStringLiteral("cancelButton"))->click();
    QTest::qWait(50);
    QVERIFY(!w.document()->isTyped());
    QCOMPARE(w.document()->dataset().value(0, 0), 42.0);
    // Again, read as missing: every row but the typo's is used.
    w.files()->loadCsv(path, dialog.choice());
    QVERIFY(typed.wait(20000));
    QTRY_VERIFY(w.files()->invalidCellsQuestion() != nullptr);
    w.files()
        ->invalidCellsQuestion()
        ->findChild<QPushButton*>(QStringLiteral("readMissingButton"))
        ->click();
    QTRY_VERIFY(w.document()->isTyped());
    QCOMPARE(w.document()->tableRowCount(), 10000);
    QCOMPARE(w.document()->dataset().rowCount(), arma::uword(9999));
    QCOMPARE(w.document()->dataset().labelName(), std::string("y"));
    QCOMPARE(w.document()->datasetRow(9000), -1);
}

void tst_Import::refusedFallbackNamesTheColumnAndTheCell() {
    const QString path = m_dir.filePath(QStringLiteral("textlabel.csv"));
    writeText(path, "x,y\n1,2\n3,oops\n");
    MainWindow w;
    w.loadCsv(path, {}, -1); // the label is the last column, which is not a number
    QTRY_VERIFY(!warningText(w).isEmpty());
    const QString text = warningText(w);
    QVERIFY2(text.contains(QStringLiteral("column \"y\" is categorical")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("textlabel.csv:3:2")));
    QVERIFY(text.contains(QStringLiteral("Nothing was loaded; your current data is unchanged.")));
    QVERIFY(w.document()->dataset().isLesson());
    QVERIFY(!w.document()->isTyped());
}

void tst_Import::typedLoadCancels() {
    QByteArray csv = "name,a,y\n";
    for (int i = 0; i < 300000; ++i)
        csv += "p" + QByteArray::number(i % 7) + ",NA," + QByteArray::number(i) + '\n';
    const QString path = m_dir.filePath(QStringLiteral("large-typed.csv"));
    writeText(path, csv);
    MainWindow w;
    QSignalSpy cancelled(w.csvLoader(), &CsvLoader::cancelled);
    QSignalSpy typed(w.csvLoader(), &CsvLoader::loadedTyped);
    ImportChoice choice;
    w.files()->loadCsv(path, choice);
    QVERIFY(w.csvLoader()->isRunning());
    w.csvLoader()->cancel();
    QVERIFY(cancelled.wait(20000));
    QCOMPARE(typed.count(), 0);
    QVERIFY(w.document()->dataset().isLesson());
}

void tst_Import::typedReloadReadsTheSameWay() {
    const QString path = penguinsPath();
    CsvImportDialog dialog(path);
    choose(dialog.labelBox(), Bill);
    MainWindow w;
    loadChosen(w, path, dialog.choice());
    QCOMPARE(w.document()->dataset().labelName(), std::string("bill_mm"));
    writeText(path, kPenguins + "Gentoo,Biscoe,49.1,5000,male,2007-12-01\n");
    QTRY_VERIFY_WITH_TIMEOUT(w.changedOnDiskNotice() != nullptr, 5000);
    w.changedOnDiskNotice()->findChild<QPushButton*>(QStringLiteral("reloadButton"))->click();
    QTRY_COMPARE(w.document()->tableRowCount(), 11);
    QVERIFY(w.document()->isTyped());
    QCOMPARE(w.document()->dataset().labelName(), std::string("bill_mm"));
    QVERIFY(warningText(w).isEmpty());
}

void tst_Import::realPenguins() {
    if (!QFile::exists(kRealPenguins))
        QSKIP("palmerpenguins' penguins.csv is not installed");
    CsvImportDialog dialog(kRealPenguins);
    QVERIFY2(dialog.previewOk(), qPrintable(dialog.statusLabel()->text()));
    QCOMPARE(dialog.columnsTable()->typeBox(0)->currentText(), QStringLiteral("categorical"));
    QCOMPARE(dialog.columnsTable()->item(6, 2)->text(), QStringLiteral("11")); // sex
    const int mass = dialog.labelBox()->findText(QStringLiteral("body_mass_g"));
    QVERIFY(mass >= 0);
    choose(dialog.labelBox(), mass);
    MainWindow w;
    loadChosen(w, kRealPenguins, dialog.choice());
    QVERIFY(w.document()->isTyped());
    QCOMPARE(w.document()->tableRowCount(), 344);
    QCOMPARE(w.document()->dataset().rowCount(), arma::uword(333));
    QCOMPARE(w.document()->rowsUsedText(),
             QStringLiteral("333 of 344 rows used (11 with missing values)"));
}

QTEST_MAIN(tst_Import)
#include "tst_Import.moc"
