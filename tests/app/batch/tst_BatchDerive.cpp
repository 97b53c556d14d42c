// `linlab --batch` with derived features (issue 15): --derive NAME=EXPR and --poly COLUMN=DEGREE
// on numeric and typed files, through the built program: the features after the others, in the
// order given, the report's `derived` list, one-line errors naming the expression (exit 2 for the
// command line, 3 for the data), and today's report unchanged without these options.
// derive_check.py holds the cross-check against NumPy.

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

QStringList keysOf(const QJsonObject& o) {
    return o.keys(); // sorted
}

// The report's keys without options today (issue 14's report): only additions are allowed.
const QStringList kTodaysKeys{key("bias"),
                              key("bias_original"),
                              key("columns"),
                              key("excluded_rows"),
                              key("feature_names"),
                              key("features"),
                              key("grad_bias"),
                              key("grad_weights"),
                              key("inference"),
                              key("label_name"),
                              key("labels"),
                              key("least_squares"),
                              key("lesson_gradient"),
                              key("mae"),
                              key("mse"),
                              key("n_features"),
                              key("n_rows"),
                              key("n_samples"),
                              key("predictions"),
                              key("r2"),
                              key("residuals"),
                              key("rmse"),
                              key("transform"),
                              key("weights"),
                              key("weights_original")};

const char* const kNumbers = "x,z,y\n1,4,2\n2,3,3\n3,2,5\n4,1,4\n";
const char* const kTyped = "species,flipper,mass,note\n"
                           "Adelie,181,3750,1.5\n"
                           "Gentoo,211,4500,NA\n"
                           "Gentoo,230,NA,2\n"
                           "Adelie,196,3900,3\n"
                           "Gentoo,215,4875,4\n";

class Files {
public:
    QString write(const char* name, const char* text) {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(text);
        return path;
    }

private:
    QTemporaryDir m_dir;
};

} // namespace

