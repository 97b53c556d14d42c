// HeldOutPanel and the metrics beside it: a drag of the test fraction is one undo step, the
// split appears in the note and in MetricsPanel's train and test columns (HeldOut::metricsOn's
// numbers), a fraction that leaves no test row says so, and Cross-validate on its thread gives
// FitSetup::crossValidate's numbers.

#include "app/document/Document.h"
#include "tests/common/TestUtil.h"
#include "ui/common/NumberText.h"
#include "ui/panels/HeldOutPanel.h"
#include "ui/panels/MetricsPanel.h"
#include "ui/plots/BackgroundTask.h"

#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

using namespace linlab;

namespace {

// 40 rows of two features, a noisy linear label.
void loadForty(Document& doc) {
    arma::arma_rng::set_seed(3);
    const arma::mat X = arma::randn(40, 2);
    const arma::vec y = X * arma::vec{1.5, -2.0} + 0.5 + 0.3 * arma::randn(40);
    doc.replaceAll(Dataset(X, y, {"a", "b"}, "y"), {}, LinearModel(arma::vec{1.0, -1.0}, 0.2),
                   QStringLiteral("forty"));
}

} // namespace

class tst_HeldOutPanel : public QObject {
    Q_OBJECT
private slots:
    void aDragIsOneUndoStep() {
        Document doc;
        loadForty(doc);
        HeldOutPanel panel(&doc);
        QSlider* slider = panel.fractionSlider();
        const int before = doc.undoStack()->count();
        slider->setSliderDown(true); // sliderPressed: a new merge id
        for (int v : {5, 10, 15, 20, 25})
            slider->setValue(v);
        slider->setSliderDown(false);
        QCOMPARE(doc.undoStack()->count(), before + 1);
        QCOMPARE(doc.fitSettings().testFraction, 0.25);
        QVERIFY(doc.fitSetup().hasSplit());
        QCOMPARE(doc.fitSetup().split().test.n_elem, arma::uword(10));
        QVERIFY(panel.splitNote()->text().startsWith(QStringLiteral("10 of 40 rows held out")));
        doc.undoStack()->undo();
        QCOMPARE(doc.fitSettings().testFraction, 0.0);
        QCOMPARE(slider->value(), 0);
        QVERIFY(!doc.fitSetup().hasSplit());
        // Keys, not a drag: each step its own.
        slider->setValue(10);
        slider->setValue(20);
        QCOMPARE(doc.undoStack()->count(), before + 2);
    }

    void metricsSideBySideAreTheSplits() {
        Document doc;
        loadForty(doc);
        HeldOutPanel panel(&doc);
        MetricsPanel metrics(&doc);
        metrics.show();
        QLabel* testMse = metrics.valueLabel(QStringLiteral("mseTestValue"));
        QVERIFY(testMse);
        QVERIFY(testMse->isHidden());
        panel.fractionSlider()->setValue(30);
        QVERIFY(!testMse->isHidden());
        const Analysis& a = doc.analysis();
        const Metrics train =
            HeldOut::metricsOn(doc.model(), a.features(), a.labels(), doc.fitSetup().split().train);
        const Metrics test =
            HeldOut::metricsOn(doc.model(), a.features(), a.labels(), doc.fitSetup().split().test);
        QCOMPARE(metrics.valueLabel(QStringLiteral("mseValue"))->text(),
                 NumberText::shown(train.mse));
        QCOMPARE(metrics.valueLabel(QStringLiteral("maeValue"))->text(),
                 NumberText::shown(train.mae));
        QCOMPARE(testMse->text(), NumberText::shown(test.mse));
        QCOMPARE(metrics.valueLabel(QStringLiteral("rmseTestValue"))->text(),
                 NumberText::shown(test.rmse));
        QCOMPARE(metrics.valueLabel(QStringLiteral("maeTestValue"))->text(),
                 NumberText::shown(test.mae));
        QCOMPARE(metrics.valueLabel(QStringLiteral("r2TestValue"))->text(),
                 NumberText::shown(test.r2));
        QVERIFY(train.mse != test.mse);
        // The model moves: the columns follow.
        doc.setModel(LinearModel(arma::vec{1.5, -2.0}, 0.5));
        const Metrics moved =
            HeldOut::metricsOn(doc.model(), a.features(), a.labels(), doc.fitSetup().split().test);
        QCOMPARE(testMse->text(), NumberText::shown(moved.mse));
    }

    void aFractionWithoutATestRowSaysSo() {
        Document doc;
        const arma::mat X = arma::vec{1, 2, 3};
        doc.replaceAll(Dataset(X, arma::vec{1, 2, 4}, {"x"}, "y"), {}, LinearModel(1),
                       QStringLiteral("three"));
        HeldOutPanel panel(&doc);
        panel.fractionSlider()->setValue(1); // round(0.01 * 3) = 0 test rows
        QVERIFY(!doc.fitSetup().hasSplit());
        QVERIFY(panel.splitNote()->text().startsWith(QStringLiteral("No split")));
    }

    void crossValidationInTheBackground() {
        Document doc;
        loadForty(doc);
        HeldOutPanel panel(&doc);
        panel.foldsBox()->setValue(4);
        panel.seedBox()->setValue(7);
        QCOMPARE(doc.fitSettings().cvFolds, arma::uword(4));
        QCOMPARE(doc.fitSettings().seed, std::uint64_t(7));
        panel.crossValidateButton()->click();
        QVERIFY(panel.crossValidation()->isBusy());
        QTRY_VERIFY(panel.lastCrossValidation().has_value());
        const CrossValidation expected = doc.fitSetup().crossValidate(doc.analysis());
        const CrossValidation& got = *panel.lastCrossValidation();
        QCOMPARE(got.k, arma::uword(4));
        QCOMPARE(got.mseMean, expected.mseMean);
        QCOMPARE(got.mseStd, expected.mseStd);
        QCOMPARE(got.r2Mean, expected.r2Mean);
        QCOMPARE(got.folds.size(), size_t(4));
        QVERIFY(panel.crossValidationText()->text().contains(NumberText::shown(expected.mseMean)));
        // A change of the settings drops the result (and would drop a run).
        panel.crossValidateButton()->click();
        panel.fractionSlider()->setValue(20);
        QVERIFY(!panel.crossValidation()->isBusy());
        panel.crossValidation()->waitForIdle();
        QVERIFY(!panel.lastCrossValidation().has_value());
    }

    void tooFewRowsForTheFoldsSaysWhy() {
        Document doc;
        const arma::mat X = arma::vec{1, 2, 3};
        doc.replaceAll(Dataset(X, arma::vec{1, 2, 4}, {"x"}, "y"), {}, LinearModel(1),
                       QStringLiteral("three"));
        HeldOutPanel panel(&doc);
        panel.foldsBox()->setValue(5);
        panel.crossValidate();
        QTRY_VERIFY(!panel.crossValidation()->isBusy());
        QVERIFY(panel.crossValidationText()->text().startsWith(QStringLiteral("Cannot")));
    }
};

QTEST_MAIN(tst_HeldOutPanel)
#include "tst_HeldOutPanel.moc"
