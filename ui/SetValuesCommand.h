#pragma once

#include <QUndoCommand>
#include <armadillo>

class Document;

/// Overwrites a rectangle of cells (one edit, or a paste); undo restores the old values bit-exactly.
class SetValuesCommand : public QUndoCommand {
public:
    SetValuesCommand(Document* document, int row, int column, const arma::mat& values, const QString& text,
                     QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_row, m_column;
    arma::mat m_old, m_new;
};
