// The model panel's Fit group: choosing ridge, one alpha drag is one undo step whose weights are
// Regularized::ridge's; lasso's slider ends at lassoAlphaMax; through the origin disables the
// bias slider at 0 and says which R² is which; the formula and the objective are shown.

#include "app/document/Document.h"
#include "model/fit/Moments.h"
#include "model/fit/Regularized.h"
#include "tests/common/TestUtil.h"
#include "ui/common/NumberText.h"
#include "ui/common/PreciseSpinBox.h"
#include "ui/panels/FitSettingsGroup.h"
#include "ui/panels/ModelPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTest>
#include <QUndoStack>

using namespace linlab;
using testutil::allClose;
using testutil::close;

class tst_FitPanel : public QObject {
    Q_OBJECT
private slots:
    void ridgeDragIsOneUndoStepAndRidgeWeights();
    void lassoSliderEndsAtAlphaMax();
    void throughTheOriginFixesTheBias();
    void formulaAndObjectiveAreShown();
};

namespace {

const SufficientStatistics& fitStats(const Document& doc) {
    return doc.fitSetup().fitStatistics(doc.analysis());
}

// Holds the slider down, moves it through `positions`, lets go: what a mouse drag emits.
void dragSlider(QSlider* slider, std::initializer_list<int> positions) {
    slider->setSliderDown(true);
    for (int p : positions)
        slider->setValue(p);
    slider->setSliderDown(false);
}

} // namespace

void tst_FitPanel::ridgeDragIsOneUndoStepAndRidgeWeights() {
    Document doc;
    ModelPanel panel(&doc);
    FitSettingsGroup* group = panel.fitGroup();
    QVERIFY(group->alphaSlider()->isHidden()); // no alpha without a penalty
    const int before = doc.undoStack()->count();
    group->penaltyBox()->setCurrentIndex(1);
    QCOMPARE(doc.fitSettings().penalty, Penalty::Ridge);
    QCOMPARE(doc.undoStack()->count(), before + 1);
    QVERIFY(!group->alphaSlider()->isHidden());
    QCOMPARE(panel.fitButton()->text(), QStringLiteral("Fit Ridge"));
    const LinearModel start = doc.model();

    dragSlider(group->alphaSlider(), {600, 700, 800});
    QCOMPARE(doc.undoStack()->count(), before + 2); // the whole drag: one step
    const double alpha = group->alphaAt(800);
    QCOMPARE(doc.fitSettings().alpha, alpha);
    QVERIFY(alpha > 1 && alpha < 1e4);
    const RegularizedFit ridge = Regularized::ridge(fitStats(doc), alpha);
    QVERIFY(allClose(doc.model().weights(), ridge.weights, 1e-9));
    QVERIFY(close(doc.model().bias(), ridge.bias, 1e-9));
    // The weights' sliders and boxes follow.
    QCOMPARE(panel.spinBox(0)->value(), doc.model().weights()(0));

    doc.undoStack()->undo();
    QCOMPARE(doc.fitSettings().alpha, 1.0);
    QVERIFY(allClose(doc.model().weights(), start.weights(), 0));
    QCOMPARE(group->alphaBox()->value(), 1.0);
}

void tst_FitPanel::lassoSliderEndsAtAlphaMax() {
    Document doc;
    ModelPanel panel(&doc);
    FitSettingsGroup* group = panel.fitGroup();
    group->penaltyBox()->setCurrentIndex(2);
    QCOMPARE(doc.fitSettings().penalty, Penalty::Lasso);
    const double top = Regularized::lassoAlphaMax(Moments::of(fitStats(doc), true));
    QVERIFY(close(group->alphaMaximum(), top, 1e-12 * top));
    // The top of the slider: the weights are the lasso fit there.
    group->alphaSlider()->setValue(FitSettingsGroup::kAlphaSteps);
    const RegularizedFit lasso = Regularized::lasso(fitStats(doc), doc.fitSettings().alpha);
    QVERIFY(allClose(doc.model().weights(), lasso.weights, 1e-9));
    QCOMPARE(doc.undoStack()->command(doc.undoStack()->count() - 1)->text(),
             QStringLiteral("Set \u03b1"));
}

void tst_FitPanel::throughTheOriginFixesTheBias() {
    Document doc;
    ModelPanel panel(&doc);
    panel.show();
    FitSettingsGroup* group = panel.fitGroup();
    QVERIFY(doc.model().bias() != 0);
    QVERIFY(!group->r2Note()->isVisibleTo(&panel));
    const int bias = panel.parameterCount() - 1;
    QVERIFY(panel.slider(bias)->isEnabled());

    group->throughOriginBox()->setChecked(true);
    QVERIFY(!doc.fitSettings().intercept);
    QCOMPARE(doc.model().bias(), 0.0);
    QVERIFY(!panel.slider(bias)->isEnabled());
    QVERIFY(!panel.spinBox(bias)->isEnabled());
    QCOMPARE(panel.spinBox(bias)->value(), 0.0);
    QVERIFY(group->r2Note()->isVisibleTo(&panel));
    QVERIFY(group->r2Note()->text().contains(QStringLiteral("r2_score")));
    QVERIFY(group->r2Note()->text().contains(QStringLiteral("uncentred")));
    QVERIFY(!group->objectiveLabel()->text().contains(QStringLiteral("\u2212 b")));

    // Fit through the origin: least squares with b = 0.
    panel.fitButton()->click();
    QCOMPARE(doc.model().bias(), 0.0);
    const LeastSquaresResult ls = Regularized::leastSquaresThroughOrigin(fitStats(doc));
    QVERIFY(allClose(doc.model().weights(), ls.weights, 1e-9));

    doc.undoStack()->undo(); // the fit
    doc.undoStack()->undo(); // through the origin
    QVERIFY(doc.fitSettings().intercept);
    QVERIFY(doc.model().bias() != 0);
    QVERIFY(panel.slider(bias)->isEnabled());
    QVERIFY(!group->throughOriginBox()->isChecked());
}

void tst_FitPanel::formulaAndObjectiveAreShown() {
    Document doc;
    ModelPanel panel(&doc);
    FitSettingsGroup* group = panel.fitGroup();
    group->penaltyBox()->setCurrentIndex(1);
    const QString ridge = group->objectiveLabel()->text();
    QVERIFY(ridge.contains(
        QStringLiteral("\u2016y \u2212 Xw \u2212 b\u2016\u00b2 + \u03b1\u2016w\u2016\u00b2")));
    QVERIFY(ridge.contains(NumberText::brief(doc.objective(), 5)));
    QVERIFY(group->formulaLabel()->text().contains(QStringLiteral("intercept is not penalised")));
    QVERIFY(group->formulaLabel()->text().contains(QStringLiteral("transformed features")));
    QVERIFY(close(doc.objective(),
                  Regularized::loss(fitStats(doc), Penalty::Ridge, 1.0, doc.model().weights(),
                                    doc.model().bias()),
                  1e-9 * doc.objective()));

    group->penaltyBox()->setCurrentIndex(2);
    QVERIFY(group->objectiveLabel()->text().contains(QStringLiteral(
        "(1/2n)\u2016y \u2212 Xw \u2212 b\u2016\u00b2 + \u03b1\u2016w\u2016\u2081")));
    group->penaltyBox()->setCurrentIndex(0);
    QVERIFY(group->objectiveLabel()->text().contains(QStringLiteral("MSE")));
    QVERIFY(group->alphaSlider()->isHidden());
}

QTEST_MAIN(tst_FitPanel)
#include "tst_FitPanel.moc"
