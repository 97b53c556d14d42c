#include "ui/window/WindowLayout.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QSettings>

namespace {
// Bump when the dock layout changes, so an old saved state is not restored onto a new layout.
constexpr int kLayoutVersion = 3;
} // namespace

WindowLayout::WindowLayout(QMainWindow* window, QAction* showTransformed)
    : m_window(window)
    , m_showTransformed(showTransformed) {}

void WindowLayout::restore() {
    m_defaultState = m_window->saveState(kLayoutVersion);
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (!geometry.isEmpty())
        m_window->restoreGeometry(geometry);
    const QByteArray state = settings.value(QStringLiteral("window/state")).toByteArray();
    if (!state.isEmpty())
        m_window->restoreState(state, kLayoutVersion);
    m_showTransformed->setChecked(
        settings.value(QStringLiteral("view/transformed"), false).toBool());
}

void WindowLayout::save() const {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), m_window->saveGeometry());
    settings.setValue(QStringLiteral("window/state"), m_window->saveState(kLayoutVersion));
    settings.setValue(QStringLiteral("view/transformed"), m_showTransformed->isChecked());
}

void WindowLayout::reset() const {
    m_window->restoreState(m_defaultState, kLayoutVersion);
    for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
        dock->show();
}
