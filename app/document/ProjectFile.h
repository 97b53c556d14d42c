#pragma once
// LinLab project files (.linlab): JSON with "format": "linlab" and "version": 1 holding the data,
// names, label, transform settings, weights, bias and view settings.

#include "model/data/Dataset.h"
#include "model/data/Transform.h"
#include "model/fit/LinearModel.h"
#include "model/training/DescentMethod.h"
#include "model/training/GradientDescent.h"

#include <QByteArray>
#include <QString>
#include <stdexcept>

/// Everything a project file holds.
struct ProjectState {
    linlab::Dataset dataset;
    linlab::TransformSettings transform;
    linlab::LinearModel model;
    QString name;
    bool showTransformed = false;
    /// Training settings: the method (stored as "gd", "momentum" or "sgd") and the descent's.
    linlab::DescentMethod trainingMethod = linlab::DescentMethod::GradientDescent;
    linlab::GradientDescentSettings training;
};

/// A project that cannot be read; what() says where and why.
class ProjectError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ProjectFile {
public:
    static constexpr int kVersion = 1;

    /// The JSON text of a project (numbers in shortest round-trip form).
    static QByteArray toJson(const ProjectState& state);
    /// Reads a project from JSON text; `source` names it in messages. Throws ProjectError naming
    /// the field (or the line and column of a syntax error) for anything wrong.
    static ProjectState fromJson(const QByteArray& json, const QString& source);

    /// Writes atomically (a temporary file renamed over the target). Throws ProjectError naming the
    /// path.
    static void save(const QString& path, const ProjectState& state);
    /// Reads a project file. Throws ProjectError naming the path.
    static ProjectState load(const QString& path);
};
