// The random-use soak: a real window (offscreen) driven through the paths a user takes (the menu
// actions, the table's model and clipboard paste, the weight sliders and spin boxes, the
// preprocessing controls, gradient descent's buttons, undo and redo, saving, reopening and
// exporting) by a seeded random sequence of actions. After every action the table must show
// exactly the document's values and every number shown must be finite or "—"; every 50 actions
// undo then redo must restore the document bit for bit; and the resident memory must level off.
//
// LINLAB_SOAK_ACTIONS sets the number of actions (default 1000), LINLAB_SOAK_SEED the seed. A
// failure names the seed, the action's index and the last actions, so it can be replayed.

#include "tests/ui/window/SoakDriver.h"

#include "app/document/Document.h"
#include "ui/training/TrainingSession.h"
#include "ui/training/TrainingView.h"
#include "ui/window/MainWindow.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <deque>
#include <vector>

namespace {
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true; // its quarantine holds freed memory: RSS says nothing then
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

/// Resident memory in KiB, from /proc/self/status (0 where there is no /proc).
qint64 residentKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}
} // namespace

class tst_Soak : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void randomUse();

private:
    std::uint64_t m_seed = 20240607;
};

void tst_Soak::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LinLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_Soak"));
    QSettings().clear();
    if (qEnvironmentVariableIsSet("LINLAB_SOAK_SEED"))
        m_seed = qEnvironmentVariable("LINLAB_SOAK_SEED").toULongLong();
}

void tst_Soak::randomUse() {
    const int actions = qEnvironmentVariableIsSet("LINLAB_SOAK_ACTIONS")
                            ? qEnvironmentVariable("LINLAB_SOAK_ACTIONS").toInt()
                            : 1000;
    QVERIFY(actions > 0);
    qInfo("soak: %d actions, seed %llu (LINLAB_SOAK_SEED to replay)", actions,
          static_cast<unsigned long long>(m_seed));

    MainWindow window;
    SoakDriver driver(&window, m_seed);
    QVERIFY(driver.isReady());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Keep runs short, so "to end" on mini-batch SGD stays quick.
    window.trainingView()->maxEpochsSpinBox()->setValue(2000);

    std::deque<QString> recent; // the last few actions, for the failure report
    std::vector<qint64> rss;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < actions; ++i) {
        const QString did = driver.act();
        recent.push_back(did);
        if (recent.size() > 8)
            recent.pop_front();
        QCoreApplication::processEvents();
        QString problem = did.startsWith(QLatin1String("FAIL")) ? did : driver.checkShown();
        if (problem.isEmpty() && i % 50 == 49)
            problem = driver.checkUndoRedo();
        if (!problem.isEmpty()) {
            QStringList last(recent.begin(), recent.end());
            QVERIFY2(false, qPrintable(QStringLiteral("seed %1, action %2: %3\n  last actions: %4")
                                           .arg(m_seed)
                                           .arg(i)
                                           .arg(problem, last.join(QStringLiteral("; ")))));
        }
        if (i % 10 == 9)
            rss.push_back(residentKb());
        if ((i + 1) % std::max(1, actions / 10) == 0)
            qInfo("soak: %d actions, %.1f s, RSS %lld KiB, undo stack %d", i + 1,
                  clock.elapsed() / 1000.0, residentKb(), window.document()->undoStack()->count());
    }
    window.trainingView()->session()->pause();
    const double seconds = clock.elapsed() / 1000.0;

    // Memory levels off: after warm-up (the first 20%), the last tenth is not far above it.
    if (rss.size() >= 20) {
        const qint64 warm = rss[rss.size() / 5];
        const std::size_t tail = std::max<std::size_t>(1, rss.size() / 10);
        double late = 0;
        for (std::size_t k = rss.size() - tail; k < rss.size(); ++k)
            late += double(rss[k]);
        late /= double(tail);
        qInfo("soak: %d actions in %.1f s; RSS start %lld KiB, at 20%% %lld KiB, last 10%% mean "
              "%.0f KiB, peak %lld KiB",
              actions, seconds, rss.front(), warm, late, *std::max_element(rss.begin(), rss.end()));
        if (kAddressSanitizer)
            QSKIP("resident memory is not checked under AddressSanitizer (LeakSanitizer checks "
                  "leaks)");
        QVERIFY2(late - double(warm) < 30.0 * 1024,
                 qPrintable(QStringLiteral("seed %1: resident memory grew from %2 KiB to %3 KiB")
                                .arg(m_seed)
                                .arg(warm)
                                .arg(late)));
    }
}

QTEST_MAIN(tst_Soak)
#include "tst_Soak.moc"
