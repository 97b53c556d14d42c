#pragma once
// Reads a CSV file on a worker thread, with progress and Cancel, so the window stays usable:
// numeric (CsvReader, the fast path) or typed (TypedCsvReader: text, dates, categories, missing
// values). The result arrives on the GUI thread; nothing partial is ever delivered.

#include "model/data/TypedReader.h"
#include "model/io/CsvReader.h"
#include "model/io/CsvTable.h"
#include "model/io/TypedCsvTable.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;
class QTimer;

class CsvLoader : public QObject {
    Q_OBJECT
public:
    explicit CsvLoader(QObject* parent = nullptr);
    ~CsvLoader() override;

    /// Starts reading `path` as numbers; false when a load is already running.
    bool start(const QString& path, const linlab::CsvReadOptions& options);
    /// Starts reading `path` as typed columns; false when a load is already running.
    bool startTyped(const QString& path, const linlab::CsvReadOptions& options,
                    const linlab::TypedReadOptions& typed);
    /// Asks the running load to stop; `cancelled` follows.
    void cancel();
    bool isRunning() const { return m_thread != nullptr; }
    QString path() const { return m_path; }
    /// After `failed`: the numeric read met a cell that is not a number (a typed read may do).
    bool failedOnText() const { return m_failedOnText; }

signals:
    void progress(int percent);
    /// The whole table; ownership passes to the receiver's copy of the pointer.
    void loaded(std::shared_ptr<linlab::CsvTable> table);
    /// The whole typed table (startTyped); ownership as for `loaded`.
    void loadedTyped(std::shared_ptr<linlab::TypedCsvTable> table);
    /// A message naming the file, line and column.
    void failed(const QString& message);
    void cancelled();

private:
    /// Runs `read` on a new thread (its result or error kept for finish()).
    void run(const QString& path, std::function<void(const linlab::CsvReadOptions&)> read,
             const linlab::CsvReadOptions& options);
    void finish();

    QThread* m_thread = nullptr;
    QTimer* m_poll;
    QString m_path;
    std::atomic<int> m_permille{0};
    std::atomic<bool> m_cancel{false};
    // Written by the worker, read on the GUI thread after it has finished.
    std::shared_ptr<linlab::CsvTable> m_table;
    std::shared_ptr<linlab::TypedCsvTable> m_typedTable;
    QString m_error;
    bool m_failedOnText = false;
    bool m_wasCancelled = false;
};
