#pragma once
// What a project file holds of the window, field by field, in one place: the document (data or
// typed source, transform, model, name), the "transformed values" switch and the training
// settings. The window saves, autosaves and loads through it; the batch's plot hooks put a run's
// settings into their offscreen training session through applyTraining(). A new saved setting is
// added here (and in ProjectState and ProjectFile), nowhere else.

#include "app/document/ProjectFile.h"

class Document;
class QAction;
class QString;
class TrainingSession;

class ProjectBinding {
public:
    /// `showTransformed` is the checkable action of the table's transformed view.
    ProjectBinding(Document* document, TrainingSession* session, QAction* showTransformed);

    /// The window's state as a project holds it.
    ProjectState state() const;
    /// Puts `state` into the document (a typed source through replaceSource, else the dataset),
    /// the switch and the session (in that order: the session follows the new data).
    /// `fallbackName` names the document when the project has no name. Throws ProjectError, and
    /// changes nothing, when the source's design cannot be built.
    void apply(const ProjectState& state, const QString& fallbackName) const;

    /// The session's method and settings into `state` (a rate that follows the data is saved as
    /// 0, which means "half the bound" when read back).
    static void readTraining(const TrainingSession& session, ProjectState* state);
    /// `method` and `settings` into `session`; a rate of 0 or less keeps the data's default.
    static void applyTraining(linlab::DescentMethod method,
                              const linlab::GradientDescentSettings& settings,
                              TrainingSession* session);

private:
    Document* m_document;
    TrainingSession* m_session;
    QAction* m_showTransformed;
};
