#pragma once

#include <QUndoCommand>
#include <armadillo>
#include <string>

class Document;

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
