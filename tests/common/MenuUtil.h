#pragma once
// Finds a window's menu-bar actions by their path, as a user clicks through the menus.

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStringList>

namespace testutil {

/// The menu-bar action `path` ("File/Open Example/Palmer Penguins"), '&' and "…" ignored;
/// nullptr when a step is missing.
inline QAction* menuAction(QMainWindow& w, const QStringList& path) {
    QList<QAction*> actions = w.menuBar()->actions();
    QAction* found = nullptr;
    for (const QString& step : path) {
        found = nullptr;
        for (QAction* a : actions)
            if (a->text().remove(QLatin1Char('&')).remove(QStringLiteral("\u2026")) == step)
                found = a;
        if (!found)
            return nullptr;
        if (found->menu())
            actions = found->menu()->actions();
    }
    return found;
}

} // namespace testutil
