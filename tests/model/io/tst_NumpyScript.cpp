// The exported NumPy script, run by Debian's python3 with NumPy, prints the numbers LinLab shows:
// from a dataset, and from a typed table's raw values (missing rows, fills, dummies in NumPy).

#include "model/data/Dataset.h"
#include "model/data/Design.h"
#include "model/data/DesignRoles.h"
#include "model/data/SourceTable.h"
#include "model/fit/Analysis.h"
#include "model/io/NumpyScript.h"
#include "model/io/TypedCsvReader.h"
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

// What the transform reports beside the transformed features.
struct TransformNumbers {
    arma::vec mean, std, weightsOriginal;
    double biasOriginal = 0;
};

// Every number of the script's report against `analysis` (whose features() are the transformed
// X) and `model`.
void compareReport(const QJsonObject& r, const Analysis& analysis, const LinearModel& model,
                   const TransformNumbers& t) {
    const Evaluation ev = analysis.evaluate(model);
    QCOMPARE(r.value(QStringLiteral("n_samples")).toInt(), int(analysis.features().n_rows));
    compareList(r.value(QStringLiteral("predictions")), ev.predictions, "predictions");
    compareList(r.value(QStringLiteral("residuals")), ev.residuals, "residuals");
    QVERIFY(close(r.value(QStringLiteral("mse")).toDouble(), ev.metrics.mse));
    QVERIFY(close(r.value(QStringLiteral("mae")).toDouble(), ev.metrics.mae));
    QVERIFY(close(r.value(QStringLiteral("r2")).toDouble(), ev.metrics.r2));
    compareList(r.value(QStringLiteral("grad_weights")), ev.gradient.weights, "grad_weights");
    QVERIFY(close(r.value(QStringLiteral("grad_bias")).toDouble(), ev.gradient.bias));
    compareList(r.value(QStringLiteral("lesson_gradient")), ev.lessonGradient, "lesson_gradient");
    const QJsonObject transform = r.value(QStringLiteral("transform")).toObject();
    compareList(transform.value(QStringLiteral("mean")), t.mean, "mean");
    compareList(transform.value(QStringLiteral("std")), t.std, "std");
    compareList(r.value(QStringLiteral("weights_original")), t.weightsOriginal, "weights_original");
    QVERIFY(close(r.value(QStringLiteral("bias_original")).toDouble(), t.biasOriginal));
    const QJsonArray features = r.value(QStringLiteral("features")).toArray();
    QCOMPARE(features.size(), int(analysis.features().n_rows));
    for (arma::uword i = 0; i < analysis.features().n_rows; ++i)
        compareList(features.at(int(i)), analysis.features().row(i).t(), "features");
    const QJsonObject ls = r.value(QStringLiteral("least_squares")).toObject();
    const LeastSquaresResult& mine = analysis.statistics().leastSquares();
    QVERIFY(close(ls.value(QStringLiteral("mse")).toDouble(), mine.mse));
    if (!mine.rankDeficient) {
        compareList(ls.value(QStringLiteral("weights")), mine.weights, "least_squares.weights");
        QVERIFY(close(ls.value(QStringLiteral("bias")).toDouble(), mine.bias));
    }
}

