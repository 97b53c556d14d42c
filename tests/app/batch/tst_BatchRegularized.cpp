// `linlab --batch` with issue 15's options, through the built program: --fit ridge|lasso with
// --alpha, --no-intercept, --test-fraction, --cv and --seed. Known answers: scikit-learn 1.2.1's
// Ridge and Lasso (tol=1e-12), NIST's NoInt1; sklearn_check.py compares larger data.

#include "tests/app/batch/BatchRun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <armadillo>

using namespace batchrun;

namespace {

QString key(const char* name) {
    return QString::fromLatin1(name);
}

// Eight rows, three correlated features (tst_Regularized's data).
const char* const kSmall = "a,b,c,y\n1,2,0.5,3.1\n2,1,1.5,4.0\n3,4,-0.5,7.2\n4,3,2.0,8.1\n"
                           "5,6,1.0,11.5\n6,5,0.0,11.9\n7,8,2.5,15.8\n8,7.5,-1.0,15.2\n";

arma::vec vec(const QJsonValue& v) {
    const QList<double> n = numbers(v);
    return arma::vec(std::vector<double>(n.begin(), n.end()));
}

bool allClose(const arma::vec& a, const arma::vec& b, double tol) {
    if (a.n_elem != b.n_elem)
        return false;
    for (arma::uword j = 0; j < a.n_elem; ++j)
        if (!close(a(j), b(j), tol))
            return false;
    return true;
}

} // namespace

class tst_BatchRegularized : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void withoutTheNewOptionsNothingChanges();
    void ridgeAndLassoMatchScikitLearn();
    void throughTheOrigin();
    void splitFitsTheTrainRowsOnly();
    void testRowsNumberTheDataRows();
    void crossValidation();
    void aProjectBringsItsFit();
    void mistakesAreRefused_data();
    void mistakesAreRefused();

private:
    QString write(const char* name, const char* text);
    QTemporaryDir m_dir;
    QString m_small;
};

QString tst_BatchRegularized::write(const char* name, const char* text) {
    const QString path = m_dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", name);
    f.write(text);
    return path;
}

void tst_BatchRegularized::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_small = write("small.csv", kSmall);
}

// The keys of today's report and their values stay as they are when no new option is given;
// --cv and --test-fraction only add keys.
void tst_BatchRegularized::withoutTheNewOptionsNothingChanges() {
    const Run plain = batch({m_small, key("--fit"), key("lstsq")});
    QCOMPARE(plain.exitCode, 0);
    const QStringList keys = {key("n_samples"),
                              key("n_features"),
                              key("feature_names"),
                              key("label_name"),
                              key("n_rows"),
                              key("excluded_rows"),
                              key("columns"),
                              key("transform"),
                              key("features"),
                              key("labels"),
                              key("weights"),
                              key("bias"),
                              key("weights_original"),
                              key("bias_original"),
                              key("predictions"),
                              key("residuals"),
                              key("mse"),
                              key("rmse"),
                              key("mae"),
                              key("r2"),
                              key("grad_weights"),
                              key("grad_bias"),
                              key("lesson_gradient"),
                              key("least_squares"),
                              key("fit"),
                              key("inference")};
    QStringList got = plain.json.keys();
    QStringList want = keys;
    got.sort();
    want.sort();
    QCOMPARE(got, want);
    const QStringList fitKeys = {key("method"),      key("lr"),          key("lr_stable_max"),
                                 key("epochs_run"),  key("converged"),   key("diverged"),
                                 key("stop_reason"), key("loss_history")};
    got = plain.json.value(key("fit")).toObject().keys();
    want = fitKeys;
    got.sort();
    want.sort();
    QCOMPARE(got, want);
    QCOMPARE(plain.json.value(key("inference"))[key("coefficients")].toArray().size(), 4);

    const Run more = batch({m_small, key("--fit"), key("lstsq"), key("--cv"), key("2")});
    QCOMPARE(more.exitCode, 0);
    for (const QString& k : keys)
        QVERIFY2(more.json.value(k) == plain.json.value(k), qPrintable(k));
    QVERIFY(more.json.contains(key("cv")));
    // Ridge with alpha 0 is least squares to the bit.
    const Run ridge0 = batch({m_small, key("--fit"), key("ridge"), key("--alpha"), key("0")});
    QVERIFY(ridge0.json.value(key("weights")) == plain.json.value(key("weights")));
    QVERIFY(ridge0.json.value(key("bias")) == plain.json.value(key("bias")));
}

