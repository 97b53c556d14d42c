// Numbers at the edges, through the model pipeline: values of 1e300 and 1e-300, a constant
// feature, a constant label, a single row, more features than rows, exactly collinear features
// and a million identical rows (tests/model/EdgeData.h). Nothing may crash or throw anything but
// a documented error; every number is finite or plainly not available (NaN or infinity, shown as
// "—" and written as null), never a finite wrong one; least squares says when its weights are not
// unique. The batch command line and the window on the same data: tests/app/tst_AppEdgeNumbers.

#include "model/data/Dataset.h"
#include "model/fit/Analysis.h"
#include "model/io/NumpyScript.h"
#include "model/training/ContourLines.h"
#include "model/training/GradientDescent.h"
#include "model/training/LandscapeSlice.h"
#include "model/training/LandscapeWindow.h"
#include "model/training/LossSurface.h"
#include "tests/common/TestUtil.h"
#include "tests/model/EdgeData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <string>
#include <vector>

using namespace linlab;
using namespace edgedata;
using testutil::close;
using testutil::closeRel;

class tst_EdgeNumbers : public QObject {
    Q_OBJECT
private slots:
    void pipeline_data();
    void pipeline();
    void constantFeatureIsFlaggedAndKept_data();
    void constantFeatureIsFlaggedAndKept();
    void leastSquaresAtScale_data();
    void leastSquaresAtScale();
    void gradientDescentStaysFinite_data();
    void gradientDescentStaysFinite();
    void lossSurfaceAndContours_data();
    void lossSurfaceAndContours();
    void overflowIsNeverAFiniteLoss();
    void millionIdenticalRows();
    void numpyScriptPrintsStrictJson_data();
    void numpyScriptPrintsStrictJson();

private:
    QTemporaryDir m_dir;
};

// Every edge dataset under every normalisation: the transform, the statistics, least squares
// and both evaluations of the zero model and of the least-squares fit.
void tst_EdgeNumbers::pipeline_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<int>("normalization");
    QTest::addColumn<int>("rank");        // of [X 1], as numpy.linalg.lstsq counts it
    QTest::addColumn<bool>("finiteLoss"); // the MSE is representable
    QTest::addColumn<bool>("r2Defined");  // labels vary and their squares are representable

    struct Case {
        const char* name;
        int rank;
        bool
            finiteLoss; // 1e300 labels overflow any squared error, whatever the features' transform
        bool r2Defined;
    };
    // Rank by hand: the centred features' rank plus one for the intercept.
    const Case cases[] = {
        {"huge", 3, false, false}, // SSE and SStot both overflow: R2 is inf / inf, not available
        {"tiny", 3, true, false},  // squares of 1e-300 underflow: R2 is 0 / 0, not available
        {"constant feature", 2, true, true},
        {"constant label", 3, true, false},
        {"single row", 1, true, false},
        {"more features than rows", 3, true, true},
        {"collinear", 2, true, true},
    };
    for (const Case& c : cases) {
        for (Normalization mode :
             {Normalization::None, Normalization::ZScore, Normalization::MinMax})
            QTest::addRow("%s, %s", c.name, normalizationName(mode))
                << QString::fromLatin1(c.name) << int(mode) << c.rank << c.finiteLoss
                << c.r2Defined;
    }
}

