// `linlab --batch` on real data: text columns, missing tokens, dates, quoted text with commas,
// categories and roles, through the built program. The known answers are pandas 1.5.3 and NumPy
// 1.24.2 (Debian's /usr/bin/python3): pd.read_csv, dropna, pd.get_dummies(drop_first=True,
// prefix_sep="=") and np.linalg.lstsq([X 1], y), as quoted at each test.

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

QStringList texts(const QJsonValue& v) {
    QStringList out;
    for (const QJsonValue& x : v.toArray())
        out.append(x.toString());
    return out;
}

// Every number of `got` within 1e-9 of `want` (relative, absolute below 1).
bool closeAll(const QList<double>& got, const QList<double>& want) {
    if (got.size() != want.size())
        return false;
    for (int i = 0; i < got.size(); ++i)
        if (!close(got[i], want[i], 1e-9))
            return false;
    return true;
}

// The weights and bias of a report's model, bias last (as NumPy's lstsq on [X 1] gives them).
QList<double> solution(const QJsonObject& j) {
    QList<double> s = numbers(j.value(key("weights")));
    s.append(j.value(key("bias")).toDouble());
    return s;
}

// Sixteen birds: species, an island with a comma in one name (quoted), the mass (label; "NA"
// and an empty cell missing), the flipper length ("?" missing once) and sex ("NA" once).
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

} // namespace

class tst_BatchRealData : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void categoriesAndMissingTokens();
    void columnsDescribeTheTable();
    void referenceLevel();
    void missingMeanFillsFeatures();
    void datesAsDaysSince1970();
    void levelInOneRowOnly();
    void textColumnIsShownNotUsed();
    void ignoredColumn();
    void categoricalLabelIsRefused();
    void allMissingColumn();
    void invalidCellIsAnErrorOrMissing();
    void typoAmongFewNumbersIsCategories();
    void textDeepInALargeNumericFile();
    void tooManyForcedCategories();
    void ownMissingTokens();
    void forcedCategories();
    void allNumericReportsTheTableToo();
    void helpListsTheOptions();

private:
    QString write(const QString& name, const QByteArray& content);
    QTemporaryDir m_dir;
};

void tst_BatchRealData::initTestCase() {
    QVERIFY(m_dir.isValid());
}

QString tst_BatchRealData::write(const QString& name, const QByteArray& content) {
    return batchrun::writeFile(m_dir, name, content);
}

