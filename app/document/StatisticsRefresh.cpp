#include "app/document/StatisticsRefresh.h"

#include <QMetaObject>
#include <QTimer>

StatisticsRefresh::StatisticsRefresh(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDelay);
    connect(m_timer, &QTimer::timeout, this, &StatisticsRefresh::start);
}

StatisticsRefresh::~StatisticsRefresh() {
    stop();
}

void StatisticsRefresh::schedule(const linlab::Analysis& analysis) {
    stop();
    m_analysis = &analysis;
    m_timer->start();
}

void StatisticsRefresh::start() {
    if (!m_analysis || m_thread.joinable())
        return;
    m_cancel = false;
    const quint64 job = ++m_job;
    const linlab::Analysis* analysis = m_analysis;
    m_thread = std::thread([this, analysis, job] {
        try {
            m_result = linlab::SufficientStatistics::compute(analysis->features(),
                                                             analysis->labels(), m_cancel);
        } catch (const std::exception&) {
            m_result.reset(); // no statistics to put in: the updated ones stay
        }
        // Back on this object's thread; a posted call to a deleted object is dropped by Qt.
        QMetaObject::invokeMethod(
            this, [this, job] { onThreadDone(job); }, Qt::QueuedConnection);
    });
}

void StatisticsRefresh::onThreadDone(quint64 job) {
    if (job != m_job || !m_thread.joinable())
        return; // stopped or waited for since
    m_thread.join();
    m_analysis = nullptr;
    if (m_result)
        emit finished();
}

void StatisticsRefresh::stop() {
    m_timer->stop();
    m_analysis = nullptr;
    if (!m_thread.joinable())
        return;
    m_cancel = true;
    m_thread.join();
    m_cancel = false;
    m_result.reset();
    ++m_job;
}

bool StatisticsRefresh::isPending() const {
    return m_timer->isActive() || m_thread.joinable();
}

std::optional<linlab::SufficientStatistics> StatisticsRefresh::wait() {
    if (!isPending())
        return std::nullopt;
    if (!m_thread.joinable())
        start();
    m_timer->stop();
    m_thread.join();
    ++m_job; // its queued notice is now stale
    m_analysis = nullptr;
    std::optional<linlab::SufficientStatistics> result = std::move(m_result);
    m_result.reset();
    return result;
}

linlab::SufficientStatistics StatisticsRefresh::takeResult() {
    linlab::SufficientStatistics s =
        m_result ? std::move(*m_result) : linlab::SufficientStatistics();
    m_result.reset();
    return s;
}