void tst_EdgeNumbers::pipeline() {
    QFETCH(QString, dataset);
    QFETCH(int, normalization);
    QFETCH(int, rank);
    QFETCH(bool, finiteLoss);
    QFETCH(bool, r2Defined);

    const Dataset data = edgeDataset(dataset);
    const arma::uword n = data.rowCount(), d = data.featureCount();
    const TransformSettings settings = normalized(normalization);
    const Analysis analysis(data, settings);

    // The transform: statistics of real data are finite, and so is what the model sees.
    const Transform& t = analysis.transform();
    QVERIFY(t.mean().is_finite());
    QVERIFY(t.min().is_finite());
    QVERIFY(t.max().is_finite());
    QVERIFY2(t.stddev().is_finite(), "the std of representable values is representable");
    QVERIFY(t.divisor().is_finite());
    QVERIFY(arma::all(t.divisor() > 0));
    QVERIFY(allFinite(analysis.features()));
    for (arma::uword j = 0; j < d; ++j) {
        if (t.zeroSpread()[j] || n < 2)
            continue;
        const arma::vec column = analysis.features().col(j);
        if (settings.normalization == Normalization::ZScore) {
            // z-scores have mean 0 and std 1 at any scale of the raw values.
            QVERIFY2(std::abs(arma::mean(column)) < 1e-12,
                     qPrintable(QString::number(arma::mean(column))));
            QVERIFY2(close(arma::stddev(column, 1), 1.0, 1e-12),
                     qPrintable(QString::number(arma::stddev(column, 1))));
        } else if (settings.normalization == Normalization::MinMax) {
            QCOMPARE(column.min(), 0.0);
            QVERIFY(close(column.max(), 1.0, 1e-15));
        }
    }

    // Least squares: unique or flagged, finite either way.
    const SufficientStatistics& stats = analysis.statistics();
    const LeastSquaresResult& ls = stats.leastSquares();
    QCOMPARE(int(ls.rank), rank);
    QCOMPARE(ls.rankDeficient, arma::uword(rank) < d + 1);
    QVERIFY(ls.weights.is_finite());
    QVERIFY(std::isfinite(ls.bias));
    if (ls.rankDeficient)
        QVERIFY(std::isinf(ls.conditionNumber));
    else
        QVERIFY(std::isfinite(ls.conditionNumber) && ls.conditionNumber >= 1.0);
    if (finiteLoss) {
        QVERIFY(std::isfinite(ls.mse) && ls.mse >= 0);
    } else {
        // Residuals near 1e300 square past the largest double: not available, never a number.
        QVERIFY2(!std::isfinite(ls.mse), qPrintable(QString::number(ls.mse)));
    }

    // Both evaluations, at the zero model and at the fit: the same numbers, or both unavailable.
    for (const LinearModel& model : {LinearModel(d), LinearModel(ls.weights, ls.bias)}) {
        const Evaluation slow = analysis.evaluate(model);
        const Evaluation fast = analysis.evaluateFast(model);
        QVERIFY(slow.predictions.is_finite());
        QCOMPARE(slow.residuals.n_elem, n);
        for (const Metrics& m : {slow.metrics, fast.metrics}) {
            if (finiteLoss) {
                QVERIFY2(std::isfinite(m.mse) && m.mse >= 0, qPrintable(QString::number(m.mse)));
                QVERIFY(std::isfinite(m.rmse));
            } else {
                QVERIFY2(!std::isfinite(m.mse), qPrintable(QString::number(m.mse)));
            }
            QVERIFY(std::isfinite(m.mae)); // a mean of representable values
            if (r2Defined)
                QVERIFY(std::isfinite(m.r2));
            else
                QVERIFY(std::isnan(m.r2)); // not available: null and "—", never a made-up number
        }
        const double tol = 1e-9;
        QVERIFY(agree(slow.metrics.mse, fast.metrics.mse, tol));
        QVERIFY(agree(slow.metrics.rmse, fast.metrics.rmse, tol));
        QVERIFY(agree(slow.metrics.mae, fast.metrics.mae, tol));
        QVERIFY(agree(slow.metrics.r2, fast.metrics.r2, tol));
        if (finiteLoss) {
            QVERIFY(slow.gradient.weights.is_finite());
            QVERIFY(fast.gradient.weights.is_finite());
            QVERIFY(std::isfinite(slow.gradient.bias) && std::isfinite(fast.gradient.bias));
            QVERIFY(std::isfinite(slow.distanceToLeastSquares));
            QVERIFY(std::isfinite(slow.excessLoss));
        }
    }
}

// A constant feature is flagged and divided by 1 (scikit-learn's choice), under both
// normalisations: it becomes zeros, and never NaN from 0 / 0.
void tst_EdgeNumbers::constantFeatureIsFlaggedAndKept_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<int>("normalization");
    QTest::addColumn<int>("ddof");
    QTest::addColumn<QList<bool>>("flagged");

    QTest::newRow("constant feature, zscore")
        << QStringLiteral("constant feature") << int(Normalization::ZScore) << 0
        << QList<bool>{false, true};
    QTest::newRow("constant feature, minmax")
        << QStringLiteral("constant feature") << int(Normalization::MinMax) << 0
        << QList<bool>{false, true};
    QTest::newRow("single row, zscore ddof 1")
        << QStringLiteral("single row") << int(Normalization::ZScore) << 1
        << QList<bool>{true, true};
    QTest::newRow("single row, minmax")
        << QStringLiteral("single row") << int(Normalization::MinMax) << 0
        << QList<bool>{true, true};
    QTest::newRow("huge, zscore") << QStringLiteral("huge") << int(Normalization::ZScore) << 0
                                  << QList<bool>{false, false};
    QTest::newRow("tiny, zscore ddof 1")
        << QStringLiteral("tiny") << int(Normalization::ZScore) << 1 << QList<bool>{false, false};
}