Dataset offsetData() {
    arma::arma_rng::set_seed(21);
    arma::mat X = arma::randn(60, 3) * 2 + 1000;
    X.col(2).fill(7.5); // a constant feature: flagged, not divided
    arma::vec y = X.col(0) * 3 - X.col(1) + 0.1 * arma::randn(60);
    return Dataset(X, y, {"a", "b \"quoted\"", "constant"}, "target");
}
// A penguins-like table: text (a name with a comma), NA in the label and in features, an invalid
// number ("193mm"), categories, a tie for the most frequent sex (6 and 6: the first level wins)
// and a date column that is not used.
SourceTable penguins() {
    const char* csv = "species,island,bill_depth_mm,flipper_length_mm,sex,date,name,body_mass_g\n"
                      "Adelie,Torgersen,18.7,181,male,2007-11-11,\"Ada, the first\",3750\n"
                      "Adelie,Torgersen,17.4,186,female,2007-11-11,Bea,3800\n"
                      "Adelie,Torgersen,NA,NA,NA,2007-11-16,Cy,NA\n"
                      "Adelie,Biscoe,19.3,193mm,female,2007-11-16,Dot,3450\n"
                      "Chinstrap,Dream,17.9,192,female,2007-11-20,Eve,3500\n"
                      "Chinstrap,Dream,19.5,196,male,2007-11-21,Fay,3900\n"
                      "Chinstrap,Dream,NA,193,male,2008-11-21,Gus,3650\n"
                      "Gentoo,Biscoe,13.2,211,female,2008-11-13,Hal,4500\n"
                      "Gentoo,Biscoe,16.3,230,male,2008-11-14,Ivy,5700\n"
                      "Gentoo,Biscoe,14.1,210,NA,2009-11-15,Jo,4450\n"
                      "Gentoo,Biscoe,15.2,218,male,2009-11-15,Kit,5700\n"
                      "Adelie,Dream,18.1,NA,male,2009-11-16,Lu,3950\n"
                      "Chinstrap,Dream,17.8,181,female,2009-11-17,Mo,3300\n"
                      "Gentoo,Biscoe,15,220,female,2009-11-18,Ned,5000\n";
    TypedReadOptions typed;
    typed.columns["name"].type = ColumnType::Text;
    SourceTable source;
    source.table = TypedCsvReader::readString(csv, "penguins.csv", {}, typed).table;
    source.design.label = "body_mass_g";
    return source;
}

// The design as a document builds it: with every role written out (features in table order).
Design designOf(const SourceTable& source) {
    return Design::build(source.table, DesignRoles::explicitRoles(source.table, source.design));
}

// Per column of X: whether it is a dummy.
std::vector<bool> dummyMask(const SourceTable& source, const Design& design) {
    std::vector<bool> dummy;
    for (std::size_t column : design.featureColumns())
        dummy.push_back(source.table.column(column).type() == ColumnType::Categorical);
    return dummy;
}

// The transform as LinLab applies it to a design: numeric columns scaled and normalised, dummies
// left 0/1 (what Transform does once it knows the dummies; computed here column by column).
struct DesignTransform {
    arma::mat features;
    TransformNumbers numbers;
};

DesignTransform transformDesign(const Dataset& data, const std::vector<bool>& dummy,
                                const TransformSettings& settings, const LinearModel& model) {
    std::vector<arma::uword> numeric, dummies;
    for (arma::uword j = 0; j < dummy.size(); ++j)
        (dummy[j] ? dummies : numeric).push_back(j);
    const arma::uvec n(numeric), k(dummies);
    const Transform t = Transform::fit(data.features().cols(n), settings);
    const Transform plain = Transform::fit(
        data.features().cols(k), TransformSettings{1.0, Normalization::None, settings.ddof});
    DesignTransform out{data.features(), {}};
    out.features.cols(n) = t.apply(data.features().cols(n));
    const arma::uword d = dummy.size();
    out.numbers.mean.set_size(d);
    out.numbers.std.set_size(d);
    out.numbers.mean(n) = t.mean().t();
    out.numbers.std(n) = t.stddev().t();
    out.numbers.mean(k) = plain.mean().t();
    out.numbers.std(k) = plain.stddev().t();
    const arma::vec w = model.weights();
    out.numbers.weightsOriginal = w;
    out.numbers.weightsOriginal(n) = t.weightsToOriginal(w(n));
    out.numbers.biasOriginal = t.biasToOriginal(w(n), model.bias());
    return out;
}
} // namespace

