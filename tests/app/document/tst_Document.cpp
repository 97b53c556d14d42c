// The document's evaluation on large tables: sampled predictions for the plots, every other
// number from the statistics at once, the MAE from a background pass. Known answers are the
// direct evaluation (the same operations as the lesson's NumPy lines).
#include "app/document/Document.h"
#include "tests/common/TestUtil.h"

#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace linlab;

class tst_Document : public QObject {
    Q_OBJECT
private slots:
    void smallDocumentEvaluatesEveryRow();
    void largeDocumentSamplesAndComputesMaeInBackground();
    void ticksDuringAPassEndWithTheLatestModel();
    void dataEditStopsAPassAndStartsAnother();
    void waitForMetricsAndFullEvaluation();
    void labelOnlyTableIsAnInterceptModel_data();
    void labelOnlyTableIsAnInterceptModel();
};

namespace {

Dataset largeData(arma::uword n) {
    arma::arma_rng::set_seed(21);
    const arma::mat X = arma::randn(n, 3);
    const arma::vec y = X * arma::vec{1.5, -2, 0.25} + 3 + 0.5 * arma::randn(n);
    return Dataset(X, y, {"a", "b", "c"}, "y");
}

} // namespace

void tst_Document::smallDocumentEvaluatesEveryRow() {
    Document doc;
    QCOMPARE(doc.displayStep(), arma::uword(1));
    QVERIFY(!doc.maePending());
    QVERIFY(doc.hasPredictions());
    QCOMPARE(doc.evaluation().sampleStep, arma::uword(1));
    QCOMPARE(doc.prediction(0), doc.evaluation().predictions(0));
    QCOMPARE(doc.residual(0), doc.evaluation().residuals(0));
    QVERIFY(!std::isnan(doc.evaluation().metrics.mae));
}

void tst_Document::largeDocumentSamplesAndComputesMaeInBackground() {
    const arma::uword n = 90001; // display step 5: rows 0, 5, ..., 90000
    Document doc;
    QSignalSpy refined(&doc, &Document::metricsRefined);
    doc.replaceAll(largeData(n), {}, LinearModel(arma::vec{1, -1, 0}, 2), QStringLiteral("big"));
    QCOMPARE(doc.displayStep(), arma::uword(5));
    QCOMPARE(doc.evaluation().sampleStep, arma::uword(5));
    QCOMPARE(doc.evaluation().predictions.n_elem, arma::uword(18001));
    QVERIFY(doc.hasPredictions());
    QVERIFY(doc.maePending());
    QVERIFY(std::isnan(doc.evaluation().metrics.mae));

    const Evaluation direct = doc.analysis().evaluate(doc.model());
    // Sampled rows and skipped rows alike, to rounding of the direct (BLAS) predictions.
    for (arma::uword row :
         {arma::uword(0), arma::uword(1), arma::uword(4), arma::uword(5), n - 1}) {
        QVERIFY(testutil::close(doc.prediction(row), direct.predictions(row), 1e-13));
        QVERIFY(testutil::close(doc.residual(row), direct.residuals(row), 1e-13));
    }
    QVERIFY(testutil::closeRel(doc.evaluation().metrics.mse, direct.metrics.mse, 1e-9));

    // The MAE arrives from the other thread, through the event loop.
    QVERIFY(refined.wait(5000));
    QCOMPARE(refined.count(), 1);
    QVERIFY(!doc.maePending());
    QVERIFY(testutil::closeRel(doc.evaluation().metrics.mae, direct.metrics.mae, 1e-12));
}

void tst_Document::ticksDuringAPassEndWithTheLatestModel() {
    Document doc;
    doc.replaceAll(largeData(200000), {}, LinearModel(3), QStringLiteral("big"));
    QSignalSpy refined(&doc, &Document::metricsRefined);
    // A drag: many models before any pass can end. Passes are not piled up, and the MAE that
    // finally shows is the last model's.
    for (int i = 0; i < 30; ++i)
        doc.setModel(LinearModel(arma::vec{0.1 * i, -0.05 * i, 0}, 0.2 * i));
    QVERIFY(doc.maePending());
    QTRY_VERIFY_WITH_TIMEOUT(!doc.maePending(), 10000);
    QVERIFY(refined.count() >= 1);
    const double expected = doc.analysis().evaluate(doc.model()).metrics.mae;
    QVERIFY(testutil::closeRel(doc.evaluation().metrics.mae, expected, 1e-12));
    // Nothing more arrives for an older model.
    const int count = refined.count();
    QTest::qWait(50);
    QCOMPARE(refined.count(), count);
}

