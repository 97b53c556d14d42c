#include "ui/plots/TypedColumns.h"

#include "model/data/Column.h"

namespace {

bool offered(const linlab::Column& column) {
    return column.type() == linlab::ColumnType::Categorical &&
           column.levels().size() <= TypedColumns::kMaxLevels;
}

} // namespace

std::vector<std::string> TypedColumns::categoricalNames(const Document& document) {
    std::vector<std::string> names;
    if (!document.isTyped())
        return names;
    for (const linlab::Column& column : document.source().table.columns())
        if (offered(column))
            names.push_back(column.name());
    return names;
}

int TypedColumns::categoricalIndex(const Document& document, const std::string& name) {
    if (name.empty() || !document.isTyped())
        return -1;
    const linlab::TypedTable& table = document.source().table;
    const std::size_t index = table.indexOf(name);
    return index < table.columnCount() && offered(table.column(index)) ? int(index) : -1;
}

const linlab::Column* TypedColumns::categoricalColumn(const Document& document, int index) {
    if (index < 0 || !document.isTyped() ||
        std::size_t(index) >= document.source().table.columnCount())
        return nullptr;
    const linlab::Column& column = document.source().table.column(std::size_t(index));
    return column.type() == linlab::ColumnType::Categorical ? &column : nullptr;
}

int TypedColumns::levelOfRow(const Document& document, const linlab::Column& column, int row) {
    const int tableRow = document.tableRow(row);
    if (tableRow < 0 || std::size_t(tableRow) >= column.rowCount())
        return kMissing;
    const std::uint32_t code = column.code(std::size_t(tableRow));
    return code == linlab::Column::kNoLevel || code >= column.levels().size() ? kMissing
                                                                              : int(code);
}

bool TypedColumns::isDateFeature(const Document& document, int feature) {
    if (!document.isTyped() || feature < 0)
        return false;
    const std::vector<std::size_t>& columns = document.design().featureColumns();
    const linlab::TypedTable& table = document.source().table;
    return std::size_t(feature) < columns.size() &&
           columns[std::size_t(feature)] < table.columnCount() &&
           table.column(columns[std::size_t(feature)]).type() == linlab::ColumnType::Date;
}

QStringList TypedColumns::levelNames(const linlab::Column& column) {
    QStringList names;
    for (const std::string& level : column.levels())
        names.append(QString::fromStdString(level));
    return names;
}
