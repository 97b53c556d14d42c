#pragma once
// LinLab project files (.linlab): JSON with "format": "linlab" and a "version" holding the data,
// names, label, transform settings, weights, bias and view settings.
//
// Version 1: the dataset as numbers ("data"). Version 2 adds "source", a typed document's table:
// every column with its name, type and cells ("values": numbers, dates in days; "codes": level
// indices into "levels"; "texts": strings), null where a cell has no value and "invalid" listing
// the rows of those that did not read (the others are missing), the listed invalid cells' texts,
// the missing tokens and the design options. A plain (all-numeric) document is still written as
// version 1, so an older LinLab opens it; only a typed one needs version 2.

#include "model/data/Dataset.h"
#include "model/data/SourceTable.h"
#include "model/data/Transform.h"
#include "model/fit/FitSetup.h"
#include "model/fit/LinearModel.h"
#include "model/training/DescentMethod.h"
#include "model/training/GradientDescent.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <stdexcept>

/// Everything a project file holds.
struct ProjectState {
    /// The numbers a fit uses: a plain document's data, or (read back) the design of `source`.
    linlab::Dataset dataset;
    /// A typed document's table, missing tokens and design options (nullopt for a plain one).
    std::optional<linlab::SourceTable> source;
    linlab::TransformSettings transform;
    linlab::LinearModel model;
    QString name;
    bool showTransformed = false;
    /// Training settings: the method (stored as "gd", "momentum" or "sgd") and the descent's.
    linlab::DescentMethod trainingMethod = linlab::DescentMethod::GradientDescent;
    linlab::GradientDescentSettings training;
    /// The fit: penalty ("none", "ridge", "lasso"), alpha, intercept, split and folds.
    linlab::FitSettings fit;
};

/// A project that cannot be read; what() says where and why.
class ProjectError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ProjectFile {
public:
    /// The newest version read and written (by a typed document).
    static constexpr int kVersion = 2;
    /// The version a plain document is written in.
    static constexpr int kPlainVersion = 1;

    /// The JSON text of a project (numbers in shortest round-trip form): version 2 with `source`
    /// (its dataset is not written: it follows from the source), else version 1.
    static QByteArray toJson(const ProjectState& state);
    /// Reads a project from JSON text; `source` names it in messages. Throws ProjectError naming
    /// the field (or the line and column of a syntax error) for anything wrong. A version 2
    /// source is checked by building its design, whose output becomes the dataset.
    static ProjectState fromJson(const QByteArray& json, const QString& source);

    /// Writes atomically (a temporary file renamed over the target). Throws ProjectError naming the
    /// path.
    static void save(const QString& path, const ProjectState& state);
    /// Reads a project file. Throws ProjectError naming the path.
    static ProjectState load(const QString& path);
};
