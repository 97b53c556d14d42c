#include "ui/window/OpenFileWatcher.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace {
// Long enough for a save's create-write-rename to finish, short enough to feel immediate.
constexpr int kSettleMs = 150;
} // namespace

OpenFileWatcher::OpenFileWatcher(QObject* parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
    , m_settle(new QTimer(this)) {
    m_settle->setSingleShot(true);
    m_settle->setInterval(kSettleMs);
    connect(m_settle, &QTimer::timeout, this, &OpenFileWatcher::check);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_settle, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_settle,
            qOverload<>(&QTimer::start));
}

OpenFileWatcher::~OpenFileWatcher() = default;

OpenFileWatcher::Fingerprint OpenFileWatcher::fingerprintOf(const QString& path) {
    const QFileInfo info(path);
    Fingerprint f;
    f.exists = info.exists();
    if (f.exists) {
        f.size = info.size();
        f.modified = info.lastModified();
        f.born = info.birthTime();
    }
    return f;
}

void OpenFileWatcher::watch(const QString& path) {
    const QString absolute = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    m_settle->stop();
    // Always start afresh: after a rename over the file, the old watch follows the old inode.
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    if (!watched.isEmpty())
        m_watcher->removePaths(watched);
    m_path = absolute;
    m_known = fingerprintOf(m_path);
    rewatch();
}

void OpenFileWatcher::noteOwnWrite(const QString& path) {
    if (!m_path.isEmpty() && QFileInfo(path).absoluteFilePath() == m_path)
        watch(m_path);
}

void OpenFileWatcher::rewatch() {
    if (m_path.isEmpty())
        return;
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!m_watcher->directories().contains(folder) && QFileInfo(folder).isDir())
        m_watcher->addPath(folder);
    if (!m_watcher->files().contains(m_path) && QFileInfo::exists(m_path))
        m_watcher->addPath(m_path);
}

void OpenFileWatcher::check() {
    if (m_path.isEmpty())
        return;
    rewatch();
    const Fingerprint now = fingerprintOf(m_path);
    if (now == m_known)
        return; // another file in the folder, or LinLab's own save
    m_known = now;
    emit changedOnDisk(m_path, now.exists);
}
