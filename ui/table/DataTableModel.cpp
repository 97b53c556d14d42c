#include "ui/table/DataTableModel.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "model/io/NumberFormat.h"
#include "ui/common/DisplayDigits.h"
#include "ui/common/NumberText.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QStringList>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <cstring>

DataTableModel::DataTableModel(Document* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_derived(document)
    , m_derivedShown(m_derived.count()) {
    // Forward the document's structural changes as the begin/end pairs views rely on.
    connect(document, &Document::rowsAboutToBeInserted, this,
            [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(document, &Document::rowsInserted, this, [this] { endInsertRows(); });
    connect(document, &Document::rowsAboutToBeRemoved, this,
            [this](int first, int last) { beginRemoveRows({}, first, last); });
    connect(document, &Document::rowsRemoved, this, [this] { endRemoveRows(); });
    connect(document, &Document::columnsAboutToBeInserted, this,
            [this](int first, int last) { beginInsertColumns({}, first, last); });
    connect(document, &Document::columnsInserted, this, [this] { endInsertColumns(); });
    connect(document, &Document::columnsAboutToBeRemoved, this,
            [this](int first, int last) { beginRemoveColumns({}, first, last); });
    connect(document, &Document::columnsRemoved, this, [this] { endRemoveColumns(); });
    connect(document, &Document::aboutToReset, this, [this] { beginResetModel(); });
    connect(document, &Document::resetDone, this, [this] {
        m_derivedShown = m_derived.count();
        endResetModel();
    });
    // Every design change may add, remove or recompute derived columns.
    connect(document, &Document::designChanged, this, &DataTableModel::syncDerivedColumns);
    connect(document, &Document::valuesChanged, this,
            [this](int top, int left, int bottom, int right) {
                if (!m_showTransformed && bottom >= top && right >= left)
                    emit dataChanged(index(top, left), index(bottom, right),
                                     {Qt::DisplayRole, Qt::EditRole});
            });
    connect(document, &Document::headersChanged, this,
            [this](int first, int last) { emit headerDataChanged(Qt::Horizontal, first, last); });
    // View > Significant Digits: every number cell reads anew.
    connect(DisplayDigits::instance(), &DisplayDigits::changed, this, [this] {
        if (rowCount() > 0 && columnCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                             {Qt::DisplayRole, Qt::ToolTipRole});
    });
    // Transformed values depend on every row (mean, std), so any new analysis repaints them all.
    connect(document, &Document::analysisChanged, this, [this] {
        if (m_showTransformed && rowCount() > 0 && columnCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                             {Qt::DisplayRole, Qt::EditRole});
    });
}

int DataTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_document->tableRowCount();
}

int DataTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid()
               ? 0
               : m_document->tableColumnCount() + m_derivedShown + int(m_extraNames.size());
}

int DataTableModel::firstReportColumn() const {
    return documentColumnCount() + m_derivedShown;
}

int DataTableModel::derivedIndex(int column) const {
    const int k = column - documentColumnCount();
    return k >= 0 && k < m_derivedShown ? k : -1;
}

void DataTableModel::syncDerivedColumns() {
    const int now = m_derived.count();
    const int first = documentColumnCount();
    if (now < m_derivedShown) {
        beginRemoveColumns({}, first + now, first + m_derivedShown - 1);
        m_derivedShown = now;
        endRemoveColumns();
    } else if (now > m_derivedShown) {
        beginInsertColumns({}, first + m_derivedShown, first + now - 1);
        m_derivedShown = now;
        endInsertColumns();
    }
    if (now == 0)
        return;
    emit headerDataChanged(Qt::Horizontal, first, first + now - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, first), index(rowCount() - 1, first + now - 1),
                         {Qt::DisplayRole, Qt::EditRole, Qt::ToolTipRole});
}

int DataTableModel::documentColumnCount() const {
    return m_document->tableColumnCount();
}

bool DataTableModel::isExtraColumn(int column) const {
    return column >= documentColumnCount() && column < columnCount();
}

void DataTableModel::setExtraColumns(const QStringList& names, const QStringList& tips,
                                     ExtraValue value) {
    const int first = firstReportColumn();
    if (!m_extraNames.isEmpty()) {
        beginRemoveColumns({}, first, first + int(m_extraNames.size()) - 1);
        m_extraNames.clear();
        endRemoveColumns();
    }
    m_extraTips = tips;
    m_extraValue = std::move(value);
    if (names.isEmpty() || !m_extraValue)
        return;
    beginInsertColumns({}, first, first + int(names.size()) - 1);
    m_extraNames = names;
    endInsertColumns();
}

void DataTableModel::extraValuesChanged() {
    if (m_extraNames.isEmpty() || rowCount() == 0)
        return;
    const int first = firstReportColumn();
    emit dataChanged(index(0, first), index(rowCount() - 1, columnCount() - 1),
                     {Qt::DisplayRole, Qt::ToolTipRole});
}

