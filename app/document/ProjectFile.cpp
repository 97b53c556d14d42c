#include "app/document/ProjectFile.h"

#include "app/document/ProjectJson.h"
#include "app/document/ProjectSource.h"
#include "model/io/AtomicFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace linlab;

namespace {

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

// Version 1's data: the feature columns, the labels and their names.
QJsonObject dataJson(const Dataset& d) {
    QJsonArray columns;
    // No rows: empty columns (col() of an empty matrix would bind a reference to no memory).
    for (arma::uword j = 0; j < d.featureCount(); ++j)
        columns.append(d.rowCount() > 0 ? ProjectJson::numbers(d.features().col(j)) : QJsonArray());
    return {{QStringLiteral("feature_names"), ProjectJson::strings(d.featureNames())},
            {QStringLiteral("label_name"), QString::fromStdString(d.labelName())},
            {QStringLiteral("features"), columns},
            {QStringLiteral("labels"), ProjectJson::numbers(d.labels())}};
}

Dataset readData(const ProjectJson& r, const QJsonObject& data) {
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
        return Dataset(std::move(X), labels, std::move(names), labelName.toStdString());
    } catch (const std::exception& e) {
        r.fail(QStringLiteral("data"), QString::fromStdString(e.what()));
    }
}

const char* penaltyName(Penalty p) {
    return p == Penalty::Ridge ? "ridge" : p == Penalty::Lasso ? "lasso" : "none";
}

// The "fit" object: every key optional (a default where missing), each checked.
FitSettings readFit(const ProjectJson& r, const QJsonObject& o) {
    FitSettings fit;
    const auto has = [&o](const char* key) { return o.contains(QLatin1String(key)); };
    const auto number = [&](const char* key) {
        return r.number(o.value(QLatin1String(key)), QStringLiteral("fit.") + QLatin1String(key));
    };
    if (has("penalty")) {
        const QString p = r.string(o, QStringLiteral("penalty"), QStringLiteral("fit.penalty"));
        if (p == QLatin1String("ridge"))
            fit.penalty = Penalty::Ridge;
        else if (p == QLatin1String("lasso"))
            fit.penalty = Penalty::Lasso;
        else if (p != QLatin1String("none"))
            r.fail(QStringLiteral("fit.penalty"), QStringLiteral("must be none, ridge or lasso"));
    }
    if (has("alpha"))
        fit.alpha = number("alpha");
    if (!(fit.alpha >= 0))
        r.fail(QStringLiteral("fit.alpha"), QStringLiteral("must be 0 or more"));
    if (has("intercept")) {
        if (!o.value(QStringLiteral("intercept")).isBool())
            r.fail(QStringLiteral("fit.intercept"), QStringLiteral("must be true or false"));
        fit.intercept = o.value(QStringLiteral("intercept")).toBool();
    }
    if (has("test_fraction"))
        fit.testFraction = number("test_fraction");
    if (!(fit.testFraction >= 0 && fit.testFraction < 1))
        r.fail(QStringLiteral("fit.test_fraction"), QStringLiteral("must be from 0 up to 1"));
    if (has("seed")) {
        const double seed = number("seed");
        if (seed < 0 || seed != std::floor(seed) || seed > 9007199254740992.0)
            r.fail(QStringLiteral("fit.seed"), QStringLiteral("must be a whole number from 0"));
        fit.seed = std::uint64_t(seed);
    }
    if (has("cv_folds")) {
        const double k = number("cv_folds");
        if (k < 2 || k != std::floor(k) || k > 1e9)
            r.fail(QStringLiteral("fit.cv_folds"), QStringLiteral("must be a whole number from 2"));
        fit.cvFolds = arma::uword(k);
    }
    return fit;
}

} // namespace

QByteArray ProjectFile::toJson(const ProjectState& state) {
    QJsonObject transform{{QStringLiteral("scale"), state.transform.scale},
                          {QStringLiteral("normalize"),
                           QString::fromLatin1(normalizationName(state.transform.normalization))},
                          {QStringLiteral("ddof"), state.transform.ddof}};
    QJsonObject model{{QStringLiteral("weights"), ProjectJson::numbers(state.model.weights())},
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
    QJsonObject fit{
        {QStringLiteral("penalty"), QString::fromLatin1(penaltyName(state.fit.penalty))},
        {QStringLiteral("alpha"), state.fit.alpha},
        {QStringLiteral("intercept"), state.fit.intercept},
        {QStringLiteral("test_fraction"), state.fit.testFraction},
        {QStringLiteral("seed"), double(state.fit.seed)},
        {QStringLiteral("cv_folds"), double(state.fit.cvFolds)}};
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("linlab")},
                     {QStringLiteral("version"), state.source ? kVersion : kPlainVersion},
                     {QStringLiteral("name"), state.name},
                     {QStringLiteral("transform"), transform},
                     {QStringLiteral("model"), model},
                     {QStringLiteral("view"), view},
                     {QStringLiteral("training"), training},
                     {QStringLiteral("fit"), fit}};
    if (state.source)
        root.insert(QStringLiteral("source"), ProjectSource::toJson(*state.source));
    else
        root.insert(QStringLiteral("data"), dataJson(state.dataset));
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
    ProjectJson r(source);
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

    if (version.toDouble() >= 2 && root.contains(QStringLiteral("source"))) {
        state.source = ProjectSource::fromJson(
            r, r.object(root, QStringLiteral("source"), QStringLiteral("source")));
        state.dataset = ProjectSource::dataset(r, *state.source);
    } else {
        state.dataset = readData(r, r.object(root, QStringLiteral("data"), QStringLiteral("data")));
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

    const QJsonValue fitValue = root.value(QStringLiteral("fit"));
    if (fitValue.isObject())
        state.fit = readFit(r, fitValue.toObject());
    else if (!fitValue.isUndefined())
        r.fail(QStringLiteral("fit"), QStringLiteral("must be an object"));

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
