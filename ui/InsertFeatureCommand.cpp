#include "InsertFeatureCommand.h"

#include "Document.h"

InsertFeatureCommand::InsertFeatureCommand(Document* document, int column, const std::string& name,
                                           const arma::vec& values, QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Add Feature \"%1\"").arg(QString::fromStdString(name)), parent)
    , m_document(document)
    , m_column(column)
    , m_name(name)
    , m_values(values.is_empty() ? arma::vec(document->dataset().rowCount(), arma::fill::zeros) : values)
{
}

void InsertFeatureCommand::undo() { m_document->removeFeature(m_column); }

void InsertFeatureCommand::redo() { m_document->insertFeature(m_column, m_name, m_values, 0.0); }
