#pragma once
// JSON access for project files: the writers' arrays, and reading where every access checks the
// type and names the field (as "data.labels[3]") when it is wrong, throwing ProjectError.

#include "app/document/ProjectFile.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <armadillo>

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

class ProjectJson {
public:
    /// Numbers as JSON (null for a non-finite one).
    static QJsonArray numbers(const arma::vec& v);
    /// Strings as JSON.
    static QJsonArray strings(const std::vector<std::string>& v);
    /// "path[i]".
    static QString at(const QString& path, qsizetype i);

    /// `source` names the file in messages.
    explicit ProjectJson(QString source)
        : m_source(std::move(source)) {}

    [[noreturn]] void fail(const QString& field, const QString& what) const {
        throw ProjectError(
            QStringLiteral("%1: \u201c%2\u201d %3").arg(m_source, field, what).toStdString());
    }

    QJsonObject object(const QJsonObject& o, const QString& key, const QString& path) const {
        const QJsonValue v = o.value(key);
        if (!v.isObject())
            fail(path, v.isUndefined() ? QStringLiteral("is missing")
                                       : QStringLiteral("must be an object"));
        return v.toObject();
    }

    QString string(const QJsonObject& o, const QString& key, const QString& path) const {
        const QJsonValue v = o.value(key);
        if (!v.isString())
            fail(path, v.isUndefined() ? QStringLiteral("is missing")
                                       : QStringLiteral("must be a string"));
        return v.toString();
    }

    double number(const QJsonValue& v, const QString& path) const {
        if (!v.isDouble())
            fail(path, v.isUndefined() ? QStringLiteral("is missing")
                                       : QStringLiteral("must be a finite number"));
        const double x = v.toDouble();
        if (!std::isfinite(x))
            fail(path, QStringLiteral("must be a finite number"));
        return x;
    }

    arma::vec vector(const QJsonValue& v, const QString& path, qsizetype expected = -1) const {
        if (!v.isArray())
            fail(path, v.isUndefined() ? QStringLiteral("is missing")
                                       : QStringLiteral("must be an array of numbers"));
        const QJsonArray a = v.toArray();
        if (expected >= 0 && a.size() != expected)
            fail(path, QStringLiteral("must hold %1 numbers, not %2").arg(expected).arg(a.size()));
        arma::vec out(a.size());
        for (qsizetype i = 0; i < a.size(); ++i)
            out(i) = number(a.at(i), QStringLiteral("%1[%2]").arg(path).arg(i));
        return out;
    }

    std::vector<std::string> names(const QJsonValue& v, const QString& path) const {
        if (!v.isArray())
            fail(path, v.isUndefined() ? QStringLiteral("is missing")
                                       : QStringLiteral("must be an array of names"));
        std::vector<std::string> out;
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString())
                fail(QStringLiteral("%1[%2]").arg(path).arg(i), QStringLiteral("must be a string"));
            out.push_back(a.at(i).toString().toStdString());
        }
        return out;
    }

    QJsonArray array(const QJsonValue& v, const QString& path, const QString& what) const {
        if (!v.isArray())
            fail(path, v.isUndefined() ? QStringLiteral("is missing")
                                       : QStringLiteral("must be ") + what);
        return v.toArray();
    }

    bool boolean(const QJsonObject& o, const QString& key, const QString& path) const {
        const QJsonValue v = o.value(key);
        if (!v.isBool())
            fail(path, v.isUndefined() ? QStringLiteral("is missing")
                                       : QStringLiteral("must be true or false"));
        return v.toBool();
    }

    /// A whole number from 0 up to (not including) `limit`.
    std::size_t index(const QJsonValue& v, const QString& path, std::size_t limit) const {
        const double x = v.isDouble() ? v.toDouble() : -1;
        if (!(x >= 0 && x == std::floor(x) && x < double(limit)))
            fail(path, QStringLiteral("must be a whole number from 0 up to (not including) %1")
                           .arg(qint64(limit)));
        return std::size_t(x);
    }

private:
    QString m_source;
};
