// The options of `linlab --batch` as a user meets them: a wrong option, value or count is one
// line on stderr naming it, status 2 and nothing on stdout; --help and --version answer.

#include "tests/app/batch/BatchRun.h"

#include <QTest>

using namespace batchrun;

class tst_BatchOptions : public QObject {
    Q_OBJECT
private slots:
    void usageErrors_data();
    void usageErrors();
    void helpAndVersion();
    void badTrainingOptions_data();
    void badTrainingOptions();
    void inferenceOptions_data();
    void inferenceOptions();
};

void tst_BatchOptions::usageErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                    << QStringLiteral("unknown option --frobnicate");
    QTest::newRow("bad scale") << QStringList{QStringLiteral("--scale"), QStringLiteral("1.1x")}
                               << QStringLiteral("--scale expects a number");
    QTest::newRow("nan scale") << QStringList{QStringLiteral("--scale"), QStringLiteral("nan")}
                               << QStringLiteral("NaN");
    QTest::newRow("missing value")
        << QStringList{QStringLiteral("--bias")} << QStringLiteral("--bias needs a value");
    QTest::newRow("weight count") << QStringList{QStringLiteral("--weights"),
                                                 QStringLiteral("1,2,3")}
                                  << QStringLiteral("3 values for 2 features");
    QTest::newRow("bad mode") << QStringList{QStringLiteral("--normalize"), QStringLiteral("l2")}
                              << QStringLiteral("none, zscore or minmax");
    QTest::newRow("bad ddof") << QStringList{QStringLiteral("--ddof"), QStringLiteral("2")}
                              << QStringLiteral("--ddof expects 0 or 1");
    QTest::newRow("bad label") << QStringList{QStringLiteral("--label"), QStringLiteral("grade")}
                               << QStringLiteral("no column \"grade\"");
    QTest::newRow("bad epochs") << QStringList{QStringLiteral("--epochs"), QStringLiteral("2.5")}
                                << QStringLiteral("whole number");
    QTest::newRow("two files") << QStringList{QStringLiteral("a.csv"), QStringLiteral("b.csv")}
                               << QStringLiteral("only one FILE");
    // Found by fuzz_batch_args: a column listed a thousand times made a 1000-feature fit.
    QTest::newRow("feature twice")
        << QStringList{QStringLiteral("--features"), QStringLiteral("1,hours_studied")}
        << QStringLiteral("column \"hours_studied\" is named twice");
    // Real-data options (tst_BatchRealData runs them on files).
    QTest::newRow("bad missing") << QStringList{QStringLiteral("--missing"),
                                                QStringLiteral("median")}
                                 << QStringLiteral("--missing expects drop or mean");
    QTest::newRow("bad invalid") << QStringList{QStringLiteral("--invalid"), QStringLiteral("skip")}
                                 << QStringLiteral("--invalid expects error or missing");
    QTest::newRow("bad reference")
        << QStringList{QStringLiteral("--reference"), QStringLiteral("island")}
        << QStringLiteral("--reference expects COLUMN=LEVEL");
    QTest::newRow("empty ignore") << QStringList{QStringLiteral("--ignore"), QStringLiteral("a,")}
                                  << QStringLiteral("--ignore has an empty name");
    QTest::newRow("categories of the lesson")
        << QStringList{QStringLiteral("--categorical"), QStringLiteral("hours_slept")}
        << QStringLiteral("--categorical and --reference need a CSV file");
}

void tst_BatchOptions::usageErrors() {
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    const Run r = batch(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(reason), qPrintable(err));
    QVERIFY(err.contains(QStringLiteral("--help")));
    QCOMPARE(err.count(QLatin1Char('\n')), 1); // one line
}

void tst_BatchOptions::helpAndVersion() {
    const Run help = batch({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--normalize MODE"));
    const Run version = batch({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("linlab "));
}

void tst_BatchOptions::badTrainingOptions_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");
    const QString m = QStringLiteral("--momentum"), b = QStringLiteral("--batch-size"),
                  s = QStringLiteral("--seed");
    QTest::newRow("momentum 1.5") << QStringList{m, QStringLiteral("1.5")}
                                  << QStringLiteral("--momentum expects");
    QTest::newRow("momentum 1") << QStringList{m, QStringLiteral("1")}
                                << QStringLiteral("--momentum expects");
    QTest::newRow("momentum -0.1")
        << QStringList{m, QStringLiteral("-0.1")} << QStringLiteral("--momentum expects");
    QTest::newRow("momentum text")
        << QStringList{m, QStringLiteral("fast")} << QStringLiteral("--momentum expects a number");
    QTest::newRow("batch 2.5") << QStringList{b, QStringLiteral("2.5")}
                               << QStringLiteral("whole number");
    QTest::newRow("batch -1") << QStringList{b, QStringLiteral("-1")}
                              << QStringLiteral("whole number");
    QTest::newRow("seed -3") << QStringList{s, QStringLiteral("-3")}
                             << QStringLiteral("--seed expects a whole number");
    QTest::newRow("seed 1.5") << QStringList{s, QStringLiteral("1.5")}
                              << QStringLiteral("--seed expects a whole number");
    QTest::newRow("seed too large") << QStringList{s, QStringLiteral("9223372036854775808")}
                                    << QStringLiteral("--seed expects");
    QTest::newRow("seed missing") << QStringList{s} << QStringLiteral("--seed needs a value");
}

void tst_BatchOptions::badTrainingOptions() {
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    const Run r = batch(QStringList{QStringLiteral("--fit"), QStringLiteral("gd")} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(reason), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
}

void tst_BatchOptions::inferenceOptions_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");
    const QString c = QStringLiteral("--confidence"), p = QStringLiteral("--predict");
    QTest::newRow("confidence 0") << QStringList{c, QStringLiteral("0")}
                                  << QStringLiteral("--confidence expects a level between 0 and 1");
    QTest::newRow("confidence 95")
        << QStringList{c, QStringLiteral("95")} << QStringLiteral("found \"95\"");
    QTest::newRow("confidence missing") << QStringList{c} << QStringLiteral("needs a value");
    QTest::newRow("predict empty name")
        << QStringList{p, QStringLiteral("=3")} << QStringLiteral("--predict expects NAME=VALUE");
    // The lesson's features are hours_studied and hours_slept.
    QTest::newRow("predict unknown") << QStringList{p, QStringLiteral("hours=3")}
                                     << QStringLiteral("no feature named \"hours\"");
    QTest::newRow("predict number")
        << QStringList{p, QStringLiteral("hours_studied=3,hours_slept=x")}
        << QStringLiteral("the value of \"hours_slept\" is not a number");
    QTest::newRow("predict twice")
        << QStringList{p, QStringLiteral("hours_studied=3,hours_studied=4")}
        << QStringLiteral("gives \"hours_studied\" twice");
}

void tst_BatchOptions::inferenceOptions() {
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    const Run r = batch(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(reason), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    const Run help = batch({QStringLiteral("--help")});
    QVERIFY(help.out.contains("--confidence L") && help.out.contains("--predict NAME=V"));
}

QTEST_GUILESS_MAIN(tst_BatchOptions)
#include "tst_BatchOptions.moc"
