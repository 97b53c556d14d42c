// Runs the built `linlab --batch` as scripts and graders do, and checks its JSON and exit codes.
// (Option errors and --help: tst_BatchOptions; the JSON writer itself: tst_JsonWriter.)

#include "tests/app/batch/BatchRun.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace batchrun;

class tst_BatchCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void lessonReport();
    void transformsAndOriginalUnits();
    void fitLeastSquares();
    void fitGradientDescent();
    void divergedIsAResultNotAnError();
    void badDataNamesLineAndColumn();
    void europeanCsvAndColumnChoice();
    void columnChoiceOnALargerTable_data();
    void columnChoiceOnALargerTable();
    void nonFiniteIsNull();
    void singularDataIsQuiet();
    void largeReportsOmitPerRowArrays();
    void outputFile();
    void exportsEverythingOffscreen();
    void projectRoundTripThroughTheBatch();
    void failedExportExitsFourWithNothingOnStdout();
    void trainingPlotsExport();
    void gdWithMomentumConverges();
    void sgdRunsAreReproducible();
    void trajectoryInReport();
    void labelOnlyFileIsAnInterceptModel();
    void longRunsKeepABoundedLossHistory();

private:
    QString write(const QString& name, const QByteArray& content);
    QTemporaryDir m_dir;
};

void tst_BatchCommand::initTestCase() {
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(LINLAB_EXE)), LINLAB_EXE);
}

QString tst_BatchCommand::write(const QString& name, const QByteArray& content) {
    return batchrun::writeFile(m_dir, name, content);
}

void tst_BatchCommand::lessonReport() {
    const Run r = batch({});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject& j = r.json;
    QCOMPARE(j.value(QStringLiteral("n_samples")).toInt(), 4);
    QCOMPARE(j.value(QStringLiteral("n_features")).toInt(), 2);
    QCOMPARE(j.value(QStringLiteral("label_name")).toString(), QStringLiteral("exam_score"));
    // NumPy's numbers for the lesson's model (shared/reference/seed_lesson.json).
    QCOMPARE(numbers(j.value(QStringLiteral("predictions"))), (QList<double>{51, 40, 66, 33}));
    QCOMPARE(j.value(QStringLiteral("mse")).toDouble(), 509.0);
    QCOMPARE(numbers(j.value(QStringLiteral("grad_weights"))), (QList<double>{-208, -295}));
    QCOMPARE(j.value(QStringLiteral("grad_bias")).toDouble(), -45.0);
    QCOMPARE(numbers(j.value(QStringLiteral("lesson_gradient"))), (QList<double>{-104, -147.5}));
    const QJsonObject ls = j.value(QStringLiteral("least_squares")).toObject();
    QVERIFY(close(ls.value(QStringLiteral("bias")).toDouble(), 34.5, 1e-12));
    QCOMPARE(ls.value(QStringLiteral("rank")).toInt(), 3);
    for (const char* key :
         {"n_samples",     "n_features",  "feature_names", "label_name", "transform",
          "features",      "labels",      "weights",       "bias",       "weights_original",
          "bias_original", "predictions", "residuals",     "mse",        "rmse",
          "mae",           "r2",          "grad_weights",  "grad_bias",  "lesson_gradient",
          "least_squares"})
        QVERIFY2(j.contains(QLatin1String(key)), key);
    QVERIFY(!j.contains(QStringLiteral("fit")));
    const QJsonObject t = j.value(QStringLiteral("transform")).toObject();
    for (const char* key :
         {"scale", "normalize", "ddof", "mean", "std", "min", "max", "zero_variance"})
        QVERIFY2(t.contains(QLatin1String(key)), key);
}

