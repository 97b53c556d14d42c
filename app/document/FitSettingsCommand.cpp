#include "app/document/FitSettingsCommand.h"

#include "app/document/Document.h"

FitSettingsCommand::FitSettingsCommand(Document* document, const linlab::FitSettings& settings,
                                       const QString& text, int dragId, bool refit,
                                       QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_old(document->fitSettings())
    , m_new(settings)
    , m_oldModel(document->model())
    , m_dragId(dragId)
    , m_refit(refit) {
    linlab::FitSetup::check(settings);
}

void FitSettingsCommand::undo() {
    m_document->setFitSettings(m_old);
    const linlab::LinearModel& now = m_document->model();
    if (m_oldModel.weights().n_elem == now.weights().n_elem &&
        (m_oldModel.bias() != now.bias() || arma::any(m_oldModel.weights() != now.weights())))
        m_document->setModel(
            m_oldModel); // the refit's, or the bias going through the origin zeroed
}

void FitSettingsCommand::redo() {
    m_document->setFitSettings(m_new);
    if (m_refit)
        m_document->setModel(m_document->fittedModel());
}

bool FitSettingsCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const FitSettingsCommand*>(other);
    if (m_dragId == 0 || next->m_dragId != m_dragId || next->m_refit != m_refit)
        return false;
    m_new = next->m_new;
    return true;
}
