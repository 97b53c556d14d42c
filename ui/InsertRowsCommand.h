#pragma once

#include <QUndoCommand>
#include <armadillo>

class Document;

/// Inserts rows (zeros, or given values) at a position.
class InsertRowsCommand : public QUndoCommand {
public:
    InsertRowsCommand(Document* document, int row, const arma::mat& values, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_row;
    arma::mat m_values;
};
