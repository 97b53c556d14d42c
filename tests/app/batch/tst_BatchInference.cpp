// `linlab --batch`'s `inference` (the least squares' coefficient table and model numbers),
// --confidence and --predict, through the built program. The known answers are statsmodels
// 0.13.5's OLS (Debian's /usr/bin/python3) on pandas' dropna and get_dummies(drop_first=True)
// of the birds below; inference_check.py compares every number on larger data.

#include "tests/app/batch/BatchRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace batchrun;

namespace {

QString key(const char* name) {
    return QString::fromLatin1(name);
}

// tst_BatchRealData's birds: 12 complete rows, three categories and one number.
const char* const kBirds = "species,island,mass,flipper,sex\n"
                           "Adelie,\"Torgersen, N\",3750,181,male\n"
                           "Adelie,Dream,3800,186,female\n"
                           "Gentoo,Biscoe,5000,217,NA\n"
                           "Gentoo,Biscoe,4875,215,female\n"
                           "Chinstrap,Dream,3500,192,male\n"
                           "Chinstrap,Dream,NA,195,female\n"
                           "Adelie,\"Torgersen, N\",3450,190,female\n"
                           "Gentoo,Biscoe,5550,220,male\n"
                           "Chinstrap,Dream,3900,199,male\n"
                           "Adelie,Dream,,185,male\n"
                           "Adelie,Biscoe,3650,184,female\n"
                           "Gentoo,Biscoe,5200,222,male\n"
                           "Chinstrap,Dream,3650,197,female\n"
                           "Adelie,\"Torgersen, N\",4000,195,male\n"
                           "Gentoo,Biscoe,4700,?,female\n"
                           "Chinstrap,Dream,4050,201,male\n";

QJsonObject coefficient(const QJsonObject& report, const char* name) {
    for (const QJsonValue& c : report.value(key("inference"))[key("coefficients")].toArray())
        if (c[key("name")].toString() == key(name))
            return c.toObject();
    return {};
}

double number(const QJsonObject& o, const char* name) {
    return o.value(key(name)).toDouble();
}

} // namespace

class tst_BatchInference : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void inferenceMatchesStatsmodels();
    void predictByLevel();
    void predictMistakesAreNamed_data();
    void predictMistakesAreNamed();
    void numericFilePredicts();
    void aliasedTermIsNotEstimable();

private:
    QString write(const QString& name, const QByteArray& content);
    QTemporaryDir m_dir;
};

void tst_BatchInference::initTestCase() {
    QVERIFY(m_dir.isValid());
}

QString tst_BatchInference::write(const QString& name, const QByteArray& content) {
    return batchrun::writeFile(m_dir, name, content);
}

