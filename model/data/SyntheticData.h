#pragma once
// Data whose truth the user knows (Data > Generate, as PhET and TensorFlow Playground do): n rows
// of features drawn evenly from [low, high), labels y = X w + b + noise, noise normal with the
// given standard deviation. Seeded, and the same on every machine: std::mt19937_64's raw output
// (fixed by the standard) through our own uniform and Box-Muller transforms, not the library's
// distributions. Plain C++17 + Armadillo.

#include "model/data/Dataset.h"

#include <armadillo>

#include <cstdint>
#include <random>
#include <string>

namespace linlab {

struct SyntheticSpec {
    arma::uword rows = 100;
    arma::vec weights = {2.0}; ///< one per feature (x1, x2, ...)
    double bias = 1.0;
    double noise = 1.0;        ///< the noise's standard deviation (0: exact labels)
    double low = 0, high = 10; ///< the features' range
    std::uint64_t seed = 0;
};

class SyntheticData {
public:
    /// The most rows and features generate() makes.
    static constexpr arma::uword kMaxRows = 10000000, kMaxFeatures = 1000;
    /// Why `spec` cannot be generated ("" when it can): no rows or features, too many, a weight,
    /// bias, noise or range that is not finite, noise < 0, low >= high.
    static std::string check(const SyntheticSpec& spec);
    /// The data set: features x1 .. xd, label y. Throws std::invalid_argument with check()'s
    /// message.
    static Dataset generate(const SyntheticSpec& spec);
    /// A uniform double in [0, 1) from the generator's top 53 bits.
    static double uniform(std::mt19937_64& rng);
};

} // namespace linlab
