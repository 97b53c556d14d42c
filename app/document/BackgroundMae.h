#pragma once
// The mean absolute error of a large table (and of its split's train and test rows), computed on
// a second thread. It is the one number a slider tick cannot take from the sufficient
// statistics, so a drag over a million rows does not wait for a pass over every row: the frame is
// drawn while this thread reads the rows. During a drag a pass starts at most every
// kMaeInterval ms, and the last request always gets its pass.

#include "model/fit/Analysis.h"
#include "model/fit/LinearModel.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <optional>
#include <thread>

class QTimer;

class BackgroundMae : public QObject {
    Q_OBJECT
public:
    /// During a slider drag a pass starts at most this often (ms): a pass reads the whole table,
    /// and a drag at 60 frames a second would keep it reading non-stop, taking memory bandwidth
    /// from the frames.
    static constexpr int kMaeInterval = 100;

    explicit BackgroundMae(QObject* parent = nullptr);
    /// Cancels a running pass and waits for its thread.
    ~BackgroundMae() override;

    /// Asks for the MAE of `model` over `analysis` (and of the train and test rows of
    /// `testMask`, one flag per row, when given). Both must stay unchanged until the request is
    /// answered (finished()) or dropped (stop(), wait()). `throttled` (a slider tick): the pass
    /// may wait until kMaeInterval has passed since the last one started. A request made while a
    /// pass runs replaces any earlier one and starts when that pass ends.
    void request(const linlab::Analysis& analysis, const linlab::LinearModel& model,
                 const arma::uvec* testMask, bool throttled);
    /// True from request() until finished() is sent, or stop() or wait() is called.
    bool isPending() const { return m_pending; }
    /// Drops the request and cancels a running pass (waiting for its thread); no finished().
    void stop();
    /// Answers the pending request now, on this thread when its pass has not run (finished() is
    /// then not sent); nothing when none is pending.
    std::optional<linlab::SplitMae> wait();

signals:
    /// The pending request's answer is in (delivered on this object's thread).
    void finished(const linlab::SplitMae& mae);

private:
    void startPass();
    void onThreadDone(quint64 job);
    void joinThread();

    const linlab::Analysis* m_analysis = nullptr;
    linlab::LinearModel m_model;
    const arma::uvec* m_testMask = nullptr;
    bool m_pending = false;
    quint64 m_request = 0; // counts requests: a pass for an older one asks for another

    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    linlab::SplitMae m_result; // written by the thread, read after join()
    quint64 m_passRequest = 0; // the request the running pass answers
    quint64 m_job = 0;         // counts passes, so a stopped pass's late notice is ignored
    QTimer* m_timer;           // a throttled pass waiting for its turn
    QElapsedTimer m_sinceStart;
};
