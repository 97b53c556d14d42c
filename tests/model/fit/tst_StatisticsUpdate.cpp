// SufficientStatistics::updated() and the analysis that uses it after a cell edit: an update
// agrees with the statistics computed afresh, on data offset by 1e6 as on any other.
#include "model/data/Dataset.h"
#include "model/fit/Analysis.h"
#include "model/fit/SufficientStatistics.h"
#include "tests/common/TestUtil.h"

#include <QTest>

using namespace linlab;

namespace {

double relativeDifference(const arma::mat& a, const arma::mat& b) {
    const double scale = std::max(arma::norm(b, "inf"), 1e-300);
    return arma::norm(a - b, "inf") / scale;
}

// Every number the statistics give, against a fresh computation: means, sums, the fit, and the
// loss and gradient at the fit and away from it. `tolerance` is relative.
void compareStatistics(const SufficientStatistics& s, const SufficientStatistics& fresh,
                       double tolerance) {
    QCOMPARE(s.sampleCount(), fresh.sampleCount());
    // Means next to their features' spread (a z-scored feature's mean is 0 and rounding).
    const double n = static_cast<double>(fresh.sampleCount());
    for (arma::uword j = 0; j < fresh.featureCount(); ++j)
        QVERIFY(std::abs(s.featureMean()(j) - fresh.featureMean()(j)) <=
                tolerance *
                    (std::abs(fresh.featureMean()(j)) + std::sqrt(fresh.centredSquares(j) / n)));
    QVERIFY(std::abs(s.labelMean() - fresh.labelMean()) <=
            tolerance * (std::abs(fresh.labelMean()) + std::sqrt(fresh.centredLabelSquares() / n)));
    QVERIFY(relativeDifference(s.centredGram(), fresh.centredGram()) < tolerance);
    QVERIFY2(
        relativeDifference(s.centredCross(), fresh.centredCross()) < tolerance,
        qPrintable(QString::number(relativeDifference(s.centredCross(), fresh.centredCross()))));
    QVERIFY(std::abs(s.centredLabelSquares() - fresh.centredLabelSquares()) <=
            tolerance * fresh.centredLabelSquares());
    const LeastSquaresResult &a = s.leastSquares(), &b = fresh.leastSquares();
    QVERIFY2(relativeDifference(a.weights, b.weights) < tolerance,
             qPrintable(QString::number(relativeDifference(a.weights, b.weights))));
    QVERIFY(std::abs(a.bias - b.bias) <= tolerance * std::max(1.0, std::abs(b.bias)));
    QVERIFY2(std::abs(a.mse - b.mse) <= tolerance * b.mse,
             qPrintable(QString::number(a.mse, 'g', 17) + QStringLiteral(" vs ") +
                        QString::number(b.mse, 'g', 17)));
    const arma::vec w = b.weights + 0.25;
    const double bias = b.bias - 3;
    QVERIFY(std::abs(s.mse(w, bias) - fresh.mse(w, bias)) <= tolerance * fresh.mse(w, bias));
    const Gradient ga = s.gradient(w, bias), gb = fresh.gradient(w, bias);
    QVERIFY(relativeDifference(ga.weights, gb.weights) < tolerance);
    QVERIFY(std::abs(ga.bias - gb.bias) <= tolerance * std::abs(gb.bias));
}

struct Data {
    arma::mat X;
    arma::vec y;
};

Data offsetData(arma::uword n, arma::uword d, double offset, double noise) {
    arma::arma_rng::set_seed(42);
    Data data;
    data.X = arma::randn(n, d) * 3 + offset;
    data.y = data.X * arma::linspace(1, 2, d) + noise * arma::randn(n) + 7;
    return data;
}

} // namespace

class tst_StatisticsUpdate : public QObject {
    Q_OBJECT
private slots:
    void updateEqualsCompute_data();
    void updateEqualsCompute();
    void manyUpdatesStayClose();
    void gradientMatchesCentralDifferences();
    void declinesWhatItCannotKeep();
    void cellEditAnalysisUpdatesAndRefreshes();
    void cancelledComputeGivesNothing();
};

void tst_StatisticsUpdate::updateEqualsCompute_data() {
    QTest::addColumn<double>("offset");
    QTest::addColumn<double>("noise");
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("rows");
    QTest::newRow("centred data, one row") << 0.0 << 1.0 << 1.0 << 1;
    QTest::newRow("offset 1e6, one row") << 1e6 << 1.0 << 1.0 << 1;
    QTest::newRow("offset 1e6, a block of 50") << 1e6 << 1.0 << 1.0 << 50;
    QTest::newRow("offset 1e6, nearly exact fit") << 1e6 << 1e-6 << 1.0 << 3;
    QTest::newRow("offset 1e6, columns remapped") << 1e6 << 1.0 << 0.37 << 2;
}

