#include "model/data/DerivedFeature.h"

#include "model/io/NumberFormat.h"

#include <muParser.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>

namespace linlab {

namespace {

// The functions an expression may call: each is muparser's and NumPy's np.<name> alike.
const std::vector<std::string>& functions() {
    static const std::vector<std::string> names{"log", "exp", "sqrt",  "abs", "sin",
                                                "cos", "tan", "log10", "log2"};
    return names;
}

bool isFunction(const std::string& name) {
    const auto& f = functions();
    return std::find(f.begin(), f.end(), name) != f.end();
}

bool isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
}

// The end of the plain name (isNameStart, then isNameChar) that starts at `i`.
std::size_t nameEnd(const std::string& e, std::size_t i) {
    while (i < e.size() && isNameChar(e[i]))
        ++i;
    return i;
}

// True when the name ending at `j` is a call: a '(' follows, after blanks.
bool isCalled(const std::string& e, std::size_t j) {
    while (j < e.size() && (e[j] == ' ' || e[j] == '\t'))
        ++j;
    return j < e.size() && e[j] == '(';
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Where the number starting at e[i] ends, its exponent included (the "e5" of "2e5" is no name).
std::size_t numberEnd(const std::string& e, std::size_t i) {
    std::size_t j = i;
    while (j < e.size() && (isDigit(e[j]) || e[j] == '.'))
        ++j;
    if (j < e.size() && (e[j] == 'e' || e[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < e.size() && (e[k] == '+' || e[k] == '-'))
            ++k;
        if (k < e.size() && isDigit(e[k])) {
            while (k < e.size() && isDigit(e[k]))
                ++k;
            j = k;
        }
    }
    return j;
}

std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

// The safe muparser variable of source k. Every name in the parser's text is one of these or a
// function, so a column called "_pi" or "log" is never muparser's constant or function.
std::string aliasOf(std::size_t k) {
    return "_c" + std::to_string(k);
}

// Rows per muparser bulk call (its size is an int), and the least rows worth a second thread.
constexpr std::size_t kBlockRows = std::size_t(1) << 20;
constexpr std::size_t kThreadRows = std::size_t(1) << 16;

} // namespace

DerivedFeature::DerivedFeature(DerivedSpec spec)
    : m_spec(std::move(spec)) {
    if (m_spec.name.empty())
        refuse("the feature has no name");
    const std::string& e = m_spec.expression;
    // (offset in the parser's text, offset in the expression): where each piece starts, so that
    // muparser's position of a syntax error can be told in the user's characters.
    std::vector<std::pair<std::size_t, std::size_t>> starts;
    auto addSource = [&](const std::string& name) {
        const auto it = std::find(m_sources.begin(), m_sources.end(), name);
        const std::size_t k = std::size_t(it - m_sources.begin());
        if (it == m_sources.end()) {
            m_sources.push_back(name);
            m_aliases.push_back(aliasOf(k));
        }
        m_parserText += m_aliases[k];
        m_numpyParts.emplace_back(true, name);
    };
    auto addText = [&](const std::string& parser, const std::string& numpy) {
        m_parserText += parser;
        m_numpyParts.emplace_back(false, numpy);
    };
    for (std::size_t i = 0; i < e.size();) {
        starts.emplace_back(m_parserText.size(), i);
        const char c = e[i];
        if (c == ' ' || c == '\t') {
            addText(std::string(1, c), std::string(1, c));
            ++i;
        } else if (c == '[') {
            std::string name;
            std::size_t j = i + 1;
            for (; j < e.size(); ++j) {
                if (e[j] == ']' && j + 1 < e.size() && e[j + 1] == ']')
                    ++j; // "]]" is a ']' of the name
                else if (e[j] == ']')
                    break;
                name += e[j];
            }
            if (j >= e.size())
                refuse("the '[' at character " + std::to_string(i + 1) + " has no ']'");
            if (name.empty())
                refuse("\"[]\" at character " + std::to_string(i + 1) + " names no column");
            addSource(name);
            i = j + 1;
        } else if (isNameStart(c)) {
            const std::size_t j = nameEnd(e, i);
            const std::string name = e.substr(i, j - i);
            if (isCalled(e, j)) {
                if (!isFunction(name))
                    refuse("unknown function " + quoted(name) +
                           " (functions: " + joined(functions()) + ")");
                addText(name, "np." + name);
            } else {
                addSource(name);
            }
            i = j;
        } else if (isDigit(c) || c == '.') {
            const std::size_t j = numberEnd(e, i);
            addText(e.substr(i, j - i), e.substr(i, j - i));
            i = j;
        } else if (c == '^') {
            addText("^", "**");
            ++i;
        } else if (c == '+' || c == '-' || c == '*' || c == '/' || c == '(' || c == ')') {
            addText(std::string(1, c), std::string(1, c));
            ++i;
        } else {
            refuse("unexpected " + quoted(std::string(1, c)) + " at character " +
                   std::to_string(i + 1) + " (a column name with it goes in brackets: [a b])");
        }
    }

    // muparser checks the syntax on its first evaluation.
    mu::Parser parser;
    double dummy = 1;
    for (const std::string& alias : m_aliases)
        parser.DefineVar(alias, &dummy);
    try {
        parser.SetExpr(m_parserText);
        parser.Eval();
    } catch (const mu::Parser::exception_type& error) {
        // The aliases back to the names, in one pass from the left, the longest alias first
        // (_c10 before _c1): a name may itself hold an alias's text (the fuzzer's "[x_c1]").
        const std::string raw = error.GetMsg();
        std::string message;
        for (std::size_t i = 0; i < raw.size();) {
            std::size_t best = m_aliases.size(), length = 0;
            for (std::size_t k = 0; k < m_aliases.size(); ++k)
                if (m_aliases[k].size() > length &&
                    raw.compare(i, m_aliases[k].size(), m_aliases[k]) == 0) {
                    best = k;
                    length = m_aliases[k].size();
                }
            if (best < m_aliases.size()) {
                message += reference(m_sources[best]);
                i += length;
            } else {
                message += raw[i++];
            }
        }
        for (const char* tail : {" found at position", " at position"})
            if (const std::size_t at = message.find(tail); at != std::string::npos)
                message.erase(at);
        while (!message.empty() && message.back() == '.')
            message.pop_back();
        std::string where;
        const int pos = error.GetPos();
        if (pos >= 0 && !starts.empty()) {
            std::size_t user = e.size();
            for (const auto& [parserAt, userAt] : starts)
                if (parserAt <= std::size_t(pos))
                    user = userAt;
            where = " at character " + std::to_string(std::min(user, e.size()) + 1);
        }
        refuse("syntax error" + where + ": " + message);
    }
}

void DerivedFeature::refuse(const std::string& reason) const {
    throw std::invalid_argument("derived feature " + quoted(m_spec.name) + " = " +
                                quoted(m_spec.expression) + ": " + reason);
}

void DerivedFeature::evaluate(const std::vector<const double*>& sources, std::size_t rows,
                              double* out, const std::vector<std::size_t>& rowNumbers) const {
    if (sources.size() != m_sources.size())
        throw std::invalid_argument("DerivedFeature::evaluate: " + std::to_string(sources.size()) +
                                    " columns for " + std::to_string(m_sources.size()) +
                                    " sources");
    // Rows [begin, end) through one parser of their own, in bulk: its variables are the
    // sources' arrays from `begin` on (muparser reads variable k of row i at ptr + i).
    auto part = [&](std::size_t begin, std::size_t end) {
        mu::Parser parser;
        for (std::size_t at = begin; at < end; at += kBlockRows) {
            const std::size_t count = std::min(kBlockRows, end - at);
            for (std::size_t k = 0; k < sources.size(); ++k) // muparser never writes them: no '='
                parser.DefineVar(m_aliases[k], const_cast<double*>(sources[k]) + at);
            parser.SetExpr(m_parserText);
            parser.Eval(out + at, int(count));
        }
    };
    if (rows >= 2 * kThreadRows && std::thread::hardware_concurrency() >= 2) {
        const std::size_t half = rows / 2;
        std::thread second(part, half, rows);
        part(0, half);
        second.join();
    } else if (rows > 0) {
        part(0, rows);
    }
    checkFinite(sources, rows, out, rowNumbers);
}

arma::vec DerivedFeature::evaluate(const std::vector<const double*>& sources, std::size_t rows,
                                   const std::vector<std::size_t>& rowNumbers) const {
    arma::vec out(rows);
    evaluate(sources, rows, out.memptr(), rowNumbers);
    return out;
}

void DerivedFeature::checkFinite(const std::vector<const double*>& sources, std::size_t rows,
                                 const double* out,
                                 const std::vector<std::size_t>& rowNumbers) const {
    std::size_t i = 0;
    while (i < rows && std::isfinite(out[i]))
        ++i;
    if (i == rows)
        return;
    std::string values;
    for (std::size_t k = 0; k < sources.size(); ++k)
        values += (k ? ", " : "") + reference(m_sources[k]) + " = " + formatDouble(sources[k][i]);
    const std::size_t row = i < rowNumbers.size() ? rowNumbers[i] : i + 1;
    refuse("row " + std::to_string(row) + " gives " + formatDouble(out[i]) +
           (values.empty() ? std::string() : " (" + values + ")"));
}

double DerivedFeature::evaluateRow(const std::vector<double>& values) const {
    if (values.size() != m_sources.size())
        throw std::invalid_argument(
            "DerivedFeature::evaluateRow: " + std::to_string(values.size()) + " values for " +
            std::to_string(m_sources.size()) + " sources");
    std::vector<double> copy = values;
    mu::Parser parser;
    for (std::size_t k = 0; k < copy.size(); ++k)
        parser.DefineVar(m_aliases[k], &copy[k]);
    parser.SetExpr(m_parserText);
    return parser.Eval();
}

std::string
DerivedFeature::numpy(const std::function<std::string(const std::string&)>& variable) const {
    std::string out;
    for (const auto& [isSource, text] : m_numpyParts)
        out += isSource ? variable(text) : text;
    return out;
}

std::string DerivedFeature::reference(const std::string& column) {
    if (!column.empty() && isNameStart(column[0]) &&
        std::all_of(column.begin(), column.end(), isNameChar))
        return column;
    std::string out = "[";
    for (char c : column)
        out += c == ']' ? std::string("]]") : std::string(1, c);
    return out + "]";
}

std::vector<DerivedSpec> DerivedFeature::polynomial(const std::string& column, int degree) {
    std::vector<DerivedSpec> out;
    for (int k = 2; k <= degree; ++k)
        out.push_back(
            {column + "^" + std::to_string(k), reference(column) + "^" + std::to_string(k)});
    return out;
}

DerivedSpec DerivedFeature::product(const std::string& a, const std::string& b) {
    return {a + "*" + b, reference(a) + "*" + reference(b)};
}

DerivedSpec DerivedFeature::logarithm(const std::string& column) {
    return {"log(" + column + ")", "log(" + reference(column) + ")"};
}

std::string DerivedFeature::renameColumn(const std::string& expression, const std::string& from,
                                         const std::string& to) {
    if (from.empty())
        return expression;
    // The constructor's reading of names, brackets and numbers, copying all but the references.
    auto renamed = [&](const std::string& name) {
        if (name == from)
            return to;
        if (name.compare(0, from.size() + 1, from + "=") == 0)
            return to + name.substr(from.size());
        return name;
    };
    const std::string& e = expression;
    std::string out;
    for (std::size_t i = 0; i < e.size();) {
        const char c = e[i];
        if (c == '[') {
            std::string name;
            std::size_t j = i + 1;
            for (; j < e.size(); ++j) {
                if (e[j] == ']' && j + 1 < e.size() && e[j + 1] == ']')
                    ++j;
                else if (e[j] == ']')
                    break;
                name += e[j];
            }
            if (j >= e.size())
                return out + e.substr(i); // unterminated: left as written
            const std::string now = renamed(name);
            if (now == name) {
                out += e.substr(i, j + 1 - i);
            } else if (reference(name) != name) { // brackets it needed: as the new name needs
                out += reference(now);
            } else { // brackets the writer chose: kept
                out += '[';
                for (char n : now)
                    out += n == ']' ? std::string("]]") : std::string(1, n);
                out += ']';
            }
            i = j + 1;
        } else if (isNameStart(c)) {
            const std::size_t j = nameEnd(e, i);
            const std::string name = e.substr(i, j - i);
            out += isCalled(e, j) ? name : reference(renamed(name));
            i = j;
        } else if (isDigit(c) || c == '.') {
            const std::size_t j = numberEnd(e, i);
            out += e.substr(i, j - i);
            i = j;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

} // namespace linlab
