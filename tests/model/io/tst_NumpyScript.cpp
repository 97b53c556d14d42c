// The exported NumPy script, run by Debian's python3 with NumPy, prints the numbers LinLab shows.

#include "model/data/Dataset.h"
#include "model/fit/Analysis.h"
#include "model/io/NumpyScript.h"
#include "model/training/GradientDescent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace linlab;
Q_DECLARE_METATYPE(linlab::TransformSettings)

namespace {
constexpr double kTolerance = 1e-10; // relative, or absolute near zero

bool close(double got, double want) {
    return std::abs(got - want) <= kTolerance * std::max(1.0, std::abs(want));
}

QJsonObject runScript(const std::string& script, QString* error) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.py"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write the script");
        return {};
    }
    f.write(script.data(), qint64(script.size()));
    f.close();
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), {path});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

void compareList(const QJsonValue& got, const arma::vec& want, const char* what) {
    const QJsonArray a = got.toArray();
    QVERIFY2(a.size() == int(want.n_elem), what);
    for (int i = 0; i < a.size(); ++i)
        QVERIFY2(close(a[i].toDouble(), want(i)), qPrintable(QStringLiteral("%1[%2]: %3 vs %4")
                                                                 .arg(QLatin1String(what))
                                                                 .arg(i)
                                                                 .arg(a[i].toDouble(), 0, 'g', 17)
                                                                 .arg(want(i), 0, 'g', 17)));
}

Dataset offsetData() {
    arma::arma_rng::set_seed(21);
    arma::mat X = arma::randn(60, 3) * 2 + 1000;
    X.col(2).fill(7.5); // a constant feature: flagged, not divided
    arma::vec y = X.col(0) * 3 - X.col(1) + 0.1 * arma::randn(60);
    return Dataset(X, y, {"a", "b \"quoted\"", "constant"}, "target");
}
} // namespace

class tst_NumpyScript : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void matchesLinLab_data();
    void matchesLinLab();
    void gradientDescentMatches();
};

void tst_NumpyScript::initTestCase() {
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"), QStringLiteral("import numpy")});
    QVERIFY2(p.waitForFinished(30000) && p.exitCode() == 0,
             "Debian's python3-numpy is needed (scripts/test installs it)");
}

void tst_NumpyScript::matchesLinLab_data() {
    QTest::addColumn<bool>("lesson");
    QTest::addColumn<linlab::TransformSettings>("settings");
    QTest::newRow("lesson as is") << true << TransformSettings{};
    QTest::newRow("lesson X * 1.1") << true << TransformSettings{1.1, Normalization::None, 0};
    QTest::newRow("lesson z-score") << true << TransformSettings{1.0, Normalization::ZScore, 0};
    QTest::newRow("lesson z-score ddof 1, scaled")
        << true << TransformSettings{1.1, Normalization::ZScore, 1};
    QTest::newRow("offset data min-max")
        << false << TransformSettings{2.0, Normalization::MinMax, 0};
    QTest::newRow("offset data z-score")
        << false << TransformSettings{1.0, Normalization::ZScore, 0};
}

