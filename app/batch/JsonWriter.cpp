#include "app/batch/JsonWriter.h"

#include "model/io/NumberFormat.h"

#include <cmath>
#include <cstdio>

namespace linlab {

void JsonWriter::prefix(std::string_view key) {
    if (!m_first.empty()) {
        if (!m_first.back())
            m_out += ',';
        m_first.back() = false;
        m_out += '\n';
        m_out.append(static_cast<std::size_t>(2 * m_depth), ' ');
    }
    if (!key.empty()) {
        string(key);
        m_out += ": ";
    }
}

void JsonWriter::number(double x) {
    if (std::isfinite(x))
        m_out += formatDouble(x);
    else
        m_out += "null";
}

void JsonWriter::string(std::string_view s) {
    m_out += '"';
    for (char c : s) {
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x",
                              static_cast<unsigned>(static_cast<unsigned char>(c)));
                m_out += buf;
            } else {
                m_out += c;
            }
        }
    }
    m_out += '"';
}

JsonWriter& JsonWriter::beginObject(std::string_view key) {
    prefix(key);
    m_out += '{';
    m_first.push_back(true);
    ++m_depth;
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    m_first.pop_back();
    --m_depth;
    m_out += '\n';
    m_out.append(static_cast<std::size_t>(2 * m_depth), ' ');
    m_out += '}';
    if (m_depth == 0)
        m_out += '\n';
    return *this;
}

JsonWriter& JsonWriter::beginArray(std::string_view key) {
    prefix(key);
    m_out += '[';
    m_first.push_back(true);
    ++m_depth;
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    const bool empty = m_first.back();
    m_first.pop_back();
    --m_depth;
    if (!empty) {
        m_out += '\n';
        m_out.append(static_cast<std::size_t>(2 * m_depth), ' ');
    }
    m_out += ']';
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, double x) {
    prefix(key);
    number(x);
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, long long x) {
    prefix(key);
    m_out += std::to_string(x);
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, bool flag) {
    prefix(key);
    m_out += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, std::string_view text) {
    prefix(key);
    string(text);
    return *this;
}

JsonWriter& JsonWriter::null(std::string_view key) {
    prefix(key);
    m_out += "null";
    return *this;
}

namespace {
// Short arrays of numbers stay on one line; the writer's indentation is for structure.
template <typename Range, typename Emit>
void inlineArray(std::string& out, const Range& range, Emit emit) {
    out += '[';
    bool first = true;
    for (const auto& item : range) {
        if (!first)
            out += ", ";
        first = false;
        emit(item);
    }
    out += ']';
}
} // namespace

JsonWriter& JsonWriter::value(std::string_view key, const arma::vec& numbers) {
    prefix(key);
    inlineArray(m_out, numbers, [this](double x) { number(x); });
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, const arma::rowvec& numbers) {
    prefix(key);
    inlineArray(m_out, numbers, [this](double x) { number(x); });
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, const std::vector<double>& numbers) {
    prefix(key);
    inlineArray(m_out, numbers, [this](double x) { number(x); });
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, const std::vector<std::string>& texts) {
    prefix(key);
    inlineArray(m_out, texts, [this](const std::string& s) { string(s); });
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view key, const std::vector<bool>& flags) {
    prefix(key);
    inlineArray(m_out, flags, [this](bool b) { m_out += b ? "true" : "false"; });
    return *this;
}

JsonWriter& JsonWriter::rows(std::string_view key, const arma::mat& matrix) {
    beginArray(key);
    for (arma::uword r = 0; r < matrix.n_rows; ++r) {
        prefix({});
        // By index, as inlineArray writes: a row view of an n x 0 matrix (a file with a label
        // and no features) cannot be iterated in Armadillo.
        m_out += '[';
        for (arma::uword c = 0; c < matrix.n_cols; ++c) {
            if (c > 0)
                m_out += ", ";
            number(matrix(r, c));
        }
        m_out += ']';
    }
    return endArray();
}

} // namespace linlab
