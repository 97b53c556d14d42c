#include "app/document/ProjectFile.h"

#include "model/io/AtomicFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace linlab;

namespace {

QJsonArray numbers(const arma::vec& v) {
    QJsonArray a;
    for (double x : v)
        a.append(std::isfinite(x) ? QJsonValue(x) : QJsonValue());
    return a;
}

QJsonArray strings(const std::vector<std::string>& v) {
    QJsonArray a;
    for (const auto& s : v)
        a.append(QString::fromStdString(s));
    return a;
}

// Reading: every access checks the type and names the field when it is wrong.
class Reader {
public:
    explicit Reader(QString source)
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

private:
    QString m_source;
};

// Line and column (1-based) of a byte offset, for JSON syntax errors.
QString position(const QByteArray& text, qsizetype offset) {
    int line = 1, column = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("%1:%2").arg(line).arg(column);
}

} // namespace

QByteArray ProjectFile::toJson(const ProjectState& state) {
    const Dataset& d = state.dataset;
    QJsonArray columns;
    // No rows: empty columns (col() of an empty matrix would bind a reference to no memory).
    for (arma::uword j = 0; j < d.featureCount(); ++j)
        columns.append(d.rowCount() > 0 ? numbers(d.features().col(j)) : QJsonArray());
    QJsonObject data{{QStringLiteral("feature_names"), strings(d.featureNames())},
                     {QStringLiteral("label_name"), QString::fromStdString(d.labelName())},
                     {QStringLiteral("features"), columns},
                     {QStringLiteral("labels"), numbers(d.labels())}};
    QJsonObject transform{{QStringLiteral("scale"), state.transform.scale},
                          {QStringLiteral("normalize"),
                           QString::fromLatin1(normalizationName(state.transform.normalization))},
                          {QStringLiteral("ddof"), state.transform.ddof}};
    QJsonObject model{{QStringLiteral("weights"), numbers(state.model.weights())},
                      {QStringLiteral("bias"), std::isfinite(state.model.bias())
                                                   ? QJsonValue(state.model.bias())
                                                   : QJsonValue()}};
    QJsonObject view{{QStringLiteral("show_transformed"), state.showTransformed}};
    QJsonObject training{
        {QStringLiteral("method"), QString::fromLatin1(descentMethodName(state.trainingMethod))},
        {QStringLiteral("learning_rate"), state.training.learningRate},
        {QStringLiteral("momentum"), state.training.momentum},
        {QStringLiteral("batch_size"), double(state.training.batchSize)},
        {QStringLiteral("seed"), double(state.training.seed)},
        {QStringLiteral("max_epochs"), double(state.training.maxEpochs)},
        {QStringLiteral("tolerance"), state.training.tolerance}};
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("linlab")},
                     {QStringLiteral("version"), kVersion},
                     {QStringLiteral("name"), state.name},
                     {QStringLiteral("data"), data},
                     {QStringLiteral("transform"), transform},
                     {QStringLiteral("model"), model},
                     {QStringLiteral("view"), view},
                     {QStringLiteral("training"), training}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

