#include "ui/window/ImportColumnsTable.h"

#include "ui/common/Teardown.h"

#include <QComboBox>
#include <QHeaderView>

namespace {
QString typeText(linlab::ColumnType type) {
    switch (type) {
    case linlab::ColumnType::Numeric:
        return ImportColumnsTable::tr("numeric");
    case linlab::ColumnType::Date:
        return ImportColumnsTable::tr("date");
    case linlab::ColumnType::Categorical:
        return ImportColumnsTable::tr("categorical");
    case linlab::ColumnType::Text:
        return ImportColumnsTable::tr("text");
    }
    return QString();
}

// What the column holds, for the name's tooltip: a categorical column's levels, say.
QString columnSummary(const linlab::Column& column) {
    constexpr std::size_t kShownLevels = 8;
    switch (column.type()) {
    case linlab::ColumnType::Numeric:
        return ImportColumnsTable::tr("Numbers");
    case linlab::ColumnType::Date:
        return ImportColumnsTable::tr("Dates; a feature counts them in days since 1970-01-01");
    case linlab::ColumnType::Categorical: {
        QStringList levels;
        for (std::size_t i = 0; i < column.levels().size() && i < kShownLevels; ++i)
            levels << QString::fromStdString(column.levels()[i]);
        if (column.levels().size() > kShownLevels)
            levels << QStringLiteral("\u2026");
        return ImportColumnsTable::tr("Levels in the preview: %1")
            .arg(levels.join(QStringLiteral(", ")));
    }
    case linlab::ColumnType::Text:
        return ImportColumnsTable::tr(
            "Text (names, identifiers): shown, but used only when made categorical");
    }
    return QString();
}

QString missingText(const linlab::Column& column) {
    if (column.invalidCount() == 0)
        return QString::number(column.missingCount());
    return ImportColumnsTable::tr("%1 (%2 invalid)")
        .arg(column.missingCount())
        .arg(column.invalidCount());
}
} // namespace

ImportColumnsTable::ImportColumnsTable(QWidget* parent)
    : QTableWidget(0, FieldCount, parent) {
    setHorizontalHeaderLabels({tr("Column"), tr("Type"), tr("Missing"), tr("Role")});
    horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    for (int f : {Type, Missing, RoleField})
        horizontalHeader()->setSectionResizeMode(f, QHeaderView::ResizeToContents);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    horizontalHeaderItem(Type)->setToolTip(
        tr("What the column holds, inferred from the first rows; change it to read the column "
           "another way"));
    horizontalHeaderItem(Missing)->setToolTip(
        tr("Missing cells among the previewed rows (cells equal to a missing value, and cells "
           "that do not fit the column's type)"));
    horizontalHeaderItem(RoleField)->setToolTip(
        tr("label: the y the model predicts; feature: a column of X; ignored: kept in the table, "
           "not used"));
}

ImportColumnsTable::~ImportColumnsTable() {
    silenceChildren(this);
}

void ImportColumnsTable::addCombos(int row) {
    auto* type = new QComboBox;
    for (linlab::ColumnType t : {linlab::ColumnType::Numeric, linlab::ColumnType::Date,
                                 linlab::ColumnType::Categorical, linlab::ColumnType::Text})
        type->addItem(typeText(t));
    auto* role = new QComboBox;
    role->addItems({tr("label"), tr("feature"), tr("ignored")});
    role->setToolTip(horizontalHeaderItem(RoleField)->toolTip());
    connect(type, &QComboBox::activated, this,
            [this, row](int index) { emit typeChosen(row, linlab::ColumnType(index)); });
    connect(role, &QComboBox::activated, this,
            [this, row](int index) { emit roleChosen(row, linlab::Role(index)); });
    setCellWidget(row, Type, type);
    setCellWidget(row, RoleField, role);
}

void ImportColumnsTable::setColumns(const linlab::TypedTable& table,
                                    const std::vector<linlab::ColumnType>& inferred,
                                    const std::vector<linlab::Role>& roles) {
    const int columns = int(table.columnCount());
    if (rowCount() != columns) {
        setRowCount(0); // the old combos go (later, by Qt) with their rows
        setRowCount(columns);
        for (int c = 0; c < columns; ++c)
            addCombos(c);
    }
    for (int c = 0; c < columns; ++c) {
        const linlab::Column& column = table.column(std::size_t(c));
        auto* name = new QTableWidgetItem(QString::fromStdString(column.name()));
        name->setToolTip(columnSummary(column));
        setItem(c, Name, name);
        auto* missing = new QTableWidgetItem(missingText(column));
        missing->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (column.invalidCount() > 0) {
            missing->setForeground(QColor(0xb0, 0x00, 0x20));
            missing->setToolTip(tr("%1 of them do not read as %2: listed below the preview")
                                    .arg(column.invalidCount())
                                    .arg(column.type() == linlab::ColumnType::Date
                                             ? tr("a date")
                                             : tr("a number")));
        }
        setItem(c, Missing, missing);

        QComboBox* type = typeBox(c);
        const QSignalBlocker blockType(type);
        type->setCurrentIndex(int(column.type()));
        const linlab::ColumnType guess =
            std::size_t(c) < inferred.size() ? inferred[c] : column.type();
        type->setToolTip(
            guess == column.type()
                ? tr("Inferred from the first rows: %1").arg(typeText(guess))
                : tr("Changed; inferred from the first rows: %1").arg(typeText(guess)));
        QFont font = type->font();
        font.setItalic(guess != column.type()); // the user's change, visibly
        type->setFont(font);

        QComboBox* role = roleBox(c);
        const QSignalBlocker blockRole(role);
        role->setCurrentIndex(std::size_t(c) < roles.size() ? int(roles[c]) : -1);
    }
}

QComboBox* ImportColumnsTable::typeBox(int column) const {
    return qobject_cast<QComboBox*>(cellWidget(column, Type));
}

QComboBox* ImportColumnsTable::roleBox(int column) const {
    return qobject_cast<QComboBox*>(cellWidget(column, RoleField));
}
