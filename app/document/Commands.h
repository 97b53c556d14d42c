#pragma once

// The document's undo commands, one pair of files as in Qt's undo-framework example.
// Every change a user makes to the document is one of these, pushed on its undo stack.

#include "model/data/ColumnType.h"
#include "model/data/Design.h"
#include "model/data/Transform.h"
#include "model/data/TypedTable.h"
#include "model/fit/LinearModel.h"

#include <QUndoCommand>
#include <armadillo>
#include <string>
#include <vector>

class Document;

/// Adds a feature column (zeros, or given values) with weight 0.
class InsertFeatureCommand : public QUndoCommand {
public:
    InsertFeatureCommand(Document* document, int column, const std::string& name,
                         const arma::vec& values, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_column;
    std::string m_name;
    arma::vec m_values;
};

/// Inserts rows (zeros, or given values) at a position.
class InsertRowsCommand : public QUndoCommand {
public:
    InsertRowsCommand(Document* document, int row, const arma::mat& values,
                      QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_row;
    arma::mat m_values;
};

/// Removes a feature column; undo restores its values, name and weight.
class RemoveFeatureCommand : public QUndoCommand {
public:
    RemoveFeatureCommand(Document* document, int column, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_column;
    std::string m_name;
    arma::vec m_values;
    double m_weight;
};

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

/// Renames a feature or the label.
class RenameColumnCommand : public QUndoCommand {
public:
    RenameColumnCommand(Document* document, int column, const std::string& name,
                        QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_column;
    std::string m_old, m_new;
    std::vector<linlab::DerivedSpec> m_derived; // their exact text comes back on undo
};

/// Makes a feature the label (the old label becomes that feature). The model's weights are
/// meaningless afterwards, so it goes back to the default; undo restores it.
class SetLabelColumnCommand : public QUndoCommand {
public:
    SetLabelColumnCommand(Document* document, int featureColumn, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_column;
    linlab::LinearModel m_oldModel;
};

/// Changes the weights and bias. Commands with the same non-zero drag id merge, so one whole
/// slider drag (or one spin-box typing session) is one undo step.
class SetModelCommand : public QUndoCommand {
public:
    static constexpr int kId = 0x4c4d; // "LM"

    SetModelCommand(Document* document, const linlab::LinearModel& model, const QString& text,
                    int dragId = 0, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    Document* m_document;
    linlab::LinearModel m_old, m_new;
    int m_dragId;
};

/// Changes the scale factor, normalisation or ddof.
class SetTransformCommand : public QUndoCommand {
public:
    SetTransformCommand(Document* document, const linlab::TransformSettings& settings,
                        QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    linlab::TransformSettings m_old, m_new;
};

/// Overwrites a rectangle of cells (one edit, or a paste); undo restores the old values
/// bit-exactly.
class SetValuesCommand : public QUndoCommand {
public:
    SetValuesCommand(Document* document, int row, int column, const arma::mat& values,
                     const QString& text, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_row, m_column;
    arma::mat m_old, m_new;
};

// --- Typed documents (Document::isTyped()): rows and columns in table coordinates --------------

/// Writes cell texts into a typed table (one edit, or a paste); undo writes the old texts back
/// (numbers in shortest round-trip form, so bit-exactly). Push only texts that
/// Document::checkCellText accepts.
class SetCellTextsCommand : public QUndoCommand {
public:
    SetCellTextsCommand(Document* document, int row, int column,
                        std::vector<std::vector<std::string>> texts, const QString& text,
                        QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_row, m_column;
    std::vector<std::vector<std::string>> m_old, m_new;
};

/// Changes a column's type (re-reading its cells); a plain document becomes a typed one first
/// and goes back to plain on undo. Check Document::checkColumnType before pushing.
class SetColumnTypeCommand : public QUndoCommand {
public:
    SetColumnTypeCommand(Document* document, int column, linlab::ColumnType type,
                         QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_column;
    linlab::ColumnType m_type;
    bool m_wasTyped;
    linlab::Column m_old;
    linlab::DesignOptions m_oldOptions;
    linlab::LinearModel m_oldModel;
};

/// Changes the design: roles, fills, reference levels. Undo restores the options and the model.
class SetDesignCommand : public QUndoCommand {
public:
    SetDesignCommand(Document* document, const linlab::DesignOptions& options, const QString& text,
                     QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    linlab::DesignOptions m_old, m_new;
    linlab::LinearModel m_oldModel;
};

/// Inserts typed rows of missing cells, or removes typed rows (undo puts the same cells back).
class TableRowsCommand : public QUndoCommand {
public:
    enum class Action { Insert, Remove };
    TableRowsCommand(Document* document, Action action, int row, int count,
                     QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    void insert();
    void remove();

    Document* m_document;
    Action m_action;
    int m_row, m_count;
    linlab::TypedTable m_rows; // the removed cells, or the inserted empty ones
};

/// Adds a numeric feature column of zeros, or removes a column (undo restores it, its role and
/// the model).
class TableColumnCommand : public QUndoCommand {
public:
    /// Adds column `name` at `index`.
    TableColumnCommand(Document* document, int index, const std::string& name,
                       QUndoCommand* parent = nullptr);
    /// Removes column `index`.
    TableColumnCommand(Document* document, int index, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    void insert();
    void remove();

    Document* m_document;
    bool m_adds;
    int m_index;
    linlab::Column m_column;
    linlab::DesignOptions m_without, m_with;
    linlab::LinearModel m_modelWith;
};
