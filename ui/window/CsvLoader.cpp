#include "ui/window/CsvLoader.h"

#include <QThread>
#include <QTimer>

CsvLoader::CsvLoader(QObject* parent)
    : QObject(parent)
    , m_poll(new QTimer(this)) {
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, [this] { emit progress(m_permille.load() / 10); });
}

CsvLoader::~CsvLoader() {
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool CsvLoader::start(const QString& path, const linlab::CsvReadOptions& options) {
    if (m_thread)
        return false;
    m_path = path;
    m_permille = 0;
    m_cancel = false;
    m_table.reset();
    m_error.clear();
    m_wasCancelled = false;

    linlab::CsvReadOptions o = options;
    o.progress = [this](double fraction) {
        m_permille = int(fraction * 1000);
        return !m_cancel.load();
    };
    const std::string file = path.toStdString();
    m_thread = QThread::create([this, file, o] {
        try {
            m_table = std::make_shared<linlab::CsvTable>(linlab::CsvReader::readFile(file, o));
        } catch (const linlab::CsvCancelled&) {
            m_wasCancelled = true;
        } catch (const std::exception& e) {
            m_error = QString::fromStdString(e.what());
        } catch (...) {
            m_error = tr("%1: could not be read").arg(QString::fromStdString(file));
        }
    });
    connect(m_thread, &QThread::finished, this, &CsvLoader::finish);
    m_thread->start();
    m_poll->start();
    emit progress(0);
    return true;
}

void CsvLoader::cancel() {
    m_cancel = true;
}

void CsvLoader::finish() {
    m_poll->stop();
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    if (m_wasCancelled || m_cancel.load()) {
        emit cancelled();
    } else if (m_table) {
        emit progress(100);
        emit loaded(std::move(m_table));
    } else {
        emit failed(m_error);
    }
}
