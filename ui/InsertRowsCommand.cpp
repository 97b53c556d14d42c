#include "InsertRowsCommand.h"

#include "Document.h"

InsertRowsCommand::InsertRowsCommand(Document* document, int row, const arma::mat& values, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_row(row)
    , m_values(values)
{
    setText(values.n_rows == 1 ? QObject::tr("Insert Row") : QObject::tr("Insert %1 Rows").arg(values.n_rows));
}

void InsertRowsCommand::undo() { m_document->removeRows(m_row, int(m_values.n_rows)); }

void InsertRowsCommand::redo() { m_document->insertRows(m_row, m_values); }