QVariant DataTableModel::extraData(int row, int column, int role) const {
    const int k = column - firstReportColumn();
    const int datasetRow = m_document->datasetRow(row);
    const double value =
        datasetRow >= 0 && m_extraValue ? m_extraValue(datasetRow, k) : std::nan("");
    switch (role) {
    case Qt::DisplayRole:
        // Computed, not data: rounded to read, every digit in the tooltip and a copy.
        return std::isnan(value) ? NumberText::dash() : NumberText::brief(value);
    case Qt::EditRole:
    case Qt::ToolTipRole:
        return std::isnan(value) ? QVariant() : QVariant(NumberText::exact(value));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        return QBrush(QColor(0xf4, 0xf4, 0xf4));
    case Qt::ForegroundRole:
        return QBrush(QColor(0x50, 0x50, 0x50));
    default:
        return {};
    }
}

QVariant DataTableModel::extraHeader(int column, int role) const {
    const int k = column - firstReportColumn();
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1\nreport, read-only").arg(m_extraNames.value(k));
    case Qt::EditRole:
        return m_extraNames.value(k);
    case Qt::FontRole: {
        QFont f;
        f.setItalic(true);
        return f;
    }
    case Qt::ToolTipRole:
        return m_extraTips.value(k);
    default:
        return {};
    }
}

void DataTableModel::flagsChanged() {
    if (rowCount() > 0)
        emit headerDataChanged(Qt::Vertical, 0, rowCount() - 1);
}

int DataTableModel::labelColumn() const {
    if (m_document->isTyped()) {
        const linlab::SourceTable& source = m_document->source();
        return int(source.table.indexOf(source.design.label));
    }
    return int(m_document->dataset().featureCount());
}

double DataTableModel::valueAt(int row, int column) const {
    if (m_showTransformed && column < labelColumn()) {
        const arma::mat& X = m_document->analysis().features();
        if (arma::uword(row) < X.n_rows && arma::uword(column) < X.n_cols)
            return X(row, column);
    }
    return m_document->dataset().value(row, column);
}

QVariant DataTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    if (const int k = derivedIndex(index.column()); k >= 0)
        return m_derived.data(index.row(), k, role, m_showTransformed);
    if (isExtraColumn(index.column()))
        return extraData(index.row(), index.column(), role);
    if (m_document->isTyped())
        return typedData(index, role);
    const bool isLabel = index.column() == labelColumn();
    switch (role) {
    case Qt::DisplayRole: // as View > Significant Digits says; every digit in the editor and tip
        return NumberText::shown(valueAt(index.row(), index.column()));
    case Qt::EditRole:
        return NumberText::exact(valueAt(index.row(), index.column()));
    case Qt::ToolTipRole: {
        const QString exact = NumberText::exact(valueAt(index.row(), index.column()));
        return exact == NumberText::shown(valueAt(index.row(), index.column()))
                   ? QVariant()
                   : QVariant(tr("Every digit: %1").arg(exact));
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (isLabel)
            return QBrush(QColor(0xfd, 0xf1, 0xe4)); // the label: a warm tint, features stay plain
        if (m_showTransformed)
            return QBrush(QColor(0xf2, 0xf5, 0xfa));
        return {};
    case Qt::ForegroundRole:
        return m_showTransformed && !isLabel ? QBrush(QColor(0x40, 0x50, 0x70)) : QVariant();
    case IsLabelRole:
        return isLabel;
    default:
        return {};
    }
}

QVariant DataTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        if (!m_flagReason ||
            (role != Qt::ForegroundRole && role != Qt::FontRole && role != Qt::ToolTipRole))
            return {};
        const int row = m_document->datasetRow(section);
        const QString reason = row >= 0 ? m_flagReason(row) : QString();
        if (reason.isEmpty())
            return {};
        switch (role) {
        case Qt::ForegroundRole:
            return QBrush(QColor(200, 90, 0));
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case Qt::ToolTipRole:
            return tr("Flagged by the regression report: %1").arg(reason);
        default:
            return {};
        }
    }
    if (section < 0 || section >= columnCount())
        return {};
    if (const int k = derivedIndex(section); k >= 0)
        return m_derived.header(k, role);
    if (isExtraColumn(section))
        return extraHeader(section, role);
    if (m_document->isTyped())
        return typedHeader(section, role);
    const bool isLabel = section == labelColumn();
    const QString name = QString::fromStdString(m_document->dataset().columnName(section));
    switch (role) {
    case Qt::DisplayRole:
        // Two lines: the name, then its role in the lesson's X and y.
        if (isLabel)
            return tr("%1\nlabel y").arg(name);
        return m_showTransformed ? tr("%1\nx%2 transformed").arg(name).arg(section + 1)
                                 : tr("%1\nfeature x%2").arg(name).arg(section + 1);
    case Qt::EditRole:
        return name;
    case Qt::FontRole: {
        QFont f;
        f.setBold(isLabel);
        return f;
    }
    case Qt::ToolTipRole:
        return isLabel ? tr("The label y the model predicts. Right-click a feature's header to use "
                            "it as the label instead.")
                       : tr("Feature x%1: one column of X. Double-click to rename; right-click for "
                            "more.")
                             .arg(section + 1);
    default:
        return {};
    }
}

