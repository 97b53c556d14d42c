// ModelPanel and PreciseSpinBox: real mouse drags, two-way slider/spin-box sync without echo
// commands, one undo step per drag, Fit/Reset, rows that follow the features, and a wide table's
// capped rows picked by name.

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "tests/common/TestUtil.h"
#include "ui/common/NumberText.h"
#include "ui/common/PreciseSpinBox.h"
#include "ui/panels/ModelPanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <cmath>

using namespace linlab;

namespace {

// What QSlider::initStyleOption (protected) fills in, enough to locate the handle.
QStyleOptionSlider sliderOption(const QSlider* slider) {
    QStyleOptionSlider opt;
    opt.initFrom(slider);
    opt.subControls = QStyle::SC_None;
    opt.activeSubControls = QStyle::SC_None;
    opt.orientation = slider->orientation();
    opt.maximum = slider->maximum();
    opt.minimum = slider->minimum();
    opt.tickPosition = slider->tickPosition();
    opt.tickInterval = slider->tickInterval();
    opt.upsideDown = slider->orientation() == Qt::Horizontal
                         ? slider->invertedAppearance() != (opt.direction == Qt::RightToLeft)
                         : !slider->invertedAppearance();
    opt.direction = Qt::LeftToRight;
    opt.sliderPosition = slider->sliderPosition();
    opt.sliderValue = slider->value();
    opt.singleStep = slider->singleStep();
    opt.pageStep = slider->pageStep();
    if (slider->orientation() == Qt::Horizontal)
        opt.state |= QStyle::State_Horizontal;
    return opt;
}

QPoint handleCentre(const QSlider* slider) {
    const QStyleOptionSlider opt = sliderOption(slider);
    return slider->style()
        ->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, slider)
        .center();
}

// The MSE of the document's model on the lesson's (untransformed) data, computed here.
double directMse(const Document& doc) {
    const arma::mat& X = doc.dataset().features();
    const arma::vec& y = doc.dataset().labels();
    const arma::vec e = X * doc.model().weights() + doc.model().bias() - y;
    return arma::mean(arma::square(e));
}

// d features x1, x2, ... over a few rows: wider than the panel gives sliders.
Dataset wideDataset(arma::uword d) {
    arma::arma_rng::set_seed(3);
    std::vector<std::string> names;
    for (arma::uword j = 0; j < d; ++j)
        names.push_back("x" + std::to_string(j + 1));
    return Dataset(arma::randu(10, d), arma::randu(10), names, "y");
}

// The sliders in the panel's current rows (the rows a pick replaced are deleted later).
// The parameters' sliders (the Fit group's alpha slider is not one).
int sliderCount(const ModelPanel& panel) {
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return int(panel.findChildren<QSlider*>().size()) - 1;
}

} // namespace

class tst_ModelPanel : public QObject {
    Q_OBJECT

private slots:
    void preciseSpinBoxKeepsEveryDigit();
    void preciseSpinBoxValidatesStrictly();
    void lessonRows();
    void dragIsOneUndoStep();
    void spinBoxMovesSlider();
    void typingIsOneUndoStepAndKeepsText();
    void sliderMovesSpinBox();
    void keyboardMovesPushOneCommandEach();
    void fitAndReset();
    void rangesFollowDataAndUser();
    void originalUnitsUnderTransform();
    void rowsRebuildWhenFeaturesChange();
    void wideTableCapsSliders();
    void sixtyFeaturesFitCompactly();
};

void tst_ModelPanel::preciseSpinBoxKeepsEveryDigit() {
    PreciseSpinBox box;
    const double v = 0.1 + 0.2;
    box.setValue(v);
    QCOMPARE(box.value(), 0.30000000000000004);
    QVERIFY(box.value() == v);
    QCOMPARE(box.text(), QStringLiteral("0.30000000000000004"));
    for (double x : {1e-20, -123456.789012345, 6.02214076e23, 1.0 / 3.0}) {
        box.setValue(x);
        QVERIFY2(box.value() == x, qPrintable(NumberText::exact(x)));
        QCOMPARE(box.valueFromText(box.text()), x);
    }
    QCOMPARE(box.minimum(), -1e300);
    QCOMPARE(box.maximum(), 1e300);
}

