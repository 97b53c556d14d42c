#include "SetLabelColumnCommand.h"

#include "Document.h"

SetLabelColumnCommand::SetLabelColumnCommand(Document* document, int featureColumn, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_column(featureColumn)
    , m_oldModel(document->model())
{
    setText(QObject::tr("Use \"%1\" as Label")
                .arg(QString::fromStdString(document->dataset().featureNames().at(featureColumn))));
}

void SetLabelColumnCommand::undo()
{
    m_document->swapLabelWithFeature(m_column);
    m_document->setModel(m_oldModel);
}

void SetLabelColumnCommand::redo()
{
    m_document->swapLabelWithFeature(m_column);
    m_document->setModel(m_document->defaultModel());
}