Qt::ItemFlags DataTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (isExtraColumn(index.column()))
        return f;
    double transformed = 0;
    if (m_document->isTyped()) {
        if (!m_showTransformed || !transformedAt(index.row(), index.column(), &transformed))
            f |= Qt::ItemIsEditable;
        return f;
    }
    if (!m_showTransformed || index.column() == labelColumn())
        f |= Qt::ItemIsEditable;
    return f;
}

bool DataTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString text = value.toString();
    if (m_document->isTyped())
        return setTypedData(index, text);
    const linlab::ParseResult parsed = linlab::parseDouble(text.toStdString());
    if (!parsed.ok()) {
        m_lastError =
            tr("Row %1, %2: \u201c%3\u201d is %4; the old value stays.")
                .arg(index.row() + 1)
                .arg(QString::fromStdString(m_document->dataset().columnName(index.column())))
                .arg(text.trimmed())
                .arg(QString::fromLatin1(linlab::parseStatusText(parsed.status)));
        return false;
    }
    const double old = m_document->dataset().value(index.row(), index.column());
    if (std::memcmp(&old, &parsed.value, sizeof old) == 0)
        return true; // the same bits: nothing to undo
    m_lastError.clear();
    const QString what =
        tr("Edit %1, Row %2")
            .arg(QString::fromStdString(m_document->dataset().columnName(index.column())))
            .arg(index.row() + 1);
    m_document->undoStack()->push(
        new SetValuesCommand(m_document, index.row(), index.column(),
                             arma::mat(1, 1, arma::fill::value(parsed.value)), what));
    return true;
}