void tst_BatchCommand::transformsAndOriginalUnits() {
    const Run r =
        batch({QStringLiteral("--normalize"), QStringLiteral("zscore"), QStringLiteral("--weights"),
               QStringLiteral("1,2"), QStringLiteral("--bias"), QStringLiteral("3")});
    QCOMPARE(r.exitCode, 0);
    // NumPy: (X - mean) / std, first row [0.2182178902359924, 0.4472135954999579].
    const QJsonArray first = r.json.value(QStringLiteral("features")).toArray().at(0).toArray();
    QVERIFY(close(first.at(0).toDouble(), 0.2182178902359924));
    QVERIFY(close(first.at(1).toDouble(), 0.4472135954999579));
    // weights_original = w / std; bias_original = b - sum(w * mean / std).
    const QList<double> wo = numbers(r.json.value(QStringLiteral("weights_original")));
    QVERIFY(close(wo[0], 1 / 2.29128784747792));
    QVERIFY(close(wo[1], 2 / 1.118033988749895));
    QVERIFY(close(r.json.value(QStringLiteral("bias_original")).toDouble(),
                  3 - 4.5 / 2.29128784747792 - 2 * 6.5 / 1.118033988749895));
}

void tst_BatchCommand::fitLeastSquares() {
    const Run r = batch({QStringLiteral("--fit"), QStringLiteral("lstsq")});
    QCOMPARE(r.exitCode, 0);
    const QList<double> w = numbers(r.json.value(QStringLiteral("weights")));
    QVERIFY(close(w[0], 5) && close(w[1], 2));
    QVERIFY(close(r.json.value(QStringLiteral("mse")).toDouble(), 1.25));
    QCOMPARE(
        r.json.value(QStringLiteral("fit")).toObject().value(QStringLiteral("method")).toString(),
        QStringLiteral("lstsq"));
}

