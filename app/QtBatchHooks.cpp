#include "app/QtBatchHooks.h"

#include "app/document/Document.h"
#include "app/document/ProjectFile.h"
#include "ui/plots/PlotExporter.h"
#include "ui/plots/PlotFactory.h"
#include "ui/plots/PlotView.h"
#include "ui/training/LossCurveView.h"
#include "ui/training/LossLandscapeView.h"
#include "ui/training/TrainingSession.h"
#include "ui/window/ProjectBinding.h"

#include <QFileInfo>
#include <memory>
#include <stdexcept>

using namespace linlab;

BatchProject QtBatchHooks::loadProject(const std::string& path) {
    try {
        // A typed project (version 2) gives its design's output: the rows used, dummies expanded.
        const ProjectState state = ProjectFile::load(QString::fromStdString(path));
        return BatchProject{state.dataset, state.transform, state.model, state.fit};
    } catch (const ProjectError& e) {
        throw std::runtime_error(e.what());
    }
}

void QtBatchHooks::saveProject(const std::string& path, const BatchProject& project) {
    ProjectState state;
    state.dataset = project.dataset;
    state.transform = project.transform;
    state.model = project.model;
    state.fit = project.fit;
    state.name = QFileInfo(QString::fromStdString(path)).completeBaseName();
    try {
        ProjectFile::save(QString::fromStdString(path), state);
    } catch (const ProjectError& e) {
        throw std::runtime_error(e.what());
    }
}

void QtBatchHooks::exportPlot(const std::string& kind, const std::string& path, int width,
                              int height, const BatchProject& project, const BatchRun* run) {
    // With a run, the project holds its start: the curve and the landscape show the descent.
    Document document;
    document.replaceAll(project.dataset, project.transform, project.model, QStringLiteral("batch"));
    document.setFitSettings(project.fit); // its test rows drawn as in the window
    const QSize size(width, height);
    QCustomPlot* plot = nullptr;
    std::unique_ptr<TrainingSession> session; // declared first: the views below refer to it
    std::unique_ptr<QWidget> owner;
    const std::optional<PlotKind> plotKind = parsePlotKind(kind);
    if (!plotKind)
        throw std::runtime_error("cannot write \"" + path + "\": unknown plot \"" + kind + "\"");
    if (plotKindInfo(*plotKind).training) {
        session = std::make_unique<TrainingSession>(&document);
        const GradientDescentSettings settings = run ? run->settings : GradientDescentSettings{};
        ProjectBinding::applyTraining(descentMethodOf(settings), settings, session.get());
        if (run || *plotKind == PlotKind::LossCurve)
            session->toEnd();
        if (*plotKind == PlotKind::LossSurface) {
            auto* view = new LossLandscapeView(&document);
            view->setSession(session.get());
            owner.reset(view);
            plot = view->plot();
        } else {
            auto* view = new LossCurveView(session.get());
            owner.reset(view);
            plot = view->plot();
        }
    } else {
        PlotView* view = PlotFactory::create(*plotKind, &document);
        owner.reset(view);
        plot = view->plot();
    }
    owner->resize(size);
    QString error;
    // Laid out like a window of the size divided by the scale, so text stays readable when large.
    if (!PlotExporter::exportPlot(plot, QString::fromStdString(path), size,
                                  PlotExporter::suggestedScale(size), &error))
        throw std::runtime_error(error.toStdString());
}