void tst_ModelPanel::preciseSpinBoxValidatesStrictly() {
    PreciseSpinBox box;
    int pos = 0;
    auto state = [&](QString text) { return box.validate(text, pos); };
    QCOMPARE(state(QStringLiteral("2.5")), QValidator::Acceptable);
    QCOMPARE(state(QStringLiteral("-1e-7")), QValidator::Acceptable);
    QCOMPARE(state(QString()), QValidator::Intermediate);
    QCOMPARE(state(QStringLiteral("-")), QValidator::Intermediate);
    QCOMPARE(state(QStringLiteral("1e")), QValidator::Intermediate);
    QCOMPARE(state(QStringLiteral("1e-")), QValidator::Intermediate);
    QCOMPARE(state(QStringLiteral("1.5abc")), QValidator::Invalid);
    QCOMPARE(state(QStringLiteral("nan")), QValidator::Invalid);
    QCOMPARE(state(QStringLiteral("inf")), QValidator::Invalid);
    QCOMPARE(state(QStringLiteral("1..2")), QValidator::Invalid);
    box.setRange(0, 10);
    QCOMPARE(state(QStringLiteral("11")), QValidator::Intermediate);
}

void tst_ModelPanel::lessonRows() {
    Document doc;
    ModelPanel panel(&doc);
    QCOMPARE(panel.parameterCount(), 3);
    QCOMPARE(panel.spinBox(0)->value(), 4.0);
    QCOMPARE(panel.spinBox(1)->value(), 3.0);
    QCOMPARE(panel.spinBox(2)->value(), 10.0);
    QVERIFY(!panel.slider(3));
    QVERIFY(!panel.spinBox(-1));
    // Around least squares (w* = [5, 2], b* = 34.5) to a round tick, wide enough for the model.
    const double centres[3] = {5.0, 2.0, 34.5};
    const double values[3] = {4.0, 3.0, 10.0};
    const double ends[3][2] = {{-5, 15}, {-13, 17}, {-50, 115}};
    for (int p = 0; p < 3; ++p) {
        const double width = panel.rangeMaximum(p) - panel.rangeMinimum(p);
        QVERIFY(std::abs((panel.rangeMinimum(p) + panel.rangeMaximum(p)) / 2 - centres[p]) <=
                width / 20);
        QCOMPARE(panel.rangeMinimum(p), ends[p][0]);
        QCOMPARE(panel.rangeMaximum(p), ends[p][1]);
        QVERIFY(panel.rangeMinimum(p) <= values[p] && values[p] <= panel.rangeMaximum(p));
        QVERIFY(panel.rangeMaximum(p) - panel.rangeMinimum(p) >= 2.0);
        QCOMPARE(panel.slider(p)->value(), panel.positionOf(p, values[p]));
        QVERIFY(!panel.slider(p)->toolTip().isEmpty());
        QVERIFY(!panel.spinBox(p)->toolTip().isEmpty());
    }
    QVERIFY(panel.slider(0)->toolTip().contains(QStringLiteral("hours_studied")));
    QCOMPARE(doc.undoStack()->count(), 0); // building the panel edits nothing
}