void tst_BatchInference::inferenceMatchesStatsmodels() {
    const QString path = write(key("birds.csv"), kBirds);
    const Run r = batch({path, key("--label"), key("mass"), key("--confidence"), key("0.8")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject inference = r.json.value(key("inference")).toObject();
    QCOMPARE(inference.value(key("n")).toInt(), 12);
    QCOMPARE(number(inference, "df_residual"), 5.0);
    QCOMPARE(number(inference, "confidence_level"), 0.8);
    QVERIFY(close(number(inference, "r2_adjusted"), 0.92782064435346956, 1e-12));
    QVERIFY(close(number(inference, "f_pvalue"), 0.0014643707013029192, 1e-10));
    QVERIFY(close(number(inference, "aic"), 163.17151428238515, 1e-12));
    const QJsonArray table = inference.value(key("coefficients")).toArray();
    QCOMPARE(table.size(), 7);
    QCOMPARE(table[0][key("name")].toString(), key("(intercept)"));
    const QJsonObject intercept = coefficient(r.json, "(intercept)");
    QVERIFY(close(number(intercept, "estimate"), -1320.1992031872414, 1e-12));
    QVERIFY(close(number(intercept, "p"), 0.64254120696706019, 1e-10));
    QVERIFY(intercept.value(key("vif")).isNull());
    const QJsonObject flipper = coefficient(r.json, "flipper");
    QVERIFY(flipper.value(key("estimable")).toBool());
    QVERIFY(close(number(flipper, "std_error"), 14.501929096663096, 1e-12));
    QVERIFY(close(number(flipper, "p"), 0.12155681581068954, 1e-10));
    // statsmodels' interval is 4e-11 relative off at df = 5: scipy's t.ppf(0.9, 5) gives
    // 1.4758840487820273 where mpmath (and Boost) give 1.4758840488244811.
    QVERIFY(close(number(flipper, "ci_low"), 5.6087863609019948, 1e-9));
    QVERIFY(close(number(flipper, "ci_high"), 48.415118021568027, 1e-10));
    QVERIFY(!coefficient(r.json, "species=Gentoo").isEmpty());
    // The report's other keys stay: the weights are the same least squares.
    QVERIFY(r.json.contains(key("least_squares")));
    QVERIFY(!r.json.contains(key("predictions_new")));
}

void tst_BatchInference::predictByLevel() {
    const QString path = write(key("birds.csv"), kBirds);
    const QString at = key("species=Gentoo,island=Biscoe,flipper=210,sex=female");
    const Run r = batch({path, key("--label"), key("mass"), key("--normalize"), key("zscore"),
                         key("--confidence"), key("0.8"), key("--predict"), at, key("--predict"),
                         key("species=Adelie,island=Dream,flipper=190,sex=male")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray predictions = r.json.value(key("predictions_new")).toArray();
    QCOMPARE(predictions.size(), 2);
    const QJsonObject p = predictions[0].toObject();
    QCOMPARE(p.value(key("inputs"))[key("species")].toString(), key("Gentoo"));
    QCOMPARE(p.value(key("inputs"))[key("flipper")].toDouble(), 210.0);
    // statsmodels' get_prediction(...).summary_frame(alpha=0.2), in the label's units although
    // the features were z-scored.
    QVERIFY(close(number(p, "fit"), 4753.1035856573708, 1e-12));
    QVERIFY(close(number(p, "ci_low"), 4485.3101489872388, 1e-11));
    QVERIFY(close(number(p, "ci_high"), 5020.8970223275028, 1e-11));
    QVERIFY(close(number(p, "pi_low"), 4367.9179512046276, 1e-11));
    QVERIFY(close(number(p, "pi_high"), 5138.289220110114, 1e-11));
    QVERIFY(number(predictions[1].toObject(), "fit") < number(p, "fit"));
}

void tst_BatchInference::predictMistakesAreNamed_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("reason");
    const QString p = key("--predict");
    QTest::newRow("unknown name")
        << QStringList{p, key("species=Gentoo,island=Biscoe,flipper=210,sex=female,wing=3")}
        << key("no feature named \"wing\"");
    QTest::newRow("bad number")
        << QStringList{p, key("species=Gentoo,island=Biscoe,flipper=long,sex=female")}
        << key("\"flipper\" is not a number");
    QTest::newRow("unknown level")
        << QStringList{p, key("species=Emperor,island=Biscoe,flipper=210,sex=female")}
        << key("\"species\" has no level \"Emperor\"");
    QTest::newRow("left out") << QStringList{p, key("species=Gentoo,island=Biscoe,flipper=210")}
                              << key("no level for feature \"sex\"");
    QTest::newRow("no value") << QStringList{p, key("species=Gentoo,flipper")}
                              << key("--predict expects NAME=VALUE");
    QTest::newRow("confidence 1") << QStringList{key("--confidence"), key("1")}
                                  << key("--confidence expects a level between 0 and 1");
    QTest::newRow("confidence text")
        << QStringList{key("--confidence"), key("high")} << key("--confidence expects");
}

void tst_BatchInference::predictMistakesAreNamed() {
    QFETCH(QStringList, args);
    QFETCH(QString, reason);
    const QString path = write(key("birds.csv"), kBirds);
    const Run r = batch(QStringList{path, key("--label"), key("mass")} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(reason), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
}

// An all-numeric file (the numeric reader's fast path): every feature by name; the mean
// response at the means is the label's mean.
void tst_BatchInference::numericFilePredicts() {
    const QString path =
        write(key("numbers.csv"), "a,b,y\n1,2,3.5\n2,1,4\n3,5,8.5\n4,3,8\n5,4,10\n");
    const Run r = batch({path, key("--predict"), key("a=3,b=3")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject p = r.json.value(key("predictions_new"))[0].toObject();
    QVERIFY(close(number(p, "fit"), 6.8, 1e-12));
    QVERIFY(number(p, "pi_low") < number(p, "ci_low"));
    QVERIFY(number(p, "ci_high") < number(p, "pi_high"));
    const Run bad = batch({path, key("--predict"), key("a=3")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(QString::fromUtf8(bad.err).contains(key("no value for feature \"b\"")));
}

// A duplicated column: R's "not defined because of singularities", null numbers.
void tst_BatchInference::aliasedTermIsNotEstimable() {
    const QString path = write(key("copy.csv"), "a,b,c,y\n1,2,1,3.5\n2,1,2,4\n3,5,3,8.5\n4,3,4,8\n"
                                                "5,4,5,10\n6,1,6,9\n");
    const Run r = batch({path});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject copy = coefficient(r.json, "c");
    QCOMPARE(copy.value(key("estimable")).toBool(true), false);
    QVERIFY(copy.value(key("estimate")).isNull());
    QVERIFY(copy.value(key("p")).isNull());
    QVERIFY(coefficient(r.json, "a").value(key("estimable")).toBool());
    QCOMPARE(number(r.json.value(key("inference")).toObject(), "df_model"), 2.0);
}

QTEST_GUILESS_MAIN(tst_BatchInference)
#include "tst_BatchInference.moc"