void tst_Document::dataEditStopsAPassAndStartsAnother() {
    Document doc;
    doc.replaceAll(largeData(200000), {}, LinearModel(arma::vec{1, 1, 1}, 0),
                   QStringLiteral("big"));
    QVERIFY(doc.maePending());
    // The pass reads the analysis that this edit replaces: it must stop first (ASan would see it).
    doc.setValues(7, 0, arma::mat(1, 1, arma::fill::value(1e3)));
    QVERIFY(doc.maePending());
    doc.removeRows(0, 10);
    QTRY_VERIFY_WITH_TIMEOUT(!doc.maePending(), 10000);
    QVERIFY(testutil::closeRel(doc.evaluation().metrics.mae,
                               doc.analysis().evaluate(doc.model()).metrics.mae, 1e-12));
    // Back under the direct limit: no background work at all.
    doc.removeRows(0, int(doc.dataset().rowCount()) - 100);
    QVERIFY(!doc.maePending());
    QCOMPARE(doc.evaluation().sampleStep, arma::uword(1));
    QCOMPARE(doc.evaluation().predictions.n_elem, arma::uword(100));
}

void tst_Document::waitForMetricsAndFullEvaluation() {
    Document doc;
    QSignalSpy refined(&doc, &Document::metricsRefined);
    doc.replaceAll(largeData(120000), {}, LinearModel(arma::vec{2, 0, -1}, 1),
                   QStringLiteral("big"));
    const Evaluation full = doc.fullEvaluation(); // while the pass runs: computed on the spot
    QCOMPARE(full.sampleStep, arma::uword(1));
    QCOMPARE(full.predictions.n_elem, arma::uword(120000));
    doc.waitForMetrics();
    QVERIFY(!doc.maePending());
    QCOMPARE(refined.count(), 1);
    QVERIFY(testutil::closeRel(doc.evaluation().metrics.mae, full.metrics.mae, 1e-12));
    // The pass's own notice, still queued, changes nothing.
    QTest::qWait(20);
    QCOMPARE(refined.count(), 1);
    doc.waitForMetrics(); // nothing pending: nothing sent
    QCOMPARE(refined.count(), 1);
}

void tst_Document::labelOnlyTableIsAnInterceptModel_data() {
    QTest::addColumn<int>("rows");
    QTest::newRow("small") << 5;
    QTest::newRow("sampled, MAE in the background") << 60001; // past kDirectEvaluationRows
}

// A CSV with one column (a label, no features), as the window opens it: no crash; least squares
// is the intercept-only model, the label's mean.
void tst_Document::labelOnlyTableIsAnInterceptModel() {
    QFETCH(int, rows);
    const arma::vec y = arma::regspace(1.0, double(rows));
    Document doc;
    doc.replaceAll(Dataset(arma::mat(arma::uword(rows), 0), y, {}, "y"), {}, LinearModel(0),
                   QStringLiteral("label only"));
    doc.waitForMetrics();
    QCOMPARE(doc.dataset().featureCount(), arma::uword(0));
    QVERIFY(doc.hasPredictions());
    QCOMPARE(doc.prediction(arma::uword(rows - 1)), 0.0);
    const LinearModel ls = doc.leastSquaresModel();
    QCOMPARE(ls.weights().n_elem, arma::uword(0));
    QVERIFY(testutil::close(ls.bias(), (rows + 1) / 2.0));
    QCOMPARE(doc.analysis().statistics().leastSquares().rank, arma::uword(1));
    doc.setModel(ls);
    doc.waitForMetrics();
    const Evaluation e = doc.fullEvaluation();
    QVERIFY(testutil::closeRel(e.metrics.mse, arma::var(y, 1), 1e-12)); // the population variance
    QVERIFY(testutil::close(e.metrics.mae, doc.analysis().evaluate(ls).metrics.mae));
    QVERIFY(std::abs(e.gradient.bias) < 1e-9 * rows);
}

QTEST_GUILESS_MAIN(tst_Document)
#include "tst_Document.moc"
