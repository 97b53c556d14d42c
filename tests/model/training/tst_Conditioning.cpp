#include "model/data/Dataset.h"
#include "model/fit/Analysis.h"
#include "model/training/Conditioning.h"
#include "tests/common/TestUtil.h"

#include <QTest>

#include <cmath>
#include <utility>

using namespace linlab;
using testutil::close;

class tst_Conditioning : public QObject {
    Q_OBJECT
private slots:
    void conditionNumberOfMatrices();
    void lessonGramAndHessian();
    void stableBoundAndSuggestion();
    void slicesRawAgainstZScored();
};

void tst_Conditioning::conditionNumberOfMatrices() {
    QCOMPARE(conditionNumber(arma::mat{{4, 0}, {0, 1}}), 4.0);
    QVERIFY(std::isinf(conditionNumber(arma::mat{{1, 1}, {1, 1}})));
    QVERIFY(std::isnan(conditionNumber(arma::mat())));
    QVERIFY(std::isnan(conditionNumber(arma::mat(2, 2, arma::fill::zeros))));
}

void tst_Conditioning::lessonGramAndHessian() {
    const Analysis raw(Dataset::lesson(), TransformSettings{});
    const Analysis z(Dataset::lesson(), {1.0, Normalization::ZScore, 0});
    // Centred Gram of the lesson: [[21, 10], [10, 5]], eigenvalues 13 +- sqrt(164).
    QVERIFY(close(centredGramConditionNumber(raw.statistics()),
                  (13 + std::sqrt(164.0)) / (13 - std::sqrt(164.0)), 1e-9));
    QVERIFY(close(centredGramConditionNumber(z.statistics()),
                  hessianConditionNumber(z.statistics()), 1e-9));
    QVERIFY(hessianConditionNumber(raw.statistics()) > 20000);
}

void tst_Conditioning::stableBoundAndSuggestion() {
    const Analysis raw(Dataset::lesson(), TransformSettings{});
    QVERIFY(
        close(stableRateBound(raw.statistics(), 0.5), 1.5 * raw.statistics().stableLearningRate()));
    QCOMPARE(stableRateBound(raw.statistics(), 0.0), raw.statistics().stableLearningRate());
    // Half the bound, rounded down to three digits: under the bound, never above half of it.
    QCOMPARE(suggestedRate(0.0746), 0.0373);
    QVERIFY(std::isnan(suggestedRate(std::nan(""))));
    QVERIFY(std::isnan(suggestedRate(-1.0)));
}

void tst_Conditioning::slicesRawAgainstZScored() {
    const Analysis raw(Dataset::lesson(), TransformSettings{});
    const Analysis z(Dataset::lesson(), {1.0, Normalization::ZScore, 0});
    // z-scoring makes the weight-bias slices round; raw ones are long valleys.
    QVERIFY(close(sliceConditionNumber(z.statistics(), 1, 2), 1.0, 1e-9));
    QVERIFY(sliceConditionNumber(raw.statistics(), 1, 2) > 1000);
    QVERIFY(std::isnan(sliceConditionNumber(raw.statistics(), 1, 1)));
    QVERIFY((mostChangedSlice(raw.statistics(), z.statistics()) ==
             std::pair<arma::uword, arma::uword>(1, 2)));
}

QTEST_MAIN(tst_Conditioning)
#include "tst_Conditioning.moc"
