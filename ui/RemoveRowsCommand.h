#pragma once

#include <QUndoCommand>
#include <armadillo>

class Document;

/// Removes consecutive rows; undo puts the same values back.
class RemoveRowsCommand : public QUndoCommand {
public:
    RemoveRowsCommand(Document* document, int row, int count, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_row;
    arma::mat m_removed;
};