void tst_BatchRealData::categoriesAndMissingTokens() {
    const QString path = write(key("birds.csv"), kBirds);
    const Run r = batch({path, key("--label"), key("mass"), key("--fit"), key("lstsq")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject& j = r.json;
    QCOMPARE(j.value(key("n_rows")).toInt(), 16);
    // pandas: df.dropna() keeps rows 1, 2, 4, 5, 7, 8, 9, 11, 12, 13, 14, 16 (1-based).
    QCOMPARE(j.value(key("n_samples")).toInt(), 12);
    QCOMPARE(numbers(j.value(key("excluded_rows"))), (QList<double>{3, 6, 10, 15}));
    QCOMPARE(texts(j.value(key("feature_names"))),
             (QStringList{key("species=Chinstrap"), key("species=Gentoo"), key("island=Dream"),
                          key("island=Torgersen, N"), key("flipper"), key("sex=male")}));
    // NumPy lstsq on pandas' dummies (species=Chinstrap, species=Gentoo, island=Dream,
    // island=Torgersen, N, flipper, sex=male, then the bias).
    const QList<double> want{-567.5219123505971,  400.7928286852618, 95.97609561754449,
                             -254.84462151393384, 27.01195219123491, 318.1832669322717,
                             -1320.199203187232};
    QVERIFY2(closeAll(solution(j), want), r.out.constData());
}

void tst_BatchRealData::columnsDescribeTheTable() {
    const QString path = write(key("birds.csv"), kBirds);
    const Run r = batch({path, key("--label"), key("mass")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray columns = r.json.value(key("columns")).toArray();
    QCOMPARE(columns.size(), 5);
    const QJsonObject species = columns[0].toObject();
    QCOMPARE(species.value(key("name")).toString(), key("species"));
    QCOMPARE(species.value(key("type")).toString(), key("categorical"));
    QCOMPARE(species.value(key("role")).toString(), key("feature"));
    QCOMPARE(species.value(key("missing")).toInt(), 0);
    QCOMPARE(texts(species.value(key("levels"))),
             (QStringList{key("Adelie"), key("Chinstrap"), key("Gentoo")}));
    QCOMPARE(texts(columns[1].toObject().value(key("levels"))),
             (QStringList{key("Biscoe"), key("Dream"), key("Torgersen, N")}));
    const QJsonObject mass = columns[2].toObject();
    QCOMPARE(mass.value(key("type")).toString(), key("numeric"));
    QCOMPARE(mass.value(key("role")).toString(), key("label"));
    QCOMPARE(mass.value(key("missing")).toInt(), 2); // "NA" and ""
    QVERIFY(mass.value(key("levels")).toArray().isEmpty());
    QCOMPARE(columns[3].toObject().value(key("missing")).toInt(), 1); // "?"
    QCOMPARE(columns[4].toObject().value(key("missing")).toInt(), 1); // "NA"
    QVERIFY(!r.json.contains(key("imputed")));                        // only with --missing mean
}

void tst_BatchRealData::referenceLevel() {
    const QString path = write(key("birds.csv"), kBirds);
    const Run r = batch({path, key("--label"), key("mass"), key("--fit"), key("lstsq"),
                         key("--reference"), key("species=Gentoo,island=Biscoe")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(texts(r.json.value(key("feature_names"))).mid(0, 2),
             (QStringList{key("species=Adelie"), key("species=Chinstrap")}));
    // NumPy lstsq with pandas' dummies of every species but Gentoo.
    const QList<double> want{-400.7928286852809,  -968.3147410358378, 95.97609561753137,
                             -254.84462151394163, 27.011952191234855, 318.18326693227107,
                             -919.4063745019625};
    QVERIFY2(closeAll(solution(r.json), want), r.out.constData());

    const Run unknown =
        batch({path, key("--label"), key("mass"), key("--reference"), key("species=Emperor")});
    QCOMPARE(unknown.exitCode, 3);
    QVERIFY2(unknown.err.contains("no level \"Emperor\""), unknown.err.constData());
    const Run notCategorical =
        batch({path, key("--label"), key("mass"), key("--reference"), key("flipper=190")});
    QCOMPARE(notCategorical.exitCode, 3);
    QVERIFY(notCategorical.err.contains("\"flipper\" is not categorical"));
}

void tst_BatchRealData::missingMeanFillsFeatures() {
    const QString path = write(key("birds.csv"), kBirds);
    const Run r = batch({path, key("--label"), key("mass"), key("--fit"), key("lstsq"),
                         key("--missing"), key("mean")});
    QCOMPARE(r.exitCode, 0);
    // The label is never filled: only rows 6 and 10 (no mass) are left out.
    QCOMPARE(r.json.value(key("n_samples")).toInt(), 14);
    QCOMPARE(numbers(r.json.value(key("excluded_rows"))), (QList<double>{6, 10}));
    // pandas: df.flipper.mean() = 198.6, df.sex.mode()[0] = "male" (8 male, 7 female).
    const QJsonObject imputed = r.json.value(key("imputed")).toObject();
    QCOMPARE(imputed.size(), 2);
    QVERIFY(close(imputed.value(key("flipper")).toDouble(), 198.6));
    QCOMPARE(imputed.value(key("sex")).toString(), key("male"));
    // NumPy lstsq after fillna(mean) / fillna(mode) and dropna(subset=["mass"]).
    const QList<double> want{-436.89198930622496, 675.9677951381675,  111.94064931071676,
                             -181.3012775451602,  19.029675344650514, 263.7441889052103,
                             148.5397365842909};
    QVERIFY2(closeAll(solution(r.json), want), r.out.constData());
}

void tst_BatchRealData::datesAsDaysSince1970() {
    const QString path = write(key("days.csv"), "day,station,temp,y\n"
                                                "2024-01-01,north,1.5,10.25\n"
                                                "2024-01-03,south,2.5,12\n"
                                                "2024/01/10,north,NULL,13.5\n"
                                                "2024-02-01,south,4,15.75\n"
                                                "2024-02-15 12:00,north,3.25,16.5\n"
                                                "2024-03-01,north,6,18\n"
                                                "2024-03-20,south,5.5,19.25\n");
    // A date is a feature only when named; by default the numbers and categories are.
    const Run byDefault = batch({path, key("--fit"), key("lstsq")});
    QCOMPARE(byDefault.exitCode, 0);
    QCOMPARE(texts(byDefault.json.value(key("feature_names"))),
             (QStringList{key("station=south"), key("temp")}));
    const QJsonArray columns = byDefault.json.value(key("columns")).toArray();
    QCOMPARE(columns[0].toObject().value(key("type")).toString(), key("date"));
    QCOMPARE(columns[0].toObject().value(key("role")).toString(), key("ignored"));
    // NumPy lstsq on [station=south, temp, 1] without row 3 (temp NULL).
    QVERIFY(closeAll(solution(byDefault.json),
                     {-0.0252347417840371, 1.86056338028169, 8.249647887323944}));

    const Run named = batch({path, key("--features"), key("day,temp"), key("--fit"), key("lstsq")});
    QCOMPARE(named.exitCode, 0);
    // pandas: (to_datetime(day) - Timestamp("1970-01-01")) / Timedelta(days=1): 19723, 19725,
    // (19732), 19754, 19768.5, 19783, 19802.
    const QJsonArray x = named.json.value(key("features")).toArray();
    QCOMPARE(x[0].toArray()[0].toDouble(), 19723.0);
    QCOMPARE(x[3].toArray()[0].toDouble(), 19768.5);
    QVERIFY2(closeAll(solution(named.json),
                      {0.08334980302010994, 0.49350170579759833, -1633.509122626257}),
             named.out.constData());
}

void tst_BatchRealData::levelInOneRowOnly() {
    const QString path =
        write(key("one.csv"), "grade,x,y\na,1,2.5\nb,2,4\na,3,6.5\nb,4,8\nc,5,9\na,6,13\n");
    const Run r = batch({path, key("--fit"), key("lstsq")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(texts(r.json.value(key("feature_names"))),
             (QStringList{key("grade=b"), key("grade=c"), key("x")}));
    // NumPy lstsq on pandas' dummies: grade=c, seen once, fits its row exactly.
    QVERIFY(closeAll(solution(r.json), {-0.6363636363636364, -1.818181818181817, 2.0909090909090895,
                                        0.3636363636363663}));
    QVERIFY(std::abs(numbers(r.json.value(key("residuals")))[4]) < 1e-9);

    // Its one row left out (no label): the level is not in the used rows and gets no dummy, as
    // get_dummies after dropna.
    const QString gone =
        write(key("gone.csv"), "grade,x,y\na,1,2.5\nb,2,4\na,3,6.5\nb,4,8\nc,5,NA\na,6,13\n");
    const Run g = batch({gone});
    QCOMPARE(g.exitCode, 0);
    QCOMPARE(texts(g.json.value(key("feature_names"))), (QStringList{key("grade=b"), key("x")}));
}

void tst_BatchRealData::textColumnIsShownNotUsed() {
    // 60 names: more than 50 distinct values is text (names, identifiers), never a feature.
    QByteArray csv = "name,x,y\n";
    for (int i = 1; i <= 60; ++i)
        csv += "\"Bird, no. " + QByteArray::number(i) + "\"," + QByteArray::number(i % 7) + "," +
               QByteArray::number(2 * (i % 7) + 1) + "\n";
    const QString path = write(key("names.csv"), csv);
    const Run r = batch({path, key("--fit"), key("lstsq")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject name = r.json.value(key("columns")).toArray()[0].toObject();
    QCOMPARE(name.value(key("type")).toString(), key("text"));
    QCOMPARE(name.value(key("role")).toString(), key("ignored"));
    QCOMPARE(texts(r.json.value(key("feature_names"))), QStringList{key("x")});
    QVERIFY(closeAll(solution(r.json), {2, 1})); // y = 2x + 1 exactly

    const Run named = batch({path, key("--features"), key("name,x")});
    QCOMPARE(named.exitCode, 3);
    QVERIFY2(named.err.contains("\"name\" is text"), named.err.constData());
}

void tst_BatchRealData::ignoredColumn() {
    const QString path = write(key("birds.csv"), kBirds);
    const Run r = batch({path, key("--label"), key("mass"), key("--ignore"), key("island,sex")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(texts(r.json.value(key("feature_names"))),
             (QStringList{key("species=Chinstrap"), key("species=Gentoo"), key("flipper")}));
    const QJsonArray columns = r.json.value(key("columns")).toArray();
    QCOMPARE(columns[1].toObject().value(key("role")).toString(), key("ignored"));
    // sex is ignored: its missing cell no longer leaves row 3 out.
    QCOMPARE(numbers(r.json.value(key("excluded_rows"))), (QList<double>{6, 10, 15}));

    const Run both = batch({path, key("--label"), key("mass"), key("--features"), key("sex"),
                            key("--ignore"), key("sex")});
    QCOMPARE(both.exitCode, 2);
    QVERIFY(both.err.contains("\"sex\" is also a feature"));
    const Run unknown = batch({path, key("--label"), key("mass"), key("--ignore"), key("beak")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains("--ignore: no column \"beak\""));
}

void tst_BatchRealData::categoricalLabelIsRefused() {
    // The last column (the default label) is a category.
    const QString path = write(key("label.csv"), "x,y,kind\n1,2,cat\n2,4,dog\n3,6,cat\n");
    const Run r = batch({path});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("column \"kind\" is categorical"), r.err.constData());
    const Run birds = batch({write(key("birds.csv"), kBirds), key("--label"), key("species")});
    QCOMPARE(birds.exitCode, 3);
    QVERIFY(birds.err.contains("column \"species\" is categorical"));
}

void tst_BatchRealData::allMissingColumn() {
    const QString path = write(key("empty.csv"), "a,e,y\n1,,3\n2,NA,5\n4,,6\n");
    const Run r = batch({path});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("column \"e\" has none (--ignore it)"), r.err.constData());
    const Run ignored = batch({path, key("--ignore"), key("e"), key("--fit"), key("lstsq")});
    QCOMPARE(ignored.exitCode, 0);
    QCOMPARE(ignored.json.value(key("n_samples")).toInt(), 3);
    const QJsonObject e = ignored.json.value(key("columns")).toArray()[1].toObject();
    QCOMPARE(e.value(key("type")).toString(), key("numeric")); // no value at all: numeric
    QCOMPARE(e.value(key("missing")).toInt(), 3);
    // NumPy lstsq of y on a: a = 1, 2, 4 -> y = 3, 5, 6.
    QVERIFY(closeAll(solution(ignored.json), {0.928571428571429, 2.499999999999998}));
}

void tst_BatchRealData::invalidCellIsAnErrorOrMissing() {
    const QString path = write(key("typo.csv"), "a,b,y\n1,2,3\n2,1.5abc,5\n3,4,7\n4,5,9\n");
    const Run r = batch({path});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(path + key(":3:2: expected a number, found \"1.5abc\"")),
             qPrintable(err));
    const Run missing = batch({path, key("--invalid"), key("missing")});
    QCOMPARE(missing.exitCode, 0);
    QCOMPARE(numbers(missing.json.value(key("excluded_rows"))), QList<double>{2});
    QCOMPARE(missing.json.value(key("columns")).toArray()[1].toObject().value(key("type")),
             QJsonValue(key("numeric")));
}

void tst_BatchRealData::typoAmongFewNumbersIsCategories() {
    // One number to one other value is not "numbers with a typo": the column is categorical.
    const QString path = write(key("few.csv"), "a,b,y\n1,2,3\n4,1.5abc,6\n");
    const Run r = batch({path});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject b = r.json.value(key("columns")).toArray()[1].toObject();
    QCOMPARE(b.value(key("type")).toString(), key("categorical"));
    QCOMPARE(texts(b.value(key("levels"))), (QStringList{key("1.5abc"), key("2")}));
}

void tst_BatchRealData::textDeepInALargeNumericFile() {
    // 200,000 numeric rows, one text cell near the end: named by line and column (the numeric
    // reader stops there; the typed reader finds a numeric column with one invalid cell).
    QByteArray csv = "a,b,y\n";
    csv.reserve(4 << 20);
    for (int i = 1; i <= 200000; ++i)
        csv += QByteArray::number(i % 97) + (i == 150000 ? ",x7," : ",3,") +
               QByteArray::number(i % 89) + "\n";
    const QString path = write(key("deep.csv"), csv);
    const Run r = batch({path});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(":150001:2: expected a number, found \"x7\""), r.err.constData());
    const Run missing = batch({path, key("--invalid"), key("missing")});
    QCOMPARE(missing.exitCode, 0);
    QCOMPARE(missing.json.value(key("n_samples")).toInt(), 199999);
    QCOMPARE(numbers(missing.json.value(key("excluded_rows"))), QList<double>{150000});
}

void tst_BatchRealData::tooManyForcedCategories() {
    // 20,000 distinct values are text; forced categorical they would be 19,999 dummies.
    QByteArray csv = "id,y\n";
    for (int i = 0; i < 20000; ++i)
        csv += "id" + QByteArray::number(i) + "," + QByteArray::number(i % 7) + "\n";
    const QString path = write(key("ids.csv"), csv);
    const Run text = batch({path});
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.json.value(key("n_features")).toInt(), 0);
    const Run forced = batch({path, key("--categorical"), key("id")});
    QCOMPARE(forced.exitCode, 3);
    QVERIFY2(forced.err.contains("\"id\" has 20000 levels"), forced.err.constData());
}

void tst_BatchRealData::ownMissingTokens() {
    const QString path = write(key("codes.csv"), "a,b,y\n1,-999,3\n2,4,5\n3,,7\n4,5,9\n5,7,11\n");
    // -999 and the empty cell are missing; the defaults are replaced ("NA" would be a value).
    const Run r = batch({path, key("--na=-999,")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(numbers(r.json.value(key("excluded_rows"))), (QList<double>{1, 3}));
    // Without the empty item an empty cell is not missing: an invalid number, named.
    const Run noEmpty = batch({path, key("--na"), key("-999")});
    QCOMPARE(noEmpty.exitCode, 3);
    QVERIFY2(noEmpty.err.contains(":4:2: expected a number, found \"\""), noEmpty.err.constData());
}

void tst_BatchRealData::forcedCategories() {
    const QString path =
        write(key("cyl.csv"), "cyl,x,y\n4,1,2\n6,2,5\n8,3,9\n4,4,7\n6,5,11\n8,6,15\n4,7,10\n");
    const Run r = batch({path, key("--categorical"), key("cyl"), key("--reference"), key("cyl=6")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(texts(r.json.value(key("feature_names"))),
             (QStringList{key("cyl=4"), key("cyl=8"), key("x")}));
    const QJsonObject cyl = r.json.value(key("columns")).toArray()[0].toObject();
    QCOMPARE(texts(cyl.value(key("levels"))), (QStringList{key("4"), key("6"), key("8")}));
    const Run unknown = batch({path, key("--categorical"), key("cylinders")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("--categorical: no column named \"cylinders\""),
             unknown.err.constData());
}

void tst_BatchRealData::allNumericReportsTheTableToo() {
    const QString path = write(key("num.csv"), "a,b,y\n1,2,3\n2,1,5\n4,4,6\n0,3,1\n");
    const Run r = batch({path, key("--features"), key("b")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json.value(key("n_rows")).toInt(), 4);
    QCOMPARE(r.json.value(key("n_samples")).toInt(), 4);
    QVERIFY(r.json.value(key("excluded_rows")).toArray().isEmpty());
    const QJsonArray columns = r.json.value(key("columns")).toArray();
    QCOMPARE(columns.size(), 3);
    QStringList roles;
    for (const QJsonValue& c : columns) {
        QCOMPARE(c.toObject().value(key("type")).toString(), key("numeric"));
        roles.append(c.toObject().value(key("role")).toString());
    }
    QCOMPARE(roles, (QStringList{key("ignored"), key("feature"), key("label")}));
    // --ignore on the numeric path: the other columns are the features.
    const Run ignored = batch({path, key("--ignore"), key("a")});
    QCOMPARE(texts(ignored.json.value(key("feature_names"))), QStringList{key("b")});
}

void tst_BatchRealData::helpListsTheOptions() {
    const Run help = batch({key("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char* option : {"--na LIST", "--missing drop|mean", "--invalid error|missing",
                               "--categorical A,B", "--reference COL=LEVEL", "--ignore A,B"})
        QVERIFY2(help.out.contains(option), option);
}

QTEST_GUILESS_MAIN(tst_BatchRealData)
#include "tst_BatchRealData.moc"
