#pragma once
// Replaces the whole data set as one undo step (Data > Generate): undo puts back the table,
// transform, model and fit settings that were there, typed or plain.

#include "app/document/Document.h"

#include <QUndoCommand>

class ReplaceDataCommand : public QUndoCommand {
public:
    /// The data becomes `data` (a plain data set) with `transform`, zero weights and the fit
    /// settings kept.
    ReplaceDataCommand(Document* document, linlab::Dataset data,
                       const linlab::TransformSettings& transform, const QString& text,
                       QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    Document::DataState m_old, m_new;
};
