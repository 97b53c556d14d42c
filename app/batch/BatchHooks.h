#pragma once
// What `linlab --batch` needs from the Qt side: project files and plots. The batch command
// itself stays plain C++; the program passes an implementation (QtBatchHooks).

#include "model/data/Dataset.h"
#include "model/data/Transform.h"
#include "model/fit/FitSetup.h"
#include "model/fit/LinearModel.h"
#include "model/training/GradientDescent.h"

#include <string>

namespace linlab {

/// A project's content, as the batch command uses it.
struct BatchProject {
    Dataset dataset;
    TransformSettings transform;
    LinearModel model;
    FitSettings fit; ///< the window's fit: penalty, alpha, intercept, split, folds
};

/// A gradient-descent run, for the loss-curve plot: where it started and how it ran.
struct BatchRun {
    LinearModel start;
    GradientDescentSettings settings;
};

class BatchHooks {
public:
    virtual ~BatchHooks() = default;
    /// Reads a .linlab project; throws std::runtime_error whose message names the path and the
    /// problem.
    virtual BatchProject loadProject(const std::string& path) = 0;
    /// Writes a .linlab project atomically; throws std::runtime_error naming the path.
    virtual void saveProject(const std::string& path, const BatchProject& project) = 0;
    /// Draws plot `kind` for the project and writes it to `path` (format from the extension) at
    /// width x height pixels; a loss curve shows `run`, or a default run from the project's model
    /// when there is none. Throws std::runtime_error naming the path.
    virtual void exportPlot(const std::string& kind, const std::string& path, int width, int height,
                            const BatchProject& project, const BatchRun* run) = 0;
};

} // namespace linlab
