#include "ui/window/ProjectBinding.h"

#include "app/document/Document.h"
#include "ui/training/TrainingSession.h"

#include <QAction>

#include <algorithm>
#include <stdexcept>

ProjectBinding::ProjectBinding(Document* document, TrainingSession* session,
                               QAction* showTransformed)
    : m_document(document)
    , m_session(session)
    , m_showTransformed(showTransformed) {}

ProjectState ProjectBinding::state() const {
    ProjectState state;
    state.dataset = m_document->dataset();
    if (m_document->isTyped())
        state.source = m_document->source();
    state.transform = m_document->transformSettings();
    state.model = m_document->model();
    state.name = m_document->name();
    state.fit = m_document->fitSettings();
    state.showTransformed = m_showTransformed->isChecked();
    readTraining(*m_session, &state);
    return state;
}

void ProjectBinding::apply(const ProjectState& state, const QString& fallbackName) const {
    const QString name = state.name.isEmpty() ? fallbackName : state.name;
    if (state.source) {
        try {
            m_document->replaceSource(*state.source, state.transform, state.model, name);
        } catch (const std::invalid_argument& e) {
            // (ProjectFile built the design when reading, so this is only a safety net.)
            throw ProjectError(e.what());
        }
    } else {
        m_document->replaceAll(state.dataset, state.transform, state.model, name);
    }
    m_document->setFitSettings(state.fit); // (checked when read)
    m_showTransformed->setChecked(state.showTransformed);
    applyTraining(state.trainingMethod, state.training, m_session);
}

void ProjectBinding::readTraining(const TrainingSession& session, ProjectState* state) {
    state->training = session.descentSettings();
    state->training.learningRate =
        session.isDefaultRate() ? 0.0 : session.learningRate(); // 0: half the bound
    state->training.momentum = session.momentum();
    state->training.batchSize = std::size_t(std::max(0, session.batchSize()));
    state->training.seed = session.seed();
    state->training.maxEpochs = std::size_t(std::max<qint64>(0, session.maxEpochs()));
    state->training.tolerance = session.tolerance();
    state->trainingMethod = session.method();
}

void ProjectBinding::applyTraining(linlab::DescentMethod method,
                                   const linlab::GradientDescentSettings& settings,
                                   TrainingSession* session) {
    session->setMethod(method);
    if (settings.learningRate > 0)
        session->setLearningRate(settings.learningRate);
    session->setMomentum(settings.momentum);
    session->setBatchSize(int(std::min<std::size_t>(settings.batchSize, 1u << 30)));
    session->setSeed(settings.seed);
    session->setMaxEpochs(qint64(settings.maxEpochs));
    session->setTolerance(settings.tolerance);
}
