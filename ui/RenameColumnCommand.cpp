#include "RenameColumnCommand.h"

#include "Document.h"

RenameColumnCommand::RenameColumnCommand(Document* document, int column, const std::string& name,
                                         QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_column(column)
    , m_old(document->dataset().columnName(column))
    , m_new(name)
{
    setText(QObject::tr("Rename \"%1\" to \"%2\"").arg(QString::fromStdString(m_old), QString::fromStdString(m_new)));
}

void RenameColumnCommand::undo() { m_document->renameColumn(m_column, m_old); }

void RenameColumnCommand::redo() { m_document->renameColumn(m_column, m_new); }
