#include "SetValuesCommand.h"

#include "Document.h"

SetValuesCommand::SetValuesCommand(Document* document, int row, int column, const arma::mat& values,
                                   const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_row(row)
    , m_column(column)
    , m_new(values)
{
    m_old.set_size(values.n_rows, values.n_cols);
    for (arma::uword r = 0; r < values.n_rows; ++r)
        for (arma::uword c = 0; c < values.n_cols; ++c)
            m_old(r, c) = document->dataset().value(row + r, column + c);
}

void SetValuesCommand::undo() { m_document->setValues(m_row, m_column, m_old); }

void SetValuesCommand::redo() { m_document->setValues(m_row, m_column, m_new); }
