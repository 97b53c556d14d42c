#include "ui/window/WindowNotices.h"

#include <QApplication>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

void WindowNotices::warn(QWidget* parent, const QString& title, const QString& text) {
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("linlabWarning"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void WindowNotices::status(QMainWindow* window, const QString& text, bool error) {
    QStatusBar* bar = window->statusBar();
    bar->setStyleSheet(error ? QStringLiteral("QStatusBar { color: #b00020; }") : QString());
    bar->showMessage(text, error ? 8000 : 4000);
    if (error)
        QApplication::beep();
}

void WindowNotices::about(QWidget* parent) {
    QMessageBox::about(
        parent, QApplication::translate("MainWindow", "About LinLab"),
        QApplication::translate(
            "MainWindow",
            "<h3>LinLab %1</h3>"
            "<p>A live lab for the lesson <i>NumPy in Machine Learning</i>: features X and labels "
            "y "
            "in a table, "
            "scaling and z-scores, predictions X\u00b7w + b, the mean squared error and its "
            "gradient, "
            "all updating as you edit the data and drag the weights.</p>"
            "<p>Numbers follow NumPy's conventions (population std, shortest round-trip "
            "digits).</p>"
            "<p>Built with Qt %2, QCustomPlot and Armadillo.</p>"
            "<p>Example data: the Palmer penguins by Kristen Gorman, Tony Williams and William "
            "Fraser (Palmer Station LTER), packaged in the R package palmerpenguins by Allison "
            "Horst, Alison Hill and Kristen Gorman (CC0); Anscombe's quartet (F. J. Anscombe, "
            "1973).</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}
