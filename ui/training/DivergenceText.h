#pragma once
// Why a gradient-descent run diverged, in words: past the stable bound (and the rate to try), a
// mini-batch steeper than the whole data, or numbers past the largest double.

#include "model/training/GradientDescent.h"

#include <QString>

#include <cstddef>

class DivergenceText {
public:
    /// The explanation of diverged run `r` made with settings `run` on `rows` rows, whose
    /// full-batch stable bound (momentum included) is `bound`.
    static QString explain(const linlab::GradientDescentResult& r,
                           const linlab::GradientDescentSettings& run, double bound,
                           std::size_t rows);
};
