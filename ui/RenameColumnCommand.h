#pragma once

#include <QUndoCommand>
#include <string>

class Document;

/// Renames a feature or the label.
class RenameColumnCommand : public QUndoCommand {
public:
    RenameColumnCommand(Document* document, int column, const std::string& name, QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_column;
    std::string m_old, m_new;
};
