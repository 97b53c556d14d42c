#include "app/document/DragPointCommand.h"

#include "app/document/Document.h"
#include "model/io/NumberFormat.h"

#include <QObject>

namespace {
// The typed table column of dataset column `column` (a feature, or featureCount() for the
// label); -1 when there is none.
int tableColumnOf(const Document* document, int column) {
    const linlab::Design& design = document->design();
    if (column >= 0 && std::size_t(column) < design.featureColumns().size())
        return int(design.featureColumns()[std::size_t(column)]);
    if (std::size_t(column) == design.featureColumns().size()) {
        const std::vector<linlab::Role>& roles = design.roles();
        for (std::size_t c = 0; c < roles.size(); ++c)
            if (roles[c] == linlab::Role::Label)
                return int(c);
    }
    return -1;
}
} // namespace

DragPointCommand::DragPointCommand(Document* document, int row, Cells cells, int dragId,
                                   QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_row(row)
    , m_dragId(dragId) {
    const linlab::Dataset& data = document->dataset();
    for (const auto& [column, value] : cells) {
        m_columns.push_back(column);
        m_old.push_back(data.value(arma::uword(row), arma::uword(column)));
        m_new.push_back(value);
    }
    setText(QObject::tr("Drag Row %1").arg(document->tableRow(row) + 1));
}

bool DragPointCommand::canDrag(const Document* document, int column) {
    const linlab::Dataset& data = document->dataset();
    if (column < 0 || arma::uword(column) > data.featureCount())
        return false;
    if (!document->isTyped())
        return true;
    const std::vector<bool>& dummies = data.dummyFeatures();
    if (arma::uword(column) < data.featureCount() && !dummies.empty() &&
        dummies[std::size_t(column)])
        return false;
    const int tableColumn = tableColumnOf(document, column);
    return tableColumn >= 0 && document->source().table.column(std::size_t(tableColumn)).type() ==
                                   linlab::ColumnType::Numeric;
}

void DragPointCommand::write(const std::vector<double>& values) {
    if (!m_document->isTyped()) {
        for (std::size_t k = 0; k < m_columns.size(); ++k)
            m_document->setValues(m_row, m_columns[k],
                                  arma::mat(1, 1, arma::fill::value(values[k])));
        return;
    }
    // Typed: the cells of the table row, in shortest round-trip text (read back exactly).
    const int tableRow = m_document->tableRow(m_row);
    for (std::size_t k = 0; k < m_columns.size(); ++k) {
        const int column = tableColumnOf(m_document, m_columns[k]);
        if (column >= 0)
            m_document->setCellTexts(tableRow, column, {{linlab::formatDouble(values[k])}});
    }
}

void DragPointCommand::undo() {
    write(m_old);
}

void DragPointCommand::redo() {
    write(m_new);
}

bool DragPointCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const DragPointCommand*>(other);
    if (m_dragId == 0 || next->m_dragId != m_dragId || next->m_row != m_row ||
        next->m_columns != m_columns)
        return false;
    m_new = next->m_new;
    return true;
}
