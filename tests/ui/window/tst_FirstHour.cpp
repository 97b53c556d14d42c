// What a newcomer meets first, in the window: File > Open Example, Data > Generate and
// Help > Guide.

#include "app/document/Document.h"
#include "tests/common/MenuUtil.h"
#include "ui/common/DisplayDigits.h"
#include "ui/common/NumberText.h"
#include "ui/panels/LessonPane.h"
#include "ui/window/GenerateDataDialog.h"
#include "ui/window/GuideDialog.h"
#include "ui/window/MainWindow.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using linlab::LinearModel;
using testutil::menuAction;

class tst_FirstHour : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LinLabTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_FirstHour"));
        QSettings().clear();
    }
    // One click opens each example; the status bar says what it is.
    void examplesOpenInOneClick_data() {
        QTest::addColumn<QString>("title");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("used");
        QTest::newRow("lesson") << QStringLiteral("The Lesson's Data") << 4 << 4;
        QTest::newRow("practice") << QStringLiteral("The Practice Exercise") << 5 << 5;
        QTest::newRow("anscombe") << QStringLiteral("Anscombe's Quartet") << 44 << 44;
        QTest::newRow("penguins") << QStringLiteral("Palmer Penguins") << 344 << 333;
    }
    void examplesOpenInOneClick() {
        QFETCH(QString, title);
        QFETCH(int, rows);
        QFETCH(int, used);
        MainWindow w;
        QAction* open =
            menuAction(w, {QStringLiteral("File"), QStringLiteral("Open Example"), title});
        QVERIFY(open);
        QVERIFY(!open->toolTip().isEmpty());
        open->trigger();
        QCOMPARE(w.document()->tableRowCount(), rows);
        QCOMPARE(int(w.document()->dataset().rowCount()), used);
        QVERIFY(w.document()->undoStack()->count() == 0);
    }
    // The dialog refuses what cannot be generated, saying why; Generate is one undo step.
    void generateKnowsWhatItCannotMake() {
        GenerateDataDialog dialog;
        auto* weights = dialog.findChild<QLineEdit*>();
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        weights->setText(QStringLiteral("2, x"));
        QVERIFY(!ok->isEnabled());
        QLabel* problem = nullptr;
        for (QLabel* l : dialog.findChildren<QLabel*>())
            if (l->text().contains(QStringLiteral("weights must be numbers")))
                problem = l;
        QVERIFY(problem);
        weights->setText(QStringLiteral("3, -1.5, 0.25"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.spec().weights.n_elem, arma::uword(3));
        QCOMPARE(dialog.spec().weights(1), -1.5);
        linlab::SyntheticSpec s = dialog.spec();
        s.rows = 77;
        s.seed = 12;
        dialog.setSpec(s);
        QCOMPARE(dialog.spec().rows, arma::uword(77));
        QCOMPARE(dialog.spec().seed, std::uint64_t(12));
        QCOMPARE(weights->text(), QStringLiteral("3, -1.5, 0.25"));
        MainWindow w;
        QVERIFY(menuAction(w, {QStringLiteral("Data"), QStringLiteral("Generate")}));
    }
    // Numbers read like a textbook: 6 significant digits by default, every digit on request;
    // exact() (tooltips, copies, exports) never changes.
    void numbersReadLikeATextbook() {
        QSettings().clear();
        MainWindow w;
        QCOMPARE(DisplayDigits::digits(), 6);
        QCOMPARE(NumberText::shown(284.98720000000014), QStringLiteral("284.987"));
        QCOMPARE(NumberText::shown(142.88000000000002), QStringLiteral("142.88"));
        QCOMPARE(NumberText::exact(284.98720000000014), QStringLiteral("284.98720000000014"));
        auto* pane = w.findChild<LessonPane*>();
        QVERIFY(pane);
        Document* doc = w.document();
        doc->setModel(LinearModel(arma::vec{4.1, 3.3}, 10.7)); // an MSE with a long tail
        const double mse = doc->evaluation().metrics.mse;
        QVERIFY(NumberText::exact(mse).size() > 12);
        QVERIFY(pane->lessonHtml().contains(QStringLiteral("mse = ") + NumberText::brief(mse, 6)));
        QAction* every =
            menuAction(w, {QStringLiteral("View"), QStringLiteral("Significant Digits"),
                           QStringLiteral("Every Digit")});
        QVERIFY(every);
        every->trigger();
        QCOMPARE(DisplayDigits::digits(), 0);
        QVERIFY(pane->lessonHtml().contains(QStringLiteral("mse = ") + NumberText::exact(mse)));
        QCOMPARE(QSettings().value(QStringLiteral("display/significantDigits")).toInt(), 0);
        DisplayDigits::setDigits(DisplayDigits::kDefault);
    }
    // The guide maps the panels to the lesson's lines and lists the menus' shortcuts.
    void guideNamesTheLessonsLinesAndTheShortcuts() {
        MainWindow w;
        QAction* guide = menuAction(w, {QStringLiteral("Help"), QStringLiteral("Guide")});
        QVERIFY(guide);
        QCOMPARE(guide->shortcut(), QKeySequence(QKeySequence::HelpContents));
        GuideDialog dialog(w.findChildren<QAction*>());
        const QString html = dialog.html();
        QVERIFY(html.contains(QStringLiteral("y_pred = X @ w + b")));
        QVERIFY(html.contains(QStringLiteral("np.linalg.lstsq")));
        QVERIFY(html.contains(QStringLiteral("Fit Least Squares")));
        QVERIFY(
            html.contains(QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText)));
        QVERIFY(html.contains(QStringLiteral("Generate")));
        // Each shortcut once, however many menus hold its action.
        const QString rows = GuideDialog::shortcutRows(w.findChildren<QAction*>());
        QCOMPARE(rows.count(QStringLiteral("Fit Least Squares")), 1);
    }
};

QTEST_MAIN(tst_FirstHour)
#include "tst_FirstHour.moc"
