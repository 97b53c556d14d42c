#pragma once
// A standalone NumPy script that repeats the lesson's steps on a dataset with LinLab's current
// settings and prints the batch report's keys as JSON: the code that reproduces what LinLab
// shows. Plain C++17 + Armadillo.

#include "model/data/Dataset.h"
#include "model/data/Transform.h"
#include "model/fit/LinearModel.h"
#include "model/training/GradientDescent.h"

#include <optional>
#include <string>

namespace linlab {

class NumpyScript {
public:
    /// The script's text: embeds the data, scales and normalises as `settings` say, predicts with
    /// `model` (in transformed units), computes MSE and gradients and least squares, and, when
    /// `gd` is given, runs full-batch gradient descent from `model` with those settings.
    static std::string generate(const Dataset& data, const TransformSettings& settings,
                                const LinearModel& model,
                                const std::optional<GradientDescentSettings>& gd = std::nullopt);
};

} // namespace linlab