void tst_BatchCommand::fitGradientDescent() {
    const Run r =
        batch({QStringLiteral("--normalize"), QStringLiteral("zscore"), QStringLiteral("--fit"),
               QStringLiteral("gd"), QStringLiteral("--epochs"), QStringLiteral("100000"),
               QStringLiteral("--tol"), QStringLiteral("1e-13")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject fit = r.json.value(QStringLiteral("fit")).toObject();
    QCOMPARE(fit.value(QStringLiteral("method")).toString(), QStringLiteral("gd"));
    QVERIFY(fit.value(QStringLiteral("converged")).toBool());
    QVERIFY(!fit.value(QStringLiteral("diverged")).toBool());
    QVERIFY(close(fit.value(QStringLiteral("lr")).toDouble(),
                  0.5 * fit.value(QStringLiteral("lr_stable_max")).toDouble()));
    const QJsonArray history = fit.value(QStringLiteral("loss_history")).toArray();
    QCOMPARE(history.size(), fit.value(QStringLiteral("epochs_run")).toInt() + 1);
    QVERIFY(close(history.last().toDouble(), 1.25, 1e-9));
    // Fitted on z-scores, the model in raw units is least squares' w = [5, 2], b = 34.5.
    const QList<double> wo = numbers(r.json.value(QStringLiteral("weights_original")));
    QVERIFY(close(wo[0], 5, 1e-9) && close(wo[1], 2, 1e-9));
    QVERIFY(close(r.json.value(QStringLiteral("bias_original")).toDouble(), 34.5, 1e-9));
}

void tst_BatchCommand::divergedIsAResultNotAnError() {
    const Run probe = batch({QStringLiteral("--fit"), QStringLiteral("gd"),
                             QStringLiteral("--epochs"), QStringLiteral("1")});
    const double bound = probe.json.value(QStringLiteral("fit"))
                             .toObject()
                             .value(QStringLiteral("lr_stable_max"))
                             .toDouble();
    QVERIFY(bound > 0);
    const Run r = batch({QStringLiteral("--fit"), QStringLiteral("gd"), QStringLiteral("--lr"),
                         QString::number(1.05 * bound, 'g', 17), QStringLiteral("--epochs"),
                         QStringLiteral("100000")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject fit = r.json.value(QStringLiteral("fit")).toObject();
    QVERIFY(fit.value(QStringLiteral("diverged")).toBool());
    QCOMPARE(fit.value(QStringLiteral("stop_reason")).toString(), QStringLiteral("diverged"));
    QVERIFY(std::isfinite(r.json.value(QStringLiteral("mse")).toDouble()));
}

void tst_BatchCommand::badDataNamesLineAndColumn() {
    // Two numbers to one typo: b is a numeric column with an invalid cell (with one number to
    // one typo it would read as categories, tst_BatchRealData::typoAmongFewNumbersIsCategories).
    const QString path = write(QStringLiteral("bad.csv"), "a,b,y\n1,2,3\n4,1.5abc,6\n7,8,9\n");
    const Run r = batch({path});
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(path + QStringLiteral(":3:2")), qPrintable(err));
    QVERIFY(err.contains(QStringLiteral("1.5abc")));

    const Run missing = batch({m_dir.filePath(QStringLiteral("nope.csv"))});
    QCOMPARE(missing.exitCode, 3);
    QVERIFY(QString::fromUtf8(missing.err).contains(QStringLiteral("nope.csv")));
}

void tst_BatchCommand::europeanCsvAndColumnChoice() {
    const QString path =
        write(QStringLiteral("eu.csv"), "score;hours;sleep\n75;5;7\n60;3;6\n90;8;8\n55,5;2;5\n");
    const Run r = batch({path, QStringLiteral("--label"), QStringLiteral("score")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.json.value(QStringLiteral("label_name")).toString(), QStringLiteral("score"));
    QCOMPARE(numbers(r.json.value(QStringLiteral("labels"))), (QList<double>{75, 60, 90, 55.5}));
    QCOMPARE(numbers(r.json.value(QStringLiteral("weights"))),
             (QList<double>{0, 0})); // zeros for a file
    const Run byNumber = batch({path, QStringLiteral("--label"), QStringLiteral("1"),
                                QStringLiteral("--features"), QStringLiteral("sleep")});
    QCOMPARE(byNumber.exitCode, 0);
    QCOMPARE(byNumber.json.value(QStringLiteral("feature_names")).toArray().at(0).toString(),
             QStringLiteral("sleep"));
    QCOMPARE(byNumber.json.value(QStringLiteral("n_features")).toInt(), 1);
}

void tst_BatchCommand::columnChoiceOnALargerTable_data() {
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QList<int>>("featureColumns"); // 0-based, in the report's order
    QTest::addColumn<int>("labelColumn");
    QTest::newRow("label last") << QStringList{} << QList<int>{0, 1, 2, 3} << 4;
    QTest::newRow("label first") << QStringList{QStringLiteral("--label"), QStringLiteral("a")}
                                 << QList<int>{1, 2, 3, 4} << 0;
    QTest::newRow("label in the middle")
        << QStringList{QStringLiteral("--label"), QStringLiteral("c")} << QList<int>{0, 1, 3, 4}
        << 2;
    QTest::newRow("some features, in order")
        << QStringList{QStringLiteral("--label"), QStringLiteral("b"), QStringLiteral("--features"),
                       QStringLiteral("a,d,e")}
        << QList<int>{0, 3, 4} << 1;
    QTest::newRow("features reordered")
        << QStringList{QStringLiteral("--features"), QStringLiteral("d,a,c")} << QList<int>{3, 0, 2}
        << 4;
}

// The dataset takes the table's memory when the features keep the table's order: every choice
// of columns must still give exactly the chosen values.
void tst_BatchCommand::columnChoiceOnALargerTable() {
    QFETCH(QStringList, options);
    QFETCH(QList<int>, featureColumns);
    QFETCH(int, labelColumn);
    constexpr int kRows = 300;
    auto value = [](int row, int column) {
        return row * 0.25 + 1000.0 * (column + 1) + (row % 7) * column;
    };
    QByteArray csv = "a,b,c,d,e\n";
    for (int i = 0; i < kRows; ++i)
        for (int c = 0; c < 5; ++c)
            csv += QByteArray::number(value(i, c), 'g', 17) + (c < 4 ? ',' : '\n');
    const QString path = write(QStringLiteral("columns.csv"), csv);
    const Run r = batch(QStringList{path} + options);
    QCOMPARE(r.exitCode, 0);
    const QStringList names{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                            QStringLiteral("d"), QStringLiteral("e")};
    QCOMPARE(r.json.value(QStringLiteral("label_name")).toString(), names.at(labelColumn));
    const QJsonArray featureNames = r.json.value(QStringLiteral("feature_names")).toArray();
    QCOMPARE(featureNames.size(), featureColumns.size());
    for (int k = 0; k < featureColumns.size(); ++k)
        QCOMPARE(featureNames.at(k).toString(), names.at(featureColumns.at(k)));
    const QList<double> labels = numbers(r.json.value(QStringLiteral("labels")));
    const QJsonArray rows = r.json.value(QStringLiteral("features")).toArray();
    QCOMPARE(labels.size(), kRows);
    QCOMPARE(rows.size(), kRows);
    for (int i = 0; i < kRows; ++i) {
        QCOMPARE(labels.at(i), value(i, labelColumn));
        const QList<double> row = numbers(rows.at(i));
        QCOMPARE(row.size(), featureColumns.size());
        for (int k = 0; k < featureColumns.size(); ++k)
            QCOMPARE(row.at(k), value(i, featureColumns.at(k)));
    }
}

void tst_BatchCommand::nonFiniteIsNull() {
    const QString path = write(QStringLiteral("const.csv"), "x,y\n1,5\n2,5\n3,5\n");
    const Run r = batch({path});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains("nan"));
    QVERIFY(r.json.value(QStringLiteral("r2")).isNull()); // undefined for constant labels
}

void tst_BatchCommand::singularDataIsQuiet() {
    const QString path =
        write(QStringLiteral("collinear.csv"), "a,b,y\n1,2,3\n2,4,5\n3,6,8\n4,8,9\n");
    const Run r = batch({path, QStringLiteral("--fit"), QStringLiteral("lstsq")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData()); // never Armadillo's warning on stderr
    const QJsonObject ls = r.json.value(QStringLiteral("least_squares")).toObject();
    QVERIFY(ls.value(QStringLiteral("rank_deficient")).toBool());
    QCOMPARE(ls.value(QStringLiteral("rank")).toInt(), 2);
}

void tst_BatchCommand::largeReportsOmitPerRowArrays() {
    QByteArray csv = "x,y\n";
    for (int i = 0; i < 1500; ++i)
        csv += QByteArray::number(i) + ',' + QByteArray::number(2 * i + 1) + '\n';
    const QString path = write(QStringLiteral("large.csv"), csv);
    const Run r = batch({path, QStringLiteral("--fit"), QStringLiteral("lstsq")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.json.contains(QStringLiteral("features")));
    QVERIFY(!r.json.contains(QStringLiteral("predictions")));
    QVERIFY(close(numbers(r.json.value(QStringLiteral("weights")))[0], 2, 1e-12));
    const Run full = batch({path, QStringLiteral("--full")});
    QCOMPARE(full.json.value(QStringLiteral("predictions")).toArray().size(), 1500);
}

void tst_BatchCommand::outputFile() {
    const QString path = m_dir.filePath(QStringLiteral("report.json"));
    const Run r = batch({QStringLiteral("--output"), path});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("mse")).toDouble(),
             509.0);

    const QString bad = m_dir.filePath(QStringLiteral("no-such-folder/report.json"));
    const Run failed = batch({QStringLiteral("--output"), bad});
    QCOMPARE(failed.exitCode, 4);
    QVERIFY(failed.out.isEmpty());
    QVERIFY(QString::fromUtf8(failed.err).contains(bad));
    QVERIFY(!QFile::exists(bad));
}

void tst_BatchCommand::gdWithMomentumConverges() {
    const Run r =
        batch({QStringLiteral("--fit"), QStringLiteral("gd"), QStringLiteral("--momentum"),
               QStringLiteral("0.9"), QStringLiteral("--normalize"), QStringLiteral("zscore")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject fit = r.json.value(QStringLiteral("fit")).toObject();
    QVERIFY(fit.value(QStringLiteral("converged")).toBool());
    QCOMPARE(fit.value(QStringLiteral("stop_reason")).toString(), QStringLiteral("converged"));
    QCOMPARE(fit.value(QStringLiteral("momentum")).toDouble(), 0.9);
    QCOMPARE(fit.value(QStringLiteral("batch_size")).toInt(), 0);
    QCOMPARE(fit.value(QStringLiteral("seed")).toInt(), 1);
    // The least-squares loss 1.25 and, in raw units, w = [5, 2], b = 34.5.
    QVERIFY(close(r.json.value(QStringLiteral("mse")).toDouble(), 1.25, 1e-9));
    const QList<double> wo = numbers(r.json.value(QStringLiteral("weights_original")));
    QVERIFY(close(wo[0], 5, 1e-5) && close(wo[1], 2, 1e-5));
    // Faster than plain descent at the same rate and tolerance.
    const Run plain = batch({QStringLiteral("--fit"), QStringLiteral("gd"),
                             QStringLiteral("--normalize"), QStringLiteral("zscore")});
    QVERIFY(fit.value(QStringLiteral("epochs_run")).toInt() <
            plain.json.value(QStringLiteral("fit"))
                .toObject()
                .value(QStringLiteral("epochs_run"))
                .toInt());
}

void tst_BatchCommand::sgdRunsAreReproducible() {
    const QStringList args{
        QStringLiteral("--fit"),    QStringLiteral("gd"),     QStringLiteral("--normalize"),
        QStringLiteral("zscore"),   QStringLiteral("--lr"),   QStringLiteral("0.05"),
        QStringLiteral("--epochs"), QStringLiteral("500"),    QStringLiteral("--batch-size"),
        QStringLiteral("2"),        QStringLiteral("--seed"), QStringLiteral("7")};
    const Run first = batch(args);
    const Run second = batch(args);
    QCOMPARE(first.exitCode, 0);
    QVERIFY(!first.out.isEmpty());
    QCOMPARE(first.out, second.out);
    const QJsonObject fit = first.json.value(QStringLiteral("fit")).toObject();
    QCOMPARE(fit.value(QStringLiteral("batch_size")).toInt(), 2);
    QCOMPARE(fit.value(QStringLiteral("seed")).toInt(), 7);
    QCOMPARE(fit.value(QStringLiteral("epochs_run")).toInt(), 500);
    QCOMPARE(fit.value(QStringLiteral("loss_history")).toArray().size(), 501); // once an epoch
    // Near the least-squares loss 1.25, not on it: mini-batch noise at a fixed rate.
    const double mse = first.json.value(QStringLiteral("mse")).toDouble();
    QVERIFY(mse > 1.25 && mse < 2.0);

    QStringList otherSeed = args;
    otherSeed.last() = QStringLiteral("8");
    const Run other = batch(otherSeed);
    QCOMPARE(other.exitCode, 0);
    QVERIFY(other.out != first.out);
}

void tst_BatchCommand::trajectoryInReport() {
    const Run r = batch({QStringLiteral("--fit"), QStringLiteral("gd"), QStringLiteral("--epochs"),
                         QStringLiteral("5000")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject fit = r.json.value(QStringLiteral("fit")).toObject();
    const QJsonArray path = fit.value(QStringLiteral("trajectory")).toArray();
    const QJsonArray epochs = fit.value(QStringLiteral("trajectory_epochs")).toArray();
    QVERIFY(path.size() >= 500 && path.size() <= 1000); // 5001 models, sampled evenly
    QCOMPARE(epochs.size(), path.size());
    // Rows are [w1, w2, b]: the first the lesson's start model, the last the reported one.
    QCOMPARE(numbers(path.first()), (QList<double>{4, 3, 10}));
    QCOMPARE(epochs.first().toInt(), 0);
    const QList<double> w = numbers(r.json.value(QStringLiteral("weights")));
    QCOMPARE(numbers(path.last()),
             (QList<double>{w[0], w[1], r.json.value(QStringLiteral("bias")).toDouble()}));
    QCOMPARE(epochs.last().toInt(), fit.value(QStringLiteral("epochs_run")).toInt());
    for (int k = 1; k < epochs.size(); ++k)
        QVERIFY(epochs.at(k).toInt() > epochs.at(k - 1).toInt());
    QVERIFY(!batch({QStringLiteral("--fit"), QStringLiteral("lstsq")})
                 .json.value(QStringLiteral("fit"))
                 .toObject()
                 .contains(QStringLiteral("trajectory")));

    const Run help = batch({QStringLiteral("--help")});
    for (const char* option : {"--momentum M", "--batch-size B", "--seed S"})
        QVERIFY2(help.out.contains(option), option);
}

void tst_BatchCommand::exportsEverythingOffscreen() {
    const QString png = m_dir.filePath(QStringLiteral("data.png"));
    const QString svg = m_dir.filePath(QStringLiteral("residuals.svg"));
    const QString pdf = m_dir.filePath(QStringLiteral("pva.pdf"));
    const QString py = m_dir.filePath(QStringLiteral("lesson.py"));
    const QString csv = m_dir.filePath(QStringLiteral("export.csv"));
    const Run r =
        batch({QStringLiteral("--export-plot"), QStringLiteral("data=") + png,
               QStringLiteral("--export-plot"), QStringLiteral("residuals=") + svg,
               QStringLiteral("--export-plot"), QStringLiteral("predicted-vs-actual=") + pdf,
               QStringLiteral("--size"), QStringLiteral("640x400"),
               QStringLiteral("--export-numpy"), py, QStringLiteral("--export-csv"), csv});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData()); // stderr is LinLab's, even with Qt loaded
    QCOMPARE(r.json.value(QStringLiteral("mse")).toDouble(), 509.0);
    QImage image(png);
    QCOMPARE(image.size(), QSize(640, 400));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly) && svgFile.readAll().contains("<svg"));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly) && pdfFile.read(4) == "%PDF");
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QCOMPARE(csvFile.readLine(),
             QByteArray("hours_studied,hours_slept,exam_score,prediction,residual\n"));
    QCOMPARE(csvFile.readLine(), QByteArray("5,7,75,51,-24\n"));
    // The script, run by NumPy, prints the report's numbers.
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {py});
    QVERIFY(python.waitForFinished(60000));
    QCOMPARE(python.exitCode(), 0);
    const QJsonObject numpy = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    QCOMPARE(numpy.value(QStringLiteral("mse")).toDouble(), 509.0);
    QCOMPARE(numbers(numpy.value(QStringLiteral("grad_weights"))), (QList<double>{-208, -295}));
}

void tst_BatchCommand::projectRoundTripThroughTheBatch() {
    const QString project = m_dir.filePath(QStringLiteral("fit.linlab"));
    const Run saved =
        batch({QStringLiteral("--normalize"), QStringLiteral("zscore"), QStringLiteral("--fit"),
               QStringLiteral("lstsq"), QStringLiteral("--save-project"), project});
    QCOMPARE(saved.exitCode, 0);
    const Run loaded = batch({project});
    QCOMPARE(loaded.exitCode, 0);
    // The project keeps the transform and the fitted model.
    QCOMPARE(loaded.json.value(QStringLiteral("transform"))
                 .toObject()
                 .value(QStringLiteral("normalize"))
                 .toString(),
             QStringLiteral("zscore"));
    QVERIFY(close(loaded.json.value(QStringLiteral("mse")).toDouble(), 1.25, 1e-9));
    QCOMPARE(loaded.json.value(QStringLiteral("weights")),
             saved.json.value(QStringLiteral("weights")));
    // Options on the command line win over the project's.
    const Run raw = batch({project, QStringLiteral("--normalize"), QStringLiteral("none"),
                           QStringLiteral("--weights"), QStringLiteral("4,3"),
                           QStringLiteral("--bias"), QStringLiteral("10")});
    QCOMPARE(raw.json.value(QStringLiteral("mse")).toDouble(), 509.0);

    const QString corrupt = write(QStringLiteral("corrupt.linlab"),
                                  "{\"format\": \"linlab\", \"version\": 1, \"data\": [");
    const Run bad = batch({corrupt});
    QCOMPARE(bad.exitCode, 3);
    QVERIFY(bad.out.isEmpty());
    QVERIFY(QString::fromUtf8(bad.err).contains(corrupt));
}

void tst_BatchCommand::failedExportExitsFourWithNothingOnStdout() {
    const QString missing = m_dir.filePath(QStringLiteral("no-folder/plot.png"));
    const Run r = batch({QStringLiteral("--export-plot"), QStringLiteral("data=") + missing});
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.out.isEmpty());
    QVERIFY(QString::fromUtf8(r.err).contains(missing));
    QVERIFY(!QFile::exists(missing));
    const Run full = batch({QStringLiteral("--export-numpy"), QStringLiteral("/dev/full")});
    QCOMPARE(full.exitCode, 4);
    QVERIFY(QFileInfo(QStringLiteral("/dev/full")).exists());
    const Run kind = batch({QStringLiteral("--export-plot"), QStringLiteral("histogram=x.png")});
    QCOMPARE(kind.exitCode, 2);
    const Run size = batch({QStringLiteral("--size"), QStringLiteral("10x10")});
    QCOMPARE(size.exitCode, 2);
}

