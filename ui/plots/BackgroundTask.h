#pragma once
// One computation at a time on a thread of its own, its result delivered on the GUI thread. A
// new start() cancels the running one (its flag turns true and its result is dropped) without
// waiting for it: a task that checks the flag stops early, one that cannot finishes unseen.
// The destructor cancels every task and waits for their threads.

#include <QObject>

#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <thread>

class BackgroundTask : public QObject {
    Q_OBJECT
public:
    /// Runs on the task's thread; returns what to do with its result on the GUI thread (called
    /// only if the task is still the current one and was not cancelled; may be empty).
    using Work = std::function<std::function<void()>(const std::atomic<bool>& cancel)>;

    explicit BackgroundTask(QObject* parent = nullptr);
    ~BackgroundTask() override;

    /// Cancels the running task (if any) and starts `work`.
    void start(Work work);
    /// Cancels the running task; its result is dropped.
    void cancel();
    /// True from start() until the current task's result is delivered or it is cancelled.
    bool isBusy() const { return m_busy; }
    /// Waits for every thread (tests): a current task's result is delivered first.
    void waitForIdle();

signals:
    /// The current task's result was delivered.
    void finished();
    /// isBusy() changed.
    void busyChanged(bool busy);

private:
    struct Job {
        quint64 id = 0;
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> cancel;
        std::function<void()> deliver; // written by the thread, read after join()
    };
    void onJobDone(quint64 id);
    void setBusy(bool busy);

    std::list<Job> m_jobs; // the current one last; cancelled ones until their thread ends
    quint64 m_nextId = 0;
    quint64 m_current = 0; // 0: none
    bool m_busy = false;
};
