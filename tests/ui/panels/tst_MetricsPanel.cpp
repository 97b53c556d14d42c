// MetricsPanel on the lesson's document: values shown exactly, "—" where undefined, the
// rank warning, the MAE arriving from the background, the rows following the features and a
// wide table's bounded rows.

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "tests/common/TestUtil.h"
#include "ui/common/DisplayDigits.h"
#include "ui/common/NumberText.h"
#include "ui/panels/LessonPane.h"
#include "ui/panels/MetricsPanel.h"
#include "ui/panels/ModelPanel.h"
#include "ui/panels/TransformPanel.h"

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <string>
#include <vector>

using namespace linlab;

namespace {

// d features x1, x2, ... over a few rows, every one of them constant: as wide as a table gets.
Dataset wideConstantDataset(arma::uword d) {
    std::vector<std::string> names;
    for (arma::uword j = 0; j < d; ++j)
        names.push_back("x" + std::to_string(j + 1));
    return Dataset(arma::mat(6, d, arma::fill::ones), arma::linspace(1, 6, 6), names, "y");
}

} // namespace

class tst_MetricsPanel : public QObject {
    Q_OBJECT

private slots:
    void metricsMaeArrivesFromBackground();
    void metricsOnLesson();
    void metricsAtLeastSquares();
    void metricsWithoutRows();
    void metricsRankDeficientAndRenames();
    void wideTableListsBoundedRows();
};

void tst_MetricsPanel::metricsMaeArrivesFromBackground() {
    arma::arma_rng::set_seed(5);
    const arma::uword n = 150000;
    const arma::mat X = arma::randn(n, 2);
    Document doc;
    doc.replaceAll(Dataset(X, X * arma::vec{1, 2} + arma::randn(n), {"a", "b"}, "y"), {},
                   LinearModel(2), QStringLiteral("big"));
    MetricsPanel panel(&doc);
    QLabel* mae = panel.valueLabel(QStringLiteral("maeValue"));
    QLabel* mse = panel.valueLabel(QStringLiteral("mseValue"));
    QTRY_VERIFY(!doc.maePending());
    const QString first = mae->text();
    QVERIFY(mae->isEnabled());
    QCOMPARE(first, NumberText::shown(doc.evaluation().metrics.mae));

    // A tick: the MSE at once; the MAE keeps its last value, muted, until the pass is in.
    doc.setModel(LinearModel(arma::vec{1, 2}, 0));
    QCOMPARE(mse->text(), NumberText::shown(doc.evaluation().metrics.mse));
    if (doc.maePending()) {
        QCOMPARE(mae->text(), first);
        QVERIFY(!mae->isEnabled());
        QVERIFY(mae->toolTip().contains(QStringLiteral("being computed")));
    }
    QTRY_VERIFY(mae->isEnabled());
    const double expected = doc.analysis().evaluate(doc.model()).metrics.mae;
    QVERIFY(testutil::closeRel(doc.evaluation().metrics.mae, expected, 1e-12));
    QCOMPARE(mae->text(), NumberText::shown(doc.evaluation().metrics.mae));
    QVERIFY(!mae->toolTip().contains(QStringLiteral("being computed")));
    // The value labels keep their size whatever they show: no relayout per tick. They are as
    // wide as the longest number at the display digits, and made wider for every digit.
    QCOMPARE(mae->minimumSize(), mae->maximumSize());
    QVERIFY(mae->width() >=
            mae->fontMetrics().horizontalAdvance(NumberText::shown(-1.2345678901234567e-300)));
    QVERIFY(mae->width() <
            mae->fontMetrics().horizontalAdvance(QStringLiteral("-1.2345678901234567e-300")));
    DisplayDigits::setDigits(0);
    QLabel* wide = panel.valueLabel(QStringLiteral("maeValue"));
    QVERIFY(wide->width() >=
            wide->fontMetrics().horizontalAdvance(QStringLiteral("-1.2345678901234567e-300")));
    DisplayDigits::setDigits(DisplayDigits::kDefault);
}