void tst_NumpyScript::matchesLinLab() {
    QFETCH(bool, lesson);
    QFETCH(linlab::TransformSettings, settings);
    const Dataset data = lesson ? Dataset::lesson() : offsetData();
    const Analysis analysis(data, settings);
    // On the generated data: near the fit, as a user's model would be. (Far from it, with every
    // residual near -2000 on z-scores, the gradient is a small sum of large cancelling terms and
    // any two summation orders differ in the 9th digit.)
    const LeastSquaresResult& fit = analysis.statistics().leastSquares();
    const LinearModel model =
        lesson ? LinearModel(Dataset::lessonWeights(), Dataset::lessonBias())
               : LinearModel(fit.weights + arma::vec{0.5, -0.25, 1}, fit.bias + 0.75);
    const Evaluation ev = analysis.evaluate(model);

    QString error;
    const QJsonObject r = runScript(NumpyScript::generate(data, settings, model), &error);
    QVERIFY2(!r.isEmpty(), qPrintable(error));
    QCOMPARE(r.value(QStringLiteral("n_samples")).toInt(), int(data.rowCount()));
    QCOMPARE(r.value(QStringLiteral("feature_names")).toArray().at(1).toString(),
             QString::fromStdString(data.featureNames()[1]));
    compareList(r.value(QStringLiteral("predictions")), ev.predictions, "predictions");
    compareList(r.value(QStringLiteral("residuals")), ev.residuals, "residuals");
    QVERIFY(close(r.value(QStringLiteral("mse")).toDouble(), ev.metrics.mse));
    QVERIFY(close(r.value(QStringLiteral("mae")).toDouble(), ev.metrics.mae));
    QVERIFY(close(r.value(QStringLiteral("r2")).toDouble(), ev.metrics.r2));
    compareList(r.value(QStringLiteral("grad_weights")), ev.gradient.weights, "grad_weights");
    QVERIFY(close(r.value(QStringLiteral("grad_bias")).toDouble(), ev.gradient.bias));
    compareList(r.value(QStringLiteral("lesson_gradient")), ev.lessonGradient, "lesson_gradient");
    const QJsonObject t = r.value(QStringLiteral("transform")).toObject();
    compareList(t.value(QStringLiteral("mean")), analysis.transform().mean().t(), "mean");
    compareList(t.value(QStringLiteral("std")), analysis.transform().stddev().t(), "std");
    compareList(r.value(QStringLiteral("weights_original")),
                analysis.transform().weightsToOriginal(model.weights()), "weights_original");
    QVERIFY(close(r.value(QStringLiteral("bias_original")).toDouble(),
                  analysis.transform().biasToOriginal(model.weights(), model.bias())));
    const QJsonArray features = r.value(QStringLiteral("features")).toArray();
    for (arma::uword i = 0; i < data.rowCount(); ++i)
        compareList(features.at(int(i)), analysis.features().row(i).t(), "features");
    const QJsonObject ls = r.value(QStringLiteral("least_squares")).toObject();
    const LeastSquaresResult& mine = analysis.statistics().leastSquares();
    QVERIFY(close(ls.value(QStringLiteral("mse")).toDouble(), mine.mse));
    if (!mine.rankDeficient) {
        compareList(ls.value(QStringLiteral("weights")), mine.weights, "least_squares.weights");
        QVERIFY(close(ls.value(QStringLiteral("bias")).toDouble(), mine.bias));
    }
}

void tst_NumpyScript::gradientDescentMatches() {
    const Dataset data = Dataset::lesson();
    const TransformSettings settings{1.0, Normalization::ZScore, 0};
    const Analysis analysis(data, settings);
    GradientDescentSettings gd;
    gd.maxEpochs = 500;
    gd.tolerance = 1e-8;
    const LinearModel start(2);
    const GradientDescentResult run = GradientDescent::run(analysis.statistics(), start, gd);

    QString error;
    const QJsonObject r = runScript(NumpyScript::generate(data, settings, start, gd), &error);
    QVERIFY2(!r.isEmpty(), qPrintable(error));
    const QJsonObject fit = r.value(QStringLiteral("fit")).toObject();
    QCOMPARE(fit.value(QStringLiteral("epochs_run")).toInt(), int(run.epochsRun));
    QCOMPARE(fit.value(QStringLiteral("converged")).toBool(), run.converged);
    QVERIFY(close(fit.value(QStringLiteral("lr")).toDouble(), run.learningRate));
    compareList(fit.value(QStringLiteral("loss_history")), arma::vec(run.lossHistory),
                "loss_history");
    compareList(r.value(QStringLiteral("weights")), run.model.weights(), "weights");
    QVERIFY(close(r.value(QStringLiteral("bias")).toDouble(), run.model.bias()));
}

QTEST_GUILESS_MAIN(tst_NumpyScript)
#include "tst_NumpyScript.moc"
