#include "app/document/ProjectSource.h"

#include "model/data/Design.h"
#include "model/data/DesignRoles.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace linlab;

namespace {

// The key of a column's cells by type.
QString cellsKey(ColumnType type) {
    switch (type) {
    case ColumnType::Numeric:
    case ColumnType::Date:
        return QStringLiteral("values");
    case ColumnType::Categorical:
        return QStringLiteral("codes");
    case ColumnType::Text:
        return QStringLiteral("texts");
    }
    return QStringLiteral("values");
}

QJsonObject columnJson(const Column& c) {
    QJsonArray cells, invalid;
    for (std::size_t r = 0; r < c.rowCount(); ++r) {
        if (c.state(r) == CellState::Invalid)
            invalid.append(double(r));
        if (c.isMissing(r))
            cells.append(QJsonValue());
        else if (c.isNumber())
            cells.append(std::isfinite(c.value(r)) ? QJsonValue(c.value(r)) : QJsonValue());
        else if (c.type() == ColumnType::Categorical)
            cells.append(double(c.code(r)));
        else
            cells.append(QString::fromUtf8(c.text(r).data(), qsizetype(c.text(r).size())));
    }
    QJsonObject o{{QStringLiteral("name"), QString::fromStdString(c.name())},
                  {QStringLiteral("type"), QString::fromLatin1(columnTypeName(c.type()))},
                  {cellsKey(c.type()), cells}};
    if (c.type() == ColumnType::Categorical)
        o.insert(QStringLiteral("levels"), ProjectJson::strings(c.levels()));
    if (!invalid.isEmpty())
        o.insert(QStringLiteral("invalid"), invalid);
    return o;
}

QJsonObject designJson(const DesignOptions& d) {
    QJsonObject reference;
    for (const auto& [column, level] : d.reference)
        reference.insert(QString::fromStdString(column), QString::fromStdString(level));
    QJsonObject o{{QStringLiteral("label"), QString::fromStdString(d.label)},
                  {QStringLiteral("features"), ProjectJson::strings(d.features)},
                  {QStringLiteral("ignored"), ProjectJson::strings(d.ignored)},
                  {QStringLiteral("fill"), ProjectJson::strings(d.fill)},
                  {QStringLiteral("fill_all"), d.fillAll},
                  {QStringLiteral("reference"), reference}};
    // Derived features (issue 15): only when there are some, so other projects stay as they were.
    QJsonArray derived;
    for (const DerivedSpec& spec : d.derived)
        derived.append(
            QJsonObject{{QStringLiteral("name"), QString::fromStdString(spec.name)},
                        {QStringLiteral("expression"), QString::fromStdString(spec.expression)}});
    if (!derived.isEmpty())
        o.insert(QStringLiteral("derived"), derived);
    return o;
}

// One column; `rows` is the first column's length (-1 before it), which every other must have.
Column readColumn(const ProjectJson& r, const QJsonValue& value, const QString& path,
                  qsizetype& rows) {
    if (!value.isObject())
        r.fail(path, QStringLiteral("must be an object"));
    const QJsonObject o = value.toObject();
    std::string name =
        r.string(o, QStringLiteral("name"), path + QStringLiteral(".name")).toStdString();
    const QString typeName = r.string(o, QStringLiteral("type"), path + QStringLiteral(".type"));
    const std::optional<ColumnType> type = columnTypeFromName(typeName.toStdString());
    if (!type)
        r.fail(path + QStringLiteral(".type"),
               QStringLiteral("must be numeric, date, categorical or text"));
    const QString key = path + QLatin1Char('.') + cellsKey(*type);
    const QJsonArray cells =
        r.array(o.value(cellsKey(*type)), key, QStringLiteral("an array of cells"));
    if (rows < 0)
        rows = cells.size();
    if (cells.size() != rows)
        r.fail(key, QStringLiteral("has %1 cells where the first column has %2")
                        .arg(cells.size())
                        .arg(rows));
    const std::size_t n = std::size_t(rows);
    std::vector<CellState> states(n, CellState::Present);
    for (std::size_t i = 0; i < n; ++i)
        if (cells.at(qsizetype(i)).isNull())
            states[i] = CellState::Missing;
    if (o.contains(QStringLiteral("invalid"))) {
        const QString where = path + QStringLiteral(".invalid");
        const QJsonArray invalid =
            r.array(o.value(QStringLiteral("invalid")), where, QStringLiteral("an array of rows"));
        for (qsizetype k = 0; k < invalid.size(); ++k) {
            const std::size_t row = r.index(invalid.at(k), ProjectJson::at(where, k), n);
            if (states[row] == CellState::Present)
                r.fail(ProjectJson::at(where, k),
                       QStringLiteral("names a row whose cell has a value"));
            states[row] = CellState::Invalid;
        }
    }
    switch (*type) {
    case ColumnType::Numeric:
    case ColumnType::Date: {
        std::vector<double> values(n, 0.0);
        for (std::size_t i = 0; i < n; ++i)
            if (states[i] == CellState::Present)
                values[i] = r.number(cells.at(qsizetype(i)), ProjectJson::at(key, qsizetype(i)));
        return Column::numbers(std::move(name), *type, std::move(values), std::move(states));
    }
    case ColumnType::Categorical: {
        const QString where = path + QStringLiteral(".levels");
        std::vector<std::string> levels = r.names(o.value(QStringLiteral("levels")), where);
        std::vector<std::string> sorted = levels;
        std::sort(sorted.begin(), sorted.end());
        if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
            r.fail(where, QStringLiteral("must not name a level twice"));
        std::vector<std::uint32_t> codes(n, Column::kNoLevel);
        for (std::size_t i = 0; i < n; ++i)
            if (states[i] == CellState::Present)
                codes[i] = std::uint32_t(r.index(
                    cells.at(qsizetype(i)), ProjectJson::at(key, qsizetype(i)), levels.size()));
        return Column::categorical(std::move(name), std::move(codes), std::move(levels),
                                   std::move(states));
    }
    case ColumnType::Text:
        break;
    }
    std::string chars;
    std::vector<std::size_t> offsets{0};
    for (std::size_t i = 0; i < n; ++i) {
        const QJsonValue cell = cells.at(qsizetype(i));
        if (states[i] == CellState::Present && !cell.isString())
            r.fail(ProjectJson::at(key, qsizetype(i)), QStringLiteral("must be a string or null"));
        chars += cell.toString().toStdString();
        offsets.push_back(chars.size());
    }
    return Column::text(std::move(name), std::move(chars), std::move(offsets), std::move(states));
}

// The listed invalid cells: each must be an invalid cell of the table.
std::vector<InvalidCell> readInvalidCells(const ProjectJson& r, const QJsonValue& value,
                                          const std::vector<Column>& columns) {
    std::vector<InvalidCell> listed;
    if (value.isUndefined())
        return listed;
    const QString path = QStringLiteral("source.invalid_cells");
    const QJsonArray a = r.array(value, path, QStringLiteral("an array of cells"));
    const std::size_t rows = columns.empty() ? 0 : columns.front().rowCount();
    for (qsizetype k = 0; k < a.size(); ++k) {
        if (!a.at(k).isObject())
            r.fail(ProjectJson::at(path, k), QStringLiteral("must be an object"));
        const QJsonObject o = a.at(k).toObject();
        InvalidCell cell;
        cell.row = r.index(o.value(QStringLiteral("row")),
                           ProjectJson::at(path, k) + QStringLiteral(".row"), rows);
        cell.column = r.index(o.value(QStringLiteral("column")),
                              ProjectJson::at(path, k) + QStringLiteral(".column"), columns.size());
        cell.text =
            r.string(o, QStringLiteral("text"), ProjectJson::at(path, k) + QStringLiteral(".text"))
                .toStdString();
        if (columns[cell.column].state(cell.row) != CellState::Invalid)
            r.fail(ProjectJson::at(path, k),
                   QStringLiteral("is not an invalid cell of its column"));
        listed.push_back(std::move(cell));
    }
    return listed;
}

DesignOptions readDesign(const ProjectJson& r, const QJsonObject& o) {
    const QString path = QStringLiteral("source.design");
    auto field = [&](const char* key) { return path + QLatin1Char('.') + QLatin1String(key); };
    DesignOptions d;
    d.label = r.string(o, QStringLiteral("label"), field("label")).toStdString();
    d.features = r.names(o.value(QStringLiteral("features")), field("features"));
    d.ignored = r.names(o.value(QStringLiteral("ignored")), field("ignored"));
    d.fill = r.names(o.value(QStringLiteral("fill")), field("fill"));
    d.fillAll = r.boolean(o, QStringLiteral("fill_all"), field("fill_all"));
    const QJsonObject reference = r.object(o, QStringLiteral("reference"), field("reference"));
    for (auto it = reference.begin(); it != reference.end(); ++it)
        d.reference[it.key().toStdString()] =
            r.string(reference, it.key(), field("reference") + QLatin1Char('.') + it.key())
                .toStdString();
    // Optional (projects before issue 15 have none): [{"name": ..., "expression": ...}, ...].
    if (o.contains(QStringLiteral("derived"))) {
        const QJsonArray derived = r.array(o.value(QStringLiteral("derived")), field("derived"),
                                           QStringLiteral("an array of objects"));
        for (qsizetype i = 0; i < derived.size(); ++i) {
            const QString at = ProjectJson::at(field("derived"), i);
            if (!derived.at(i).isObject())
                r.fail(at, QStringLiteral("must be an object"));
            const QJsonObject spec = derived.at(i).toObject();
            d.derived.push_back(
                {r.string(spec, QStringLiteral("name"), at + QStringLiteral(".name")).toStdString(),
                 r.string(spec, QStringLiteral("expression"), at + QStringLiteral(".expression"))
                     .toStdString()});
        }
    }
    return d;
}

} // namespace

