#include "SetModelCommand.h"

#include "Document.h"

SetModelCommand::SetModelCommand(Document* document, const linlab::LinearModel& model, const QString& text,
                                 int dragId, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_old(document->model())
    , m_new(model)
    , m_dragId(dragId)
{
}

void SetModelCommand::undo() { m_document->setModel(m_old); }

void SetModelCommand::redo() { m_document->setModel(m_new); }

bool SetModelCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const SetModelCommand*>(other);
    if (m_dragId == 0 || next->m_dragId != m_dragId)
        return false;
    m_new = next->m_new;
    return true;
}