void tst_StatisticsUpdate::updateEqualsCompute() {
    QFETCH(double, offset);
    QFETCH(double, noise);
    QFETCH(double, scale);
    QFETCH(int, rows);
    const arma::uword n = 5000, d = 4, k = arma::uword(rows);
    Data data = offsetData(n, d, offset, noise);
    const SufficientStatistics before = SufficientStatistics::compute(data.X, data.y);

    // Columns 1 and 3 go through an affine map (as a refitted z-score does), then rows
    // [10, 10 + k) get new values, one of them far out.
    arma::rowvec a(d, arma::fill::ones), c(d, arma::fill::zeros);
    a(1) = scale;
    a(3) = 1.0 / scale;
    c(1) = scale == 1.0 ? 0.0 : -offset * scale;
    c(3) = scale == 1.0 ? 0.0 : 12.5;
    const arma::mat oldRows = data.X.rows(10, 10 + k - 1);
    const arma::vec oldLabels = data.y.subvec(10, 10 + k - 1);
    arma::mat X = data.X.each_row() % a;
    X.each_row() += c;
    arma::mat newRows = X.rows(10, 10 + k - 1) + 0.5;
    newRows(0, 0) += 40;
    arma::vec newLabels = oldLabels - 2;
    newLabels(0) += 100 * noise;
    X.rows(10, 10 + k - 1) = newRows;
    arma::vec y = data.y;
    y.subvec(10, 10 + k - 1) = newLabels;

    const std::optional<SufficientStatistics> s =
        SufficientStatistics::updated(before, a, c, oldRows, oldLabels, newRows, newLabels);
    QVERIFY(s.has_value());
    compareStatistics(*s, SufficientStatistics::compute(X, y), 1e-9);
}

void tst_StatisticsUpdate::manyUpdatesStayClose() {
    // A drag: one label pulled far out and back in 500 steps, and 500 other cells edited, each
    // an update of the last; the drift stays far below what a reader sees.
    const arma::uword n = 20000, d = 3;
    Data data = offsetData(n, d, 1e6, 0.5);
    SufficientStatistics s = SufficientStatistics::compute(data.X, data.y);
    const arma::rowvec one(d, arma::fill::ones), zero(d, arma::fill::zeros);
    arma::arma_rng::set_seed(7);
    for (int step = 0; step < 1000; ++step) {
        const arma::uword row =
            step < 500 ? 77 : arma::uword(arma::randi(arma::distr_param(0, int(n) - 1)));
        const arma::mat oldRow = data.X.row(row);
        const arma::vec oldLabel{data.y(row)};
        if (step < 500)
            data.y(row) += (step < 250 ? 40.0 : -40.0); // out to 10,000 (1,000 sd)
        else
            data.X(row, step % d) += arma::randn() * 10;
        const std::optional<SufficientStatistics> next = SufficientStatistics::updated(
            s, one, zero, oldRow, oldLabel, data.X.row(row), arma::vec{data.y(row)});
        QVERIFY(next.has_value());
        s = *next;
    }
    // Each step rounds at the size of the sums it moves through: dragged 100 times as far, the
    // drift is about 100 times as large (the window computes afresh in the background).
    compareStatistics(s, SufficientStatistics::compute(data.X, data.y), 1e-9);
}

void tst_StatisticsUpdate::gradientMatchesCentralDifferences() {
    const arma::uword n = 3000, d = 3;
    Data data = offsetData(n, d, 0.0, 1.0);
    const SufficientStatistics before = SufficientStatistics::compute(data.X, data.y);
    const arma::rowvec one(d, arma::fill::ones), zero(d, arma::fill::zeros);
    const arma::mat oldRow = data.X.row(5);
    const arma::vec oldLabel{data.y(5)};
    data.X(5, 1) = 20;
    const std::optional<SufficientStatistics> s = SufficientStatistics::updated(
        before, one, zero, oldRow, oldLabel, data.X.row(5), arma::vec{data.y(5)});
    QVERIFY(s.has_value());
    const arma::vec w{0.5, -1, 2};
    const double b = 3, h = 1e-5;
    const Gradient g = s->gradient(w, b);
    for (arma::uword j = 0; j < d; ++j) {
        arma::vec up = w, down = w;
        up(j) += h;
        down(j) -= h;
        const double numeric = (s->mse(up, b) - s->mse(down, b)) / (2 * h);
        QVERIFY(testutil::closeRel(g.weights(j), numeric, 1e-6));
    }
    const double numericBias = (s->mse(w, b + h) - s->mse(w, b - h)) / (2 * h);
    QVERIFY(testutil::closeRel(g.bias, numericBias, 1e-6));
}

