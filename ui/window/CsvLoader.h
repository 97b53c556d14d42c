#pragma once
// Reads a CSV file on a worker thread, with progress and Cancel, so the window stays usable.
// The result arrives on the GUI thread; nothing partial is ever delivered.

#include "model/io/CsvReader.h"
#include "model/io/CsvTable.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;
class QTimer;

class CsvLoader : public QObject {
    Q_OBJECT
public:
    explicit CsvLoader(QObject* parent = nullptr);
    ~CsvLoader() override;

    /// Starts reading `path`; false when a load is already running.
    bool start(const QString& path, const linlab::CsvReadOptions& options);
    /// Asks the running load to stop; `cancelled` follows.
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    QString path() const { return m_path; }

signals:
    void progress(int percent);
    /// The whole table; ownership passes to the receiver's copy of the pointer.
    void loaded(std::shared_ptr<linlab::CsvTable> table);
    /// A message naming the file, line and column.
    void failed(const QString& message);
    void cancelled();

private:
    void finish();

    QThread* m_thread = nullptr;
    QTimer* m_poll;
    QString m_path;
    std::atomic<int> m_permille{0};
    std::atomic<bool> m_cancel{false};
    // Written by the worker, read on the GUI thread after it has finished.
    std::shared_ptr<linlab::CsvTable> m_table;
    QString m_error;
    bool m_wasCancelled = false;
};