void tst_EdgeNumbers::constantFeatureIsFlaggedAndKept() {
    QFETCH(QString, dataset);
    QFETCH(int, normalization);
    QFETCH(int, ddof);
    QFETCH(QList<bool>, flagged);

    const Dataset data = edgeDataset(dataset);
    TransformSettings settings = normalized(normalization);
    settings.ddof = ddof;
    const Transform t = Transform::fit(data.features(), settings);
    const arma::mat out = t.apply(data.features());
    QVERIFY(out.is_finite());
    for (arma::uword j = 0; j < data.featureCount(); ++j) {
        QCOMPARE(bool(t.zeroSpread()[j]), flagged[int(j)]);
        if (flagged[int(j)]) {
            QCOMPARE(t.divisor()(j), 1.0);
            QVERIFY(arma::all(out.col(j) == 0.0));
        } else {
            QVERIFY(t.divisor()(j) > 0 && t.divisor()(j) != 1.0);
        }
    }
    // Back to the original units stays finite too.
    const arma::vec w(data.featureCount(), arma::fill::ones);
    QVERIFY(t.weightsToOriginal(w).is_finite());
    QVERIFY(std::isfinite(t.biasToOriginal(w, 1.0)));
}

// Least squares is scale-free: the base data times 1e300 or 1e-300 has the base weights and a
// bias scaled alike, from the raw values and from z-scores mapped back.
void tst_EdgeNumbers::leastSquaresAtScale_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<int>("normalization");
    const char* const names[] = {"huge", "tiny"};
    for (const char* name : names)
        for (Normalization mode :
             {Normalization::None, Normalization::ZScore, Normalization::MinMax})
            QTest::newRow((QByteArray(name) + ", " + normalizationName(mode)).constData())
                << QString::fromLatin1(name) << int(mode);
}

void tst_EdgeNumbers::leastSquaresAtScale() {
    QFETCH(QString, dataset);
    QFETCH(int, normalization);

    double scale = 0;
    const Dataset data = edgeDataset(dataset, &scale);
    const TransformSettings settings = normalized(normalization);
    const Analysis analysis(data, settings);
    const LeastSquaresResult& ls = analysis.statistics().leastSquares();
    QVERIFY(!ls.rankDeficient);
    QCOMPARE(int(ls.rank), 3);
    const arma::vec w = analysis.transform().weightsToOriginal(ls.weights);
    const double b = analysis.transform().biasToOriginal(ls.weights, ls.bias);
    for (arma::uword j = 0; j < w.n_elem; ++j)
        QVERIFY2(closeRel(w(j), kBaseWeights(j), 1e-12),
                 qPrintable(QString::number(w(j), 'g', 17)));
    QVERIFY2(closeRel(b / scale, kBaseBias, 1e-12), qPrintable(QString::number(b, 'g', 17)));
}

// A few epochs of descent on every edge dataset: a finite model and history, or a clear
// "diverged" with the last finite step kept; never "no data" when there are rows.
void tst_EdgeNumbers::gradientDescentStaysFinite_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<int>("normalization");
    QTest::addColumn<bool>("finiteLoss");
    for (const char* name : {"huge", "tiny", "constant feature", "constant label", "single row",
                             "more features than rows", "collinear"}) {
        for (Normalization mode : {Normalization::None, Normalization::ZScore}) {
            QTest::addRow("%s, %s", name, normalizationName(mode))
                << QString::fromLatin1(name) << int(mode) << (std::string(name) != "huge");
        }
    }
}

