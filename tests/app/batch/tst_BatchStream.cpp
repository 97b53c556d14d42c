// `linlab --batch FILE --stream` against the in-memory batch on the same file: every number of
// the report agrees to 1e-9 (relative, or on the scale of what a gradient sums), on data offset
// by 1e6 too; the per-row keys are gone and "stream" is true; the rows with a missing value are
// counted; options that need the rows are refused naming the option; bad cells name file, line
// and column.

#include "app/batch/BatchCommand.h"
#include "model/io/NumberFormat.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <armadillo>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

using namespace linlab;

namespace {

struct Result {
    int status = -1;
    std::string out, err;
    QJsonObject json;
};

Result run(std::vector<std::string> args) {
    args.insert(args.begin(), "--batch");
    std::ostringstream out, err;
    Result r;
    r.status = BatchCommand::run(args, out, err);
    r.out = out.str();
    r.err = err.str();
    r.json = QJsonDocument::fromJson(QByteArray::fromStdString(r.out)).object();
    return r;
}

std::string writeFile(const QTemporaryDir& dir, const std::string& name, const std::string& text) {
    const QString path = dir.filePath(QString::fromStdString(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write the test file");
    f.write(text.data(), qint64(text.size()));
    return path.toStdString();
}

// n rows of x1, x2, x3 (offset by `offset`, different spreads) and y = x.w + 2 + noise, written
// with every digit. Every `missingEvery`-th row has an empty or NA cell (0: none).
std::string table(arma::uword n, double offset, arma::uword missingEvery = 0) {
    arma::arma_rng::set_seed(42);
    arma::mat X = arma::randn(n, 3);
    X.col(0) = X.col(0) * 3.0 + offset;
    X.col(1) = X.col(1) * 0.5 - offset;
    X.col(2) = X.col(2) + 0.3 * X.col(0) + offset;
    const arma::vec y = X * arma::vec{1.5, -0.75, 0.25} + 2.0 + 0.1 * arma::randn(n);
    std::ostringstream text;
    text << "x1,x2,x3,y\n";
    for (arma::uword i = 0; i < n; ++i) {
        const bool gap = missingEvery > 0 && i % missingEvery == 3;
        text << formatDouble(X(i, 0)) << ',' << (gap && i % 2 ? "NA" : formatDouble(X(i, 1))) << ','
             << formatDouble(X(i, 2)) << ',' << (gap && !(i % 2) ? "" : formatDouble(y(i))) << '\n';
    }
    return text.str();
}

// Keys only the in-memory report has (one entry per row), and only the stream's.
const QSet<QString> kPerRow = {QStringLiteral("features"),      QStringLiteral("labels"),
                               QStringLiteral("predictions"),   QStringLiteral("residuals"),
                               QStringLiteral("excluded_rows"), QStringLiteral("test_rows"),
                               QStringLiteral("folds")};
const QSet<QString> kStreamOnly = {QStringLiteral("stream"), QStringLiteral("excluded_count")};

// Compares `a` (stream) with `b` (in memory) under `path`; gradients on `gradScale` (what their
// sums add up: near the least squares they are rounding), everything else relative to 1e-9.
void compare(const QJsonValue& a, const QJsonValue& b, const QString& path, double gradScale,
             QStringList& problems) {
    if (a.type() != b.type()) {
        problems << path + QStringLiteral(": types differ");
        return;
    }
    if (b.isObject()) {
        const QJsonObject ao = a.toObject(), bo = b.toObject();
        for (auto it = bo.begin(); it != bo.end(); ++it) {
            if (kPerRow.contains(it.key()) || it.key() == QStringLiteral("columns"))
                continue;
            if (!ao.contains(it.key()))
                problems << path + QLatin1Char('.') + it.key() + QStringLiteral(" missing");
            else
                compare(ao.value(it.key()), it.value(), path + QLatin1Char('.') + it.key(),
                        gradScale, problems);
        }
        for (auto it = ao.begin(); it != ao.end(); ++it)
            if (!bo.contains(it.key()) && !kStreamOnly.contains(it.key()))
                problems << path + QLatin1Char('.') + it.key() + QStringLiteral(" is extra");
    } else if (b.isArray()) {
        const QJsonArray aa = a.toArray(), ba = b.toArray();
        if (aa.size() != ba.size()) {
            problems << path + QStringLiteral(": lengths differ");
            return;
        }
        for (qsizetype i = 0; i < ba.size(); ++i)
            compare(aa[i], ba[i], path + QStringLiteral("[%1]").arg(i), gradScale, problems);
    } else if (b.isDouble()) {
        const double x = a.toDouble(), y = b.toDouble();
        const bool gradient = path.contains(QStringLiteral("grad"));
        const double scale = std::max({1.0, std::abs(y), gradient ? gradScale : 0.0});
        if (!(std::abs(x - y) <= 1e-9 * scale))
            problems << path + QStringLiteral(": %1 vs %2").arg(x, 0, 'g', 17).arg(y, 0, 'g', 17);
    } else if (a != b) {
        problems << path + QStringLiteral(": differ");
    }
}

// What a gradient entry sums at most: 2 max|x| * rmse, x the transformed features.
double gradientScale(const QJsonObject& report) {
    const QJsonObject t = report.value(QStringLiteral("transform")).toObject();
    const QString mode = t.value(QStringLiteral("normalize")).toString();
    const QJsonArray mean = t.value(QStringLiteral("mean")).toArray(),
                     std = t.value(QStringLiteral("std")).toArray(),
                     lo = t.value(QStringLiteral("min")).toArray(),
                     hi = t.value(QStringLiteral("max")).toArray();
    double x = 1.0;
    for (qsizetype j = 0; j < mean.size(); ++j) {
        double shift = 0, divisor = 1;
        if (mode == QStringLiteral("zscore")) {
            shift = mean[j].toDouble();
            divisor = std[j].toDouble();
        } else if (mode == QStringLiteral("minmax")) {
            shift = lo[j].toDouble();
            divisor = hi[j].toDouble() - lo[j].toDouble();
        }
        x = std::max({x, std::abs(lo[j].toDouble() - shift) / divisor,
                      std::abs(hi[j].toDouble() - shift) / divisor});
    }
    return 2.0 * x * std::max(1.0, report.value(QStringLiteral("rmse")).toDouble());
}

} // namespace

class tst_BatchStream : public QObject {
    Q_OBJECT
private slots:
    void agreesWithInMemory_data();
    void agreesWithInMemory();
    void missingRowsAreCounted();
    void perRowKeysAreGone();
    void optionsThatNeedRowsAreRefused_data();
    void optionsThatNeedRowsAreRefused();
    void predictMistakesAreUsage();
    void streamIsAFlag();
    void badCellNamesLineAndColumn();
    void illConditionedIsRefused();
};

void tst_BatchStream::agreesWithInMemory_data() {
    QTest::addColumn<double>("offset");
    QTest::addColumn<QStringList>("options");
    const QList<double> offsets = {0.0, 1e6};
    for (double offset : offsets) {
        const QString at = QStringLiteral(" at %1").arg(offset);
        QTest::newRow(qPrintable(QStringLiteral("lstsq") + at))
            << offset << QStringList{QStringLiteral("--fit"), QStringLiteral("lstsq")};
        QTest::newRow(qPrintable(QStringLiteral("lstsq scale 1.1") + at))
            << offset
            << QStringList{QStringLiteral("--fit"), QStringLiteral("lstsq"),
                           QStringLiteral("--scale"), QStringLiteral("1.1")};
        QTest::newRow(qPrintable(QStringLiteral("gd zscore") + at))
            << offset
            << QStringList{QStringLiteral("--fit"), QStringLiteral("gd"),
                           QStringLiteral("--normalize"), QStringLiteral("zscore")};
        QTest::newRow(qPrintable(QStringLiteral("gd momentum, ddof 1") + at))
            << offset << QStringList{QStringLiteral("--fit"),       QStringLiteral("gd"),
                                     QStringLiteral("--normalize"), QStringLiteral("zscore"),
                                     QStringLiteral("--ddof"),      QStringLiteral("1"),
                                     QStringLiteral("--momentum"),  QStringLiteral("0.5"),
                                     QStringLiteral("--epochs"),    QStringLiteral("300")};
        QTest::newRow(qPrintable(QStringLiteral("ridge minmax") + at))
            << offset << QStringList{QStringLiteral("--fit"),       QStringLiteral("ridge"),
                                     QStringLiteral("--alpha"),     QStringLiteral("0.5"),
                                     QStringLiteral("--normalize"), QStringLiteral("minmax")};
        QTest::newRow(qPrintable(QStringLiteral("lasso zscore") + at))
            << offset << QStringList{QStringLiteral("--fit"),       QStringLiteral("lasso"),
                                     QStringLiteral("--alpha"),     QStringLiteral("0.01"),
                                     QStringLiteral("--normalize"), QStringLiteral("zscore")};
        QTest::newRow(qPrintable(QStringLiteral("no fit, given model") + at))
            << offset
            << QStringList{QStringLiteral("--weights"), QStringLiteral("1,-0.5,0.25"),
                           QStringLiteral("--bias"), QStringLiteral("0.5")};
        QTest::newRow(qPrintable(QStringLiteral("label and features chosen") + at))
            << offset << QStringList{QStringLiteral("--label"),      QStringLiteral("x1"),
                                     QStringLiteral("--features"),   QStringLiteral("x3,y"),
                                     QStringLiteral("--fit"),        QStringLiteral("lstsq"),
                                     QStringLiteral("--confidence"), QStringLiteral("0.9")};
        QTest::newRow(qPrintable(QStringLiteral("predict") + at))
            << offset
            << QStringList{
                   QStringLiteral("--fit"),
                   QStringLiteral("lstsq"),
                   QStringLiteral("--predict"),
                   QStringLiteral("x1=%1,x2=%2,x3=%3").arg(offset + 1).arg(-offset).arg(offset),
                   QStringLiteral("--predict"),
                   QStringLiteral("x3=%1,x2=%2,x1=%3").arg(offset).arg(2 - offset).arg(offset - 2)};
    }
}

void tst_BatchStream::agreesWithInMemory() {
    QFETCH(double, offset);
    QFETCH(QStringList, options);
    QTemporaryDir dir;
    const std::string path = writeFile(dir, "data.csv", table(3000, offset));
    std::vector<std::string> args{path};
    for (const QString& o : options)
        args.push_back(o.toStdString());
    const Result memory = run(args);
    QVERIFY2(memory.status == 0, memory.err.c_str());
    args.push_back("--stream");
    const Result stream = run(args);
    QVERIFY2(stream.status == 0, stream.err.c_str());
    QVERIFY(stream.json.value(QStringLiteral("stream")).toBool());
    QStringList problems;
    compare(stream.json, memory.json, QStringLiteral("report"), gradientScale(memory.json),
            problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_BatchStream::missingRowsAreCounted() {
    // Every 10th row has an NA feature or an empty label: the in-memory batch lists them, the
    // stream counts them; the fits agree.
    QTemporaryDir dir;
    const std::string path = writeFile(dir, "data.csv", table(2500, 1e6, 10));
    const Result memory = run({path, "--fit", "lstsq"});
    QVERIFY2(memory.status == 0, memory.err.c_str());
    const Result stream = run({path, "--fit", "lstsq", "--stream"});
    QVERIFY2(stream.status == 0, stream.err.c_str());
    const qsizetype excluded = memory.json.value(QStringLiteral("excluded_rows")).toArray().size();
    QCOMPARE(excluded, qsizetype(250));
    QCOMPARE(stream.json.value(QStringLiteral("excluded_count")).toInt(), 250);
    QCOMPARE(stream.json.value(QStringLiteral("n_rows")).toInt(), 2500);
    QCOMPARE(stream.json.value(QStringLiteral("n_samples")).toInt(), 2250);
    const QJsonArray mc = memory.json.value(QStringLiteral("columns")).toArray(),
                     sc = stream.json.value(QStringLiteral("columns")).toArray();
    QCOMPARE(sc.size(), mc.size());
    for (qsizetype k = 0; k < mc.size(); ++k)
        for (const char* key : {"name", "type", "missing", "role"})
            QCOMPARE(sc[k].toObject().value(QLatin1String(key)),
                     mc[k].toObject().value(QLatin1String(key)));
    QStringList problems;
    compare(stream.json, memory.json, QStringLiteral("report"), gradientScale(memory.json),
            problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void tst_BatchStream::perRowKeysAreGone() {
    // 20 rows: the in-memory report lists every row; the stream none, even with few rows.
    QTemporaryDir dir;
    const std::string path = writeFile(dir, "data.csv", table(20, 0.0));
    const Result stream = run({path, "--fit", "lstsq", "--stream"});
    QVERIFY2(stream.status == 0, stream.err.c_str());
    for (const QString& key : kPerRow)
        QVERIFY2(!stream.json.contains(key), qPrintable(key));
    QCOMPARE(stream.json.value(QStringLiteral("excluded_count")).toInt(), 0);
    QVERIFY(stream.json.value(QStringLiteral("stream")).toBool());
    // Known answer: 20 rows fitted, the inference on them.
    QCOMPARE(stream.json.value(QStringLiteral("n_samples")).toInt(), 20);
    QCOMPARE(stream.json.value(QStringLiteral("inference")).toObject().value(QStringLiteral("n")),
             QJsonValue(20));
}

void tst_BatchStream::optionsThatNeedRowsAreRefused_data() {
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    auto row = [](const char* name, QStringList options, const char* option) {
        QTest::newRow(name) << options
                            << QStringLiteral("--stream cannot be combined with ") +
                                   QLatin1String(option) + QLatin1Char(':');
    };
    row("cv", {QStringLiteral("--cv"), QStringLiteral("5")}, "--cv");
    row("test fraction", {QStringLiteral("--test-fraction"), QStringLiteral("0.2")},
        "--test-fraction");
    row("mini-batch",
        {QStringLiteral("--fit"), QStringLiteral("gd"), QStringLiteral("--batch-size"),
         QStringLiteral("32")},
        "--batch-size");
    row("export csv", {QStringLiteral("--export-csv"), QStringLiteral("out.csv")}, "--export-csv");
    row("export plot", {QStringLiteral("--export-plot"), QStringLiteral("data=p.png")},
        "--export-plot");
    row("export numpy", {QStringLiteral("--export-numpy"), QStringLiteral("s.py")},
        "--export-numpy");
    row("derive", {QStringLiteral("--derive"), QStringLiteral("z=x1*x2")}, "--derive and --poly");
    row("poly", {QStringLiteral("--poly"), QStringLiteral("x1=2")}, "--derive and --poly");
    row("categorical", {QStringLiteral("--categorical"), QStringLiteral("x1")}, "--categorical");
    row("full", {QStringLiteral("--full")}, "--full");
    row("no intercept", {QStringLiteral("--no-intercept")}, "--no-intercept");
    row("missing mean", {QStringLiteral("--missing"), QStringLiteral("mean")}, "--missing mean");
}

void tst_BatchStream::optionsThatNeedRowsAreRefused() {
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const std::string path = writeFile(dir, "data.csv", table(50, 0.0));
    std::vector<std::string> args{path, "--stream"};
    for (const QString& o : options)
        args.push_back(o.toStdString());
    const Result r = run(args);
    QCOMPARE(r.status, int(BatchCommand::BadUsage));
    QVERIFY(r.out.empty());
    QVERIFY2(QString::fromStdString(r.err).contains(message), r.err.c_str());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out.csv"))));
}

void tst_BatchStream::predictMistakesAreUsage() {
    QTemporaryDir dir;
    const std::string path = writeFile(dir, "data.csv", table(50, 0.0));
    const Result unknown = run({path, "--stream", "--predict", "x1=1,x2=2,x4=3"});
    QCOMPARE(unknown.status, int(BatchCommand::BadUsage));
    QVERIFY2(unknown.err.find("--predict: no feature named \"x4\" (features: x1, x2, x3)") !=
                 std::string::npos,
             unknown.err.c_str());
    const Result missing = run({path, "--stream", "--predict", "x1=1,x2=2"});
    QCOMPARE(missing.status, int(BatchCommand::BadUsage));
    QVERIFY2(missing.err.find("--predict has no value for feature \"x3\"") != std::string::npos,
             missing.err.c_str());
}

void tst_BatchStream::streamIsAFlag() {
    QTemporaryDir dir;
    const std::string path = writeFile(dir, "data.csv", table(50, 0.0));
    const Result r = run({path, "--stream=yes"});
    QCOMPARE(r.status, int(BatchCommand::BadUsage));
    QVERIFY2(r.err.find("--stream takes no value") != std::string::npos, r.err.c_str());
    const Result lesson = run({"--stream"}); // no FILE: the lesson's data is not a file
    QCOMPARE(lesson.status, int(BatchCommand::BadUsage));
    QVERIFY2(lesson.err.find("--stream needs a CSV FILE") != std::string::npos, lesson.err.c_str());
}

void tst_BatchStream::badCellNamesLineAndColumn() {
    QTemporaryDir dir;
    const std::string path = writeFile(dir, "data.csv", "x,y\n1,2\n2,4.1\n3,six\n4,8\n");
    const Result r = run({path, "--stream", "--fit", "lstsq"});
    QCOMPARE(r.status, int(BatchCommand::BadData));
    QVERIFY(r.out.empty());
    const std::string expected = "linlab: " + path + ":4:2: expected a number";
    QVERIFY2(r.err.rfind(expected, 0) == 0, r.err.c_str());
    const Result label = run({path, "--stream", "--label", "z"});
    QCOMPARE(label.status, int(BatchCommand::BadUsage));
    QVERIFY2(label.err.find("--label: no column \"z\"") != std::string::npos, label.err.c_str());
}

void tst_BatchStream::illConditionedIsRefused() {
    // x2 = 2 x1: the Gram matrix is singular; its minimum-norm answer needs the rows.
    std::ostringstream text;
    text << "x1,x2,y\n";
    for (int i = 0; i < 100; ++i)
        text << i << ',' << 2 * i << ',' << (i * 7) % 13 << '\n';
    QTemporaryDir dir;
    const std::string path = writeFile(dir, "data.csv", text.str());
    const Result r = run({path, "--stream", "--fit", "lstsq"});
    QCOMPARE(r.status, int(BatchCommand::BadData));
    QVERIFY2(r.err.find("needs the rows") != std::string::npos, r.err.c_str());
}

QTEST_APPLESS_MAIN(tst_BatchStream)
#include "tst_BatchStream.moc"
