#include "RemoveRowsCommand.h"

#include "Document.h"

RemoveRowsCommand::RemoveRowsCommand(Document* document, int row, int count, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_row(row)
    , m_removed(document->dataset().rowBlock(row, count))
{
    setText(count == 1 ? QObject::tr("Remove Row %1").arg(row + 1) : QObject::tr("Remove %1 Rows").arg(count));
}

void RemoveRowsCommand::undo() { m_document->insertRows(m_row, m_removed); }

void RemoveRowsCommand::redo() { m_document->removeRows(m_row, int(m_removed.n_rows)); }