QJsonObject ProjectSource::toJson(const SourceTable& s) {
    QJsonArray columns, listed;
    for (const Column& c : s.table.columns())
        columns.append(columnJson(c));
    for (const InvalidCell& cell : s.table.invalidCells())
        listed.append(QJsonObject{{QStringLiteral("row"), double(cell.row)},
                                  {QStringLiteral("column"), double(cell.column)},
                                  {QStringLiteral("text"), QString::fromStdString(cell.text)}});
    return {{QStringLiteral("missing_tokens"), ProjectJson::strings(s.missingTokens)},
            {QStringLiteral("columns"), columns},
            {QStringLiteral("invalid_cells"), listed},
            {QStringLiteral("design"), designJson(s.design)}};
}

SourceTable ProjectSource::fromJson(const ProjectJson& r, const QJsonObject& o) {
    SourceTable s;
    s.missingTokens =
        r.names(o.value(QStringLiteral("missing_tokens")), QStringLiteral("source.missing_tokens"));
    const QJsonArray a =
        r.array(o.value(QStringLiteral("columns")), QStringLiteral("source.columns"),
                QStringLiteral("an array of columns"));
    std::vector<Column> columns;
    qsizetype rows = -1;
    for (qsizetype j = 0; j < a.size(); ++j)
        columns.push_back(
            readColumn(r, a.at(j), ProjectJson::at(QStringLiteral("source.columns"), j), rows));
    std::vector<InvalidCell> listed =
        readInvalidCells(r, o.value(QStringLiteral("invalid_cells")), columns);
    s.table = TypedTable(std::move(columns), std::move(listed)); // lengths checked above
    s.design =
        readDesign(r, r.object(o, QStringLiteral("design"), QStringLiteral("source.design")));
    return s;
}

Dataset ProjectSource::dataset(const ProjectJson& r, const SourceTable& s) {
    Dataset data;
    try {
        data = Design::build(s.table, DesignRoles::explicitRoles(s.table, s.design)).dataset();
    } catch (const std::exception& e) {
        r.fail(QStringLiteral("source.design"),
               QStringLiteral("cannot be used: ") + QString::fromStdString(e.what()));
    }
    if (!data.features().is_finite())
        r.fail(QStringLiteral("source"),
               QStringLiteral("gives features that are not finite numbers (a fill past the "
                              "largest number)"));
    return data;
}
