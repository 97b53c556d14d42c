#include "QtBatchHooks.h"

#include "Document.h"
#include "PlotExporter.h"
#include "PlotFactory.h"
#include "PlotView.h"
#include "ProjectFile.h"

#include <QFileInfo>
#include <memory>
#include <stdexcept>

using namespace linlab;

BatchProject QtBatchHooks::loadProject(const std::string& path)
{
    try {
        const ProjectState state = ProjectFile::load(QString::fromStdString(path));
        return BatchProject{state.dataset, state.transform, state.model};
    } catch (const ProjectError& e) {
        throw std::runtime_error(e.what());
    }
}

void QtBatchHooks::saveProject(const std::string& path, const BatchProject& project)
{
    ProjectState state;
    state.dataset = project.dataset;
    state.transform = project.transform;
    state.model = project.model;
    state.name = QFileInfo(QString::fromStdString(path)).completeBaseName();
    try {
        ProjectFile::save(QString::fromStdString(path), state);
    } catch (const ProjectError& e) {
        throw std::runtime_error(e.what());
    }
}

void QtBatchHooks::exportPlot(const std::string& kind, const std::string& path, int width, int height,
                              const BatchProject& project, const GradientDescentResult* run)
{
    const auto plotKind = PlotFactory::parseKind(QString::fromStdString(kind));
    if (!plotKind)
        throw std::runtime_error("cannot write \"" + path + "\": unknown plot \"" + kind + "\"");
    Document document;
    document.replaceAll(project.dataset, project.transform, project.model, QStringLiteral("batch"));
    std::unique_ptr<PlotView> view(PlotFactory::create(*plotKind, &document));
    Q_UNUSED(run)
    if (!view)
        throw std::runtime_error("cannot write \"" + path + "\": the plot \"" + kind + "\" is not available");
    const QSize size(width, height);
    view->resize(size);
    QString error;
    // Laid out like a window of the size divided by the scale, so text stays readable when large.
    if (!PlotExporter::exportPlot(view->plot(), QString::fromStdString(path), size, PlotExporter::suggestedScale(size), &error))
        throw std::runtime_error(error.toStdString());
}