void tst_MetricsPanel::metricsOnLesson() {
    Document doc;
    MetricsPanel panel(&doc);
    auto text = [&](const char* name) {
        QLabel* label = panel.findChild<QLabel*>(QString::fromLatin1(name));
        return label ? label->text()
                     : QStringLiteral("(missing %1)").arg(QString::fromLatin1(name));
    };
    QCOMPARE(text("mseValue"), QStringLiteral("509"));
    QCOMPARE(text("rmseValue"), NumberText::shown(std::sqrt(509.0)));
    // Read at 6 significant digits; every digit is in the tooltip (View > Significant Digits).
    QCOMPARE(text("rmseValue"), QStringLiteral("22.561"));
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("rmseValue"))
                ->toolTip()
                .contains(QStringLiteral("22.561028345356956")));
    QCOMPARE(text("maeValue"), QStringLiteral("22.5"));
    QCOMPARE(text("r2Value"), NumberText::shown(doc.evaluation().metrics.r2));
    QVERIFY(testutil::close(doc.evaluation().metrics.r2, 1.0 - 2036.0 / 750.0, 1e-12));
    QCOMPARE(text("gradW0Value"), QStringLiteral("-208"));
    QCOMPARE(text("gradW1Value"), QStringLiteral("-295"));
    QCOMPARE(text("gradBiasValue"), QStringLiteral("-45"));
    QCOMPARE(text("lessonGradW0Value"), QStringLiteral("-104"));
    QCOMPARE(text("lessonGradW1Value"), QStringLiteral("-147.5"));
    QCOMPARE(text("distanceValue"), NumberText::shown(doc.evaluation().distanceToLeastSquares));
    QCOMPARE(text("excessLossValue"), NumberText::shown(doc.evaluation().excessLoss));
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("rankWarning"))->isHidden());
    QCOMPARE(panel.valueLabel(QStringLiteral("mseValue")),
             panel.findChild<QLabel*>(QStringLiteral("mseValue")));

    // The lesson's gradient is labelled as what it is.
    bool labelled = false;
    for (QLabel* label : panel.findChildren<QLabel*>())
        labelled = labelled || label->text().contains(
                                   QStringLiteral("lesson's Xᵀe/n (half the true gradient)"));
    QVERIFY(labelled);
    for (QLabel* label : panel.findChildren<QLabel*>())
        if (label->objectName().endsWith(QStringLiteral("Value"))) {
            QVERIFY2(label->textInteractionFlags() & Qt::TextSelectableByMouse,
                     qPrintable(label->objectName()));
            QVERIFY2(!label->toolTip().isEmpty(), qPrintable(label->objectName()));
        }

    // Live: a model change shows at once.
    doc.undoStack()->push(
        new SetModelCommand(&doc, LinearModel(arma::vec{4, 3}, 32.5), QStringLiteral("b")));
    QCOMPARE(text("gradBiasValue"), QStringLiteral("0"));
}

void tst_MetricsPanel::metricsAtLeastSquares() {
    Document doc;
    MetricsPanel panel(&doc);
    doc.setModel(doc.leastSquaresModel());
    const double mse = panel.valueLabel(QStringLiteral("mseValue"))->text().toDouble();
    QVERIFY2(testutil::close(mse, 1.25, 1e-9),
             qPrintable(panel.valueLabel(QStringLiteral("mseValue"))->text()));
    const double distance = panel.valueLabel(QStringLiteral("distanceValue"))->text().toDouble();
    QVERIFY(std::abs(distance) < 1e-9);
    const double excess = panel.valueLabel(QStringLiteral("excessLossValue"))->text().toDouble();
    QVERIFY(std::abs(excess) < 1e-9);
    QVERIFY(std::abs(panel.valueLabel(QStringLiteral("gradW0Value"))->text().toDouble()) < 1e-9);
}

