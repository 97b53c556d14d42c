#pragma once
// The data sets LinLab opens in one click (File > Open Example, `--batch --example NAME`): the
// lesson's data, its practice exercise, Anscombe's quartet and the Palmer penguins. Each is CSV
// text with the label, the ignored columns, the transform and the model it opens with.
// Plain C++17 + Armadillo.

#include "model/data/Transform.h"

#include <armadillo>

#include <string>
#include <vector>

namespace linlab {

struct Example {
    std::string name;  ///< what --example takes: lesson, practice, anscombe, penguins
    std::string title; ///< the menu's text
    std::string about; ///< one or two sentences: what it shows and where it comes from
    std::string csv;   ///< the table, a header row then one row per sample
    std::string label; ///< the label column
    std::vector<std::string> ignored; ///< columns that are no feature
    TransformSettings transform;
    arma::vec weights; ///< the model it opens with (empty: zeros)
    double bias = 0;
};

class Examples {
public:
    /// Every example, in the menu's order.
    static const std::vector<Example>& all();
    /// The example called `name`, or nullptr.
    static const Example* find(const std::string& name);
    /// "lesson, practice, anscombe, penguins": for messages.
    static std::string names();
};

/// The Palmer penguins CSV (resources/examples/penguins.csv), built into the program.
const char* penguinsCsv();

} // namespace linlab
