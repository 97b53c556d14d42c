#include "app/document/ReplaceDataCommand.h"

ReplaceDataCommand::ReplaceDataCommand(Document* document, linlab::Dataset data,
                                       const linlab::TransformSettings& transform,
                                       const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_old(document->dataState()) {
    m_new.model = linlab::LinearModel(data.featureCount());
    m_new.dataset = std::move(data);
    m_new.transform = transform;
    m_new.fit = m_old.fit;
}

void ReplaceDataCommand::undo() {
    m_document->restoreDataState(m_old);
}

void ReplaceDataCommand::redo() {
    m_document->restoreDataState(m_new);
}