void tst_EdgeNumbers::gradientDescentStaysFinite() {
    QFETCH(QString, dataset);
    QFETCH(int, normalization);
    QFETCH(bool, finiteLoss);

    const Dataset data = edgeDataset(dataset);
    const TransformSettings settings = normalized(normalization);
    const Analysis analysis(data, settings);
    GradientDescentSettings gd;
    gd.maxEpochs = 50;
    for (double momentum : {0.0, 0.9}) {
        gd.momentum = momentum;
        const GradientDescentResult r =
            GradientDescent::run(analysis.statistics(), LinearModel(data.featureCount()), gd);
        QVERIFY(r.stopReason != StopReason::NoData);
        QVERIFY(r.model.weights().is_finite());
        QVERIFY(std::isfinite(r.model.bias()));
        for (const arma::vec& point : r.trajectory)
            QVERIFY(point.is_finite());
        if (finiteLoss) {
            QVERIFY(std::isfinite(r.learningRate) && r.learningRate > 0);
            QVERIFY(allFinite(r.lossHistory));
            QVERIFY(!r.diverged);
            QCOMPARE(r.diverged, r.stopReason == StopReason::Diverged);
            // At half the stable bound plain descent never raises the loss.
            if (momentum == 0.0)
                for (std::size_t k = 1; k < r.lossHistory.size(); ++k)
                    QVERIFY(r.lossHistory[k] <= r.lossHistory[k - 1] * (1 + 1e-12));
        } else {
            // The loss cannot be represented: stop at once, and say so.
            QVERIFY(r.diverged);
            QCOMPARE(r.stopReason, StopReason::Diverged);
            QCOMPARE(r.epochsRun, std::size_t(0));
        }
    }
    // Mini-batch SGD walks the rows themselves.
    if (data.rowCount() > 1) {
        gd.momentum = 0;
        gd.batchSize = 1;
        gd.maxEpochs = 5;
        const GradientDescentResult r =
            GradientDescent::run(analysis.statistics(), analysis.features(), analysis.labels(),
                                 LinearModel(data.featureCount()), gd);
        QVERIFY(r.stopReason != StopReason::NoData);
        QVERIFY(r.model.weights().is_finite());
        QVERIFY(std::isfinite(r.model.bias()));
        QCOMPARE(r.diverged, !finiteLoss || r.stopReason == StopReason::Diverged);
    }
}

// The landscape the training view draws: its window, the grid and the contour lines.
void tst_EdgeNumbers::lossSurfaceAndContours_data() {
    gradientDescentStaysFinite_data();
}

void tst_EdgeNumbers::lossSurfaceAndContours() {
    QFETCH(QString, dataset);
    QFETCH(int, normalization);
    QFETCH(bool, finiteLoss);

    const Dataset data = edgeDataset(dataset);
    const TransformSettings settings = normalized(normalization);
    const Analysis analysis(data, settings);
    const SufficientStatistics& stats = analysis.statistics();
    const LeastSquaresResult& ls = stats.leastSquares();
    const arma::uword d = data.featureCount();
    const LinearModel model(d);
    // A weight against the bias, and two weights: the view's two kinds of slice.
    for (const auto& [i, j] :
         {std::pair<arma::uword, arma::uword>{0, d}, std::pair<arma::uword, arma::uword>{0, 1}}) {
        const std::vector<std::pair<double, double>> points{
            {parameterValue(model, i), parameterValue(model, j)},
            {i < d ? ls.weights(i) : ls.bias, j < d ? ls.weights(j) : ls.bias}};
        const LandscapeWindow w = landscapeWindow(stats, i, j, points);
        QVERIFY(std::isfinite(w.xMin) && std::isfinite(w.xMax) && w.xMin < w.xMax);
        QVERIFY(std::isfinite(w.yMin) && std::isfinite(w.yMax) && w.yMin < w.yMax);
        LossSurfaceSpec spec;
        spec.xParameter = i;
        spec.yParameter = j;
        spec.xMin = w.xMin;
        spec.xMax = w.xMax;
        spec.yMin = w.yMin;
        spec.yMax = w.yMax;
        spec.xSteps = spec.ySteps = 40;
        const LossSurfaceGrid grid = LossSurface::compute(stats, model, spec);
        if (finiteLoss) {
            QVERIFY(grid.values.is_finite());
            QVERIFY(arma::all(arma::vectorise(grid.values) >= 0));
        } else {
            // An overflowing loss is not available anywhere, not a flat zero.
            QVERIFY(!arma::any(arma::vectorise(grid.values) == 0.0));
        }
        for (bool logarithmic : {false, true}) {
            const std::vector<double> levels =
                ContourLines::niceLevels(grid.values, 8, logarithmic);
            QVERIFY(allFinite(levels));
            const std::vector<ContourLevel> lines =
                ContourLines::compute(grid.x, grid.y, grid.values, levels);
            QCOMPARE(lines.size(), levels.size());
            for (const ContourLevel& level : lines)
                for (const ContourSegment& s : level.segments)
                    QVERIFY(std::isfinite(s.x1) && std::isfinite(s.y1) && std::isfinite(s.x2) &&
                            std::isfinite(s.y2));
        }
        const std::pair<double, double> range = colorRange(grid.values, false);
        QVERIFY(std::isfinite(range.first) && std::isfinite(range.second) &&
                range.first < range.second);
    }
}

