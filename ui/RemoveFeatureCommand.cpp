#include "RemoveFeatureCommand.h"

#include "Document.h"

RemoveFeatureCommand::RemoveFeatureCommand(Document* document, int column, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_column(column)
    , m_name(document->dataset().featureNames().at(column))
    , m_values(document->dataset().features().col(column))
    , m_weight(document->model().weights()(column))
{
    setText(QObject::tr("Remove Feature \"%1\"").arg(QString::fromStdString(m_name)));
}

void RemoveFeatureCommand::undo() { m_document->insertFeature(m_column, m_name, m_values, m_weight); }

void RemoveFeatureCommand::redo() { m_document->removeFeature(m_column); }
