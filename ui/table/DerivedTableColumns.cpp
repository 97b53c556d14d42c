#include "ui/table/DerivedTableColumns.h"

#include "app/document/Document.h"
#include "ui/common/NumberText.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QFont>

#include <cmath>

namespace {

const QColor kDerivedBackground(0xee, 0xf4, 0xee);
const QColor kDerivedText(0x30, 0x50, 0x30);
const QColor kExcludedBackground(0xec, 0xec, 0xec); // as the table greys a row left out

QString tr(const char* text) {
    return QCoreApplication::translate("DerivedTableColumns", text);
}

} // namespace

DerivedTableColumns::DerivedTableColumns(const Document* document)
    : m_document(document) {}

int DerivedTableColumns::count() const {
    return m_document->isTyped() ? int(m_document->design().derivedCount()) : 0;
}

int DerivedTableColumns::featureColumn(int k) const {
    return int(m_document->dataset().featureCount()) - count() + k;
}

QVariant DerivedTableColumns::data(int row, int k, int role, bool transformed) const {
    if (k < 0 || k >= count())
        return {}; // between a design change and the table's column update
    const int datasetRow = m_document->datasetRow(row);
    const arma::mat& X =
        transformed ? m_document->analysis().features() : m_document->dataset().features();
    const arma::uword j = arma::uword(featureColumn(k));
    const bool has = datasetRow >= 0 && arma::uword(datasetRow) < X.n_rows && j < X.n_cols;
    const double value = has ? X(arma::uword(datasetRow), j) : std::nan("");
    switch (role) {
    case Qt::DisplayRole:
        // Computed, not data: rounded to read, every digit in the tooltip and a copy.
        return has ? NumberText::brief(value) : NumberText::dash();
    case Qt::EditRole:
        return has ? QVariant(NumberText::exact(value)) : QVariant();
    case Qt::ToolTipRole:
        return has ? QVariant(NumberText::exact(value))
                   : QVariant(tr("Row left out of the design: no value"));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        return QBrush(datasetRow >= 0 ? kDerivedBackground : kExcludedBackground);
    case Qt::ForegroundRole:
        return QBrush(kDerivedText);
    default:
        return {};
    }
}

QVariant DerivedTableColumns::header(int k, int role) const {
    if (k < 0 || k >= count())
        return {};
    const QString name =
        QString::fromStdString(m_document->design().featureNames()[std::size_t(featureColumn(k))]);
    const QString expression =
        QString::fromStdString(m_document->source().design.derived[std::size_t(k)].expression);
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1\nderived, read-only").arg(name);
    case Qt::EditRole:
        return name;
    case Qt::FontRole: {
        QFont f;
        f.setItalic(true);
        return f;
    }
    case Qt::ForegroundRole:
        return QBrush(kDerivedText);
    case Qt::ToolTipRole:
        return tr("%1 = %2\nA derived feature, computed from its sources: right-click to edit or "
                  "remove it.")
            .arg(name, expression);
    default:
        return {};
    }
}
