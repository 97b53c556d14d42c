// StreamingMoments (blocks merged by Chan's update), SufficientStatistics::fromMoments and
// withAnchor, and Transform::fromMoments: the pieces `linlab --batch --stream` fits with. Each is
// checked against the in-memory computation on the same rows, on data offset by 1e6 too, where
// raw sums lose the digits.

#include "model/data/Transform.h"
#include "model/fit/StreamingMoments.h"
#include "model/fit/SufficientStatistics.h"
#include "tests/common/TestUtil.h"

#include <QTest>

#include <stdexcept>
#include <string>

using namespace linlab;
using testutil::allClose;
using testutil::close;

namespace {

// The moments of Z fed in blocks of `rows` rows.
StreamingMoments inBlocks(const arma::mat& Z, arma::uword rows) {
    StreamingMoments m(Z.n_cols);
    for (arma::uword a = 0; a < Z.n_rows; a += rows)
        m.add(Z.rows(a, std::min(Z.n_rows, a + rows) - 1));
    return m;
}

// The statistics of the columns of Z but the last (features) and the last (label), from moments.
SufficientStatistics statisticsOf(const StreamingMoments& m) {
    const arma::uword d = m.columns() - 1;
    const arma::mat& M = m.comoments();
    return SufficientStatistics::fromMoments(m.count(), m.mean().head(d), m.mean()(d),
                                             M.submat(0, 0, d - 1, d - 1), M.submat(0, d, d - 1, d),
                                             M(d, d));
}

bool relClose(const arma::mat& a, const arma::mat& b, double tol) {
    return arma::size(a) == arma::size(b) &&
           arma::abs(a - b).max() <= tol * std::max(1e-300, arma::abs(b).max());
}

} // namespace

class tst_StreamingMoments : public QObject {
    Q_OBJECT
private slots:
    void knownAnswer();
    void blocksAgreeWithWholeMatrix();
    void offsetDataKeepsDigits();
    void mergeOrderDoesNotMatter();
    void wrongColumnsThrow();
    void statisticsFromMomentsMatchCompute();
    void anchorFromRowsReplacesMoments();
    void illConditionedNeedsRows();
    void transformFromMomentsMatchesFit_data();
    void transformFromMomentsMatchesFit();
};

void tst_StreamingMoments::knownAnswer() {
    // Rows (1, 2), (3, 6), (5, 10) in two blocks: mean (3, 6), co-moments
    // [[8, 16], [16, 32]], min (1, 2), max (5, 10).
    StreamingMoments m(2);
    m.add(arma::mat{{1, 2}});
    m.add(arma::mat{{3, 6}, {5, 10}});
    QCOMPARE(m.count(), arma::uword(3));
    QVERIFY(allClose(m.mean(), arma::rowvec{3, 6}, 1e-15));
    QVERIFY(allClose(m.comoments(), arma::mat{{8, 16}, {16, 32}}, 1e-14));
    QVERIFY(allClose(m.min(), arma::rowvec{1, 2}, 0));
    QVERIFY(allClose(m.max(), arma::rowvec{5, 10}, 0));
    m.add(arma::mat(0, 2)); // an empty block changes nothing
    QCOMPARE(m.count(), arma::uword(3));
}

void tst_StreamingMoments::blocksAgreeWithWholeMatrix() {
    arma::arma_rng::set_seed(3);
    const arma::mat Z = arma::randn(1000, 4) * 5.0 + 2.0;
    const arma::mat expected = arma::cov(Z) * (Z.n_rows - 1.0);
    for (arma::uword rows : {1u, 7u, 64u, 999u, 1000u, 5000u}) {
        const StreamingMoments m = inBlocks(Z, rows);
        QCOMPARE(m.count(), Z.n_rows);
        QVERIFY2(relClose(m.mean(), arma::mean(Z, 0), 1e-13), qPrintable(QString::number(rows)));
        QVERIFY2(relClose(m.comoments(), expected, 1e-12), qPrintable(QString::number(rows)));
        QVERIFY(allClose(m.min(), arma::min(Z, 0), 0));
        QVERIFY(allClose(m.max(), arma::max(Z, 0), 0));
        QVERIFY(m.comoments().is_symmetric());
    }
}