class tst_NumpyScript : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void matchesLinLab_data();
    void matchesLinLab();
    void gradientDescentMatches();
    void typedTableMatchesLinLab_data();
    void typedTableMatchesLinLab();
    void typedGradientDescentMatches();
    void typedMissingLabelOnlyMatches();
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

    QString error;
    const QJsonObject r = runScript(NumpyScript::generate(data, settings, model), &error);
    QVERIFY2(!r.isEmpty(), qPrintable(error));
    QCOMPARE(r.value(QStringLiteral("feature_names")).toArray().at(1).toString(),
             QString::fromStdString(data.featureNames()[1]));
    const Transform& t = analysis.transform();
    compareReport(r, analysis, model,
                  {t.mean().t(), t.stddev().t(), t.weightsToOriginal(model.weights()),
                   t.biasToOriginal(model.weights(), model.bias())});
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

void tst_NumpyScript::typedTableMatchesLinLab_data() {
    QTest::addColumn<bool>("fill");
    QTest::addColumn<linlab::TransformSettings>("settings");
    QTest::newRow("listwise, as is") << false << TransformSettings{};
    QTest::newRow("fills and a chosen reference, as is") << true << TransformSettings{};
    QTest::newRow("listwise, min-max X * 1.1")
        << false << TransformSettings{1.1, Normalization::MinMax, 0};
    QTest::newRow("fills, z-score ddof 1")
        << true << TransformSettings{1.0, Normalization::ZScore, 1};
}

void tst_NumpyScript::typedTableMatchesLinLab() {
    QFETCH(bool, fill);
    QFETCH(linlab::TransformSettings, settings);
    SourceTable source = penguins();
    source.design.features = {"flipper_length_mm", "species"};
    if (fill) {
        source.design.features = {"bill_depth_mm", "flipper_length_mm", "species", "sex"};
        source.design.fill = {"bill_depth_mm", "sex"};
        source.design.reference["species"] = "Gentoo";
    }
    const Design design = designOf(source);
    const Dataset data = design.dataset();
    const std::vector<bool> dummy = dummyMask(source, design);
    // Near the fit, as a user's model would be (see matchesLinLab).
    const Analysis raw(data, TransformSettings{});
    const LeastSquaresResult& fit = raw.statistics().leastSquares();
    const LinearModel model(fit.weights * 0.5 + 0.25, fit.bias + 10);
    const DesignTransform expected = transformDesign(data, dummy, settings, model);
    // LinLab's own numbers on the transformed design: the Analysis of those features as they are.
    const Analysis analysis(
        Dataset(expected.features, data.labels(), data.featureNames(), data.labelName()),
        TransformSettings{});
    // Where LinLab's Transform leaves the dummies 0/1 (as none at scale 1 does, and every setting
    // once it knows Dataset::dummyFeatures()), its features must be these, to rounding.
    const Analysis linlab(data, settings);
    bool dummiesLeft = true;
    for (arma::uword j = 0; j < dummy.size(); ++j)
        dummiesLeft &= !dummy[j] || (linlab.transform().shift()(j) == 0 &&
                                     linlab.transform().divisor()(j) == 1 &&
                                     arma::all(linlab.features().col(j) == data.features().col(j)));
    QVERIFY(dummiesLeft || settings != TransformSettings{}); // the check runs at least there
    if (dummiesLeft) {
        const Transform& t = linlab.transform();
        QVERIFY(arma::approx_equal(linlab.features(), expected.features, "reldiff", 1e-12));
        QVERIFY(arma::approx_equal(t.mean().t(), expected.numbers.mean, "reldiff", 1e-12));
        QVERIFY(arma::approx_equal(t.stddev().t(), expected.numbers.std, "reldiff", 1e-12));
        QVERIFY(arma::approx_equal(t.weightsToOriginal(model.weights()),
                                   expected.numbers.weightsOriginal, "reldiff", 1e-12));
        QVERIFY(
            close(t.biasToOriginal(model.weights(), model.bias()), expected.numbers.biasOriginal));
    }

    QString error;
    const QJsonObject r = runScript(NumpyScript::generate(source, settings, model), &error);
    QVERIFY2(!r.isEmpty(), qPrintable(error));
    compareReport(r, analysis, model, expected.numbers);
    QStringList names;
    for (const std::string& name : data.featureNames())
        names << QString::fromStdString(name);
    QCOMPARE(r.value(QStringLiteral("feature_names")).toVariant().toStringList(), names);
    QCOMPARE(names.contains(QStringLiteral("species=Adelie")), fill); // the reference: Gentoo
    QCOMPARE(names.contains(QStringLiteral("species=Chinstrap")), true);
    QCOMPARE(r.value(QStringLiteral("n_rows")).toInt(), 14);
    QVariantList excluded;
    for (std::size_t row : design.excludedRows())
        excluded << int(row + 1);
    QCOMPARE(excluded, (QVariantList{3, 4, 12})); // NA label, "193mm", NA flipper
    QCOMPARE(r.value(QStringLiteral("excluded_rows")).toVariant().toList(), excluded);
    const QJsonObject imputed = r.value(QStringLiteral("imputed")).toObject();
    QCOMPARE(imputed.size(), int(design.imputed().size()));
    for (const Imputation& i : design.imputed()) {
        const QJsonValue v = imputed.value(QString::fromStdString(i.name));
        if (i.level.empty())
            QVERIFY(close(v.toDouble(), i.value));
        else
            QCOMPARE(v.toString(), QString::fromStdString(i.level));
    }
    if (fill)
        QCOMPARE(imputed.value(QStringLiteral("sex")).toString(), QStringLiteral("female"));
}