// The loss from the statistics must not turn an overflow into a finite number: with 1e300
// labels every squared error is past the largest double, at any model.
void tst_EdgeNumbers::overflowIsNeverAFiniteLoss() {
    const Dataset data = edgeDataset(QStringLiteral("huge"));
    const SufficientStatistics s = SufficientStatistics::compute(data.features(), data.labels());
    for (const LinearModel& model :
         {LinearModel(2), LinearModel(s.leastSquares().weights, s.leastSquares().bias),
          LinearModel(arma::vec{1, 1}, 1e300)}) {
        const double mse = s.mse(model.weights(), model.bias());
        QVERIFY2(!std::isfinite(mse), qPrintable(QString::number(mse)));
        QVERIFY(!std::isfinite(model.mse(data.features(), data.labels())));
    }

    // Features near 1e300 with ordinary labels: the Gram matrix overflows while the fit's own
    // residuals do not. The features' mean is exactly 0, so a step off the fit along (1, -1)
    // leaves the mean residual 0; its true MSE is past the largest double. inf - inf inside
    // Sxx (w - w*) is NaN, which must not come out as the fit's small MSE.
    const arma::mat X = arma::mat{{1, 1}, {-1, -1}, {1, 0.5}, {-1, -0.5}} * 1e300;
    const arma::vec y{1, 2, 3, 5};
    const SufficientStatistics wide = SufficientStatistics::compute(X, y);
    const LeastSquaresResult& ls = wide.leastSquares();
    QVERIFY(ls.weights.is_finite() && std::isfinite(ls.bias) && std::isfinite(ls.mse));
    const LinearModel off(ls.weights + arma::vec{1, -1}, ls.bias);
    QVERIFY(!std::isfinite(off.mse(X, y)));
    const double mse = wide.mse(off.weights(), off.bias());
    QVERIFY2(!std::isfinite(mse), qPrintable(QString::number(mse)));
    LossSurfaceSpec spec;
    spec.xMin = ls.weights(0) - 1;
    spec.xMax = ls.weights(0) + 1;
    spec.yMin = ls.weights(1) - 1;
    spec.yMax = ls.weights(1) + 1;
    spec.xSteps = spec.ySteps = 3;
    const LossSurfaceGrid grid = LossSurface::compute(wide, off, spec);
    QVERIFY2(!std::isfinite(grid.values(0, 2)), qPrintable(QString::number(grid.values(0, 2))));
    GradientDescentSettings gd;
    gd.learningRate = 1e-3; // past the (overflowed) bound's check: the loss itself must stop it
    gd.maxEpochs = 3;
    const GradientDescentResult r = GradientDescent::run(wide, off, gd);
    QVERIFY(r.diverged);
    QCOMPARE(r.epochsRun, std::size_t(0));
    QVERIFY(!std::isfinite(r.lossHistory.front()));
}