void tst_StreamingMoments::offsetDataKeepsDigits() {
    // Columns offset by 1e6 with unit spread: the centred co-moments keep their digits, which
    // raw sums (sum x^2 - n mean^2) lose to cancellation.
    arma::mat X;
    arma::vec y, w;
    testutil::offsetData(20000, 3, 1e6, X, y, w);
    const arma::mat Z = arma::join_rows(X, y);
    arma::mat centred = Z;
    centred.each_row() -= arma::mean(Z, 0);
    const arma::mat exact = centred.t() * centred; // two-pass on the whole matrix
    const StreamingMoments m = inBlocks(Z, 4096);
    QVERIFY(relClose(m.comoments(), exact, 1e-10));
    const double n = static_cast<double>(Z.n_rows);
    const double raw = arma::accu(arma::square(Z.col(0))) - n * std::pow(arma::mean(Z.col(0)), 2);
    QVERIFY2(std::abs(raw - exact(0, 0)) > 1e-6 * exact(0, 0), "raw sums kept the digits here");
}

void tst_StreamingMoments::mergeOrderDoesNotMatter() {
    arma::arma_rng::set_seed(5);
    const arma::mat A = arma::randn(300, 3) + 1e6, B = arma::randn(500, 3) * 2.0 - 1e6;
    StreamingMoments ab = inBlocks(A, 50), ba = inBlocks(B, 70);
    ab.merge(inBlocks(B, 70));
    ba.merge(inBlocks(A, 50));
    const StreamingMoments whole = inBlocks(arma::join_cols(A, B), 800);
    QVERIFY(relClose(ab.comoments(), whole.comoments(), 1e-10));
    QVERIFY(relClose(ba.comoments(), whole.comoments(), 1e-10));
    QVERIFY(relClose(ab.mean(), whole.mean(), 1e-14));
    StreamingMoments empty(3);
    empty.merge(ab);
    QVERIFY(allClose(empty.comoments(), ab.comoments(), 0));
}

void tst_StreamingMoments::wrongColumnsThrow() {
    StreamingMoments m(2);
    try {
        m.add(arma::mat(3, 3, arma::fill::ones));
        QFAIL("no throw");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(std::string(e.what()).rfind("StreamingMoments::add", 0) == 0, e.what());
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m.merge(StreamingMoments(3)));
}

void tst_StreamingMoments::statisticsFromMomentsMatchCompute() {
    arma::mat X;
    arma::vec y, w;
    testutil::offsetData(50000, 4, 1e6, X, y, w);
    const SufficientStatistics exact = SufficientStatistics::compute(X, y);
    const SufficientStatistics s = statisticsOf(inBlocks(arma::join_rows(X, y), 65536 / 8));
    QCOMPARE(s.sampleCount(), exact.sampleCount());
    QVERIFY(relClose(s.leastSquares().weights, exact.leastSquares().weights, 1e-9));
    QVERIFY(close(s.leastSquares().bias, exact.leastSquares().bias, 1e-9));
    QVERIFY(close(s.leastSquares().mse, exact.leastSquares().mse, 1e-9));
    QCOMPARE(s.leastSquares().method, std::string("normal-equations"));
    QCOMPARE(s.leastSquares().rank, exact.leastSquares().rank);
    QVERIFY(close(s.leastSquares().conditionNumber, exact.leastSquares().conditionNumber, 1e-9));
    // A model away from the fit: the per-tick loss and gradient, O(d^2), agree too.
    const arma::vec v = w + 0.01;
    QVERIFY(close(s.mse(v, 2.5), exact.mse(v, 2.5), 1e-9));
    const Gradient g = s.gradient(v, 2.5), ge = exact.gradient(v, 2.5);
    QVERIFY(relClose(g.weights, ge.weights, 1e-9));
    QVERIFY(close(g.bias, ge.bias, 1e-9));
    QVERIFY(close(s.stableLearningRate(), exact.stableLearningRate(), 1e-9));
}

