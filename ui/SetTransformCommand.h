#pragma once

#include "Transform.h"

#include <QUndoCommand>

class Document;

/// Changes the scale factor, normalisation or ddof.
class SetTransformCommand : public QUndoCommand {
public:
    SetTransformCommand(Document* document, const linlab::TransformSettings& settings, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    linlab::TransformSettings m_old, m_new;
};