class tst_BatchDerive : public QObject {
    Q_OBJECT
private slots:
    void polyAndDeriveOnANumericFile() {
        Files files;
        const QString path = files.write("n.csv", kNumbers);
        const Run r =
            batch({path, key("--label"), key("y"), key("--poly"), key("x=3"), key("--derive"),
                   key("inv=1 / (z + x)"), key("--derive"), key("w=[x^2] - inv")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(texts(r.json.value(key("feature_names"))),
                 (QStringList{key("x"), key("z"), key("x^2"), key("x^3"), key("inv"), key("w")}));
        const QJsonArray rows = r.json.value(key("features")).toArray();
        QCOMPARE(numbers(rows.at(2)), (QList<double>{3, 2, 9, 27, 0.2, 8.8}));
        const QJsonArray derived = r.json.value(key("derived")).toArray();
        QCOMPARE(derived.size(), 4);
        QCOMPARE(derived.at(0).toObject().value(key("name")).toString(), key("x^2"));
        QCOMPARE(derived.at(1).toObject().value(key("expression")).toString(), key("x^3"));
        QCOMPARE(derived.at(3).toObject().value(key("expression")).toString(), key("[x^2] - inv"));
        QCOMPARE(r.json.value(key("n_features")).toInt(), 6);
    }

    void deriveOnATypedFile() {
        Files files;
        const QString path = files.write("t.csv", kTyped);
        const Run r =
            batch({path, key("--label"), key("mass"), key("--features"), key("species,flipper"),
                   key("--derive"), key("g=[species=Gentoo] * flipper"), key("--derive"),
                   key("n=note * 10")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(texts(r.json.value(key("feature_names"))),
                 (QStringList{key("species=Gentoo"), key("flipper"), key("g"), key("n")}));
        // Row 3's label and row 2's note (read by a derived feature) are missing.
        QCOMPARE(numbers(r.json.value(key("excluded_rows"))), (QList<double>{2, 3}));
        const QJsonArray rows = r.json.value(key("features")).toArray();
        QCOMPARE(numbers(rows.at(2)), (QList<double>{1, 215, 215, 40}));
        QCOMPARE(numbers(rows.at(0)), (QList<double>{0, 181, 0, 15}));
        QCOMPARE(r.json.value(key("columns")).toArray().at(3).toObject().value(key("role")),
                 QJsonValue(key("ignored")));
    }

    void otherKeysAsWithout() {
        Files files;
        const QString path = files.write("t.csv", kTyped);
        const QStringList base{path,
                               key("--label"),
                               key("mass"),
                               key("--features"),
                               key("species,flipper"),
                               key("--normalize"),
                               key("zscore")};
        const Run plain = batch(base);
        const Run derived = batch(base + QStringList{key("--poly"), key("flipper=2")});
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(derived.exitCode, 0);
        QCOMPARE(keysOf(plain.json), kTodaysKeys);
        QStringList withDerived = kTodaysKeys;
        withDerived.append(key("derived"));
        withDerived.sort();
        QCOMPARE(keysOf(derived.json), withDerived);
        for (const char* same : {"n_rows", "excluded_rows", "columns", "labels", "label_name"})
            QCOMPARE(derived.json.value(key(same)), plain.json.value(key(same)));
        const QJsonObject a = plain.json.value(key("transform")).toObject();
        const QJsonObject b = derived.json.value(key("transform")).toObject();
        for (const char* stat : {"mean", "std", "min", "max"})
            QCOMPARE(numbers(b.value(key(stat))).mid(0, 2), numbers(a.value(key(stat))));
        QCOMPARE(numbers(b.value(key("mean"))).at(2),
                 (181.0 * 181 + 196.0 * 196 + 211.0 * 211 + 215.0 * 215) / 4);
        // The lesson's data: the same key list, no `derived`.
        const Run lesson = batch({key("--fit"), key("lstsq")});
        QVERIFY(!lesson.json.contains(key("derived")));
        QVERIFY(lesson.json.contains(key("fit")));
    }

    void dataErrorsNameTheExpression() {
        Files files;
        const QString path = files.write("t.csv", kTyped);
        const QStringList base{path, key("--label"), key("mass"), key("--derive")};
        struct Case {
            const char* derive;
            const char* says;
        };
        for (const Case& c : {Case{"u=bill + 1", "derived feature \"u\" = \"bill + 1\": unknown "
                                                 "name \"bill\""},
                              Case{"l=log(flipper - 200)", "\"l\" = \"log(flipper - 200)\": row "
                                                           "1 gives nan (flipper = 181)"},
                              Case{"d=1 / (flipper - 196)", "row 4 gives inf (flipper = 196)"},
                              Case{"m=mass * 2", "the label \"mass\" cannot be a source"},
                              Case{"flipper=note", "already a column named \"flipper\""}}) {
            const Run r = batch(base + QStringList{QString::fromUtf8(c.derive)});
            QCOMPARE(r.exitCode, 3);
            QVERIFY(r.out.isEmpty());
            QVERIFY2(r.err.contains(c.says), r.err.constData());
            QCOMPARE(r.err.count('\n'), 1); // one line
        }
        // A numeric file: the same messages from its own path.
        const QString numbers = files.write("n.csv", kNumbers);
        const Run n = batch({numbers, key("--derive"), key("l=log(x - 2)")});
        QCOMPARE(n.exitCode, 3);
        QVERIFY2(n.err.contains("\"l\" = \"log(x - 2)\": row 1 gives nan (x = 1)"),
                 n.err.constData());
    }

    void usageErrorsNameTheExpression() {
        struct Case {
            const char* option;
            const char* value;
            const char* says;
        };
        for (const Case& c :
             {Case{"--derive", "nothing", "--derive expects NAME=EXPRESSION, found \"nothing\""},
              Case{"--derive", "a=x +* 2",
                   "--derive: derived feature \"a\" = \"x +* 2\": syntax "
                   "error at character 4"},
              Case{"--derive", "a=tanh(x)", "unknown function \"tanh\""},
              Case{"--derive", "a=[x", "has no ']'"},
              Case{"--poly", "x", "--poly expects COLUMN=DEGREE"},
              Case{"--poly", "x=1", "a whole degree from 2 to 30, found \"x=1\""},
              Case{"--poly", "x=2.5", "--poly expects"}}) {
            const Run r = batch({QString::fromLatin1(c.option), QString::fromUtf8(c.value)});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(c.says), r.err.constData());
            QCOMPARE(r.err.count('\n'), 1);
        }
        const Run help = batch({key("--help")});
        QVERIFY(help.out.contains("--derive NAME=EXPR"));
        QVERIFY(help.out.contains("--poly COLUMN=DEGREE"));
    }

    void predictComputesTheDerivedInputs() {
        Files files;
        // Eight rows for five parameters: a full-rank fit, so least squares is the report's.
        const QString path =
            files.write("p.csv", "x,z,y\n1,4,2\n2,3,3\n3,2,5\n4,1,4\n5,2,7\n6,1,6\n2,5,4\n3,3,3\n");
        const QStringList base{path,       key("--label"),  key("y"),      key("--poly"),
                               key("x=2"), key("--derive"), key("xz=x*z"), key("--predict")};
        const Run r = batch(base + QStringList{key("x=2.5,z=0.5")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject ls = r.json.value(key("least_squares")).toObject();
        const QList<double> w = numbers(ls.value(key("weights")));
        QCOMPARE(w.size(), 4);
        const double expected =
            w[0] * 2.5 + w[1] * 0.5 + w[2] * 6.25 + w[3] * 1.25 + ls.value(key("bias")).toDouble();
        const QJsonObject p = r.json.value(key("predictions_new")).toArray().at(0).toObject();
        QVERIFY2(close(p.value(key("fit")).toDouble(), expected, 1e-9),
                 qPrintable(QString::number(p.value(key("fit")).toDouble())));
        QCOMPARE(p.value(key("inputs")).toObject().keys(), (QStringList{key("x"), key("z")}));
        // A derived feature is computed, not given; its bad value is the command line's.
        const Run given = batch(base + QStringList{key("x=1,z=1,xz=3")});
        QCOMPARE(given.exitCode, 2);
        QVERIFY2(given.err.contains("no feature named \"xz\""), given.err.constData());
        const Run bad =
            batch({path, key("--derive"), key("l=log(x)"), key("--predict"), key("x=-1,z=1")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("derived feature \"l\" = \"log(x)\" gives nan"),
                 bad.err.constData());
    }

    void polyOfANameWithSpaces() {
        Files files;
        const QString path = files.write("s.csv", "body mass,y\n1,1\n2,3\n3,2\n");
        const Run r = batch({path, key("--poly"), key("body mass=2")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(texts(r.json.value(key("feature_names"))),
                 (QStringList{key("body mass"), key("body mass^2")}));
        QCOMPARE(r.json.value(key("derived")).toArray().at(0).toObject().value(key("expression")),
                 QJsonValue(key("[body mass]^2")));
        QCOMPARE(numbers(r.json.value(key("features")).toArray().at(2)), (QList<double>{3, 9}));
    }
};

QTEST_GUILESS_MAIN(tst_BatchDerive)
#include "tst_BatchDerive.moc"
