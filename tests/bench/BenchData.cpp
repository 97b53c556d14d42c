#include "tests/bench/BenchData.h"

#include <charconv>
#include <cmath>
#include <cstdint>
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

// The fully specified random numbers of both generators (std::normal_distribution is not).
class BenchRandom {
public:
    explicit BenchRandom(std::uint64_t seed)
        : m_random(seed) {}
    double uniform() { return (static_cast<double>(m_random() >> 11) + 0.5) * 0x1.0p-53; }
    double normal() {
        // Marsaglia polar method on the fully specified uniforms.
        for (;;) {
            const double u = 2 * uniform() - 1, v = 2 * uniform() - 1;
            const double s = u * u + v * v;
            if (s > 0 && s < 1)
                return u * std::sqrt(-2 * std::log(s) / s);
        }
    }
    std::uint64_t below(std::uint64_t k) { return m_random() % k; }

private:
    std::mt19937_64 m_random;
};

// Writes `header` and then rows from `row(i, text)` to `path` through a temporary file and a
// rename, unless `path` already starts with `header` (the data are deterministic).
template <class Row>
void writeRows(const std::string& path, const std::string& header, arma::uword n, Row row) {
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
        row(i, chunk);
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

} // namespace

arma::vec BenchData::trueWeights(arma::uword d) {
    arma::vec w(d);
    for (arma::uword j = 0; j < d; ++j)
        w(j) = (j % 2 ? -1.0 : 1.0) * (0.5 + 0.25 * static_cast<double>(j));
    return w;
}

linlab::Dataset BenchData::generate(arma::uword n, arma::uword d) {
    BenchRandom random(20261125ULL * 1000003ULL + n * 131ULL + d);
    auto normal = [&random] { return random.normal(); };
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
    writeRows(path, header, n, [&](arma::uword i, std::string& out) {
        for (arma::uword j = 0; j < d; ++j) {
            appendNumber(out, data.features()(i, j));
            out += ',';
        }
        appendNumber(out, data.labels()(i));
        out += '\n';
    });
}

std::string BenchData::realCsvName(arma::uword n) {
    return "bench_real_n" + std::to_string(n) + ".csv";
}

void BenchData::writeRealCsv(arma::uword n, const std::string& path) {
    static const char* const colours[] = {"blue", "green", "orange", "red", "violet"};
    static const double colourEffect[] = {0.0, 1.5, -2.0, 3.0, 0.5};
    static const char* const sizes[] = {"large", "medium", "small"};
    static const double sizeEffect[] = {4.0, 0.0, -1.0};
    constexpr arma::uword d = 8;
    const arma::vec w = trueWeights(d);
    BenchRandom random(20261201ULL * 1000003ULL + n);
    std::string header;
    for (arma::uword j = 0; j < d; ++j)
        header += "x" + std::to_string(j + 1) + ",";
    header += "colour,size,y\n";
    writeRows(path, header, n, [&](arma::uword, std::string& out) {
        double label = 3.0;
        for (arma::uword j = 0; j < d; ++j) {
            const double x = 10.0 * static_cast<double>(j + 1) +
                             (1.0 + 0.5 * static_cast<double>(j)) * random.normal();
            label += w(j) * x;
            if (random.uniform() < 0.01) {
                out += "NA,";
                continue;
            }
            char buffer[32];
            const auto r =
                std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed, 4);
            out.append(buffer, r.ptr);
            out += ',';
        }
        const std::uint64_t colour = random.below(5), size = random.below(3);
        label += colourEffect[colour] + sizeEffect[size] + random.normal();
        out += colours[colour];
        out += ',';
        out += sizes[size];
        out += ',';
        appendNumber(out, label);
        out += '\n';
    });
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
