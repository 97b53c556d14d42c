#include "ui/table/DataTableModel.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "model/io/NumberFormat.h"
#include "ui/common/NumberText.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QUndoStack>

#include <cstring>

DataTableModel::DataTableModel(Document* document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document) {
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
    connect(document, &Document::resetDone, this, [this] { endResetModel(); });
    connect(document, &Document::valuesChanged, this,
            [this](int top, int left, int bottom, int right) {
                if (!m_showTransformed && bottom >= top && right >= left)
                    emit dataChanged(index(top, left), index(bottom, right),
                                     {Qt::DisplayRole, Qt::EditRole});
            });
    connect(document, &Document::headersChanged, this,
            [this](int first, int last) { emit headerDataChanged(Qt::Horizontal, first, last); });
    // Transformed values depend on every row (mean, std), so any new analysis repaints them all.
    connect(document, &Document::analysisChanged, this, [this] {
        if (m_showTransformed && rowCount() > 0 && columnCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                             {Qt::DisplayRole, Qt::EditRole});
    });
}

int DataTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_document->dataset().rowCount());
}

int DataTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_document->dataset().columnCount());
}

int DataTableModel::labelColumn() const {
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
    const bool isLabel = index.column() == labelColumn();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return NumberText::exact(valueAt(index.row(), index.column()));
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
        return {};
    }
    if (section < 0 || section >= columnCount())
        return {};
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
    if (!m_showTransformed || index.column() == labelColumn())
        f |= Qt::ItemIsEditable;
    return f;
}

bool DataTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString text = value.toString();
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
