#pragma once
// The exact statistics of a large table after its cell edits. An edit updates the statistics in
// O(d^2) (Analysis::statisticsUpdated()); rounding in such updates can add up, so once the edits
// pause the statistics are computed afresh from the rows on a second thread and replace the
// updated ones.

#include "model/fit/Analysis.h"
#include "model/fit/SufficientStatistics.h"

#include <QObject>

#include <atomic>
#include <optional>
#include <thread>

class QTimer;

class StatisticsRefresh : public QObject {
    Q_OBJECT
public:
    /// The pause after the last update before the rows are read (ms): a drag's ticks only wait.
    static constexpr int kDelay = 300;

    explicit StatisticsRefresh(QObject* parent = nullptr);
    /// Cancels a running computation and waits for its thread.
    ~StatisticsRefresh() override;

    /// After an update of `analysis`' statistics: kDelay ms from now (unless scheduled again), its
    /// statistics are computed from its rows on another thread. `analysis` must not change until
    /// finished() or stop(): call stop() before changing it.
    void schedule(const linlab::Analysis& analysis);
    /// Cancels a scheduled or running computation (waits for its thread); finished() is not sent.
    void stop();
    /// True while a computation is scheduled or running.
    bool isPending() const;
    /// Computes now on this thread when one is scheduled or running and returns the statistics
    /// (finished() is then not sent); nothing when none is (tests, exports).
    std::optional<linlab::SufficientStatistics> wait();
    /// The statistics computed, after finished() (once: they are moved out).
    linlab::SufficientStatistics takeResult();

signals:
    /// The statistics are in (delivered on this object's thread): takeResult().
    void finished();

private:
    void start();
    void onThreadDone(quint64 job);

    QTimer* m_timer;
    const linlab::Analysis* m_analysis = nullptr;
    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    std::optional<linlab::SufficientStatistics> m_result; // written by the thread, read after join
    quint64 m_job = 0; // counts computations, so a stopped one's late notice is ignored
};
