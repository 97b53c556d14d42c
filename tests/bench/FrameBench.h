#pragma once
// The "frame" case: LinLab's window, shown offscreen at its default size, and the cost of one
// weight change until every visible live plot is replotted and painted.

#include "model/data/Dataset.h"
#include "model/fit/LinearModel.h"

#include <QList>
#include <QSet>

#include <memory>
#include <vector>

class MainWindow;
class QCustomPlot;

class FrameBench {
public:
    /// Creates and shows the window (a QApplication must exist).
    FrameBench();
    ~FrameBench();

    /// Replaces the window's data (as opening a file would) and settles every pending update.
    void setData(const linlab::Dataset& data);
    /// One frame: a slightly different weight (`step` picks it), then every queued replot and
    /// paint finished. Returns the number of replots it caused (for the report).
    int frame(int step);
    /// One cell edit as the table makes it (an undo command), until every view has caught up:
    /// statistics, metrics, plots painted. Returns the milliseconds it took.
    double editCell(int step);
    /// One label edit (an undo command) until the regression report and its diagnostics of the
    /// new data are in (computed off the UI thread). Returns the milliseconds it took; `edit`
    /// gets those of the edit itself (until its push returns: the data changed).
    double editUntilReport(int step, double* edit = nullptr);
    /// How many QCustomPlots are visible (the ones a frame must redraw).
    int visiblePlots() const;

    /// Where the frames' time went: medians since the last clearPhases(), in ms.
    struct Phases {
        double model = 0;  ///< Document::setModel: recompute and every synchronous slot
        double events = 0; ///< processEvents: queued replots, lesson pane, timers
        double paint = 0;  ///< painting the replotted plots
    };
    void clearPhases();
    Phases phaseMedians() const;

private:
    void settle();

    std::unique_ptr<MainWindow> m_window;
    QList<QCustomPlot*> m_plots;
    linlab::LinearModel m_base;
    std::vector<Phases> m_phases;
    QSet<QCustomPlot*> m_replotted; // plots replotted during the current frame
    QSet<QCustomPlot*> m_watched;   // plots whose replots are counted
};
