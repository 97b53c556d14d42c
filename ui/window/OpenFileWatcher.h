#pragma once
// Watches the file the open document came from (a project or a CSV) and says when something else
// changed, replaced or removed it. LinLab's own writes never raise the alarm: after each one the
// window takes the file's fingerprint as known, and a notice is given only when what is on disk
// differs from the fingerprint known last.
//
// Editors and LinLab itself save by writing a temporary file and renaming it over the old one,
// which ends an inotify watch on the old file; so the folder is watched too, and the file is
// watched again whenever it is back.

#include <QDateTime>
#include <QObject>
#include <QString>

class QFileSystemWatcher;
class QTimer;

class OpenFileWatcher : public QObject {
    Q_OBJECT
public:
    explicit OpenFileWatcher(QObject* parent = nullptr);
    ~OpenFileWatcher() override;

    /// The watched file; empty when nothing is watched.
    QString path() const { return m_path; }
    /// Watches `path` (empty: stops watching) and takes what is there now as known.
    void watch(const QString& path);
    /// LinLab wrote `path` itself: when it is the watched file, what is there now is known.
    void noteOwnWrite(const QString& path);

signals:
    /// The watched file is not what LinLab last read or wrote; `exists` is false when it is gone.
    /// Sent once per change (the new state becomes the known one).
    void changedOnDisk(const QString& path, bool exists);

private:
    struct Fingerprint {
        bool exists = false;
        qint64 size = -1;
        QDateTime modified;
        QDateTime born; ///< a file renamed over the old one is a new file, even with the same size
                        ///< and time
        bool operator==(const Fingerprint& o) const {
            return exists == o.exists && size == o.size && modified == o.modified && born == o.born;
        }
        bool operator!=(const Fingerprint& o) const { return !(*this == o); }
    };

    static Fingerprint fingerprintOf(const QString& path);
    void rewatch();
    void check();

    QFileSystemWatcher* m_watcher;
    QTimer* m_settle; ///< a save is several events (create, write, rename): look once they settle
    QString m_path;
    Fingerprint m_known;
};
