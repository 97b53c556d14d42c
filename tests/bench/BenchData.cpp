#include "tests/bench/BenchData.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <vector>

namespace {

// Appends the shortest text that reads back to exactly `value`.
void appendNumber(std::string& out, double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

} // namespace

arma::vec BenchData::trueWeights(arma::uword d) {
    arma::vec w(d);
    for (arma::uword j = 0; j < d; ++j)
        w(j) = (j % 2 ? -1.0 : 1.0) * (0.5 + 0.25 * static_cast<double>(j));
    return w;
}

linlab::Dataset BenchData::generate(arma::uword n, arma::uword d) {
    // std::mt19937_64 and the Box-Muller-free normal below are fully specified, so the data do
    // not depend on the standard library's std::normal_distribution.
    std::mt19937_64 random(20261125ULL * 1000003ULL + n * 131ULL + d);
    auto uniform = [&random] { return (static_cast<double>(random() >> 11) + 0.5) * 0x1.0p-53; };
    auto normal = [&] {
        // Marsaglia polar method on the fully specified uniforms.
        for (;;) {
            const double u = 2 * uniform() - 1, v = 2 * uniform() - 1;
            const double s = u * u + v * v;
            if (s > 0 && s < 1)
                return u * std::sqrt(-2 * std::log(s) / s);
        }
    };
    const arma::vec w = trueWeights(d);
    const double b = 3.0;
    arma::mat X(n, d);
    arma::vec y(n);
    for (arma::uword i = 0; i < n; ++i) {
        double label = b;
        for (arma::uword j = 0; j < d; ++j) {
            const double x =
                10.0 * static_cast<double>(j + 1) + (1.0 + 0.5 * static_cast<double>(j)) * normal();
            X(i, j) = x;
            label += w(j) * x;
        }
        y(i) = label + normal();
    }
    std::vector<std::string> names;
    for (arma::uword j = 0; j < d; ++j)
        names.push_back("x" + std::to_string(j + 1));
    return linlab::Dataset(std::move(X), std::move(y), std::move(names), "y");
}

std::string BenchData::csvName(arma::uword n, arma::uword d) {
    return "bench_n" + std::to_string(n) + "_d" + std::to_string(d) + ".csv";
}

std::string BenchData::lstsqName(arma::uword n, arma::uword d) {
    return "lstsq_n" + std::to_string(n) + "_d" + std::to_string(d) + ".json";
}

void BenchData::writeCsv(const linlab::Dataset& data, const std::string& path) {
    const arma::uword n = data.rowCount(), d = data.featureCount();
    std::string header;
    for (arma::uword j = 0; j < d; ++j)
        header += data.featureNames()[j] + ",";
    header += data.labelName() + "\n";

    // The data are deterministic, so an existing file of the same name holds them already
    // (it is only ever created complete, by the rename below). Check its first line anyway.
    if (std::filesystem::is_regular_file(path)) {
        std::ifstream in(path);
        std::string first;
        if (std::getline(in, first) && first + "\n" == header)
            return;
    }

    const std::string temporary = path + ".tmp";
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file)
        throw std::runtime_error("cannot write " + temporary);
    std::string chunk = header;
    chunk.reserve(1 << 20);
    bool ok = true;
    for (arma::uword i = 0; i < n && ok; ++i) {
        for (arma::uword j = 0; j < d; ++j) {
            appendNumber(chunk, data.features()(i, j));
            chunk += ',';
        }
        appendNumber(chunk, data.labels()(i));
        chunk += '\n';
        if (chunk.size() >= (1 << 20) - 512) {
            ok = std::fwrite(chunk.data(), 1, chunk.size(), file) == chunk.size();
            chunk.clear();
        }
    }
    ok = ok && std::fwrite(chunk.data(), 1, chunk.size(), file) == chunk.size();
    ok = std::fclose(file) == 0 && ok;
    if (!ok) {
        std::remove(temporary.c_str());
        throw std::runtime_error("cannot write " + temporary);
    }
    std::filesystem::rename(temporary, path);
}

void BenchData::writeLstsqJson(const std::string& path, arma::uword n, const arma::vec& weights,
                               double bias, double mse) {
    std::string text = "{\"n\": " + std::to_string(n) +
                       ", \"d\": " + std::to_string(weights.n_elem) + ", \"weights\": [";
    for (arma::uword j = 0; j < weights.n_elem; ++j) {
        if (j)
            text += ", ";
        appendNumber(text, weights(j));
    }
    text += "], \"bias\": ";
    appendNumber(text, bias);
    text += ", \"mse\": ";
    appendNumber(text, mse);
    text += "}\n";
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out)
        throw std::runtime_error("cannot write " + path);
}