void tst_BatchCommand::trainingPlotsExport() {
    const QString curve = m_dir.filePath(QStringLiteral("curve.png"));
    const QString surface = m_dir.filePath(QStringLiteral("surface.svg"));
    const Run r = batch({QStringLiteral("--normalize"), QStringLiteral("zscore"),
                         QStringLiteral("--fit"), QStringLiteral("gd"),
                         QStringLiteral("--export-plot"), QStringLiteral("loss-curve=") + curve,
                         QStringLiteral("--export-plot"), QStringLiteral("loss-surface=") + surface,
                         QStringLiteral("--size"), QStringLiteral("700x450")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    QCOMPARE(QImage(curve).size(), QSize(700, 450));
    QFile svg(surface);
    QVERIFY(svg.open(QIODevice::ReadOnly) && svg.readAll().contains("<svg"));
    // The report is the fitted model, whatever the plots replayed.
    QVERIFY(
        r.json.value(QStringLiteral("fit")).toObject().value(QStringLiteral("converged")).toBool());
}

// A CSV with a single column (a header, then numbers) used to crash writing its n x 0 features.
// It is an intercept-only model: no weights, the bias the label's mean; every step copes.
void tst_BatchCommand::labelOnlyFileIsAnInterceptModel() {
    const QString csv = write(QStringLiteral("label-only.csv"), "y\n1\n2\n4\n");
    const Run r = batch({csv, QStringLiteral("--fit"), QStringLiteral("lstsq")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    QCOMPARE(r.json.value(QStringLiteral("n_features")).toInt(), 0);
    QVERIFY(r.json.value(QStringLiteral("feature_names")).toArray().isEmpty());
    QVERIFY(r.json.value(QStringLiteral("weights")).toArray().isEmpty());
    const QJsonArray features = r.json.value(QStringLiteral("features")).toArray();
    QCOMPARE(features.size(), 3);
    for (const QJsonValue& row : features)
        QVERIFY(row.isArray() && row.toArray().isEmpty());
    QVERIFY(close(r.json.value(QStringLiteral("bias")).toDouble(), 7.0 / 3.0));
    const QJsonObject ls = r.json.value(QStringLiteral("least_squares")).toObject();
    QCOMPARE(ls.value(QStringLiteral("rank")).toInt(), 1); // numpy's lstsq on [1 1 1]^T
    QVERIFY(!ls.value(QStringLiteral("rank_deficient")).toBool());
    QVERIFY(close(r.json.value(QStringLiteral("mse")).toDouble(), 14.0 / 9.0));

    // Gradient descent, and every export, the project read back included.
    const QString project = m_dir.filePath(QStringLiteral("label-only.linlab"));
    QStringList args{csv,
                     QStringLiteral("--fit"),
                     QStringLiteral("gd"),
                     QStringLiteral("--save-project"),
                     project,
                     QStringLiteral("--export-csv"),
                     m_dir.filePath(QStringLiteral("label-only-out.csv")),
                     QStringLiteral("--export-numpy"),
                     m_dir.filePath(QStringLiteral("label-only.py")),
                     QStringLiteral("--size"),
                     QStringLiteral("320x200")};
    for (const char* kind :
         {"data", "predicted-vs-actual", "residuals", "loss-surface", "loss-curve"})
        args << QStringLiteral("--export-plot")
             << QLatin1String(kind) + QStringLiteral("=") +
                    m_dir.filePath(QLatin1String(kind) + QStringLiteral(".png"));
    const Run gd = batch(args);
    QVERIFY2(gd.exitCode == 0, gd.err.constData());
    const QJsonObject fit = gd.json.value(QStringLiteral("fit")).toObject();
    QVERIFY(fit.value(QStringLiteral("converged")).toBool());
    QVERIFY(close(gd.json.value(QStringLiteral("bias")).toDouble(), 7.0 / 3.0, 1e-9));
    QCOMPARE(QImage(m_dir.filePath(QStringLiteral("loss-curve.png"))).size(), QSize(320, 200));
    const Run again = batch({project});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(again.json.value(QStringLiteral("n_features")).toInt(), 0);
}

// 10^6 epochs keep at most 10,001 losses (memory does not follow --epochs), with the epoch of
// each in loss_history_epochs; runs of up to 10,000 epochs print every one, without that key.
void tst_BatchCommand::longRunsKeepABoundedLossHistory() {
    const Run r = batch({QStringLiteral("--fit"), QStringLiteral("gd"), QStringLiteral("--epochs"),
                         QStringLiteral("1000000"), QStringLiteral("--tol"), QStringLiteral("0")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject fit = r.json.value(QStringLiteral("fit")).toObject();
    QCOMPARE(fit.value(QStringLiteral("epochs_run")).toInt(), 1000000);
    const QJsonArray history = fit.value(QStringLiteral("loss_history")).toArray();
    const QJsonArray epochs = fit.value(QStringLiteral("loss_history_epochs")).toArray();
    QVERIFY(history.size() <= 10001 && history.size() > 1000);
    QCOMPARE(epochs.size(), history.size());
    QCOMPARE(epochs.first().toInt(), 0);
    QCOMPARE(epochs.last().toInt(), 1000000);
    QCOMPARE(history.first().toDouble(), 509.0);

    const Run whole = batch({QStringLiteral("--fit"), QStringLiteral("gd"), QStringLiteral("--tol"),
                             QStringLiteral("0")});
    const QJsonObject wholeFit = whole.json.value(QStringLiteral("fit")).toObject();
    QCOMPARE(wholeFit.value(QStringLiteral("loss_history")).toArray().size(), 10001);
    QVERIFY(!wholeFit.contains(QStringLiteral("loss_history_epochs")));
}

QTEST_GUILESS_MAIN(tst_BatchCommand)
#include "tst_BatchCommand.moc"
