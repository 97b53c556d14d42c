#pragma once
// The dialog behind "Add Derived Feature…" and "Edit Derived Feature…": a name, an expression, the
// column names to insert (in brackets, so any name works) and a live line below: the feature's
// first values, or the model's message naming the expression and the first bad row. OK pushes
// one DerivedFeatureCommand; nothing changes while the design refuses the feature.

#include "model/data/DerivedFeature.h"

#include <QDialog>

#include <vector>

class Document;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTimer;

class DerivedFeatureDialog : public QDialog {
    Q_OBJECT
public:
    /// Edits derived feature `editIndex`, or (-1) adds one whose expression starts from table
    /// column `column` (when it can be a source; -1: none).
    DerivedFeatureDialog(Document* document, int editIndex, int column, QWidget* parent = nullptr);

    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* expressionEdit() const { return m_expression; }
    QListWidget* columnList() const { return m_columns; }
    /// The preview line as shown.
    QString previewText() const;
    /// True when the design accepts the feature as it stands (OK is enabled).
    bool isAcceptable() const { return m_acceptable; }
    /// The document's derived features with this one added or edited (a renamed feature's later
    /// readers follow the new name).
    std::vector<linlab::DerivedSpec> derivedList() const;
    /// Evaluates the feature now and updates the preview line and OK (typing does it after a
    /// short pause).
    void updatePreview();
    /// Inserts column `name`, in brackets, at the expression's cursor.
    void insertColumn(const QString& name);

public slots:
    void accept() override;

private:
    QStringList columnNames() const;

    Document* m_document;
    int m_editIndex;
    QLineEdit* m_name;
    QLineEdit* m_expression;
    QListWidget* m_columns;
    QLabel* m_preview;
    QDialogButtonBox* m_buttons;
    QTimer* m_pause;
    bool m_acceptable = false;
};
