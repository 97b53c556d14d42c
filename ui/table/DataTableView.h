#pragma once
// The data table: a QTableView over DataTableModel with the spreadsheet gestures people expect
// (copy, paste a block, insert and remove rows and features, rename from the header, choose the
// label). Every gesture becomes an undo command on the document.

#include "model/data/Design.h"

#include <QList>
#include <QTableView>

#include <string>

class DataTableModel;
class Document;
class NumberDelegate;

class DataTableView : public QTableView {
    Q_OBJECT
public:
    /// Columns are sized to their numbers and names (a few plain ones share the width), at most
    /// this wide; a name gets at most kMaxNameWidth of it, elided in the middle past that.
    static constexpr int kMaxColumnWidth = 240;
    static constexpr int kMaxNameWidth = 150;
    explicit DataTableView(Document* document, QWidget* parent = nullptr);
    ~DataTableView() override;

    DataTableModel* tableModel() const { return m_model; }
    NumberDelegate* numberDelegate() const { return m_delegate; }

    /// The selection (or the current cell) as tab-separated text with every digit.
    QString selectionText() const;
    /// Pastes tab-, comma- or semicolon-separated numbers at the current cell, growing the
    /// table when the block is larger. One undo step. False (and a message) when refused.
    bool pasteText(const QString& text);
    /// Renames a column; refuses empty or duplicate names with a message.
    bool renameColumnTo(int column, const QString& name);
    /// Rows with at least one selected cell, ascending.
    QList<int> selectedRowList() const;
    /// The dataset rows of the selected rows (rows left out of a typed table are skipped).
    QList<int> selectedDatasetRows() const;

public slots:
    void copySelection();
    void paste();
    void insertRowBelow();
    void removeSelectedRows();
    void addFeature();
    void removeCurrentFeature();
    void renameCurrentColumn();
    void useCurrentColumnAsLabel();
    void setShowTransformed(bool transformed);
    /// Selects the table row of dataset row `datasetRow` (a click on a plot); `extend` adds it
    /// to the selection.
    void selectDataRow(int datasetRow, bool extend);

signals:
    /// Something to tell the user; `error` for refusals.
    void message(const QString& text, bool error);
    /// The selection changed: the dataset rows selected (what the plots show).
    void selectedRowsChanged(const QList<int>& rows);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void showHeaderMenu(const QPoint& pos);
    void renameColumnInteractively(int column);
    int currentColumnOrLast() const;
    void updateColumnSizing();
    bool pasteTypedText(const QString& text);
    std::string uniqueColumnName(const std::string& stem) const;
    void useTypedColumnAs(int column, linlab::Role role);
    /// True (and a message) when the current cell is a derived column's: `what` it cannot be.
    bool refuseDerivedCell(const QString& what);

    Document* m_document;
    DataTableModel* m_model;
    NumberDelegate* m_delegate;
};
