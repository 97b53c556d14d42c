#include "app/document/ModelActions.h"

#include "app/document/Commands.h"
#include "app/document/Document.h"

#include <QCoreApplication>
#include <QUndoStack>

QString ModelActions::fitText(const linlab::FitSettings& settings) {
    const bool penalised = settings.alpha > 0 && settings.penalty != linlab::Penalty::None;
    if (penalised && settings.penalty == linlab::Penalty::Ridge)
        return QCoreApplication::translate("ModelActions", "Fit Ridge");
    if (penalised)
        return QCoreApplication::translate("ModelActions", "Fit Lasso");
    return QCoreApplication::translate("ModelActions", "Fit Least Squares");
}

void ModelActions::fitLeastSquares(Document* document) {
    document->undoStack()->push(
        new SetModelCommand(document, document->fittedModel(), fitText(document->fitSettings())));
}

void ModelActions::reset(Document* document) {
    document->undoStack()->push(
        new SetModelCommand(document, document->defaultModel(),
                            QCoreApplication::translate("ModelActions", "Reset Model")));
}
