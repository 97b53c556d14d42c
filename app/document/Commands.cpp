#include "app/document/Commands.h"

#include "app/document/Document.h"
#include "model/data/DesignRoles.h"

#include <QtGlobal>

#include <algorithm>
#include <exception>

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
    , m_old(document->tableColumnName(column))
    , m_new(name)
    , m_derived(document->source().design.derived) {
    setText(QObject::tr("Rename \"%1\" to \"%2\"")
                .arg(QString::fromStdString(m_old), QString::fromStdString(m_new)));
}

void RenameColumnCommand::undo() {
    m_document->renameColumn(m_column, m_old);
    // Renamed back, an expression may differ in its brackets only: the text as it was.
    if (m_document->isTyped() && m_document->source().design.derived != m_derived) {
        linlab::DesignOptions options = m_document->source().design;
        options.derived = m_derived;
        const linlab::LinearModel model = m_document->model();
        m_document->setDesignOptions(options, &model); // built before the rename: it builds
    }
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

// --- Typed documents ----------------------------------------------------------------------------

namespace {

// A typed edit refused by the design (the document is left as it was): said, never thrown through
// the undo stack into Qt's event loop. The views check before pushing, so this is a safety net.
template <class Edit> void guarded(const char* what, Edit edit) {
    try {
        edit();
    } catch (const std::exception& e) {
        qWarning("%s: %s", what, e.what());
    }
}

} // namespace

SetCellTextsCommand::SetCellTextsCommand(Document* document, int row, int column,
                                         std::vector<std::vector<std::string>> texts,
                                         const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_row(row)
    , m_column(column)
    , m_new(std::move(texts)) {
    const linlab::TypedTable& table = document->source().table;
    for (std::size_t r = 0; r < m_new.size(); ++r) {
        m_old.emplace_back();
        for (std::size_t c = 0; c < m_new[r].size(); ++c)
            m_old.back().push_back(table.cellText(std::size_t(row) + r, std::size_t(column) + c));
    }
}

void SetCellTextsCommand::undo() {
    guarded("SetCellTextsCommand::undo", [&] { m_document->setCellTexts(m_row, m_column, m_old); });
}

void SetCellTextsCommand::redo() {
    guarded("SetCellTextsCommand::redo", [&] { m_document->setCellTexts(m_row, m_column, m_new); });
}

SetColumnTypeCommand::SetColumnTypeCommand(Document* document, int column, linlab::ColumnType type,
                                           QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_column(column)
    , m_type(type)
    , m_wasTyped(document->isTyped()) {
    setText(QObject::tr("Make Column %1").arg(QString::fromUtf8(linlab::columnTypeName(type))));
}

void SetColumnTypeCommand::undo() {
    guarded("SetColumnTypeCommand::undo", [&] {
        m_document->setColumn(m_column, m_old, m_oldOptions, &m_oldModel);
        if (!m_wasTyped)
            m_document->setTyped(false);
    });
}

void SetColumnTypeCommand::redo() {
    guarded("SetColumnTypeCommand::redo", [&] {
        m_document->setTyped(true);
        const linlab::SourceTable& source = m_document->source();
        m_old = source.table.column(std::size_t(m_column));
        m_oldOptions = source.design;
        m_oldModel = m_document->model();
        linlab::Column next = m_old.convertedTo(m_type, source.missingTokens);
        const linlab::DesignOptions options =
            linlab::DesignRoles::afterTypeChange(m_oldOptions, next);
        m_document->setColumn(m_column, std::move(next), options);
    });
}

SetDesignCommand::SetDesignCommand(Document* document, const linlab::DesignOptions& options,
                                   const QString& text, QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_old(document->source().design)
    , m_new(options)
    , m_oldModel(document->model()) {}

void SetDesignCommand::undo() {
    guarded("SetDesignCommand::undo", [&] { m_document->setDesignOptions(m_old, &m_oldModel); });
}

void SetDesignCommand::redo() {
    guarded("SetDesignCommand::redo", [&] { m_document->setDesignOptions(m_new); });
}

TableRowsCommand::TableRowsCommand(Document* document, Action action, int row, int count,
                                   QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_action(action)
    , m_row(row)
    , m_count(count) {
    const linlab::TypedTable& table = document->source().table;
    if (action == Action::Remove) {
        m_rows = table.rowsSlice(std::size_t(row), std::size_t(count));
        setText(count == 1 ? QObject::tr("Remove Row") : QObject::tr("Remove %1 Rows").arg(count));
    } else {
        m_rows = table.rowsSlice(0, 0);
        m_rows.insertRows(0, std::size_t(count));
        setText(count == 1 ? QObject::tr("Insert Row") : QObject::tr("Insert %1 Rows").arg(count));
    }
}

void TableRowsCommand::insert() {
    m_document->insertTableRows(m_row, m_rows);
}

void TableRowsCommand::remove() {
    m_document->removeTableRows(m_row, m_count);
}

void TableRowsCommand::undo() {
    guarded("TableRowsCommand::undo", [&] { m_action == Action::Insert ? remove() : insert(); });
}

void TableRowsCommand::redo() {
    guarded("TableRowsCommand::redo", [&] { m_action == Action::Insert ? insert() : remove(); });
}

TableColumnCommand::TableColumnCommand(Document* document, int index, const std::string& name,
                                       QUndoCommand* parent)
    : QUndoCommand(QObject::tr("Add Feature \"%1\"").arg(QString::fromStdString(name)), parent)
    , m_document(document)
    , m_adds(true)
    , m_index(index)
    , m_without(document->source().design) {
    const std::size_t n = document->source().table.rowCount();
    m_column =
        linlab::Column::numbers(name, linlab::ColumnType::Numeric, std::vector<double>(n, 0.0),
                                std::vector<linlab::CellState>(n, linlab::CellState::Present));
}

TableColumnCommand::TableColumnCommand(Document* document, int index, QUndoCommand* parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_adds(false)
    , m_index(index)
    , m_column(document->source().table.column(std::size_t(index)))
    , m_with(document->source().design)
    , m_modelWith(document->model()) {
    const linlab::TypedTable& table = document->source().table;
    m_without =
        linlab::DesignRoles::withRole(table, m_with, std::size_t(index), linlab::Role::Ignored);
    m_without.ignored.erase(
        std::remove(m_without.ignored.begin(), m_without.ignored.end(), m_column.name()),
        m_without.ignored.end());
    m_without.reference.erase(m_column.name());
    setText(QObject::tr("Remove Column \"%1\"").arg(QString::fromStdString(m_column.name())));
}

void TableColumnCommand::insert() {
    if (!m_adds) {
        m_document->insertTableColumn(m_index, m_column, m_with, &m_modelWith);
        return;
    }
    linlab::DesignOptions ignored = m_without;
    ignored.ignored.push_back(m_column.name());
    m_document->insertTableColumn(m_index, m_column, ignored);
    m_document->setDesignOptions(
        linlab::DesignRoles::withRole(m_document->source().table, m_document->source().design,
                                      std::size_t(m_index), linlab::Role::Feature));
}

void TableColumnCommand::remove() {
    m_document->removeTableColumn(m_index, m_without);
}

void TableColumnCommand::undo() {
    guarded("TableColumnCommand::undo", [&] { m_adds ? remove() : insert(); });
}

void TableColumnCommand::redo() {
    guarded("TableColumnCommand::redo", [&] { m_adds ? insert() : remove(); });
}