// A million identical rows: every feature constant, the label constant. The fit is the label
// itself with zero weights, flagged as not unique; descent has nothing to do; all in O(n d).
void tst_EdgeNumbers::millionIdenticalRows() {
    const Dataset data = edgeDataset(QStringLiteral("million identical rows"));
    for (Normalization mode : {Normalization::None, Normalization::ZScore, Normalization::MinMax}) {
        TransformSettings settings;
        settings.normalization = mode;
        const Analysis analysis(data, settings);
        const Transform& t = analysis.transform();
        QVERIFY(t.zeroSpread()[0] && t.zeroSpread()[1]);
        QVERIFY(arma::all(t.divisor() == 1.0));
        QCOMPARE(t.stddev()(0), 0.0);
        QVERIFY(analysis.features().is_finite());
        const LeastSquaresResult& ls = analysis.statistics().leastSquares();
        QVERIFY(ls.rankDeficient);
        QCOMPARE(int(ls.rank), 1);
        QVERIFY(arma::all(ls.weights == 0.0));
        QCOMPARE(ls.bias, 4.0);
        QCOMPARE(ls.mse, 0.0);

        const LinearModel model(arma::vec{1, 1}, 0);
        const Evaluation slow = analysis.evaluate(model);
        const Evaluation fast = analysis.evaluateFast(model);
        // By hand, without normalisation: every prediction is 1.5 - 2.5 = -1, every residual -5.
        // Normalised, both features are shifted to zero (and divided by 1): every residual is -4.
        const double residual = mode == Normalization::None ? -5.0 : -4.0;
        QVERIFY(close(slow.metrics.mse, residual * residual));
        QVERIFY(close(fast.metrics.mse, residual * residual));
        QVERIFY(std::isnan(slow.metrics.r2) && std::isnan(fast.metrics.r2));
        QVERIFY(slow.gradient.weights.is_finite() && fast.gradient.weights.is_finite());

        GradientDescentSettings gd;
        gd.maxEpochs = 20;
        const GradientDescentResult r =
            GradientDescent::run(analysis.statistics(), LinearModel(2), gd);
        QVERIFY(r.stopReason != StopReason::NoData);
        QVERIFY(!r.diverged);
        QVERIFY(allFinite(r.lossHistory));
        QVERIFY(r.model.weights().is_finite() && std::isfinite(r.model.bias()));
    }
}

// The exported script embeds the data and prints the report: strict JSON (null, never NaN or
// Infinity) even when NumPy's own sums overflow.
void tst_EdgeNumbers::numpyScriptPrintsStrictJson_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<int>("normalization");
    QTest::addColumn<int>("rank");
    QTest::newRow("huge, none") << QStringLiteral("huge") << int(Normalization::None) << -1;
    QTest::newRow("huge, zscore") << QStringLiteral("huge") << int(Normalization::ZScore) << -1;
    QTest::newRow("tiny, none") << QStringLiteral("tiny") << int(Normalization::None) << -1;
    QTest::newRow("constant label, none")
        << QStringLiteral("constant label") << int(Normalization::None) << 3;
    QTest::newRow("single row, zscore")
        << QStringLiteral("single row") << int(Normalization::ZScore) << 1;
    QTest::newRow("collinear, none")
        << QStringLiteral("collinear") << int(Normalization::None) << 2;
    QTest::newRow("more features than rows, minmax")
        << QStringLiteral("more features than rows") << int(Normalization::MinMax) << 3;
}

void tst_EdgeNumbers::numpyScriptPrintsStrictJson() {
    QFETCH(QString, dataset);
    QFETCH(int, normalization);
    QFETCH(int, rank);

    const Dataset data = edgeDataset(dataset);
    const TransformSettings settings = normalized(normalization);
    GradientDescentSettings gd;
    gd.maxEpochs = 5;
    const std::string script =
        NumpyScript::generate(data, settings, LinearModel(data.featureCount()), gd);
    QVERIFY(!script.empty());

    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("edge.py"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(script.data(), qint64(script.size()));
    }
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-W"), QStringLiteral("ignore"), path});
    if (!p.waitForStarted(10000))
        QSKIP("Debian's python3 with NumPy is not installed");
    QVERIFY(p.waitForFinished(60000));
    const QByteArray out = p.readAllStandardOutput();
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY2(strictJson(out), out.constData());
    QJsonParseError error{};
    const QJsonObject report = QJsonDocument::fromJson(out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(report.value(QStringLiteral("n_samples")).toInt(), int(data.rowCount()));
    if (rank >= 0) // NumPy's rank of [X 1] where NumPy itself copes
        QCOMPARE(report.value(QStringLiteral("least_squares"))
                     .toObject()
                     .value(QStringLiteral("rank"))
                     .toInt(),
                 rank);
}

QTEST_GUILESS_MAIN(tst_EdgeNumbers)
#include "tst_EdgeNumbers.moc"
