#include "tests/bench/FrameBench.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "app/document/RegressionRunner.h"
#include "ui/plots/PlotView.h"
#include "ui/window/MainWindow.h"

#include <QApplication>
#include <QEventLoop>
#include <QUndoStack>

#include <qcustomplot.h>

#include <algorithm>
#include <chrono>

namespace {

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

double median(std::vector<double> values) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t m = values.size();
    return m % 2 ? values[m / 2] : 0.5 * (values[m / 2 - 1] + values[m / 2]);
}

} // namespace

FrameBench::FrameBench()
    : m_window(std::make_unique<MainWindow>()) {
    m_window->resize(1280, 800);
    m_window->show();
    settle();
}

FrameBench::~FrameBench() = default;

void FrameBench::setData(const linlab::Dataset& data) {
    m_window->document()->replaceAll(data, {}, linlab::LinearModel(data.featureCount()),
                                     QStringLiteral("bench"));
    // Start near the fit, as a user tuning weights would be.
    m_base = m_window->document()->leastSquaresModel();
    m_window->document()->setModel(m_base);
    settle();

    m_plots.clear();
    for (QCustomPlot* plot : m_window->findChildren<QCustomPlot*>()) {
        if (!plot->isVisible())
            continue;
        m_plots.append(plot);
        if (!m_watched.contains(plot)) {
            m_watched.insert(plot);
            QObject::connect(plot, &QCustomPlot::afterReplot, plot,
                             [this, plot] { m_replotted.insert(plot); });
            // A view that redrew only its moving layer has its pixels too (see PlotView).
            if (auto* view = qobject_cast<PlotView*>(plot->parentWidget()))
                QObject::connect(view, &PlotView::layersReplotted, plot,
                                 [this, plot] { m_replotted.insert(plot); });
        }
    }
}

int FrameBench::frame(int step) {
    arma::vec w = m_base.weights();
    if (w.n_elem)
        w(0) += 1e-3 * (1 + step % 7) * (1 + std::abs(w(0)));
    m_replotted.clear();
    Phases phases;
    auto start = std::chrono::steady_clock::now();
    m_window->document()->setModel(linlab::LinearModel(w, m_base.bias() + 1e-3 * (step % 5)));
    phases.model = msSince(start);
    // The views queue their replots (one per event-loop pass): run them with everything else
    // the change queued, then make sure each plot is drawn and painted now, so the frame ends
    // with pixels, not with requests. A plot already replotted only needs its buffer painted.
    start = std::chrono::steady_clock::now();
    QApplication::processEvents(QEventLoop::AllEvents);
    phases.events = msSince(start);
    start = std::chrono::steady_clock::now();
    int replots = static_cast<int>(m_replotted.size());
    for (QCustomPlot* plot : m_plots) {
        if (m_replotted.contains(plot)) {
            plot->repaint();
        } else {
            plot->replot(QCustomPlot::rpImmediateRefresh);
            ++replots;
        }
    }
    phases.paint = msSince(start);
    m_phases.push_back(phases);
    return replots;
}

double FrameBench::editCell(int step) {
    Document* document = m_window->document();
    const int row = int((std::size_t(step) * 7919u) % document->dataset().rowCount());
    const double old = document->dataset().features()(arma::uword(row), 0);
    const auto start = std::chrono::steady_clock::now();
    document->undoStack()->push(new SetValuesCommand(
        document, row, 0, arma::mat(1, 1, arma::fill::value(old + 0.5)), QStringLiteral("edit")));
    QApplication::processEvents(QEventLoop::AllEvents);
    for (QCustomPlot* plot : m_plots)
        plot->replot(QCustomPlot::rpImmediateRefresh);
    // Everything includes the MAE, which a large table computes on the other core.
    document->waitForMetrics();
    return msSince(start);
}

double FrameBench::editUntilReport(int step, double* edit) {
    Document* document = m_window->document();
    RegressionRunner* runner = m_window->regression();
    runner->setActive(true); // as when the Report tab or dock is shown
    runner->waitForResult(); // the report of the data before the edit
    QApplication::processEvents(QEventLoop::AllEvents);
    const linlab::Dataset& data = document->dataset();
    const int row = int((std::size_t(step) * 7919u) % data.rowCount());
    const int label = int(data.featureCount());
    const double old = data.labels()(arma::uword(row));
    const auto start = std::chrono::steady_clock::now();
    document->undoStack()->push(new SetValuesCommand(document, row, label,
                                                     arma::mat(1, 1, arma::fill::value(old + 0.5)),
                                                     QStringLiteral("edit")));
    if (edit)
        *edit = msSince(start);
    // As the window sees it: the event loop runs until the new result is delivered.
    while (!runner->isCurrent())
        QApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    return msSince(start);
}

void FrameBench::clearPhases() {
    m_phases.clear();
}

FrameBench::Phases FrameBench::phaseMedians() const {
    std::vector<double> model, events, paint;
    for (const Phases& p : m_phases) {
        model.push_back(p.model);
        events.push_back(p.events);
        paint.push_back(p.paint);
    }
    return {median(model), median(events), median(paint)};
}

int FrameBench::visiblePlots() const {
    return static_cast<int>(m_plots.size());
}

void FrameBench::settle() {
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents(QEventLoop::AllEvents);
    for (QCustomPlot* plot : m_window->findChildren<QCustomPlot*>())
        if (plot->isVisible())
            plot->replot(QCustomPlot::rpImmediateRefresh);
}