// scikit-learn 1.2.1 on the raw features: Ridge(alpha=3), Lasso(alpha=1, tol=1e-12).
void tst_BatchRegularized::ridgeAndLassoMatchScikitLearn() {
    const Run r = batch({m_small, key("--fit"), key("ridge"), key("--alpha"), key("3")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(allClose(vec(r.json.value(key("weights"))),
                     {1.0578724908944892, 0.8440544856430358, 0.2221711578250692}, 1e-10));
    QVERIFY(close(r.json.value(key("bias")).toDouble(), 0.8219468318596466, 1e-10));
    const QJsonObject fit = r.json.value(key("fit")).toObject();
    QCOMPARE(fit.value(key("method")).toString(), key("ridge"));
    QCOMPARE(fit.value(key("alpha")).toDouble(), 3.0);
    QVERIFY(!fit.contains(key("intercept")));

    const Run l = batch({m_small, key("--fit"), key("lasso"), key("--alpha"), key("1")});
    QCOMPARE(l.exitCode, 0);
    QVERIFY(allClose(vec(l.json.value(key("weights"))), {1.0500000000052725, 0.7169811320707851, 0},
                     1e-8));
    QCOMPARE(numbers(l.json.value(key("weights")))[2], 0.0);
    QVERIFY(close(l.json.value(key("bias")).toDouble(), 1.6037735849033163, 1e-8));
    const QJsonObject lf = l.json.value(key("fit")).toObject();
    QCOMPARE(lf.value(key("method")).toString(), key("lasso"));
    QCOMPARE(lf.value(key("stop_reason")).toString(), key("converged"));
    QVERIFY(lf.value(key("iterations")).toInt() > 0);
}

// NIST NoInt1 through the batch: the bias 0, no intercept row, R's uncentred R^2.
void tst_BatchRegularized::throughTheOrigin() {
    QByteArray text = "x,y\n";
    for (int k = 0; k <= 10; ++k)
        text += QByteArray::number(60 + k) + ',' + QByteArray::number(130 + k) + '\n';
    const QString file = write("noint1.csv", text.constData());
    const Run r = batch({file, key("--fit"), key("lstsq"), key("--no-intercept")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json.value(key("bias")).toDouble(), 0.0);
    QVERIFY(close(numbers(r.json.value(key("weights")))[0], 2.07438016528926, 1e-13));
    QCOMPARE(r.json.value(key("fit"))[key("intercept")].toBool(true), false);
    QCOMPARE(r.json.value(key("least_squares"))[key("bias")].toDouble(), 0.0);
    const QJsonObject inference = r.json.value(key("inference")).toObject();
    QVERIFY(close(inference.value(key("r2")).toDouble(), 0.999365492298663, 1e-13));
    QCOMPARE(inference.value(key("df_model")).toDouble(), 1.0);
    const QJsonArray coefficients = inference.value(key("coefficients")).toArray();
    QCOMPARE(coefficients.size(), 1);
    QCOMPARE(coefficients[0][key("name")].toString(), key("x"));
    QVERIFY(close(coefficients[0][key("std_error")].toDouble(), 0.0165289256198347, 1e-12));
    // Gradient descent and ridge keep the bias at 0 as well.
    for (const char* method : {"gd", "ridge"}) {
        const Run m = batch({file, key("--fit"), key(method), key("--no-intercept"),
                             key("--normalize"), key("zscore")});
        QCOMPARE(m.exitCode, 0);
        QCOMPARE(m.json.value(key("bias")).toDouble(), 0.0);
    }
}

void tst_BatchRegularized::splitFitsTheTrainRowsOnly() {
    const Run r = batch({m_small, key("--fit"), key("lstsq"), key("--test-fraction"), key("0.25"),
                         key("--seed"), key("3")});
    QCOMPARE(r.exitCode, 0);
    const QList<double> testRows = numbers(r.json.value(key("test_rows")));
    QCOMPARE(testRows.size(), 2); // round(0.25 * 8)
    QVERIFY(testRows[0] < testRows[1] && testRows[0] >= 1 && testRows[1] <= 8);
    const QJsonObject train = r.json.value(key("train")).toObject();
    const QJsonObject test = r.json.value(key("test")).toObject();
    QCOMPARE(train.value(key("n")).toInt(), 6);
    QCOMPARE(test.value(key("n")).toInt(), 2);
    // The weights are least squares of the train rows; the metrics follow from the residuals.
    const arma::mat X = {{1, 2, 0.5}, {2, 1, 1.5}, {3, 4, -0.5}, {4, 3, 2.0},
                         {5, 6, 1.0}, {6, 5, 0.0}, {7, 8, 2.5},  {8, 7.5, -1.0}};
    const arma::vec y = {3.1, 4.0, 7.2, 8.1, 11.5, 11.9, 15.8, 15.2};
    arma::uvec testIndex = {arma::uword(testRows[0] - 1), arma::uword(testRows[1] - 1)};
    std::vector<arma::uword> trainList;
    for (arma::uword i = 0; i < 8; ++i)
        if (i != testIndex(0) && i != testIndex(1))
            trainList.push_back(i);
    const arma::uvec trainIndex(trainList);
    const arma::mat A = arma::join_rows(X.rows(trainIndex), arma::ones(6));
    const arma::vec theta = arma::solve(A, arma::vec(y.elem(trainIndex)));
    QVERIFY(allClose(vec(r.json.value(key("weights"))), theta.head(3), 1e-10));
    const arma::vec e = vec(r.json.value(key("residuals")));
    const arma::vec et = e.elem(testIndex);
    QVERIFY(close(test.value(key("mse")).toDouble(), arma::dot(et, et) / 2, 1e-12));
    QVERIFY(close(test.value(key("mae")).toDouble(), arma::mean(arma::abs(et)), 1e-12));
    const arma::vec yt = y.elem(testIndex);
    const double r2 = 1 - arma::dot(et, et) / arma::accu(arma::square(yt - arma::mean(yt)));
    QVERIFY(close(test.value(key("r2")).toDouble(), r2, 1e-12));
    // The same seed, the same rows; another seed, others (for this seed pair).
    const Run again = batch({m_small, key("--fit"), key("lstsq"), key("--test-fraction"),
                             key("0.25"), key("--seed"), key("3")});
    QVERIFY(again.json.value(key("test_rows")) == r.json.value(key("test_rows")));
    const Run other = batch({m_small, key("--fit"), key("lstsq"), key("--test-fraction"),
                             key("0.25"), key("--seed"), key("4")});
    QVERIFY(other.json.value(key("test_rows")) != r.json.value(key("test_rows")));
    // The inference is of the train rows too.
    QCOMPARE(r.json.value(key("inference"))[key("n")].toInt(), 6);
}

// A row left out for a missing value is not a used row: test_rows number the file's data rows.
void tst_BatchRegularized::testRowsNumberTheDataRows() {
    const QString file = write("gaps.csv", "x,y\n1,2\nNA,3\n3,7\n4,9\n,1\n6,13\n7,15\n8,17\n");
    QStringList rowsSeen;
    for (int seed = 0; seed < 6; ++seed) {
        const Run r = batch({file, key("--fit"), key("lstsq"), key("--test-fraction"), key("0.5"),
                             key("--seed"), QString::number(seed)});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(numbers(r.json.value(key("excluded_rows"))), (QList<double>{2, 5}));
        const QList<double> rows = numbers(r.json.value(key("test_rows")));
        QCOMPARE(rows.size(), 3); // round(0.5 * 6)
        for (const double row : rows) {
            QVERIFY(row != 2 && row != 5 && row >= 1 && row <= 8);
            rowsSeen.append(QString::number(row));
        }
        QVERIFY(std::is_sorted(rows.begin(), rows.end()));
    }
    rowsSeen.removeDuplicates();
    QCOMPARE(rowsSeen.size(), 6); // every used row is held out by some seed
}

void tst_BatchRegularized::crossValidation() {
    const Run r = batch({m_small, key("--fit"), key("ridge"), key("--alpha"), key("0.5"),
                         key("--cv"), key("4"), key("--seed"), key("3")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject cv = r.json.value(key("cv")).toObject();
    QCOMPARE(cv.value(key("k")).toInt(), 4);
    const QList<double> folds = numbers(cv.value(key("folds")));
    QCOMPARE(folds.size(), 8);
    for (int f = 0; f < 4; ++f)
        QCOMPARE(folds.count(f), 2);
    QVERIFY(cv.value(key("mse_mean")).toDouble() > 0);
    QVERIFY(cv.value(key("mse_std")).toDouble() >= 0);
    QVERIFY(cv.value(key("r2_mean")).toDouble() < 1);
    // The folds are DataSplit::folds(8, 4, 3): the same in every run.
    const Run again = batch({m_small, key("--fit"), key("ridge"), key("--alpha"), key("0.5"),
                             key("--cv"), key("4"), key("--seed"), key("3")});
    QVERIFY(again.json.value(key("cv")) == r.json.value(key("cv")));
}

// A project saved by the batch (or the window) keeps its fit: run on it, the batch takes its
// intercept, split and seed, and its alpha for a --fit of its penalty; options given win.
void tst_BatchRegularized::aProjectBringsItsFit() {
    const QString project = m_dir.filePath(key("fit.linlab"));
    const QStringList fitArgs{key("--fit"), key("ridge"),          key("--alpha"),
                              key("0.5"),   key("--no-intercept"), key("--test-fraction"),
                              key("0.25"),  key("--seed"),         key("3")};
    const Run saved =
        batch(QStringList{m_small} + fitArgs + QStringList{key("--save-project"), project});
    QCOMPARE(saved.exitCode, 0);
    QFile file(project);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject fit = QJsonDocument::fromJson(file.readAll()).object()[key("fit")].toObject();
    QCOMPARE(fit[key("penalty")].toString(), key("ridge"));
    QCOMPARE(fit[key("alpha")].toDouble(), 0.5);
    QCOMPARE(fit[key("intercept")].toBool(), false);

    // The project's own fit again: the same weights on the same train rows, b = 0.
    const Run again = batch({project, key("--fit"), key("ridge")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(allClose(vec(again.json.value(key("weights"))), vec(saved.json.value(key("weights"))),
                     1e-12));
    QCOMPARE(again.json.value(key("bias")).toDouble(), 0.0);
    QVERIFY(again.json.value(key("test_rows")) == saved.json.value(key("test_rows")));
    // No --fit: the project's model on its split.
    const Run plain = batch({project});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(plain.json.value(key("test_rows")) == saved.json.value(key("test_rows")));
    QVERIFY(close(plain.json.value(key("test"))[key("mse")].toDouble(),
                  saved.json.value(key("test"))[key("mse")].toDouble(), 1e-12));
    // Options given win: another alpha; an intercept and no split.
    const Run stronger = batch({project, key("--fit"), key("ridge"), key("--alpha"), key("5")});
    QVERIFY(!allClose(vec(stronger.json.value(key("weights"))),
                      vec(saved.json.value(key("weights"))), 1e-3));
    const Run open = batch({project, key("--fit"), key("lstsq"), key("--intercept"),
                            key("--test-fraction"), key("0")});
    QCOMPARE(open.exitCode, 0);
    QVERIFY(!open.json.contains(key("test_rows")));
    QVERIFY(open.json.value(key("bias")).toDouble() != 0.0);
    // A bias for a fit through the origin is refused, saying how to have one.
    const Run bias = batch({project, key("--bias"), key("1")});
    QCOMPARE(bias.exitCode, 2);
    QVERIFY2(QString::fromUtf8(bias.err).contains(key("add --intercept")), bias.err.constData());
}

void tst_BatchRegularized::mistakesAreRefused_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("alpha without penalty")
        << QStringList{key("--fit"), key("lstsq"), key("--alpha"), key("1")}
        << key("--alpha needs --fit ridge");
    QTest::newRow("negative alpha")
        << QStringList{key("--fit"), key("ridge"), key("--alpha"), key("-1")}
        << key("--alpha expects a penalty of 0 or more");
    QTest::newRow("fraction 1") << QStringList{key("--fit"), key("lstsq"), key("--test-fraction"),
                                               key("1")}
                                << key("--test-fraction expects a fraction from 0 up to 1");
    QTest::newRow("too few test rows")
        << QStringList{key("--fit"), key("lstsq"), key("--test-fraction"), key("0.01")}
        << key("leaves no test rows");
    QTest::newRow("cv 1") << QStringList{key("--fit"), key("lstsq"), key("--cv"), key("1")}
                          << key("--cv expects a whole number of folds from 2 up");
    QTest::newRow("cv past n") << QStringList{key("--fit"), key("lstsq"), key("--cv"), key("9")}
                               << key("--cv 9 needs at least as many rows (8 used)");
    QTest::newRow("both intercept options")
        << QStringList{key("--intercept"), key("--no-intercept")}
        << key("--intercept and --no-intercept cannot both be given");
    QTest::newRow("bias through origin")
        << QStringList{key("--no-intercept"), key("--bias"), key("2")}
        << key("--bias cannot be given with --no-intercept");
}

void tst_BatchRegularized::mistakesAreRefused() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = batch(QStringList{m_small} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

QTEST_APPLESS_MAIN(tst_BatchRegularized)
#include "tst_BatchRegularized.moc"
