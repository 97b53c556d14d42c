// The raw-versus-z-scored comparison window, opened from the training view: the epochs, the
// condition numbers, one model in original units, the slice shown, and the snapshot going out
// of date when the data changes. Offscreen.

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "tests/common/TestUtil.h"
#include "tests/ui/training/TrainingTestUtil.h"
#include "ui/training/NormalizationComparison.h"
#include "ui/training/TrainingSession.h"
#include "ui/training/TrainingView.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

#include <utility>

using namespace linlab;
using namespace trainingtest;
using testutil::allClose;
using testutil::close;

class tst_NormalizationComparison : public QObject {
    Q_OBJECT
private slots:
    void compareNormalization();
};

void tst_NormalizationComparison::compareNormalization() {
    Document doc;
    TrainingView view(&doc);
    view.session()->setTolerance(1e-12);
    QVERIFY(!view.comparison());
    view.compareButton()->click();
    NormalizationComparison* c = view.comparison();
    QVERIFY(c);
    QVERIFY(c->hasResult());
    const NormalizationComparisonResult& r = c->result();
    // At 1/lambda_max each, with tolerance 1e-12: about 445,000 epochs raw against 1,750.
    QVERIFY(r.raw.result.converged && r.zscored.result.converged);
    QVERIFY2(r.raw.result.epochsRun > 100 * r.zscored.result.epochsRun,
             qPrintable(QStringLiteral("%1 vs %2")
                            .arg(r.raw.result.epochsRun)
                            .arg(r.zscored.result.epochsRun)));
    QVERIFY(r.raw.result.epochsRun > 300000 && r.zscored.result.epochsRun < 3000);
    QVERIFY(r.raw.gramCondition > r.zscored.gramCondition);
    QVERIFY(r.raw.hessianCondition > 100 * r.zscored.hessianCondition);
    QVERIFY(close(r.raw.rate, 0.5 * r.raw.bound) && close(r.zscored.rate, 0.5 * r.zscored.bound));
    // One model: both fits in original units are least squares, w = [5, 2], b = 34.5.
    QVERIFY(allClose(r.raw.originalWeights, arma::vec{5, 2}, 1e-6));
    QVERIFY(close(r.raw.originalBias, 34.5, 1e-6));
    QVERIFY(allClose(r.zscored.originalWeights, arma::vec{5, 2}, 1e-9));
    QVERIFY(close(r.zscored.originalBias, 34.5, 1e-9));
    const QString summary = c->summaryLabel()->text();
    QVERIFY(summary.contains(QStringLiteral("centred Gram")));
    QVERIFY(summary.contains(QStringLiteral("[5, 2]")));
    // The slice normalising changes most: w2 and the bias (condition 1,582 raw, 1 z-scored).
    QCOMPARE(c->slice(), std::make_pair(1, 2));
    QString why;
    QVERIFY2(plotFinite(c->rawPlot(), &why), qPrintable(why));
    QVERIFY2(plotFinite(c->zscoredPlot(), &why), qPrintable(why));
    c->setSlice(0, 1);
    QVERIFY2(plotFinite(c->rawPlot(), &why), qPrintable(why));
    // The data changes: the snapshot says so.
    doc.setValues(0, 2, arma::mat(1, 1, arma::fill::value(80.0)));
    QVERIFY(c->isOutdated());
}

QTEST_MAIN(tst_NormalizationComparison)
#include "tst_NormalizationComparison.moc"
