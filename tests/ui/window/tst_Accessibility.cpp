// Keyboard and screen-reader access to every control of the window (issue 16): each button,
// slider, spin box, combo box, text field, table and plot has an accessible name (what a screen
// reader says: its own, a buddy label's or its text) and takes the keyboard focus with Tab.
// Checked on the lesson's data and on the penguins example (a typed table, categories), with
// every dock open. Offscreen.

#include "tests/common/MenuUtil.h"
#include "ui/window/MainWindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QToolBar>

#include <qcustomplot.h>

using testutil::menuAction;

namespace {

// What a screen reader names `w`.
QString accessibleName(QWidget* w) {
    QAccessibleInterface* a = QAccessible::queryAccessibleInterface(w);
    return a ? a->text(QAccessible::Name).trimmed() : QString();
}

// Where `w` sits, for a readable failure: its class, object name and parents' names.
QString describe(QWidget* w) {
    QStringList path;
    for (QObject* o = w; o; o = o->parent()) {
        const QString name = o->objectName();
        path.prepend(QString::fromLatin1(o->metaObject()->className()) +
                     (name.isEmpty() ? QString() : QStringLiteral("#") + name));
        if (qobject_cast<QDockWidget*>(o))
            break;
    }
    return path.join(QStringLiteral(" > "));
}

// A part of another control (a spin box's or combo box's line edit, a tab bar's or a dock's own
// buttons, scroll bars, an item view's headers and editors): named and reached through its owner.
bool isPartOfAnother(QWidget* w) {
    if (qobject_cast<QScrollBar*>(w))
        return true;
    QWidget* p = w->parentWidget();
    if (qobject_cast<QAbstractSpinBox*>(p) || qobject_cast<QComboBox*>(p) ||
        qobject_cast<QTabBar*>(p) || qobject_cast<QDockWidget*>(p) || qobject_cast<QLineEdit*>(p))
        return true;
    // A tool bar's buttons and its or the menu bar's overflow buttons: their actions are in the
    // menus, with their shortcuts (checked below).
    if (qobject_cast<QToolBar*>(p) || qobject_cast<QMenuBar*>(p))
        return true;
    for (; p; p = p->parentWidget())
        if (qobject_cast<QAbstractItemView*>(p))
            return true;
    return false;
}

bool isControl(QWidget* w) {
    return qobject_cast<QAbstractButton*>(w) || qobject_cast<QAbstractSlider*>(w) ||
           qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QComboBox*>(w) ||
           qobject_cast<QLineEdit*>(w) || qobject_cast<QAbstractItemView*>(w) ||
           qobject_cast<QCustomPlot*>(w);
}

} // namespace

class tst_Accessibility : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LinLabTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_Accessibility"));
        QSettings().clear();
    }

    void everyControlIsNamedAndReachable_data() {
        QTest::addColumn<QString>("example");
        QTest::newRow("lesson") << QString();
        QTest::newRow("penguins") << QStringLiteral("Palmer Penguins");
    }
    void everyControlIsNamedAndReachable() {
        QFETCH(QString, example);
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        if (!example.isEmpty()) {
            QAction* open =
                menuAction(w, {QStringLiteral("File"), QStringLiteral("Open Example"), example});
            QVERIFY(open);
            open->trigger();
        }
        for (QDockWidget* dock : w.findChildren<QDockWidget*>())
            dock->show();
        QCoreApplication::processEvents();

        QStringList unnamed, unreachable;
        int controls = 0;
        for (QWidget* c : w.findChildren<QWidget*>()) {
            if (!isControl(c) || isPartOfAnother(c) || c->window() != &w)
                continue;
            ++controls;
            if (accessibleName(c).isEmpty())
                unnamed << describe(c);
            // A plot is read, not operated: its actions (export, copy) are in the menus.
            if (!(c->focusPolicy() & Qt::TabFocus) && !qobject_cast<QCustomPlot*>(c))
                unreachable << describe(c);
        }
        for (const QString& c : unnamed)
            qWarning("no accessible name: %s", qPrintable(c));
        for (const QString& c : unreachable)
            qWarning("not reached by Tab: %s", qPrintable(c));
        QVERIFY2(controls > 40, qPrintable(QString::number(controls)));
        // Every tool-bar action is in a menu too, where the keyboard reaches it.
        QList<QAction*> inMenus;
        QList<QMenu*> menus;
        for (QAction* a : w.menuBar()->actions())
            if (a->menu())
                menus << a->menu();
        while (!menus.isEmpty()) {
            QMenu* m = menus.takeFirst();
            for (QAction* a : m->actions()) {
                inMenus << a;
                if (a->menu())
                    menus << a->menu();
            }
        }
        for (QToolBar* bar : w.findChildren<QToolBar*>())
            for (QAction* a : bar->actions())
                if (!a->isSeparator() && !a->text().isEmpty())
                    QVERIFY2(inMenus.contains(a), qPrintable(a->text()));
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("%1 controls without an accessible "
                                                              "name (listed above)")
                                                   .arg(unnamed.size())));
        QVERIFY2(unreachable.isEmpty(),
                 qPrintable(QStringLiteral("%1 controls not reached by Tab (listed above)")
                                .arg(unreachable.size())));
    }
};

QTEST_MAIN(tst_Accessibility)
#include "tst_Accessibility.moc"
