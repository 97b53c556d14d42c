#include "model/data/Dataset.h"
#include "model/training/NormalizationExperiment.h"
#include "tests/common/TestUtil.h"

#include <QTest>

#include <cmath>
#include <stdexcept>

using namespace linlab;
using testutil::allClose;
using testutil::close;

class tst_NormalizationExperiment : public QObject {
    Q_OBJECT
private slots:
    void bothSidesReachOneModel();
    void pathKeepsTheFirstEpochsOneByOne();
    void scaleMustBeFinite();
};

void tst_NormalizationExperiment::bothSidesReachOneModel() {
    const NormalizationComparisonResult r = compareNormalization(Dataset::lesson(), {});
    QVERIFY(r.raw.settings.normalization == Normalization::None);
    QVERIFY(r.zscored.settings.normalization == Normalization::ZScore);
    QVERIFY(r.raw.result.converged && r.zscored.result.converged);
    // Each at half its own bound; the raw valley takes far longer than the round bowl.
    QVERIFY(close(r.raw.rate, 0.5 * r.raw.bound) && close(r.zscored.rate, 0.5 * r.zscored.bound));
    QVERIFY(r.raw.result.epochsRun > 100 * r.zscored.result.epochsRun);
    QVERIFY(r.raw.hessianCondition > 100 * r.zscored.hessianCondition);
    // In the original units both are the least-squares fit, w = [5, 2], b = 34.5.
    QVERIFY(allClose(r.raw.originalWeights, arma::vec{5, 2}, 1e-4));
    QVERIFY(allClose(r.zscored.originalWeights, arma::vec{5, 2}, 1e-6));
    QVERIFY(close(r.zscored.originalBias, 34.5, 1e-6));
}

void tst_NormalizationExperiment::pathKeepsTheFirstEpochsOneByOne() {
    NormalizationComparisonSettings settings;
    settings.detailedEpochs = 50;
    settings.pathPoints = 100;
    const NormalizationRun raw = compareNormalization(Dataset::lesson(), settings).raw;
    QCOMPARE(raw.path.size(), raw.pathEpochs.size());
    for (std::size_t k = 0; k <= 50; ++k)
        QCOMPARE(raw.pathEpochs[k], k);
    for (std::size_t k = 1; k < raw.pathEpochs.size(); ++k)
        QVERIFY(raw.pathEpochs[k] > raw.pathEpochs[k - 1]);
    QCOMPARE(raw.pathEpochs.back(), raw.result.epochsRun);
    QVERIFY(raw.path.size() <= 51 + 100);
}

void tst_NormalizationExperiment::scaleMustBeFinite() {
    NormalizationComparisonSettings settings;
    settings.scale = std::nan("");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             compareNormalization(Dataset::lesson(), settings));
}

QTEST_MAIN(tst_NormalizationExperiment)
#include "tst_NormalizationExperiment.moc"