void tst_StreamingMoments::anchorFromRowsReplacesMoments() {
    arma::mat X;
    arma::vec y, w;
    testutil::offsetData(3000, 2, 1e6, X, y, w);
    const SufficientStatistics exact = SufficientStatistics::compute(X, y);
    const SufficientStatistics s = statisticsOf(inBlocks(arma::join_rows(X, y), 1000));
    // r = Xc p - yc at the stream's weights p, summed over the rows as a second pass does.
    arma::mat Xc = X;
    Xc.each_row() -= s.featureMean();
    const arma::vec r = Xc * s.leastSquares().weights - (y - s.labelMean());
    const SufficientStatistics a = s.withAnchor(arma::dot(r, r), Xc.t() * r);
    QVERIFY(close(a.anchorSse(), exact.anchorSse(), 1e-10));
    QVERIFY(close(a.leastSquares().mse, exact.leastSquares().mse, 1e-10));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, s.withAnchor(1.0, arma::vec(5)));
}

void tst_StreamingMoments::illConditionedNeedsRows() {
    // Two identical features: a singular Gram matrix, whose least squares needs the rows.
    arma::arma_rng::set_seed(1);
    const arma::vec x = arma::randn(100);
    const arma::mat Z = arma::join_rows(x, x, 2.0 * x + 1.0);
    try {
        statisticsOf(inBlocks(Z, 30));
        QFAIL("no throw");
    } catch (const std::invalid_argument& e) {
        QVERIFY2(std::string(e.what()).find("SufficientStatistics::fromMoments") !=
                     std::string::npos,
                 e.what());
        QVERIFY2(std::string(e.what()).find("needs the rows") != std::string::npos, e.what());
    }
}

void tst_StreamingMoments::transformFromMomentsMatchesFit_data() {
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("normalization");
    QTest::addColumn<int>("ddof");
    QTest::newRow("identity") << 1.0 << int(Normalization::None) << 0;
    QTest::newRow("scale 1.1") << 1.1 << int(Normalization::None) << 0;
    QTest::newRow("zscore ddof 0") << 1.0 << int(Normalization::ZScore) << 0;
    QTest::newRow("zscore ddof 1, scale -2") << -2.0 << int(Normalization::ZScore) << 1;
    QTest::newRow("minmax, scale -0.5") << -0.5 << int(Normalization::MinMax) << 0;
}

void tst_StreamingMoments::transformFromMomentsMatchesFit() {
    QFETCH(double, scale);
    QFETCH(int, normalization);
    QFETCH(int, ddof);
    arma::arma_rng::set_seed(11);
    arma::mat X = arma::randn(5000, 3) * 3.0 + 1e6;
    X.col(2).fill(7.0); // a constant column: flagged, divided by 1
    const TransformSettings settings{scale, Normalization(normalization), ddof};
    const Transform expected = Transform::fit(X, settings);
    const StreamingMoments m = inBlocks(X, 700);
    const Transform t = Transform::fromMoments(m.count(), m.mean(), m.comoments().diag().t(),
                                               m.min(), m.max(), settings);
    QVERIFY(relClose(t.mean(), expected.mean(), 1e-14));
    QVERIFY(relClose(t.stddev().head(2), expected.stddev().head(2), 1e-10));
    QVERIFY(allClose(t.min(), expected.min(), 0));
    QVERIFY(allClose(t.max(), expected.max(), 0));
    QVERIFY(t.zeroSpread() == expected.zeroSpread());
    QVERIFY(t.zeroSpread()[2]);
    QVERIFY(relClose(t.shift(), expected.shift(), 1e-14));
    QVERIFY(relClose(t.divisor(), expected.divisor(), 1e-10));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             Transform::fromMoments(1, {1.0}, {1.0, 2.0}, {1.0}, {1.0}, settings));
}

QTEST_APPLESS_MAIN(tst_StreamingMoments)
#include "tst_StreamingMoments.moc"
