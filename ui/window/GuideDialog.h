#pragma once
// Help > Guide: a short illustrated walk through the window — which panel is which line of the
// lesson's NumPy — and every keyboard shortcut, listed from the window's own actions so the list
// never falls behind the menus.

#include <QDialog>
#include <QList>

class QAction;
class QTextBrowser;

class GuideDialog : public QDialog {
    Q_OBJECT
public:
    /// The guide, with a shortcut table of `actions` (those without a shortcut are left out).
    explicit GuideDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);
    /// The guide's HTML (tests read it).
    QString html() const;
    /// The shortcut table's HTML rows: the action's text (without '&') and its shortcut.
    static QString shortcutRows(const QList<QAction*>& actions);

private:
    QTextBrowser* m_text;
};