void tst_StatisticsUpdate::declinesWhatItCannotKeep() {
    const arma::uword d = 2;
    const arma::rowvec one(d, arma::fill::ones), zero(d, arma::fill::zeros);
    Data data = offsetData(2000, d, 0.0, 1.0);
    const SufficientStatistics s = SufficientStatistics::compute(data.X, data.y);
    const arma::mat row = data.X.row(0);
    const arma::vec label{data.y(0)};
    QVERIFY(SufficientStatistics::updated(s, one, zero, row, label, row, label).has_value());
    // A zero or non-finite map, rows of the wrong width, a non-finite new value.
    QVERIFY(!SufficientStatistics::updated(s, arma::rowvec{1, 0}, zero, row, label, row, label));
    QVERIFY(!SufficientStatistics::updated(s, one, arma::rowvec{0, arma::datum::nan}, row, label,
                                           row, label));
    QVERIFY(!SufficientStatistics::updated(s, one, zero, row, label, arma::mat(1, 3), label));
    QVERIFY(
        !SufficientStatistics::updated(s, one, zero, row, label, row, arma::vec{arma::datum::inf}));
    // A small table: computing is cheap there.
    Data small = offsetData(SufficientStatistics::kMinUpdateRows - 1, d, 0.0, 1.0);
    const SufficientStatistics few = SufficientStatistics::compute(small.X, small.y);
    QVERIFY(!SufficientStatistics::updated(few, one, zero, small.X.row(0), arma::vec{small.y(0)},
                                           small.X.row(0), arma::vec{small.y(0)}));
    // Nearly collinear features: the fit needs the QR of the rows.
    arma::mat X = data.X;
    X.col(1) = X.col(0) * 2 + 1e-9 * arma::randn(X.n_rows);
    const SufficientStatistics collinear = SufficientStatistics::compute(X, data.y);
    QVERIFY(!SufficientStatistics::updated(collinear, one, zero, X.row(0), label, X.row(0), label));
}

void tst_StatisticsUpdate::cellEditAnalysisUpdatesAndRefreshes() {
    const arma::uword n = Analysis::kStatisticsUpdateRows + 10;
    Data data = offsetData(n, 3, 1e6, 1.0);
    Dataset dataset(data.X, data.y, {"a", "b", "c"}, "y");
    const TransformSettings settings{1.1, Normalization::ZScore, 0};
    Analysis analysis(dataset, settings);
    QVERIFY(!analysis.statisticsUpdated());

    dataset.setValue(9, 1, 5e6); // far out: the column's z-score moves
    analysis = Analysis(dataset, std::move(analysis), {1}, 9, 9);
    dataset.setValue(n - 1, 3, -42);
    analysis = Analysis(dataset, std::move(analysis), {}, n - 1, n - 1);
    QVERIFY(analysis.statisticsUpdated());
    const Analysis fresh(dataset, settings);
    QVERIFY(arma::approx_equal(analysis.features(), fresh.features(), "absdiff", 0));
    compareStatistics(analysis.statistics(), fresh.statistics(), 1e-9);

    // The exact statistics, put in: to the bit a fresh analysis'.
    analysis.setExactStatistics(
        SufficientStatistics::compute(analysis.features(), analysis.labels()));
    QVERIFY(!analysis.statisticsUpdated());
    QVERIFY(arma::approx_equal(analysis.statistics().centredGram(),
                               fresh.statistics().centredGram(), "absdiff", 0));
    QCOMPARE(analysis.statistics().leastSquares().bias, fresh.statistics().leastSquares().bias);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             analysis.setExactStatistics(SufficientStatistics()));

    // A block past kMaxUpdatedRows: computed afresh.
    const arma::uword last = Analysis::kMaxUpdatedRows;
    for (arma::uword r = 0; r <= last; ++r)
        dataset.setValue(r, 0, 1e6 + double(r % 7));
    analysis = Analysis(dataset, std::move(analysis), {0}, 0, last);
    QVERIFY(!analysis.statisticsUpdated());
}

void tst_StatisticsUpdate::cancelledComputeGivesNothing() {
    const Data data = offsetData(5000, 3, 1e6, 1.0);
    std::atomic<bool> cancel{false};
    const std::optional<SufficientStatistics> s =
        SufficientStatistics::compute(data.X, data.y, cancel);
    QVERIFY(s.has_value());
    const SufficientStatistics plain = SufficientStatistics::compute(data.X, data.y);
    QVERIFY(arma::approx_equal(s->centredGram(), plain.centredGram(), "absdiff", 0));
    QCOMPARE(s->leastSquares().bias, plain.leastSquares().bias);
    cancel = true;
    QVERIFY(!SufficientStatistics::compute(data.X, data.y, cancel).has_value());
}

QTEST_APPLESS_MAIN(tst_StatisticsUpdate)
#include "tst_StatisticsUpdate.moc"
