#include "SetTransformCommand.h"

#include "Document.h"

SetTransformCommand::SetTransformCommand(Document* document, const linlab::TransformSettings& settings,
                                         QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Change Transform"), parent)
    , m_document(document)
    , m_old(document->transformSettings())
    , m_new(settings)
{
}

void SetTransformCommand::undo() { m_document->setTransformSettings(m_old); }

void SetTransformCommand::redo() { m_document->setTransformSettings(m_new); }