void tst_MetricsPanel::metricsWithoutRows() {
    Document doc;
    MetricsPanel panel(&doc);
    TransformPanel transform(&doc);
    LessonPane lesson(&doc);
    ModelPanel model(&doc);
    doc.removeRows(0, 4);
    QCoreApplication::processEvents();
    int values = 0;
    for (QLabel* label : panel.findChildren<QLabel*>())
        if (label->objectName().endsWith(QStringLiteral("Value"))) {
            ++values;
            QVERIFY2(label->text() == NumberText::dash(),
                     qPrintable(label->objectName() + QLatin1Char('=') + label->text()));
        }
    // gradients and lesson's per feature, bias, metrics, distances, the (hidden) test column
    QCOMPARE(values, 2 * 2 + 1 + 4 + 2 + 4);
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("rankWarning"))->isHidden());
    QCOMPARE(transform.statsTable()->item(0, 1)->text(), NumberText::dash());
    QVERIFY(lesson.toPlainText().contains(QStringLiteral("mse = \u2014")));
    QVERIFY(!model.fitButton()->isEnabled());
    // Rows come back: numbers come back.
    doc.undoStack()->push(
        new SetModelCommand(&doc, LinearModel(arma::vec{1, 1}, 1), QStringLiteral("m")));
    doc.insertRows(0, arma::mat{{1, 1, 5}, {2, 3, 9}});
    QVERIFY(panel.valueLabel(QStringLiteral("mseValue"))->text() != NumberText::dash());
    QVERIFY(model.fitButton()->isEnabled());
}

void tst_MetricsPanel::metricsRankDeficientAndRenames() {
    Document doc;
    MetricsPanel panel(&doc);
    doc.insertFeature(2, "minutes_studied", doc.dataset().features().col(0) * 60.0, 0.0);
    QLabel* warning = panel.findChild<QLabel*>(QStringLiteral("rankWarning"));
    QVERIFY(!warning->isHidden());
    QVERIFY(warning->text().contains(QStringLiteral("rank-deficient")));
    QVERIFY(panel.valueLabel(QStringLiteral("gradW2Value")));
    QCOMPARE(panel.valueLabel(QStringLiteral("gradW0Value"))->text(), QStringLiteral("-208"));
    doc.removeFeature(2); // the rows are rebuilt: find the labels again
    warning = panel.findChild<QLabel*>(QStringLiteral("rankWarning"));
    QVERIFY(warning->isHidden());
    QVERIFY(!panel.valueLabel(QStringLiteral("gradW2Value")));

    doc.renameColumn(0, "study_hours");
    bool renamed = false;
    for (QLabel* label : panel.findChildren<QLabel*>())
        renamed = renamed || label->text().contains(QStringLiteral("study_hours"));
    QVERIFY(renamed);
}

void tst_MetricsPanel::wideTableListsBoundedRows() {
    // 2,000 weights: gradient rows for the first kMaxFeatureRows, then a count of the rest.
    Document doc;
    doc.replaceAll(wideConstantDataset(2000), TransformSettings{}, LinearModel(2000),
                   QStringLiteral("wide"));
    MetricsPanel panel(&doc);
    const int cap = MetricsPanel::kMaxFeatureRows;
    QVERIFY(panel.valueLabel(QStringLiteral("gradW%1Value").arg(cap - 1)));
    QVERIFY(!panel.valueLabel(QStringLiteral("gradW%1Value").arg(cap)));
    QVERIFY(panel.valueLabel(QStringLiteral("lessonGradW%1Value").arg(cap - 1)));
    QVERIFY(!panel.valueLabel(QStringLiteral("lessonGradW%1Value").arg(cap)));
    QVERIFY(panel.findChildren<QLabel*>().size() < 5 * cap);
    int notes = 0;
    for (QLabel* label : panel.findChildren<QLabel*>())
        notes += label->text().contains(QStringLiteral("1,800 more weights")) ? 1 : 0;
    QCOMPARE(notes, 2); // under the true gradient and under the lesson's
    QCOMPARE(panel.valueLabel(QStringLiteral("gradBiasValue"))->text(),
             NumberText::shown(doc.evaluation().gradient.bias));
    QCOMPARE(panel.valueLabel(QStringLiteral("gradW7Value"))->text(),
             NumberText::shown(doc.evaluation().gradient.weights(7)));
}

QTEST_MAIN(tst_MetricsPanel)
#include "tst_MetricsPanel.moc"
