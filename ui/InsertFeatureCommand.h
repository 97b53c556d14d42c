#pragma once

#include <QUndoCommand>
#include <armadillo>
#include <string>

class Document;

/// Adds a feature column (zeros, or given values) with weight 0.
class InsertFeatureCommand : public QUndoCommand {
public:
    InsertFeatureCommand(Document* document, int column, const std::string& name, const arma::vec& values,
                         QUndoCommand* parent = nullptr);
    void undo() override;
    void redo() override;

private:
    Document* m_document;
    int m_column;
    std::string m_name;
    arma::vec m_values;
};