void tst_ModelPanel::dragIsOneUndoStep() {
    Document doc;
    ModelPanel panel(&doc);
    panel.resize(380, 320);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    QSlider* slider = panel.slider(0);
    const int before = doc.undoStack()->count();
    const int startPosition = slider->value();
    const QPoint start = handleCentre(slider);
    QVERIFY(slider->rect().contains(start));

    QTest::mousePress(slider, Qt::LeftButton, Qt::NoModifier, start);
    QVERIFY(slider->isSliderDown());
    for (int dx : {6, 14, 25, 33, 40}) {
        QTest::mouseMove(slider, start + QPoint(dx, 0));
        QVERIFY(slider->value() > startPosition);
        // Live while dragging: the document follows every move.
        QCOMPARE(doc.model().weights()(0), panel.valueAt(0, slider->value()));
    }
    QTest::mouseRelease(slider, Qt::LeftButton, Qt::NoModifier, start + QPoint(40, 0));
    QVERIFY(!slider->isSliderDown());

    const int position = slider->value();
    QVERIFY(position > startPosition);
    const double w0 = panel.valueAt(0, position);
    QCOMPARE(doc.model().weights()(0), w0);
    QCOMPARE(doc.model().weights()(1), 3.0);
    QCOMPARE(doc.model().bias(), 10.0);
    QCOMPARE(panel.spinBox(0)->value(), w0);
    QVERIFY(testutil::close(doc.evaluation().metrics.mse, directMse(doc), 1e-12));
    QCOMPARE(doc.undoStack()->count(), before + 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Drag w1"));

    doc.undoStack()->undo();
    QVERIFY(doc.model().weights()(0) == 4.0);
    QVERIFY(doc.model().weights()(1) == 3.0);
    QVERIFY(doc.model().bias() == 10.0);
    QCOMPARE(doc.evaluation().metrics.mse, 509.0);
    QCOMPARE(panel.spinBox(0)->value(), 4.0);
    QCOMPARE(slider->value(), startPosition);
    QCOMPARE(doc.undoStack()->count(), before + 1); // the undo pushed nothing back

    // A second drag is a second undo step.
    QTest::mousePress(slider, Qt::LeftButton, Qt::NoModifier, handleCentre(slider));
    QTest::mouseMove(slider, handleCentre(slider) - QPoint(30, 0));
    QTest::mouseRelease(slider, Qt::LeftButton, Qt::NoModifier, handleCentre(slider));
    QVERIFY(doc.model().weights()(0) < 4.0);
    QCOMPARE(doc.undoStack()->count(), before + 1); // the undone drag was dropped, this one added
    QCOMPARE(doc.undoStack()->index(), before + 1);
}

void tst_ModelPanel::spinBoxMovesSlider() {
    Document doc;
    ModelPanel panel(&doc);
    const int before = doc.undoStack()->count();
    panel.spinBox(1)->setValue(7.25);
    QCOMPARE(doc.model().weights()(1), 7.25);
    QCOMPARE(panel.slider(1)->value(), panel.positionOf(1, 7.25));
    QCOMPARE(doc.undoStack()->count(), before + 1); // moving the slider pushed nothing
    QVERIFY(testutil::close(doc.evaluation().metrics.mse, directMse(doc), 1e-12));

    // Far outside the range: the range grows to include it.
    panel.spinBox(2)->setValue(1000.0);
    QCOMPARE(doc.model().bias(), 1000.0);
    QVERIFY(panel.rangeMinimum(2) <= 1000.0 && 1000.0 <= panel.rangeMaximum(2));
    QCOMPARE(panel.slider(2)->value(), panel.positionOf(2, 1000.0));
}

void tst_ModelPanel::typingIsOneUndoStepAndKeepsText() {
    Document doc;
    ModelPanel panel(&doc);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    PreciseSpinBox* box = panel.spinBox(0);
    box->setFocus();
    box->selectAll();
    const int before = doc.undoStack()->count();
    QTest::keyClicks(box, QStringLiteral("12.5"));
    // "12." must survive the document's echo, or the ".5" would land as "125".
    QCOMPARE(box->text(), QStringLiteral("12.5"));
    QCOMPARE(doc.model().weights()(0), 12.5);
    QCOMPARE(doc.undoStack()->count(), before + 1); // "1", "12", "12.5": one edit
    QTest::keyClick(box, Qt::Key_Return);
    box->selectAll();
    QTest::keyClicks(box, QStringLiteral("6"));
    QCOMPARE(doc.model().weights()(0), 6.0);
    QCOMPARE(doc.undoStack()->count(), before + 2); // Enter ended the first edit
    doc.undoStack()->undo();
    QCOMPARE(doc.model().weights()(0), 12.5);
    doc.undoStack()->undo();
    QCOMPARE(doc.model().weights()(0), 4.0);
}

void tst_ModelPanel::sliderMovesSpinBox() {
    Document doc;
    ModelPanel panel(&doc);
    const int before = doc.undoStack()->count();
    panel.slider(0)->setValue(800);
    const double v = panel.valueAt(0, 800);
    QCOMPARE(panel.spinBox(0)->value(), v);
    QCOMPARE(doc.model().weights()(0), v);
    QCOMPARE(panel.slider(0)->value(), 800);
    QCOMPARE(doc.undoStack()->count(), before + 1); // setting the spin box pushed nothing
    QCOMPARE(panel.positionOf(0, v), 800);

    panel.slider(2)->setValue(0);
    QCOMPARE(doc.model().bias(), panel.valueAt(2, 0));
    QCOMPARE(panel.spinBox(2)->value(), doc.model().bias());
    QCOMPARE(doc.undoStack()->count(), before + 2);
}

void tst_ModelPanel::keyboardMovesPushOneCommandEach() {
    Document doc;
    ModelPanel panel(&doc);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSlider* slider = panel.slider(1);
    slider->setFocus();
    const int position = slider->value();
    const int before = doc.undoStack()->count();
    QTest::keyClick(slider, Qt::Key_Right);
    QTest::keyClick(slider, Qt::Key_Right);
    QCOMPARE(slider->value(), position + 2);
    QCOMPARE(doc.model().weights()(1), panel.valueAt(1, position + 2));
    QCOMPARE(doc.undoStack()->count(), before + 2);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Set w2"));
}

void tst_ModelPanel::fitAndReset() {
    Document doc;
    ModelPanel panel(&doc);
    QTest::mouseClick(panel.fitButton(), Qt::LeftButton);
    QVERIFY(testutil::close(doc.model().weights()(0), 5.0, 1e-9));
    QVERIFY(testutil::close(doc.model().weights()(1), 2.0, 1e-9));
    QVERIFY(testutil::close(doc.model().bias(), 34.5, 1e-9));
    QVERIFY(testutil::close(doc.evaluation().metrics.mse, 1.25, 1e-9));
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Fit Least Squares"));
    QCOMPARE(panel.spinBox(0)->value(), doc.model().weights()(0));
    QCOMPARE(panel.slider(0)->value(), panel.positionOf(0, doc.model().weights()(0)));

    QTest::mouseClick(panel.resetButton(), Qt::LeftButton);
    QVERIFY(doc.model().weights()(0) == 4.0 && doc.model().weights()(1) == 3.0 &&
            doc.model().bias() == 10.0);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Reset Model"));
    QCOMPARE(doc.undoStack()->count(), 2);
    QCOMPARE(panel.spinBox(2)->value(), 10.0);
}

void tst_ModelPanel::rangesFollowDataAndUser() {
    Document doc;
    ModelPanel panel(&doc);
    const int before = doc.undoStack()->count();
    panel.setRange(0, 0.0, 10.0);
    QVERIFY(panel.isUserRange(0));
    QCOMPARE(panel.rangeMinimum(0), 0.0);
    QCOMPARE(panel.rangeMaximum(0), 10.0);
    QCOMPARE(panel.slider(0)->value(), 400); // w = 4 on 0..10
    QCOMPARE(panel.valueAt(0, 451), 4.51);   // the shortest decimal, not 4.5099999999999998
    QCOMPARE(panel.valueAt(0, 1000), 10.0);
    QCOMPARE(doc.undoStack()->count(), before); // a range is a view setting, not an edit

    panel.setRange(0, 5.0, 1.0); // empty: ignored
    QCOMPARE(panel.rangeMinimum(0), 0.0);

    // The range editors are hidden until asked for.
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(!panel.findChildren<PreciseSpinBox*>().isEmpty());
    panel.rangesButton()->click();
    QVERIFY(panel.rangesButton()->isChecked());

    panel.setAutomaticRange(0);
    QVERIFY(!panel.isUserRange(0));
    QVERIFY(testutil::close((panel.rangeMinimum(0) + panel.rangeMaximum(0)) / 2, 5.0, 1e-12));

    // A new transform moves least squares: automatic ranges follow, in the new units.
    doc.undoStack()->push(
        new SetTransformCommand(&doc, TransformSettings{1.0, Normalization::ZScore, 0}));
    const double w0 = doc.analysis().statistics().leastSquares().weights(0);
    const double width = panel.rangeMaximum(0) - panel.rangeMinimum(0);
    QVERIFY(std::abs((panel.rangeMinimum(0) + panel.rangeMaximum(0)) / 2 - w0) <= width / 20);
    QVERIFY(width >= 4 * std::abs(w0));
    QVERIFY(panel.rangeMinimum(0) <= 4.0 && 4.0 <= panel.rangeMaximum(0));
}

void tst_ModelPanel::originalUnitsUnderTransform() {
    Document doc;
    ModelPanel panel(&doc);
    QVERIFY(panel.originalLabel(0)->isHidden()); // identity: nothing to convert
    doc.undoStack()->push(
        new SetTransformCommand(&doc, TransformSettings{2.0, Normalization::None, 0}));
    QVERIFY(!panel.originalLabel(0)->isHidden());
    // w on 2x is worth 2w per unit of x.
    QVERIFY(panel.originalLabel(0)->text().contains(QStringLiteral("8")));
    QVERIFY(panel.originalLabel(1)->text().contains(QStringLiteral("6")));
    QVERIFY(panel.originalLabel(2)->text().contains(QStringLiteral("10")));
    doc.undoStack()->undo();
    QVERIFY(panel.originalLabel(0)->isHidden());
}

void tst_ModelPanel::rowsRebuildWhenFeaturesChange() {
    Document doc;
    ModelPanel panel(&doc);
    doc.insertFeature(1, "coffee", arma::vec{1, 0, 2, 1}, 0.5);
    QCOMPARE(panel.parameterCount(), 4);
    QCOMPARE(panel.spinBox(0)->value(), 4.0);
    QCOMPARE(panel.spinBox(1)->value(), 0.5);
    QCOMPARE(panel.spinBox(2)->value(), 3.0);
    QCOMPARE(panel.spinBox(3)->value(), 10.0);
    QVERIFY(panel.slider(1)->toolTip().contains(QStringLiteral("coffee")));

    // The new rows edit the right parameters.
    panel.spinBox(1)->setValue(-2.0);
    QCOMPARE(doc.model().weights()(1), -2.0);
    panel.spinBox(3)->setValue(11.0);
    QCOMPARE(doc.model().bias(), 11.0);

    doc.removeFeature(0);
    QCOMPARE(panel.parameterCount(), 3);
    QCOMPARE(panel.spinBox(0)->value(), -2.0);
    QCOMPARE(panel.spinBox(1)->value(), 3.0);
    QCOMPARE(panel.spinBox(2)->value(), 11.0);
    QVERIFY(panel.slider(0)->toolTip().contains(QStringLiteral("coffee")));

    doc.renameColumn(0, "espresso");
    QVERIFY(panel.slider(0)->toolTip().contains(QStringLiteral("espresso")));

    doc.removeFeature(0);
    doc.removeFeature(0);
    QCOMPARE(panel.parameterCount(), 1); // the bias alone
    QCOMPARE(panel.spinBox(0)->value(), 11.0);
    panel.slider(0)->setValue(0);
    QCOMPARE(doc.model().bias(), panel.valueAt(0, 0));
}

void tst_ModelPanel::wideTableCapsSliders() {
    Document doc;
    doc.replaceAll(wideDataset(5000), TransformSettings{}, LinearModel(5000),
                   QStringLiteral("wide"));
    ModelPanel panel(&doc);
    QCOMPARE(panel.parameterCount(), 5001);
    QCOMPARE(sliderCount(panel), ModelPanel::kMaxSliders + 1);
    QVERIFY(!panel.featureNote()->isHidden() && !panel.featureFilter()->isHidden());
    QVERIFY(panel.featureNote()->text().contains(QStringLiteral("5,000 features")));
    QVERIFY(panel.featureNote()->text().contains(QStringLiteral("first 200")));
    std::vector<int> shown = panel.shownParameters();
    QCOMPARE(int(shown.size()), ModelPanel::kMaxSliders + 1);
    QCOMPARE(shown[199], 199);
    QCOMPARE(shown.back(), 5000); // the bias always has its row
    QVERIFY(panel.slider(199) && !panel.slider(200) && !panel.spinBox(4999));
    QVERIFY(std::isnan(panel.valueAt(300, 0)));
    QCOMPARE(panel.spinBox(5000)->value(), 0.0);

    // Pick by name: x17, x170..x179, x1700..x1799 and x4321, case aside.
    panel.featureFilter()->setText(QStringLiteral("x4321, X17"));
    QCOMPARE(sliderCount(panel), 113);
    shown = panel.shownParameters();
    QCOMPARE(shown.front(), 16);
    QCOMPARE(shown[shown.size() - 2], 4320);
    QVERIFY(panel.featureNote()->text().contains(QStringLiteral("112 of 5,000")));
    QVERIFY(panel.slider(4320)->toolTip().contains(QStringLiteral("x4321")));
    panel.spinBox(4320)->setValue(2.5);
    QCOMPARE(doc.model().weights()(4320), 2.5);
    QCOMPARE(doc.model().weights().n_elem, arma::uword(5000));

    // A range the user set stays while the pick changes around it.
    panel.setRange(16, -3.0, 3.0);
    panel.featureFilter()->setText(QStringLiteral("x17"));
    QCOMPARE(sliderCount(panel), 112);
    QVERIFY(panel.isUserRange(16));
    QCOMPARE(panel.rangeMinimum(16), -3.0);

    // More matches than the cap: the first of them.
    panel.featureFilter()->setText(QStringLiteral("x1"));
    QCOMPARE(sliderCount(panel), ModelPanel::kMaxSliders + 1);
    QVERIFY(panel.featureNote()->text().contains(QStringLiteral("1,111 of 5,000")));

    // Fit sets every weight, shown or not; the rows show the document's values.
    panel.fitButton()->click();
    const arma::vec& fit = doc.analysis().statistics().leastSquares().weights;
    QCOMPARE(doc.model().weights()(4999), fit(4999));
    QCOMPARE(panel.spinBox(0)->value(), fit(0));

    // A narrow table again: every weight has its row, the picker goes.
    doc.replaceAll(Dataset::lesson(), TransformSettings{}, LinearModel(2),
                   QStringLiteral("lesson"));
    QCOMPARE(sliderCount(panel), 3);
    QVERIFY(panel.featureNote()->isHidden() && panel.featureFilter()->isHidden());
}

// From ModelPanel::kCompactFrom features a row is one line (name, slider, spin box), the name
// elided in the middle and in full for a screen reader; from FeaturePicker::kFilterFrom a filter
// picks rows by name, and every weight is still set by Fit.
void tst_ModelPanel::sixtyFeaturesFitCompactly() {
    Document doc;
    arma::arma_rng::set_seed(5);
    std::vector<std::string> names;
    for (int j = 0; j < 60; ++j)
        names.push_back("sensor_" + std::to_string(j + 1) + "_reading_with_a_long_name");
    doc.replaceAll(Dataset(arma::randu(100, 60), arma::randu(100), names, "y"), TransformSettings{},
                   LinearModel(60), QStringLiteral("sixty"));
    ModelPanel panel(&doc);
    panel.resize(360, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(sliderCount(panel), 61);
    // One line a row: the slider and the spin box side by side, rows close together.
    const QSlider* s0 = panel.slider(0);
    const QWidget* b0 = panel.spinBox(0);
    QVERIFY(std::abs(s0->geometry().center().y() - b0->geometry().center().y()) <= 4);
    QVERIFY(s0->geometry().right() < b0->geometry().left());
    const int pitch = panel.slider(1)->geometry().top() - s0->geometry().top();
    QVERIFY2(pitch > 0 && pitch <= b0->height() + 8, qPrintable(QString::number(pitch)));
    QVERIFY(s0->width() >= 60); // still a slider one can drag
    QCOMPARE(s0->accessibleName(), QString::fromStdString(names[0]));
    // The names' shared ending goes first, so each row keeps what tells it apart.
    int distinct = 0;
    for (const QLabel* label : panel.findChildren<QLabel*>())
        for (const char* n : {"sensor_12\u2026", "sensor_13\u2026"})
            distinct += label->text().contains(QString::fromUtf8(n)) ? 1 : 0;
    QCOMPARE(distinct, 2);
    QVERIFY(panel.originalLabel(0)->isHidden());

    // The filter: rows for the matches only.
    QVERIFY(!panel.featureFilter()->isHidden());
    QVERIFY(panel.featureNote()->isHidden()); // nothing hidden yet: nothing to say
    panel.featureFilter()->setText(QStringLiteral("sensor_1_, sensor_60"));
    QCOMPARE(sliderCount(panel), 3);
    QVERIFY(panel.slider(0) && panel.slider(59) && !panel.slider(1));
    QVERIFY(panel.featureNote()->text().contains(QStringLiteral("2 of 60")));
    panel.fitButton()->click();
    QCOMPARE(doc.model().weights()(30), doc.analysis().statistics().leastSquares().weights(30));
    panel.featureFilter()->clear();
    QCOMPARE(sliderCount(panel), 61);

    // Ten features: compact too, no filter.
    doc.replaceAll(wideDataset(10), TransformSettings{}, LinearModel(10), QStringLiteral("ten"));
    QCOMPARE(sliderCount(panel), 11);
    QVERIFY(panel.featureFilter()->isHidden());
    QVERIFY(std::abs(panel.slider(3)->geometry().center().y() -
                     panel.spinBox(3)->geometry().center().y()) <= 4);
}

QTEST_MAIN(tst_ModelPanel)
#include "tst_ModelPanel.moc"
