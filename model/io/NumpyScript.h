#pragma once
// A standalone NumPy script that repeats the lesson's steps on a dataset with LinLab's current
// settings and prints the batch report's keys as JSON: the code that reproduces what LinLab
// shows: from the dataset's numbers, or from a typed table's raw values. Plain C++17 + Armadillo.

#include "model/data/Dataset.h"
#include "model/data/DerivedFeature.h"
#include "model/data/SourceTable.h"
#include "model/data/Transform.h"
#include "model/fit/LinearModel.h"
#include "model/training/GradientDescent.h"

#include <optional>
#include <string>
#include <vector>

namespace linlab {

class NumpyScript {
public:
    /// The script's text: embeds the data, scales and normalises as `settings` say, predicts with
    /// `model` (in transformed units), computes MSE and gradients and least squares, and, when
    /// `gd` is given, runs full-batch gradient descent from `model` with those settings.
    static std::string generate(const Dataset& data, const TransformSettings& settings,
                                const LinearModel& model,
                                const std::optional<GradientDescentSettings>& gd = std::nullopt);
    /// The same when the last `derived.size()` features of `data` are these derived features:
    /// the script embeds the others and computes them with NumPy (np.log, **, ...).
    static std::string generate(const Dataset& data, const std::vector<DerivedSpec>& derived,
                                const TransformSettings& settings, const LinearModel& model,
                                const std::optional<GradientDescentSettings>& gd = std::nullopt);
    /// The script of a typed table: embeds its raw label and feature columns (nan and None where
    /// missing, dates in days) and does in NumPy what the design does (the rows used, the fills,
    /// the dummies COLUMN=LEVEL, k - 1 per category, with Design's reference level), then as
    /// above; dummies stay 0/1 through the transform. Derived features of the design are computed
    /// in NumPy after the others. Adds n_rows, excluded_rows and imputed to
    /// the report. Throws std::invalid_argument when the design cannot be built or `model` has
    /// another number of weights than its features.
    static std::string generate(const SourceTable& source, const TransformSettings& settings,
                                const LinearModel& model,
                                const std::optional<GradientDescentSettings>& gd = std::nullopt);
};

} // namespace linlab
