// The window on wide data (50 rows x 5,000 features, issue 12): opening it, dragging a weight,
// fitting, the Training tab and gradient-descent steps form no d x d matrix (5,000^2 doubles,
// 200 MB: the peak resident memory must not grow by half of that), and every number shown is
// finite or a dash. Offscreen.

#include "app/document/Document.h"
#include "tests/common/SliderUtil.h"
#include "tests/ui/training/TrainingTestUtil.h"
#include "ui/panels/ModelPanel.h"
#include "ui/training/LossCurveView.h"
#include "ui/training/LossLandscapeView.h"
#include "ui/training/TrainingSession.h"
#include "ui/training/TrainingView.h"
#include "ui/window/MainWindow.h"

#include <QAbstractSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSlider>
#include <QStandardPaths>
#include <QStyleOptionSlider>
#include <QTabWidget>
#include <QTest>

#include <cmath>
#include <string>
#include <vector>

using namespace linlab;

class tst_WideWindow : public QObject {
    Q_OBJECT
private slots:
    void wideDataFormsNoGramMatrix();
};

namespace {

constexpr arma::uword kRows = 50, kFeatures = 5000;
// Half of one 5,000 x 5,000 matrix of doubles: what forming one would add at least.
constexpr double kHalfAGram = 0.5 * double(kFeatures) * double(kFeatures) * sizeof(double);

// Peak resident memory in bytes (VmHWM), after resetting it to the current resident set where
// the kernel allows (so a matrix formed and freed between two readings still shows).
double peakResident() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return std::nan("");
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() * 1024.0;
    return std::nan("");
}

void resetPeakResident() {
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (clearRefs.open(QIODevice::WriteOnly))
        clearRefs.write("5");
}

Dataset wideDataset() {
    arma::arma_rng::set_seed(12);
    const arma::mat X = arma::randn(kRows, kFeatures);
    const arma::vec y = X.cols(0, 9) * arma::linspace(1, 10, 10) + arma::randn(kRows);
    std::vector<std::string> names;
    for (arma::uword j = 0; j < kFeatures; ++j)
        names.push_back("x" + std::to_string(j));
    return Dataset(X, y, names, "y");
}

void dragSlider(QSlider* slider) {
    const QPoint start = testutil::handleCentre(slider);
    QTest::mousePress(slider, Qt::LeftButton, Qt::NoModifier, start);
    for (int dx = 6; dx <= 30; dx += 6)
        QTest::mouseMove(slider, start + QPoint(dx, 0));
    QTest::mouseRelease(slider, Qt::LeftButton, Qt::NoModifier, start + QPoint(30, 0));
    QCoreApplication::processEvents();
}

// The first visible text in the window that shows a number that is not finite, else empty.
QString nonFiniteText(QWidget* window) {
    static const QRegularExpression bad(QStringLiteral("\\b(nan|inf|infinity)\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    QStringList texts;
    for (QLabel* label : window->findChildren<QLabel*>())
        if (label->isVisibleTo(window))
            texts << label->text();
    for (QLineEdit* edit : window->findChildren<QLineEdit*>())
        if (edit->isVisibleTo(window))
            texts << edit->text();
    for (const QString& text : texts)
        if (text.contains(bad))
            return text;
    return QString();
}

} // namespace

void tst_WideWindow::wideDataFormsNoGramMatrix() {
    QStandardPaths::setTestModeEnabled(true); // no recovery file in the user's place
    MainWindow w;
    w.resize(1400, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Document* doc = w.document();
    Dataset data = wideDataset();
    QCoreApplication::processEvents();
    resetPeakResident();
    const double before = peakResident();
    QVERIFY(std::isfinite(before) && before > 0);

    doc->replaceAll(std::move(data), TransformSettings(), LinearModel(kFeatures),
                    QStringLiteral("wide"));
    QTest::qWait(20);
    QVERIFY(doc->analysis().statistics().isWide());
    ModelPanel* panel = w.modelPanel();
    QCOMPARE(int(panel->shownParameters().size()), ModelPanel::kMaxSliders + 1); // and the bias

    QSlider* slider = panel->slider(0);
    QVERIFY(slider && slider->isVisible());
    dragSlider(slider);
    QVERIFY(doc->model().weights()(0) != 0.0);
    panel->fitButton()->click();
    QTest::qWait(20);
    QVERIFY(std::isfinite(doc->evaluation().metrics.mse));

    TrainingView* training = w.trainingView();
    w.centralTabs()->setCurrentWidget(training);
    QTest::qWait(20);
    panel->resetButton()->click();
    for (int k = 0; k < 5; ++k)
        training->stepButton()->click();
    QTest::qWait(20);
    TrainingSession* session = training->session();
    QVERIFY(session->hasRun());
    QCOMPARE(session->epoch(), std::size_t(5));
    QVERIFY(std::isfinite(session->loss()));
    QVERIFY(std::isfinite(session->gradientBound()));

    // A second weight dragged with the landscape showing: its "held" line once listed every
    // other weight and widened the window to half a million pixels (7 GB of paint buffers).
    dragSlider(panel->slider(1));
    training->stepButton()->click();
    QTest::qWait(20);
    QVERIFY2(w.width() < 4000, qPrintable(QString::number(w.width())));

    const double grown = peakResident() - before;
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer keeps freed memory in quarantine and adds shadow memory: the resident size
    // says nothing there (the sanitized run checks the rest).
    Q_UNUSED(grown);
#else
    QVERIFY2(grown < kHalfAGram,
             qPrintable(QStringLiteral("peak resident memory grew by %1 MB").arg(grown / 1e6)));
#endif
    const QString bad = nonFiniteText(&w);
    QVERIFY2(bad.isEmpty(), qPrintable(bad));
    QString why;
    QVERIFY2(trainingtest::plotFinite(training->landscape()->plot(), &why), qPrintable(why));
    QVERIFY2(trainingtest::plotFinite(training->lossCurve()->plot(), &why), qPrintable(why));
}

QTEST_MAIN(tst_WideWindow)
#include "tst_WideWindow.moc"
