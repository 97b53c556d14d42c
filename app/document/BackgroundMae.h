#pragma once
// The mean absolute error of a large table, computed on a second thread. It is the one number a
// slider tick cannot take from the sufficient statistics, so a drag over a million rows does not
// wait for a pass over every row: the frame is drawn while this thread reads the rows.

#include "model/fit/Analysis.h"
#include "model/fit/LinearModel.h"

#include <QObject>

#include <atomic>
#include <optional>
#include <thread>

class BackgroundMae : public QObject {
    Q_OBJECT
public:
    explicit BackgroundMae(QObject* parent = nullptr);
    /// Cancels a running pass and waits for its thread.
    ~BackgroundMae() override;

    /// The result of a pass: the MAE and the ticket it was started with.
    struct Result {
        double mae;
        quint64 ticket;
    };

    /// True while a pass runs (until finished() is delivered, or stop() or wait() is called).
    bool isRunning() const { return m_thread.joinable(); }
    /// Starts a pass of `model` over `analysis`, which must stay unchanged until the pass ends
    /// (finished(), stop() or wait()). Does nothing and returns false while a pass runs.
    bool start(const linlab::Analysis& analysis, const linlab::LinearModel& model, quint64 ticket);
    /// Cancels a running pass and waits for its thread; its finished() is never sent.
    void stop();
    /// Waits for a running pass to end and returns its result (finished() is then not sent);
    /// nothing when no pass runs.
    std::optional<Result> wait();

signals:
    /// A pass ended (delivered on this object's thread).
    void finished(double mae, quint64 ticket);

private:
    void onThreadDone(quint64 job);

    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    double m_result = 0;  // written by the thread, read after join()
    quint64 m_ticket = 0; // the running pass's ticket
    quint64 m_job = 0;    // counts passes, so a stopped pass's late notice is ignored
};
