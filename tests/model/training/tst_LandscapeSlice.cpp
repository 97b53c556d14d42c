#include "model/data/Dataset.h"
#include "model/fit/Analysis.h"
#include "model/training/LandscapeSlice.h"
#include "tests/common/TestUtil.h"

#include <QTest>

#include <cmath>
#include <utility>
#include <vector>

using namespace linlab;
using testutil::close;

class tst_LandscapeSlice : public QObject {
    Q_OBJECT
private slots:
    void parametersByIndex();
    void heldParametersAreTheOthers();
    void slicePointsOfAPath();
    void sliceMinimumIsTheBottom();
};

void tst_LandscapeSlice::parametersByIndex() {
    const LinearModel model(arma::vec{4, 3}, 10);
    QCOMPARE(parameterValue(model, 0), 4.0);
    QCOMPARE(parameterValue(model, 2), 10.0);
    QVERIFY(std::isnan(parameterValue(model, 3)));
    // The lesson's least-squares fit, w = [5, 2], b = 34.5, and the gradient at (4, 3; 10).
    const Analysis lesson(Dataset::lesson(), TransformSettings{});
    const LeastSquaresResult& ls = lesson.statistics().leastSquares();
    QVERIFY(close(parameterValue(ls, 1), 2, 1e-9) && close(parameterValue(ls, 2), 34.5, 1e-9));
    const Gradient g = lesson.statistics().gradient(model.weights(), model.bias());
    QVERIFY(close(parameterValue(g, 0), -208) && close(parameterValue(g, 2), -45));
    const LinearModel moved = withParameters(model, 2, -1, 0, 7);
    QCOMPARE(moved.bias(), -1.0);
    QCOMPARE(moved.weights()(0), 7.0);
    QCOMPARE(moved.weights()(1), 3.0);
}

void tst_LandscapeSlice::heldParametersAreTheOthers() {
    const LinearModel model(arma::vec{1, 2, 3}, 4);
    QCOMPARE(heldParameters(model, 0, 3), (std::vector<double>{2, 3}));
    QCOMPARE(heldParameters(model, 2, 1), (std::vector<double>{1, 4}));
}

void tst_LandscapeSlice::slicePointsOfAPath() {
    const std::vector<arma::vec> path{{1, 2, 3}, {4, 5}, {7, 8, 9}, {10, 11, 12}};
    std::vector<std::pair<double, double>> points{{0, 0}};
    // The first three points over (0, 2); the short one has no parameter 2.
    appendSlicePoints(points, path, 3, 0, 2);
    QCOMPARE(points, (std::vector<std::pair<double, double>>{{0, 0}, {1, 3}, {7, 9}}));
    points.clear();
    appendSlicePoints(points, path, 99, 1, 0); // past the end: the whole path
    QCOMPARE(points.size(), std::size_t(4));
    QCOMPARE(points.back(), std::make_pair(11.0, 10.0));
}

void tst_LandscapeSlice::sliceMinimumIsTheBottom() {
    const Analysis raw(Dataset::lesson(), TransformSettings{});
    // The bottom of the w1 x w2 slice at b = 34.5 is the least-squares fit.
    double x = 0, y = 0;
    QVERIFY(sliceMinimum(raw.statistics(), LinearModel(arma::vec{0, 0}, 34.5), 0, 1, x, y));
    QVERIFY(close(x, 5, 1e-9) && close(y, 2, 1e-9));
    // Not a slice: the same parameter twice, or a model of the wrong size.
    QVERIFY(!sliceMinimum(raw.statistics(), LinearModel(arma::vec{0, 0}, 34.5), 1, 1, x, y));
    QVERIFY(!sliceMinimum(raw.statistics(), LinearModel(arma::vec{0}, 34.5), 0, 1, x, y));
}

QTEST_MAIN(tst_LandscapeSlice)
#include "tst_LandscapeSlice.moc"
