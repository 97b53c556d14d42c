// DerivedFeature::renameColumn: a renamed column's references follow it in an expression, and
// nothing else in the text moves (function names, numbers, other columns, brackets).
#include "model/data/DerivedFeature.h"

#include <QTest>

#include <cmath>

using namespace linlab;

class tst_DerivedRename : public QObject {
    Q_OBJECT
private slots:
    void renames_data();
    void renames();
    void renamedExpressionReadsTheNewColumn();
    void renamingBackRestoresTheText();
};

namespace {

// One row: `expression` with column `from` renamed to `to` reads `expected`.
void addRow(const char* name, const char* expression, const char* from, const char* to,
            const char* expected) {
    QTest::newRow(name) << QString::fromUtf8(expression) << QString::fromUtf8(from)
                        << QString::fromUtf8(to) << QString::fromUtf8(expected);
}

} // namespace

void tst_DerivedRename::renames_data() {
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("expected");

    addRow("plain to plain", "x1^2", "x1", "size", "size^2");
    addRow("plain to spaces", "x1*x2", "x1", "body mass", "[body mass]*x2");
    addRow("every use", "x + x^2 - x", "x", "y", "y + y^2 - y");
    addRow("bracketed plain", "[x1]^2", "x1", "y", "[y]^2");
    addRow("brackets to plain", "log([body mass])", "body mass", "mass", "log(mass)");
    addRow("spaces back to plain", "[body mass]^2", "body mass", "x1", "x1^2");
    addRow("brackets escaped", "[a]]b] + 1", "a]b", "c]d", "[c]]d] + 1");
    addRow("a longer name untouched", "x10 + x1", "x1", "z", "x10 + z");
    addRow("a prefix untouched", "[x1 x] * x1", "x1", "z", "[x1 x] * z");
    addRow("function not a column", "log(log)", "log", "ln", "log(ln)");
    addRow("function with a space", "exp (x) + exp", "exp", "e2", "exp (x) + e2");
    addRow("exponent not a name", "2e5*e + 1E-3", "e", "f", "2e5*f + 1E-3");
    addRow("dummy follows", "[species=Gentoo]*x", "species", "kind", "[kind=Gentoo]*x");
    addRow("other dummy untouched", "[species2=a]", "species", "k", "[species2=a]");
    addRow("unknown column", "a + b", "c", "d", "a + b");
    addRow("unterminated kept", "x + [x", "x", "y", "y + [x");
    addRow("empty", "", "x", "y", "");
}

void tst_DerivedRename::renames() {
    QFETCH(QString, expression);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(DerivedFeature::renameColumn(
                 expression.toStdString(), from.toStdString(), to.toStdString())),
             expected);
}

void tst_DerivedRename::renamedExpressionReadsTheNewColumn() {
    const std::string renamed = DerivedFeature::renameColumn("sqrt(x) * [a b]", "a b", "c");
    const DerivedFeature f({"f", renamed});
    QCOMPARE(f.sources(), (std::vector<std::string>{"x", "c"}));
    QCOMPARE(f.evaluateRow({4.0, 3.0}), 6.0);
}

void tst_DerivedRename::renamingBackRestoresTheText() {
    for (const std::string& e :
         {std::string("x1^2 + log(x1)"), DerivedFeature::polynomial("x1", 3)[1].expression,
          DerivedFeature::product("x1", "x2").expression}) {
        const std::string there = DerivedFeature::renameColumn(e, "x1", "size (cm)");
        QVERIFY(there != e);
        QCOMPARE(DerivedFeature::renameColumn(there, "size (cm)", "x1"), e);
    }
}

QTEST_APPLESS_MAIN(tst_DerivedRename)
#include "tst_DerivedRename.moc"
