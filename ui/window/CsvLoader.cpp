#include "ui/window/CsvLoader.h"

#include "model/io/TypedCsvReader.h"

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
    const std::string file = path.toStdString();
    run(
        path,
        [this, file](const linlab::CsvReadOptions& o) {
            try {
                m_table = std::make_shared<linlab::CsvTable>(linlab::CsvReader::readFile(file, o));
            } catch (const linlab::CsvError& e) {
                // The message of a cell that is not a number (CsvSyntax's words).
                m_failedOnText = e.reason().rfind("expected a number", 0) == 0;
                throw;
            }
        },
        options);
    return true;
}

bool CsvLoader::startTyped(const QString& path, const linlab::CsvReadOptions& options,
                           const linlab::TypedReadOptions& typed) {
    if (m_thread)
        return false;
    const std::string file = path.toStdString();
    run(
        path,
        [this, file, typed](const linlab::CsvReadOptions& o) {
            m_typedTable = std::make_shared<linlab::TypedCsvTable>(
                linlab::TypedCsvReader::readFile(file, o, typed));
        },
        options);
    return true;
}

void CsvLoader::run(const QString& path, std::function<void(const linlab::CsvReadOptions&)> read,
                    const linlab::CsvReadOptions& options) {
    m_path = path;
    m_permille = 0;
    m_cancel = false;
    m_table.reset();
    m_typedTable.reset();
    m_error.clear();
    m_wasCancelled = false;
    m_failedOnText = false;

    linlab::CsvReadOptions o = options;
    o.progress = [this](double fraction) {
        m_permille = int(fraction * 1000);
        return !m_cancel.load();
    };
    m_thread = QThread::create([this, read = std::move(read), o, path] {
        try {
            read(o);
        } catch (const linlab::CsvCancelled&) {
            m_wasCancelled = true;
        } catch (const std::exception& e) {
            m_error = QString::fromStdString(e.what());
        } catch (...) {
            m_error = tr("%1: could not be read").arg(path);
        }
    });
    connect(m_thread, &QThread::finished, this, &CsvLoader::finish);
    m_thread->start();
    m_poll->start();
    emit progress(0);
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
    } else if (m_typedTable) {
        emit progress(100);
        emit loadedTyped(std::move(m_typedTable));
    } else {
        emit failed(m_error);
    }
}
