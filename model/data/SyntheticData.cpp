#include "model/data/SyntheticData.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace linlab {

double SyntheticData::uniform(std::mt19937_64& rng) {
    return double(rng() >> 11) * 0x1.0p-53;
}

std::string SyntheticData::check(const SyntheticSpec& s) {
    if (s.rows == 0 || s.rows > kMaxRows)
        return "the rows must be from 1 to " + std::to_string(kMaxRows);
    if (s.weights.is_empty() || s.weights.n_elem > kMaxFeatures)
        return "give from 1 to " + std::to_string(kMaxFeatures) + " weights, one per feature";
    if (!s.weights.is_finite() || !std::isfinite(s.bias))
        return "the weights and the bias must be finite numbers";
    if (!std::isfinite(s.noise) || s.noise < 0)
        return "the noise must be a finite number from 0";
    if (!std::isfinite(s.low) || !std::isfinite(s.high) || !(s.low < s.high))
        return "the features' range must be finite, its low end below its high end";
    return {};
}

Dataset SyntheticData::generate(const SyntheticSpec& s) {
    const std::string problem = check(s);
    if (!problem.empty())
        throw std::invalid_argument("SyntheticData::generate: " + problem);
    std::mt19937_64 rng(s.seed);
    const arma::uword d = s.weights.n_elem;
    arma::mat X(s.rows, d);
    // Row by row, so the first rows do not change when more rows are asked for.
    for (arma::uword i = 0; i < s.rows; ++i)
        for (arma::uword j = 0; j < d; ++j)
            X(i, j) = s.low + (s.high - s.low) * uniform(rng);
    arma::vec y = X * s.weights + s.bias;
    if (s.noise > 0) {
        const double twoPi = 6.283185307179586;
        for (arma::uword i = 0; i < s.rows; i += 2) { // Box-Muller: two normals from two uniforms
            const double u1 = 1.0 - uniform(rng);     // (0, 1]: the log stays finite
            const double u2 = uniform(rng);
            const double r = std::sqrt(-2.0 * std::log(u1));
            y(i) += s.noise * r * std::cos(twoPi * u2);
            if (i + 1 < s.rows)
                y(i + 1) += s.noise * r * std::sin(twoPi * u2);
        }
    }
    std::vector<std::string> names;
    for (arma::uword j = 0; j < d; ++j)
        names.push_back("x" + std::to_string(j + 1));
    return Dataset(std::move(X), std::move(y), std::move(names), "y");
}

} // namespace linlab