void tst_NumpyScript::typedGradientDescentMatches() {
    SourceTable source = penguins();
    source.design.features = {"flipper_length_mm", "species", "sex"};
    const Design design = designOf(source);
    const Dataset data = design.dataset();
    const TransformSettings settings{1.0, Normalization::ZScore, 0};
    const LinearModel start(data.featureCount());
    const DesignTransform expected =
        transformDesign(data, dummyMask(source, design), settings, start);
    const Analysis analysis(
        Dataset(expected.features, data.labels(), data.featureNames(), data.labelName()),
        TransformSettings{});
    GradientDescentSettings gd;
    gd.maxEpochs = 300;
    const GradientDescentResult run = GradientDescent::run(analysis.statistics(), start, gd);

    QString error;
    const QJsonObject r = runScript(NumpyScript::generate(source, settings, start, gd), &error);
    QVERIFY2(!r.isEmpty(), qPrintable(error));
    const QJsonObject fit = r.value(QStringLiteral("fit")).toObject();
    QCOMPARE(fit.value(QStringLiteral("epochs_run")).toInt(), int(run.epochsRun));
    QVERIFY(close(fit.value(QStringLiteral("lr")).toDouble(), run.learningRate));
    compareList(fit.value(QStringLiteral("loss_history")), arma::vec(run.lossHistory),
                "loss_history");
    compareList(r.value(QStringLiteral("weights")), run.model.weights(), "weights");
}

void tst_NumpyScript::typedMissingLabelOnlyMatches() {
    // Numbers only, one missing label: no dummies, so the transform part is the plain one.
    SourceTable source = penguins();
    source.design.features = {"bill_depth_mm"};
    const Dataset data = designOf(source).dataset();
    const TransformSettings settings{1.1, Normalization::ZScore, 0};
    const Analysis analysis(data, settings);
    const LinearModel model(arma::vec{-150.0}, 4200);
    const std::string script = NumpyScript::generate(source, settings, model);
    QVERIFY(script.find("is_dummy |") == std::string::npos);
    QString error;
    const QJsonObject r = runScript(script, &error);
    QVERIFY2(!r.isEmpty(), qPrintable(error));
    const Transform& t = analysis.transform();
    compareReport(r, analysis, model,
                  {t.mean().t(), t.stddev().t(), t.weightsToOriginal(model.weights()),
                   t.biasToOriginal(model.weights(), model.bias())});
    QCOMPARE(r.value(QStringLiteral("excluded_rows")).toVariant().toList(), (QVariantList{3, 7}));
}

QTEST_GUILESS_MAIN(tst_NumpyScript)
#include "tst_NumpyScript.moc"
