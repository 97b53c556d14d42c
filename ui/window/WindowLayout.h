#pragma once
// The window's arrangement kept between runs (QSettings "window/geometry" and "window/state", and
// the transformed-values switch "view/transformed"), and Reset Layout's way back to the start.

#include <QByteArray>

class QAction;
class QMainWindow;

class WindowLayout {
public:
    WindowLayout(QMainWindow* window, QAction* showTransformed);

    /// Takes the window's arrangement now as the default, then restores the one saved last time.
    void restore();
    /// Saves the arrangement for the next run.
    void save() const;
    /// Back to the default arrangement, every dock shown.
    void reset() const;

private:
    QMainWindow* m_window;
    QAction* m_showTransformed;
    QByteArray m_defaultState;
};
