#include "app/document/Commands.h"

#include "app/document/Document.h"

InsertFeatureCommand::InsertFeatureCommand(Document* document, int column, const std::string& name,
                                           const arma::vec& values, QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Add Feature \"%1\"").arg(QString::fromStdString(name)), parent)
    , m_document(document)
    , m_column(column)
    , m_name(name)
    , m_values(values.is_empty() ? arma::vec(document->dataset().rowCount(), arma::fill::zeros)
                                 : values) {}

void InsertFeatureCommand::undo() {
    m_document->removeFeature(m_column);
}

void InsertFeatureCommand::redo() {
    m_document->insertFeature(m_column, m_name, m_values, 0.0);
}

InsertRowsCommand::InsertRowsCommand(Document* document, int row, const arma::mat& values,
                                     QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_row(row)
    , m_values(values) {
    setText(values.n_rows == 1 ? QObject::tr("Insert Row")
                               : QObject::tr("Insert %1 Rows").arg(values.n_rows));
}

void InsertRowsCommand::undo() {
    m_document->removeRows(m_row, int(m_values.n_rows));
}

void InsertRowsCommand::redo() {
    m_document->insertRows(m_row, m_values);
}

RemoveFeatureCommand::RemoveFeatureCommand(Document* document, int column, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_column(column)
    , m_name(document->dataset().featureNames().at(column))
    , m_values(document->dataset().features().col(column))
    , m_weight(document->model().weights()(column)) {
    setText(QObject::tr("Remove Feature \"%1\"").arg(QString::fromStdString(m_name)));
}

void RemoveFeatureCommand::undo() {
    m_document->insertFeature(m_column, m_name, m_values, m_weight);
}

void RemoveFeatureCommand::redo() {
    m_document->removeFeature(m_column);
}

RemoveRowsCommand::RemoveRowsCommand(Document* document, int row, int count, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_row(row)
    , m_removed(document->dataset().rowBlock(row, count)) {
    setText(count == 1 ? QObject::tr("Remove Row %1").arg(row + 1)
                       : QObject::tr("Remove %1 Rows").arg(count));
}

void RemoveRowsCommand::undo() {
    m_document->insertRows(m_row, m_removed);
}

void RemoveRowsCommand::redo() {
    m_document->removeRows(m_row, int(m_removed.n_rows));
}

RenameColumnCommand::RenameColumnCommand(Document* document, int column, const std::string& name,
                                         QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_column(column)
    , m_old(document->dataset().columnName(column))
    , m_new(name) {
    setText(QObject::tr("Rename \"%1\" to \"%2\"")
                .arg(QString::fromStdString(m_old), QString::fromStdString(m_new)));
}

void RenameColumnCommand::undo() {
    m_document->renameColumn(m_column, m_old);
}

void RenameColumnCommand::redo() {
    m_document->renameColumn(m_column, m_new);
}

SetLabelColumnCommand::SetLabelColumnCommand(Document* document, int featureColumn,
                                             QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_column(featureColumn)
    , m_oldModel(document->model()) {
    setText(QObject::tr("Use \"%1\" as Label")
                .arg(QString::fromStdString(document->dataset().featureNames().at(featureColumn))));
}

void SetLabelColumnCommand::undo() {
    m_document->swapLabelWithFeature(m_column);
    m_document->setModel(m_oldModel);
}

void SetLabelColumnCommand::redo() {
    m_document->swapLabelWithFeature(m_column);
    m_document->setModel(m_document->defaultModel());
}

SetModelCommand::SetModelCommand(Document* document, const linlab::LinearModel& model,
                                 const QString& text, int dragId, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_old(document->model())
    , m_new(model)
    , m_dragId(dragId) {}

void SetModelCommand::undo() {
    m_document->setModel(m_old);
}

void SetModelCommand::redo() {
    m_document->setModel(m_new);
}

bool SetModelCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const SetModelCommand*>(other);
    if (m_dragId == 0 || next->m_dragId != m_dragId)
        return false;
    m_new = next->m_new;
    return true;
}

SetTransformCommand::SetTransformCommand(Document* document,
                                         const linlab::TransformSettings& settings,
                                         QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Change Transform"), parent)
    , m_document(document)
    , m_old(document->transformSettings())
    , m_new(settings) {}

void SetTransformCommand::undo() {
    m_document->setTransformSettings(m_old);
}

void SetTransformCommand::redo() {
    m_document->setTransformSettings(m_new);
}

SetValuesCommand::SetValuesCommand(Document* document, int row, int column, const arma::mat& values,
                                   const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_row(row)
    , m_column(column)
    , m_new(values) {
    m_old.set_size(values.n_rows, values.n_cols);
    for (arma::uword r = 0; r < values.n_rows; ++r)
        for (arma::uword c = 0; c < values.n_cols; ++c)
            m_old(r, c) = document->dataset().value(row + r, column + c);
}

void SetValuesCommand::undo() {
    m_document->setValues(m_row, m_column, m_old);
}

void SetValuesCommand::redo() {
    m_document->setValues(m_row, m_column, m_new);
}
