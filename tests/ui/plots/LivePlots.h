#pragma once
// The plot-export tests' setting: a live lesson Document with one shown view of every data-plot
// kind, a scratch folder, and small file helpers.

#include "app/document/Document.h"
#include "ui/plots/PlotFactory.h"
#include "ui/plots/PlotView.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/stat.h>
#include <vector>

namespace exporttest {

inline QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeText(const QString& path, const QByteArray& content) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

inline bool isCharDevice(const char* path) {
    struct stat info {};
    return ::stat(path, &info) == 0 && S_ISCHR(info.st_mode);
}

/// The entries of a folder other than "." and "..".
inline QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                               QDir::NoDotAndDotDot);
}

/// Settings in a test location (the export dialog remembers its own), and the lesson's plots.
class LivePlots {
public:
    /// Call from initTestCase(); `testName` keeps each test's settings apart.
    void setUp(const char* testName) {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LinLabTest"));
        QCoreApplication::setApplicationName(QString::fromLatin1(testName));
        QVERIFY(m_dir.isValid());
        m_doc = std::make_unique<Document>();
        for (PlotKind kind : PlotFactory::kinds()) {
            m_views.emplace_back(PlotFactory::create(kind, m_doc.get()));
            QVERIFY(m_views.back());
            m_views.back()->resize(640, 420);
            m_views.back()->show();
        }
        for (const auto& view : m_views)
            QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        QCoreApplication::processEvents(); // the queued replots
    }
    /// Call from cleanupTestCase().
    void tearDown() {
        QSettings().remove(QStringLiteral("export"));
        m_views.clear();
        m_doc.reset();
    }

    Document* document() const { return m_doc.get(); }
    /// In PlotFactory::kinds() order.
    const std::vector<std::unique_ptr<PlotView>>& views() const { return m_views; }
    QCustomPlot* plot(PlotKind kind) const {
        return m_views.at(std::size_t(PlotFactory::kinds().indexOf(kind)))->plot();
    }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }

private:
    std::unique_ptr<Document> m_doc;
    std::vector<std::unique_ptr<PlotView>> m_views;
    QTemporaryDir m_dir;
};

} // namespace exporttest