ProjectState ProjectFile::fromJson(const QByteArray& json, const QString& source) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        throw ProjectError(QStringLiteral("%1:%2: not a readable project file (%3)")
                               .arg(source, position(json, error.offset), error.errorString())
                               .toStdString());
    if (!doc.isObject())
        throw ProjectError(
            QStringLiteral("%1: not a LinLab project (the file holds no JSON object)")
                .arg(source)
                .toStdString());
    const QJsonObject root = doc.object();
    Reader r(source);
    if (root.value(QStringLiteral("format")).toString() != QStringLiteral("linlab"))
        throw ProjectError(
            QStringLiteral(
                "%1: not a LinLab project (\u201cformat\u201d is not \u201clinlab\u201d)")
                .arg(source)
                .toStdString());
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != std::floor(version.toDouble()) ||
        version.toDouble() < 1)
        r.fail(QStringLiteral("version"), QStringLiteral("must be a whole number from 1"));
    if (version.toDouble() > kVersion)
        throw ProjectError(
            QStringLiteral(
                "%1: made by a newer LinLab (project version %2); this LinLab reads version %3. "
                "Nothing was changed.")
                .arg(source)
                .arg(version.toInt())
                .arg(kVersion)
                .toStdString());

    ProjectState state;
    state.name = root.value(QStringLiteral("name")).toString();

    const QJsonObject data = r.object(root, QStringLiteral("data"), QStringLiteral("data"));
    std::vector<std::string> names =
        r.names(data.value(QStringLiteral("feature_names")), QStringLiteral("data.feature_names"));
    const QString labelName =
        r.string(data, QStringLiteral("label_name"), QStringLiteral("data.label_name"));
    const arma::vec labels =
        r.vector(data.value(QStringLiteral("labels")), QStringLiteral("data.labels"));
    const QJsonValue columnsValue = data.value(QStringLiteral("features"));
    if (!columnsValue.isArray())
        r.fail(QStringLiteral("data.features"), QStringLiteral("must be an array of columns"));
    const QJsonArray columns = columnsValue.toArray();
    if (columns.size() != qsizetype(names.size()))
        r.fail(QStringLiteral("data.features"),
               QStringLiteral("has %1 columns for %2 feature names")
                   .arg(columns.size())
                   .arg(names.size()));
    arma::mat X(labels.n_elem, columns.size());
    for (qsizetype j = 0; j < columns.size(); ++j) {
        const arma::vec column = r.vector(columns.at(j), QStringLiteral("data.features[%1]").arg(j),
                                          qsizetype(labels.n_elem));
        if (X.n_rows > 0) // (no rows: col() would bind a reference to no memory)
            X.col(j) = column;
    }
    try {
        state.dataset = Dataset(std::move(X), labels, std::move(names), labelName.toStdString());
    } catch (const std::exception& e) {
        r.fail(QStringLiteral("data"), QString::fromStdString(e.what()));
    }

    const QJsonObject transform =
        r.object(root, QStringLiteral("transform"), QStringLiteral("transform"));
    state.transform.scale =
        r.number(transform.value(QStringLiteral("scale")), QStringLiteral("transform.scale"));
    const QString mode =
        r.string(transform, QStringLiteral("normalize"), QStringLiteral("transform.normalize"));
    if (!parseNormalization(mode.toStdString(), state.transform.normalization))
        r.fail(QStringLiteral("transform.normalize"),
               QStringLiteral("must be none, zscore or minmax"));
    const double ddof =
        r.number(transform.value(QStringLiteral("ddof")), QStringLiteral("transform.ddof"));
    if (ddof != 0 && ddof != 1)
        r.fail(QStringLiteral("transform.ddof"), QStringLiteral("must be 0 or 1"));
    state.transform.ddof = int(ddof);

    const QJsonObject model = r.object(root, QStringLiteral("model"), QStringLiteral("model"));
    const arma::vec weights =
        r.vector(model.value(QStringLiteral("weights")), QStringLiteral("model.weights"),
                 qsizetype(state.dataset.featureCount()));
    state.model = LinearModel(
        weights, r.number(model.value(QStringLiteral("bias")), QStringLiteral("model.bias")));

    const QJsonValue trainingValue = root.value(QStringLiteral("training"));
    if (trainingValue.isObject()) {
        const QJsonObject t = trainingValue.toObject();
        const QString method =
            r.string(t, QStringLiteral("method"), QStringLiteral("training.method"));
        const std::optional<DescentMethod> parsed = parseDescentMethod(method.toStdString());
        if (!parsed)
            r.fail(QStringLiteral("training.method"),
                   QStringLiteral("must be gd, momentum or sgd"));
        state.trainingMethod = *parsed;
        auto whole = [&](const QString& key, double max) {
            const double v = r.number(t.value(key), QStringLiteral("training.") + key);
            if (v < 0 || v != std::floor(v) || v > max)
                r.fail(QStringLiteral("training.") + key,
                       QStringLiteral("must be a whole number from 0"));
            return v;
        };
        state.training.learningRate = r.number(t.value(QStringLiteral("learning_rate")),
                                               QStringLiteral("training.learning_rate"));
        state.training.momentum =
            r.number(t.value(QStringLiteral("momentum")), QStringLiteral("training.momentum"));
        if (state.training.momentum < 0 || state.training.momentum >= 1)
            r.fail(QStringLiteral("training.momentum"),
                   QStringLiteral("must be from 0 up to (not including) 1"));
        state.training.batchSize = std::size_t(whole(QStringLiteral("batch_size"), 1e15));
        state.training.seed = std::uint64_t(whole(QStringLiteral("seed"), 9007199254740992.0));
        state.training.maxEpochs = std::size_t(whole(QStringLiteral("max_epochs"), 1e12));
        state.training.tolerance =
            r.number(t.value(QStringLiteral("tolerance")), QStringLiteral("training.tolerance"));
        if (state.training.tolerance < 0)
            r.fail(QStringLiteral("training.tolerance"), QStringLiteral("must be 0 or more"));
    } else if (!trainingValue.isUndefined()) {
        r.fail(QStringLiteral("training"), QStringLiteral("must be an object"));
    }

    const QJsonValue view = root.value(QStringLiteral("view"));
    if (view.isObject()) {
        // Older files may also hold "plots" (a list of plot kinds that was written but never
        // read): it is ignored, as any other unknown key.
        state.showTransformed = view.toObject().value(QStringLiteral("show_transformed")).toBool();
    } else if (!view.isUndefined()) {
        r.fail(QStringLiteral("view"), QStringLiteral("must be an object"));
    }
    return state;
}

void ProjectFile::save(const QString& path, const ProjectState& state) {
    // The shared atomic writer: a device or pipe is written to directly, a file through a
    // temporary renamed over it. (QSaveFile, used before, committed a truncated file over the old
    // one when a write came up short, as on a disk that fills up half-way: Qt 6.4 took the short
    // write for success.)
    const QByteArray json = toJson(state);
    try {
        linlab::writeFileAtomically(path.toStdString(),
                                    std::string_view(json.constData(), std::size_t(json.size())));
    } catch (const std::runtime_error& e) {
        throw ProjectError(e.what());
    }
}

ProjectState ProjectFile::load(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ProjectError(QStringLiteral("Cannot open \u201c%1\u201d: %2")
                               .arg(path, file.errorString())
                               .toStdString());
    return fromJson(file.readAll(), path);
}
