#include "app/document/BackgroundMae.h"

#include <QMetaObject>

BackgroundMae::BackgroundMae(QObject* parent)
    : QObject(parent) {}

BackgroundMae::~BackgroundMae() {
    stop();
}

bool BackgroundMae::start(const linlab::Analysis& analysis, const linlab::LinearModel& model,
                          quint64 ticket) {
    if (isRunning())
        return false;
    m_cancel = false;
    m_ticket = ticket;
    const quint64 job = ++m_job;
    m_thread = std::thread([this, &analysis, model, job] {
        double mae = 0;
        try {
            mae = analysis.meanAbsoluteError(model, &m_cancel);
        } catch (const std::exception&) {
            mae = arma::datum::nan; // a model that does not fit the data: no MAE to show
        }
        m_result = mae;
        // Back on this object's thread; a posted call to a deleted object is dropped by Qt.
        QMetaObject::invokeMethod(
            this, [this, job] { onThreadDone(job); }, Qt::QueuedConnection);
    });
    return true;
}

void BackgroundMae::onThreadDone(quint64 job) {
    if (job != m_job || !m_thread.joinable())
        return; // stopped or waited for since
    m_thread.join();
    emit finished(m_result, m_ticket);
}

void BackgroundMae::stop() {
    if (!m_thread.joinable())
        return;
    m_cancel = true;
    m_thread.join();
    m_cancel = false;
    ++m_job;
}

std::optional<BackgroundMae::Result> BackgroundMae::wait() {
    if (!m_thread.joinable())
        return std::nullopt;
    m_thread.join();
    ++m_job;
    return Result{m_result, m_ticket};
}
