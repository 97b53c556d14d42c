#pragma once
// A feature computed from other columns by an expression, parsed and evaluated by muparser.
//
// The expression language: numbers, + - * / ^ (power, right-associative; -x^2 is -(x^2)),
// parentheses, and the functions log (natural), exp, sqrt, abs, sin, cos, tan, log10 and log2.
// A column whose name is a plain name (letters, digits and _, not starting with a digit) is
// written as it is: flipper_length_mm. Any other name goes in square brackets, a ']' in it
// doubled: [body mass (g)], [species=Gentoo], [x^2], [a]]b] for "a]b". Before muparser sees the
// text every column reference becomes a safe variable name, so no column name can be read as an
// operator or function. Plain C++17 + Armadillo, no Qt.

#include <armadillo>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace linlab {

/// A derived feature as the user defines it: its name and its expression.
struct DerivedSpec {
    std::string name;       ///< the feature's name (a column name like any other)
    std::string expression; ///< see DerivedFeature
    bool operator==(const DerivedSpec& o) const {
        return name == o.name && expression == o.expression;
    }
};

class DerivedFeature {
public:
    /// Parses `spec.expression`. Throws std::invalid_argument naming the expression for an
    /// empty name, a syntax error, an unknown function or a '[' without its ']'.
    explicit DerivedFeature(DerivedSpec spec);

    /// The feature's name.
    const std::string& name() const { return m_spec.name; }
    /// The expression as written.
    const std::string& expression() const { return m_spec.expression; }
    /// The name and the expression.
    const DerivedSpec& spec() const { return m_spec; }
    /// The column names the expression reads, each once, in order of first use.
    const std::vector<std::string>& sources() const { return m_sources; }

    /// Evaluates `rows` rows into `out` (bulk, two threads when large): sources[k] points at
    /// the `rows` values of sources()[k]. Throws std::invalid_argument naming the expression, the
    /// first row whose result is not finite (rowNumbers[i], or i + 1 without them), the result
    /// and the sources' values there; `out` is then partly written.
    void evaluate(const std::vector<const double*>& sources, std::size_t rows, double* out,
                  const std::vector<std::size_t>& rowNumbers = {}) const;
    /// The same into a new vector.
    arma::vec evaluate(const std::vector<const double*>& sources, std::size_t rows,
                       const std::vector<std::size_t>& rowNumbers = {}) const;
    /// One row, one muparser call (no finiteness check): values[k] is sources()[k]'s value.
    double evaluateRow(const std::vector<double>& values) const;

    /// The expression in NumPy (np.log, **, ...), each column reference replaced by
    /// variable(name), e.g. "np.log(v[\"x\"]) ** 2".
    std::string numpy(const std::function<std::string(const std::string&)>& variable) const;

    /// How to write column `column` in an expression: as it is when it is a plain name, else in
    /// brackets ("body mass" -> "[body mass]").
    static std::string reference(const std::string& column);
    /// The polynomial shortcut: COLUMN^2 ... COLUMN^degree (named so), none for degree < 2.
    static std::vector<DerivedSpec> polynomial(const std::string& column, int degree);
    /// The product shortcut: A*B, named "A*B".
    static DerivedSpec product(const std::string& a, const std::string& b);
    /// The logarithm shortcut: log(A), named "log(A)".
    static DerivedSpec logarithm(const std::string& column);
    /// `expression` with every reference to column `from` written as one to `to`, and a dummy's
    /// [from=LEVEL] as [to=LEVEL]; the rest of the text (functions, numbers) as it was. Brackets
    /// a plain name was given are kept, others follow reference(): renaming back restores a
    /// text that writes names as reference() does (the shortcuts'). An unclosed '[' stays.
    static std::string renameColumn(const std::string& expression, const std::string& from,
                                    const std::string& to);

private:
    [[noreturn]] void refuse(const std::string& reason) const;
    void checkFinite(const std::vector<const double*>& sources, std::size_t rows, const double* out,
                     const std::vector<std::size_t>& rowNumbers) const;

    DerivedSpec m_spec;
    std::vector<std::string> m_sources;
    std::string m_parserText;                               // the expression as muparser reads it
    std::vector<std::string> m_aliases;                     // the safe name of each source
    std::vector<std::pair<bool, std::string>> m_numpyParts; // (is a source, text or name)
};

} // namespace linlab
