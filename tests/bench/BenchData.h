#pragma once
// The benchmark's data: label = X w + b + noise, features with offsets, from a fixed seed, so
// linlab-bench and compare_numpy.py (which reads the CSVs written here) time the same numbers.

#include "model/data/Dataset.h"

#include <armadillo>
#include <string>

class BenchData {
public:
    /// n rows, d features: x_j = 10 (j + 1) + (1 + j / 2) z, w_j = +-(0.5 + j / 4), b = 3,
    /// noise N(0, 1); the seed depends on n and d only.
    static linlab::Dataset generate(arma::uword n, arma::uword d);
    /// The true weights and bias used by generate() (for a readable report).
    static arma::vec trueWeights(arma::uword d);

    /// "bench_n<N>_d<D>.csv": the file name both benchmark programs agree on.
    static std::string csvName(arma::uword n, arma::uword d);
    /// "lstsq_n<N>_d<D>.json": LinLab's least-squares fit, for the NumPy cross-check.
    static std::string lstsqName(arma::uword n, arma::uword d);

    /// Writes the dataset as CSV (header, ',' delimiter, shortest round-trip numbers) to `path`
    /// via a temporary file and a rename, unless `path` already holds it. Throws
    /// std::runtime_error.
    static void writeCsv(const linlab::Dataset& data, const std::string& path);
    /// "bench_real_n<N>.csv": the real-data case's file.
    static std::string realCsvName(arma::uword n);
    /// Writes the real-data case's CSV to `path` (as writeCsv, unless it holds it already): n
    /// rows of x1..x8 (4 decimals, each cell "NA" with probability 1%), colour (5 levels), size
    /// (3 levels) and y = 3 + sum w_j x_j + the levels' effects + N(0, 1). Throws
    /// std::runtime_error.
    static void writeRealCsv(arma::uword n, const std::string& path);
    /// Writes {"n", "d", "weights": [...], "bias", "mse"} with round-trip numbers.
    static void writeLstsqJson(const std::string& path, arma::uword n, const arma::vec& weights,
                               double bias, double mse);
};
