#include "model/io/CsvWriter.h"

#include "model/io/AtomicFile.h"
#include "model/io/NumberFormat.h"

#include <stdexcept>

namespace linlab {

namespace {

void checkOptions(const CsvWriteOptions& options) {
    const char d = options.delimiter;
    // Quotes, line breaks and anything that can appear inside a number cannot delimit.
    if (d == '"' || d == '\n' || d == '\r' || d == '\0' || d == '.' || d == '-' || d == '+' ||
        d == 'e' || d == 'E' || (d >= '0' && d <= '9'))
        throw std::invalid_argument("CsvWriter: unusable delimiter");
    if (options.decimal != '.' && options.decimal != ',')
        throw std::invalid_argument("CsvWriter: the decimal separator must be '.' or ','");
    if (options.decimal == ',' && d != ';' && d != '\t')
        throw std::invalid_argument("CsvWriter: a decimal comma needs the delimiter ';' or tab");
}

bool needsQuotes(const std::string& name, char delimiter) {
    if (name.empty())
        return false;
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    if (blank(name.front()) || blank(name.back()))
        return true;
    for (char c : name)
        if (c == delimiter || c == '"' || c == '\r' || c == '\n')
            return true;
    return false;
}

void appendName(std::string& out, const std::string& name, char delimiter) {
    if (!needsQuotes(name, delimiter)) {
        out += name;
        return;
    }
    out += '"';
    for (char c : name) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

std::string CsvWriter::toString(const std::vector<std::string>& names, const arma::mat& data,
                                const CsvWriteOptions& options) {
    checkOptions(options);
    if (names.size() != data.n_cols)
        throw std::invalid_argument("CsvWriter: " + std::to_string(names.size()) + " names for " +
                                    std::to_string(data.n_cols) + " columns");
    if (!data.is_finite())
        throw std::invalid_argument("CsvWriter: the data contain NaN or infinity");

    std::string out;
    out.reserve(32 + data.n_elem * 20); // about 20 characters per value at most
    for (std::size_t c = 0; c < names.size(); ++c) {
        if (c != 0)
            out += options.delimiter;
        appendName(out, names[c], options.delimiter);
    }
    out += '\n';

    for (arma::uword r = 0; r < data.n_rows; ++r) {
        for (arma::uword c = 0; c < data.n_cols; ++c) {
            if (c != 0)
                out += options.delimiter;
            std::string text = formatDouble(data(r, c));
            if (options.decimal != '.')
                for (char& ch : text)
                    if (ch == '.')
                        ch = options.decimal;
            out += text;
        }
        out += '\n';
    }
    return out;
}

void CsvWriter::writeFile(const std::string& path, const std::vector<std::string>& names,
                          const arma::mat& data, const CsvWriteOptions& options) {
    // Build the whole text first so bad input throws before the disk is touched; the shared
    // helper does the temporary-file-then-rename dance.
    writeFileAtomically(path, toString(names, data, options));
}

} // namespace linlab
