#pragma once
// How the window tells the user something: a warning box that does not block, a line in the
// status bar, the About box. The window and its file and export controllers all report this way.

class QMainWindow;
class QString;
class QWidget;

class WindowNotices {
public:
    /// A window-modal warning (object name "linlabWarning") that does not block: the event loop,
    /// and a test driving it, carry on. It deletes itself when closed.
    static void warn(QWidget* parent, const QString& title, const QString& text);
    /// A status-bar message: red with a beep for 8 s when `error`, else plain for 4 s.
    static void status(QMainWindow* window, const QString& text, bool error);
    /// Help › About LinLab: what it is, its version and Qt's.
    static void about(QWidget* parent);
};
