#pragma once
// File › Export: the data as CSV (raw or transformed, optionally with predictions and residuals),
// the NumPy script that repeats the lesson's steps, and the plots (through ExportPlotDialog).
// A failed write shows a warning naming the path and leaves any file already there untouched.

#include "model/io/PlotKind.h"

#include <QMap>
#include <QObject>
#include <QString>

#include <exception>

class Document;
class OpenFileWatcher;
class QAction;
class QCustomPlot;
class QMainWindow;
class RegressionRunner;
class TrainingSession;

class ExportActions : public QObject {
    Q_OBJECT
public:
    /// `plots`: the window's plot of each kind, listed in the dialog in the kinds' table order;
    /// `showTransformed` preselects the CSV's transformed values; `watcher` learns of writes over
    /// the open file.
    ExportActions(QMainWindow* window, Document* document, TrainingSession* session,
                  const QMap<linlab::PlotKind, QCustomPlot*>& plots, QAction* showTransformed,
                  OpenFileWatcher* watcher);

    /// Asks for the options and the file, then writes the data.
    void exportDataCsv();
    /// Asks for the file, then writes the script.
    void exportNumpyScript();
    /// Opens the export-plot dialog.
    void exportPlots();

    /// Writes the data as CSV (raw or transformed, optionally with predictions and residuals, and
    /// the least-squares diagnostics); false (and a message) when it cannot be written. What was
    /// at `path` is then untouched.
    bool exportDataCsvTo(const QString& path, bool transformed, bool predictions,
                         bool diagnostics = false);
    /// Where the least-squares diagnostics come from (none: the option is not offered).
    void setRegression(RegressionRunner* runner) { m_regression = runner; }
    /// Writes the NumPy script; false (and a message) when it cannot be written.
    bool exportNumpyScriptTo(const QString& path);

private:
    /// Shows the error of a failed write.
    void warnNotWritten(const std::exception& e);
    /// After a write: the watcher knows it, the status bar says `text`.
    void written(const QString& path, const QString& text);

    QMainWindow* m_window;
    Document* m_document;
    TrainingSession* m_session;
    QMap<linlab::PlotKind, QCustomPlot*> m_plots;
    QAction* m_showTransformed;
    OpenFileWatcher* m_watcher;
    RegressionRunner* m_regression = nullptr;
};
