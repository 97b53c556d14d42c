#include "ui/plots/BackgroundTask.h"

#include <QMetaObject>

BackgroundTask::BackgroundTask(QObject* parent)
    : QObject(parent) {}

BackgroundTask::~BackgroundTask() {
    for (Job& job : m_jobs)
        *job.cancel = true;
    for (Job& job : m_jobs)
        job.thread.join();
}

void BackgroundTask::start(Work work) {
    cancel();
    m_jobs.emplace_back();
    Job& job = m_jobs.back();
    job.id = ++m_nextId;
    job.cancel = std::make_shared<std::atomic<bool>>(false);
    m_current = job.id;
    const quint64 id = job.id;
    std::shared_ptr<std::atomic<bool>> flag = job.cancel;
    std::function<void()>* deliver = &job.deliver; // list nodes do not move
    job.thread = std::thread([this, id, flag, deliver, work = std::move(work)] {
        try {
            *deliver = work(*flag);
        } catch (const std::exception&) {
            *deliver = nullptr; // bad input: nothing to show, the caller's next start() retries
        }
        // Back on this object's thread; the destructor joins before the QObject goes.
        QMetaObject::invokeMethod(
            this, [this, id] { onJobDone(id); }, Qt::QueuedConnection);
    });
    setBusy(true);
}

void BackgroundTask::cancel() {
    for (Job& job : m_jobs)
        *job.cancel = true;
    m_current = 0;
    setBusy(false);
}

void BackgroundTask::onJobDone(quint64 id) {
    for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it) {
        if (it->id != id)
            continue;
        it->thread.join();
        std::function<void()> deliver = std::move(it->deliver);
        const bool current = id == m_current && !*it->cancel;
        m_jobs.erase(it);
        if (!current)
            return;
        m_current = 0;
        if (deliver)
            deliver();
        setBusy(false);
        emit finished();
        return;
    }
}

void BackgroundTask::waitForIdle() {
    while (!m_jobs.empty()) {
        Job& job = m_jobs.front();
        job.thread.join();
        // The queued notice still comes; run it now (onJobDone finds nothing later).
        const quint64 id = job.id;
        job.thread = std::thread([] {}); // a joinable no-op for onJobDone's join
        onJobDone(id);
    }
}

void BackgroundTask::setBusy(bool busy) {
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}
