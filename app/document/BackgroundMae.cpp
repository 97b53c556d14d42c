#include "app/document/BackgroundMae.h"

#include <QMetaObject>
#include <QTimer>

using linlab::SplitMae;

BackgroundMae::BackgroundMae(QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this)) {
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_pending && !m_thread.joinable())
            startPass();
    });
}

BackgroundMae::~BackgroundMae() {
    stop();
}

void BackgroundMae::request(const linlab::Analysis& analysis, const linlab::LinearModel& model,
                            const arma::uvec* testMask, bool throttled) {
    m_analysis = &analysis;
    m_model = model;
    m_testMask = testMask;
    m_pending = true;
    ++m_request;
    if (m_thread.joinable())
        return; // its end starts the pass for this request
    const qint64 since = m_sinceStart.isValid() ? m_sinceStart.elapsed() : kMaeInterval;
    if (!throttled || since >= kMaeInterval)
        startPass();
    else if (!m_timer->isActive())
        m_timer->start(int(kMaeInterval - since));
}

void BackgroundMae::startPass() {
    m_timer->stop();
    m_sinceStart.start();
    m_cancel = false;
    m_passRequest = m_request;
    const quint64 job = ++m_job;
    m_thread = std::thread([this, analysis = m_analysis, model = m_model, mask = m_testMask, job] {
        SplitMae mae;
        try {
            mae = analysis->splitMeanAbsoluteError(model, mask, &m_cancel);
        } catch (const std::exception&) {
            // A model or mask that does not fit the data: no MAE to show.
        }
        m_result = mae;
        // Back on this object's thread; a posted call to a deleted object is dropped by Qt.
        QMetaObject::invokeMethod(
            this, [this, job] { onThreadDone(job); }, Qt::QueuedConnection);
    });
}

void BackgroundMae::onThreadDone(quint64 job) {
    if (job != m_job || !m_thread.joinable())
        return; // stopped or waited for since
    m_thread.join();
    if (!m_pending)
        return;
    if (m_passRequest != m_request) {
        // The model moved on while the pass ran: one more pass, for the latest request.
        request(*m_analysis, m_model, m_testMask, true);
        return;
    }
    m_pending = false;
    emit finished(m_result);
}

void BackgroundMae::joinThread() {
    if (!m_thread.joinable())
        return;
    m_thread.join();
    ++m_job;
}

void BackgroundMae::stop() {
    m_timer->stop();
    m_pending = false;
    m_cancel = true;
    joinThread();
    m_cancel = false;
}

std::optional<SplitMae> BackgroundMae::wait() {
    if (!m_pending)
        return std::nullopt;
    m_timer->stop();
    m_pending = false;
    const bool ran = m_thread.joinable() && m_passRequest == m_request;
    m_cancel = !ran; // a pass for an older request is of no use
    joinThread();
    m_cancel = false;
    if (ran)
        return m_result;
    try {
        return m_analysis->splitMeanAbsoluteError(m_model, m_testMask);
    } catch (const std::exception&) {
        return SplitMae{};
    }
}