void DataTableModel::setShowTransformed(bool transformed) {
    if (transformed == m_showTransformed)
        return;
    m_showTransformed = transformed;
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    if (columnCount() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

// --- Typed documents ----------------------------------------------------------------------------

namespace {

const QColor kExcludedBackground(0xec, 0xec, 0xec);
const QColor kExcludedText(0x8a, 0x8a, 0x8a);
const QColor kMissingBackground(0xf5, 0xf5, 0xf5);
const QColor kFilledBackground(0xe3, 0xee, 0xfb);
const QColor kInvalidBackground(0xfb, 0xe6, 0xe6);
const QColor kLabelBackground(0xfd, 0xf1, 0xe4);
const QColor kIgnoredText(0x80, 0x80, 0x80);

QString typeText(linlab::ColumnType type) {
    return QString::fromLatin1(linlab::columnTypeName(type));
}

} // namespace

int DataTableModel::imputationOf(int column) const {
    const std::vector<linlab::Imputation>& imputed = m_document->design().imputed();
    for (std::size_t i = 0; i < imputed.size(); ++i)
        if (imputed[i].column == std::size_t(column))
            return int(i);
    return -1;
}

bool DataTableModel::transformedAt(int row, int column, double* value) const {
    const linlab::Design& design = m_document->design();
    const linlab::Column& cells = m_document->source().table.column(std::size_t(column));
    const int dataRow = m_document->datasetRow(row);
    if (!cells.isNumber() || dataRow < 0)
        return false;
    const std::vector<std::size_t>& from = design.featureColumns();
    const auto it = std::find(from.begin(), from.end(), std::size_t(column));
    const arma::mat& X = m_document->analysis().features();
    const arma::uword j = arma::uword(it - from.begin());
    if (it == from.end() || arma::uword(dataRow) >= X.n_rows || j >= X.n_cols)
        return false;
    *value = X(arma::uword(dataRow), j);
    return true;
}

QVariant DataTableModel::typedData(const QModelIndex& index, int role) const {
    const linlab::SourceTable& source = m_document->source();
    const linlab::Column& column = source.table.column(std::size_t(index.column()));
    const std::size_t row = std::size_t(index.row());
    const bool excluded = m_document->datasetRow(index.row()) < 0;
    const bool missing = column.isMissing(row);
    const int fill = missing && !excluded ? imputationOf(index.column()) : -1;
    double transformed = 0;
    const bool showTransformed =
        m_showTransformed && transformedAt(index.row(), index.column(), &transformed);
    switch (role) {
    case Qt::DisplayRole:
        if (showTransformed)
            return NumberText::shown(transformed);
        if (fill >= 0) {
            const linlab::Imputation& imputation = m_document->design().imputed()[fill];
            return imputation.level.empty() ? NumberText::shown(imputation.value)
                                            : QString::fromStdString(imputation.level);
        }
        // A number as the display digits say (a date keeps its text); every digit to edit.
        if (column.type() == linlab::ColumnType::Numeric && !missing)
            return NumberText::shown(column.value(row));
        return QString::fromStdString(column.cellText(row));
    case Qt::EditRole:
        return QString::fromStdString(column.cellText(row));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue((column.isNumber() ? Qt::AlignRight : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (excluded)
            return QBrush(kExcludedBackground);
        if (fill >= 0)
            return QBrush(kFilledBackground);
        if (missing)
            return QBrush(column.state(row) == linlab::CellState::Invalid ? kInvalidBackground
                                                                          : kMissingBackground);
        if (index.column() == labelColumn())
            return QBrush(kLabelBackground);
        return {};
    case Qt::ForegroundRole:
        if (excluded)
            return QBrush(kExcludedText);
        if (m_document->design().roles()[std::size_t(index.column())] == linlab::Role::Ignored)
            return QBrush(kIgnoredText);
        return {};
    case Qt::FontRole:
        if (fill >= 0) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (fill >= 0)
            return tr("Missing: filled with the column's %1 for the fit")
                .arg(column.type() == linlab::ColumnType::Categorical ? tr("most frequent level")
                                                                      : tr("mean"));
        if (column.state(row) == linlab::CellState::Invalid)
            return tr("This cell did not read as %1: it counts as missing.")
                .arg(typeText(column.type()));
        if (excluded)
            return tr("Row %1 is left out of every number: it misses a value the model uses. "
                      "Fill the cell, fill the column (header menu) or stop using that column.")
                .arg(index.row() + 1);
        if (column.type() == linlab::ColumnType::Numeric && !missing &&
            NumberText::shown(column.value(row)) != QString::fromStdString(column.cellText(row)))
            return tr("Every digit: %1").arg(QString::fromStdString(column.cellText(row)));
        return {};
    case IsLabelRole:
        return index.column() == labelColumn();
    default:
        return {};
    }
}

QVariant DataTableModel::typedHeader(int section, int role) const {
    const linlab::SourceTable& source = m_document->source();
    const linlab::Column& column = source.table.column(std::size_t(section));
    const linlab::Role use = m_document->design().roles()[std::size_t(section)];
    const QString name = QString::fromStdString(column.name());
    switch (role) {
    case Qt::DisplayRole: {
        const QString what = use == linlab::Role::Label     ? tr("label y")
                             : use == linlab::Role::Feature ? tr("feature")
                                                            : tr("not used");
        return tr("%1\n%2 \u00b7 %3").arg(name, typeText(column.type()), what);
    }
    case Qt::EditRole:
        return name;
    case Qt::FontRole: {
        QFont f;
        f.setBold(use == linlab::Role::Label);
        f.setItalic(use == linlab::Role::Ignored);
        return f;
    }
    case Qt::ForegroundRole:
        return use == linlab::Role::Ignored ? QBrush(kIgnoredText) : QVariant();
    case Qt::ToolTipRole: {
        QString tip = tr("%1: %2, %3 missing of %4")
                          .arg(name, typeText(column.type()))
                          .arg(column.missingCount())
                          .arg(column.rowCount());
        if (column.type() == linlab::ColumnType::Categorical) {
            QStringList levels;
            for (const std::string& level : column.levels())
                levels << QString::fromStdString(level);
            tip += tr("\nLevels: %1").arg(levels.join(QStringLiteral(", ")));
            const std::string& reference = m_document->design().references()[std::size_t(section)];
            if (!reference.empty())
                tip +=
                    tr("\nReference level (no dummy): %1").arg(QString::fromStdString(reference));
        }
        return tip + tr("\nRight-click to change its type or role.");
    }
    default:
        return {};
    }
}

bool DataTableModel::setTypedData(const QModelIndex& index, const QString& text) {
    const std::string cell = text.toStdString();
    const linlab::Column& column = m_document->source().table.column(std::size_t(index.column()));
    const QString name = QString::fromStdString(column.name());
    const QString why = m_document->checkCellText(index.row(), index.column(), cell);
    if (!why.isEmpty()) {
        m_lastError =
            tr("Row %1, %2: %3; the old value stays.").arg(index.row() + 1).arg(name, why);
        return false;
    }
    if (column.cellText(std::size_t(index.row())) == cell)
        return true; // the same text: nothing to undo
    m_lastError.clear();
    m_document->undoStack()->push(
        new SetCellTextsCommand(m_document, index.row(), index.column(), {{cell}},
                                tr("Edit %1, Row %2").arg(name).arg(index.row() + 1)));
    return true;
}
