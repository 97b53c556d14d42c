#pragma once

#include "LinearModel.h"

#include <QUndoCommand>

class Document;

/// Makes a feature the label (the old label becomes that feature). The model's weights are
/// meaningless afterwards, so it goes back to the default; undo restores it.
class SetLabelColumnCommand : public QUndoCommand {
public:
    SetLabelColumnCommand(Document* document, int featureColumn, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_column;
    linlab::LinearModel m_oldModel;
};
