#include "app/document/ModelActions.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"

#include <QCoreApplication>
#include <QUndoStack>

void ModelActions::fitLeastSquares(Document* document) {
    document->undoStack()->push(
        new SetModelCommand(document, document->leastSquaresModel(),
                            QCoreApplication::translate("ModelActions", "Fit Least Squares")));
}

void ModelActions::reset(Document* document) {
    document->undoStack()->push(
        new SetModelCommand(document, document->defaultModel(),
                            QCoreApplication::translate("ModelActions", "Reset Model")));
}
