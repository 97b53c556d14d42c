#pragma once
// Runs the built `linlab --batch` (LINLAB_EXE) as a script does: exit status, stdout as JSON,
// stderr. Shared by the batch tests.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace batchrun {
struct Run {
    int exitCode = -1;
    QByteArray out, err;
    QJsonObject json;
};

inline Run batch(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral(LINLAB_EXE), QStringList{QStringLiteral("--batch")} + args);
    if (!p.waitForFinished(60000))
        qFatal("linlab --batch did not finish");
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.json = QJsonDocument::fromJson(r.out).object();
    return r;
}

/// Writes `content` to `name` in `dir` and returns its path (qFatal when it cannot).
inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write test file");
    f.write(content);
    return path;
}

inline bool close(double a, double b, double tol = 1e-12) {
    return std::abs(a - b) <= tol * std::max(1.0, std::abs(b));
}

inline QList<double> numbers(const QJsonValue& v) {
    QList<double> out;
    for (const QJsonValue& x : v.toArray())
        out.append(x.toDouble());
    return out;
}
} // namespace batchrun
