#pragma once

#include "LinearModel.h"

#include <QUndoCommand>

class Document;

/// Changes the weights and bias. Commands with the same non-zero drag id merge, so one whole
/// slider drag (or one spin-box typing session) is one undo step.
class SetModelCommand : public QUndoCommand {
public:
    static constexpr int kId = 0x4c4d; // "LM"

    SetModelCommand(Document* document, const linlab::LinearModel& model, const QString& text, int dragId = 0,
                    QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document* m_document;
    linlab::LinearModel m_old, m_new;
    int m_dragId;
};
