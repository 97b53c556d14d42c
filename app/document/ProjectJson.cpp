#include "app/document/ProjectJson.h"

#include <cmath>

QJsonArray ProjectJson::numbers(const arma::vec& v) {
    QJsonArray a;
    for (double x : v)
        a.append(std::isfinite(x) ? QJsonValue(x) : QJsonValue());
    return a;
}

QJsonArray ProjectJson::strings(const std::vector<std::string>& v) {
    QJsonArray a;
    for (const auto& s : v)
        a.append(QString::fromStdString(s));
    return a;
}

QString ProjectJson::at(const QString& path, qsizetype i) {
    return QStringLiteral("%1[%2]").arg(path).arg(i);
}
