#pragma once
// Shared by the CSV tests (tst_CsvReader, tst_CsvDialect, tst_CsvFastPath, tst_CsvFileText,
// tst_CsvWriter): reading from memory, comparing tables to the bit, and large generated files.

#include "model/io/CsvReader.h"
#include "model/io/CsvWriter.h"

#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <armadillo>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace csvtest {

inline const std::string kSource = "data.csv";

inline linlab::CsvTable read(const std::string& text, const linlab::CsvReadOptions& options = {}) {
    return linlab::CsvReader::readString(text, kSource, options);
}

// Names joined with '|', so one QCOMPARE shows them all.
inline QString joined(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i ? "|" : "") + names[i];
    return QString::fromStdString(out);
}

// A 1 x 1 matrix; arma::mat{{v}} is ambiguous.
inline arma::mat scalar(double v) {
    return arma::mat(1, 1, arma::fill::value(v));
}

inline bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

inline linlab::CsvReadOptions options(char delimiter, char decimal,
                                      linlab::CsvReadOptions::Header header) {
    linlab::CsvReadOptions o;
    o.delimiter = delimiter;
    o.decimal = decimal;
    o.header = header;
    return o;
}

// Every value of `a` and `b` has the same bit pattern (so -0 and 0 differ).
inline bool bitExact(const arma::mat& a, const arma::mat& b) {
    if (a.n_rows != b.n_rows || a.n_cols != b.n_cols)
        return false;
    for (arma::uword i = 0; i < a.n_elem; ++i)
        if (!(a(i) == b(i)) || !sameBits(a(i), b(i)))
            return false;
    return true;
}

// The reader's three ways of reading (fast path in one thread, in two, the RFC 4180 scanner
// alone): the table's values, names and settings, or the error message, as one string.
inline std::string outcome(const std::string& text, int way, linlab::CsvReadOptions o = {}) {
    if (way == 1)
        o.parallelMinBytes = 1;
    if (way == 2)
        o.fastPath = false;
    try {
        const linlab::CsvTable t = linlab::CsvReader::readString(text, kSource, o);
        std::string out = std::string(1, t.delimiter) + t.decimal + (t.hadHeader ? "H" : "-");
        for (const std::string& name : t.names)
            out += "|" + name;
        for (arma::uword i = 0; i < t.data.n_elem; ++i) {
            std::uint64_t bits = 0;
            std::memcpy(&bits, &t.data(i), sizeof bits);
            out += " " + std::to_string(bits);
        }
        return out + " " + std::to_string(t.data.n_rows) + "x" + std::to_string(t.data.n_cols);
    } catch (const std::exception& e) {
        return std::string("error: ") + e.what();
    }
}

// n rows x 3 columns of varied values, written as LinLab writes them (shortest round trip).
inline arma::mat variedData(arma::uword n) {
    std::mt19937_64 random(42);
    std::uniform_real_distribution<double> value(-1e3, 1e3);
    arma::mat data(n, 3);
    for (double& v : data)
        v = value(random);
    data(0, 0) = 1e-300;
    data(1, 1) = -0.0;
    data(2, 2) = 123456789012345678.0;
    return data;
}

// The text of `data` under the header a,b,y; line k + 2 holds row k.
inline std::string variedText(const arma::mat& data) {
    return linlab::CsvWriter::toString({"a", "b", "y"}, data);
}

inline std::string writeTemp(const QTemporaryDir& dir, const std::string& text) {
    const QString path = dir.filePath(QStringLiteral("big.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), qint64(text.size())) != qint64(text.size()))
        return {};
    return path.toStdString();
}

// Where line `line` (1-based) of `text` starts.
inline std::size_t lineStart(const std::string& text, std::size_t line) {
    std::size_t at = 0;
    for (std::size_t l = 1; l < line; ++l)
        at = text.find('\n', at) + 1;
    return at;
}

// Replaces the first field of line `line` of `text` with `field`.
inline std::string withFirstField(std::string text, std::size_t line, const std::string& field) {
    const std::size_t at = lineStart(text, line);
    return text.replace(at, text.find(',', at) - at, field);
}

} // namespace csvtest
