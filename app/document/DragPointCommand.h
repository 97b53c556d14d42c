#pragma once
// One drag of a data point in a plot, as an undo command: the row's label and/or the feature on
// x follow the mouse, the fit and every view follow the document, and the whole drag is one undo
// step (Qt's mergeWith, as a slider drag). The edit is real data: in a typed document the cells
// of the typed table change, saved with the project like any typed edit.

#include <QUndoCommand>

#include <utility>
#include <vector>

class Document;

class DragPointCommand : public QUndoCommand {
public:
    static constexpr int kId = 0x4450; // "DP"
    /// (dataset column, value): column featureCount() is the label.
    using Cells = std::vector<std::pair<int, double>>;

    /// Sets `cells` of dataset row `row`; commands of the same non-zero `dragId` on the same row
    /// and columns merge. Check canDrag() first.
    DragPointCommand(Document* document, int row, Cells cells, int dragId,
                     QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;

    /// True when dataset column `column` of `document` holds plain numbers a drag may change: any
    /// column of a plain document; in a typed one a numeric table column (not a dummy or date).
    static bool canDrag(const Document* document, int column);

private:
    /// Writes `values` (one per cell column) into the row.
    void write(const std::vector<double>& values);

    Document* m_document;
    int m_row;
    std::vector<int> m_columns;
    std::vector<double> m_old, m_new;
    int m_dragId;
};
