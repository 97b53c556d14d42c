#include "model/data/DerivedColumns.h"
#include "model/data/DerivedFeature.h"

#include <QTest>

#include <cmath>
#include <optional>
#include <stdexcept>

using namespace linlab;

namespace {

// The message of the std::invalid_argument that `f` throws ("" when it does not throw).
template <class F> std::string refusal(F f) {
    try {
        f();
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return {};
}

bool mentions(const std::string& message, const char* part) {
    return message.find(part) != std::string::npos;
}

// `expression` over one source column `x`.
arma::vec over(const std::string& expression, const arma::vec& x) {
    const DerivedFeature f({"f", expression});
    std::vector<const double*> sources(f.sources().size(), x.memptr());
    return f.evaluate(sources, x.n_elem);
}

// A lookup of named vectors.
DerivedColumns::Lookup lookupOf(const std::vector<std::pair<std::string, const arma::vec*>>& all) {
    return [all](const std::string& name) -> std::optional<const double*> {
        for (const auto& [n, v] : all)
            if (n == name)
                return v->memptr();
        return std::nullopt;
    };
}

} // namespace

class tst_DerivedFeature : public QObject {
    Q_OBJECT
private slots:
    void knownAnswers() {
        const arma::vec x{1.0, 2.0, 4.0};
        QCOMPARE(over("x^2", x)(2), 16.0);
        QCOMPARE(over("x * x + 1", x)(1), 5.0);
        QCOMPARE(over("(x + 1) / 2", x)(0), 1.0);
        QCOMPARE(over("-x^2", x)(1), -4.0);  // as NumPy's -x**2
        QCOMPARE(over("2^x^2", x)(1), 16.0); // right-associative: 2^(x^2)
        QCOMPARE(over("x - 3", x)(0), -2.0);
        QCOMPARE(over("log(x)", x)(2), std::log(4.0)); // natural
        QCOMPARE(over("exp(x)", x)(0), std::exp(1.0));
        QCOMPARE(over("sqrt(x)", x)(2), 2.0);
        QCOMPARE(over("abs(x - 3)", x)(0), 2.0);
        QCOMPARE(over("sin(x)", x)(1), std::sin(2.0));
        QCOMPARE(over("cos(x)", x)(1), std::cos(2.0));
        QCOMPARE(over("1.5e1 + .5", x)(0), 15.5);
        QCOMPARE(over("7", x)(2), 7.0); // a constant, every row
    }

    void sourcesInOrderOfFirstUse() {
        const DerivedFeature f({"f", "b * a + b + [c d]"});
        QCOMPARE(f.sources(), (std::vector<std::string>{"b", "a", "c d"}));
        QCOMPARE(f.name(), std::string("f"));
        QCOMPARE(f.expression(), std::string("b * a + b + [c d]"));
    }

    void bracketedNames() {
        const arma::vec mass{3000.0, 4000.0}, dummy{1.0, 0.0}, odd{5.0, 6.0};
        const DerivedFeature f({"f", "[body mass (g)] / 1000 + [species=Gentoo] + [a]]b]"});
        QCOMPARE(f.sources(), (std::vector<std::string>{"body mass (g)", "species=Gentoo", "a]b"}));
        const arma::vec v = f.evaluate({mass.memptr(), dummy.memptr(), odd.memptr()}, 2);
        QCOMPARE(v(0), 9.0);
        QCOMPARE(v(1), 10.0);
        // A column named like a function or muparser's constant is still a column.
        const arma::vec e{2.0, 3.0};
        const DerivedFeature g({"g", "_pi * log + log(log)"});
        QCOMPARE(g.sources(), (std::vector<std::string>{"_pi", "log"}));
        QCOMPARE(g.evaluate({e.memptr(), odd.memptr()}, 2)(0), 10.0 + std::log(5.0));
    }

    void referenceWritesAnyName() {
        QCOMPARE(DerivedFeature::reference("flipper_length_mm"), std::string("flipper_length_mm"));
        QCOMPARE(DerivedFeature::reference("body mass"), std::string("[body mass]"));
        QCOMPARE(DerivedFeature::reference("x^2"), std::string("[x^2]"));
        QCOMPARE(DerivedFeature::reference("2x"), std::string("[2x]"));
        QCOMPARE(DerivedFeature::reference("a]b"), std::string("[a]]b]"));
        for (const std::string name : {"body mass", "a]b", "x=1", "été", "2x", "y"}) {
            const DerivedFeature f({"f", DerivedFeature::reference(name) + " + 1"});
            QCOMPARE(f.sources(), std::vector<std::string>{name});
        }
    }

    void shortcuts() {
        const std::vector<DerivedSpec> poly = DerivedFeature::polynomial("body mass", 3);
        QCOMPARE(poly.size(), std::size_t(2));
        QCOMPARE(poly[0], (DerivedSpec{"body mass^2", "[body mass]^2"}));
        QCOMPARE(poly[1], (DerivedSpec{"body mass^3", "[body mass]^3"}));
        QVERIFY(DerivedFeature::polynomial("x", 1).empty());
        QCOMPARE(DerivedFeature::product("a", "b c"), (DerivedSpec{"a*b c", "a*[b c]"}));
        QCOMPARE(DerivedFeature::logarithm("x"), (DerivedSpec{"log(x)", "log(x)"}));
        const arma::vec x{3.0};
        QCOMPARE(over(DerivedFeature::polynomial("x", 3)[1].expression, x)(0), 27.0);
    }

    void bulkEqualsScalar() {
        // Past the two-thread threshold, with a block of its own for each half.
        const std::size_t n = 300001;
        arma::arma_rng::set_seed(15);
        const arma::vec a = arma::randu<arma::vec>(n) * 10 + 0.1;
        const arma::vec b = arma::randn<arma::vec>(n);
        const DerivedFeature f({"f", "log(a) * b^2 - sqrt(a) / (1 + abs(b)) + sin(a) * cos(b)"});
        const arma::vec bulk = f.evaluate({a.memptr(), b.memptr()}, n);
        for (std::size_t i = 0; i < n; i += 997)
            QCOMPARE(bulk(i), f.evaluateRow({a(i), b(i)}));
        QCOMPARE(bulk(n - 1), f.evaluateRow({a(n - 1), b(n - 1)}));
        const double expect = std::log(a(5)) * b(5) * b(5) -
                              std::sqrt(a(5)) / (1 + std::abs(b(5))) +
                              std::sin(a(5)) * std::cos(b(5));
        QVERIFY(std::abs(bulk(5) - expect) <= 1e-12 * (1 + std::abs(expect)));
    }

    void syntaxErrorsNameTheExpression() {
        const std::string s = refusal([] { DerivedFeature({"f", "x +* 2"}); });
        QVERIFY2(mentions(s, "derived feature \"f\" = \"x +* 2\": syntax error at character 4"),
                 s.c_str());
        const std::string p = refusal([] { DerivedFeature({"f", "log(x"}); });
        QVERIFY2(mentions(p, "\"log(x\": syntax error") && mentions(p, "parenthes"), p.c_str());
        const std::string e = refusal([] { DerivedFeature({"f", "  "}); });
        QVERIFY2(mentions(e, "syntax error") && mentions(e, "empty"), e.c_str());
        const std::string alias = refusal([] { DerivedFeature({"f", "[a b] [c]"}); });
        QVERIFY2(mentions(alias, "[a b]") && !mentions(alias, "_c0"), alias.c_str());
        // A name holding an alias's own text is restored once (the fuzzer found it looping).
        const std::string nested = refusal([] { DerivedFeature({"f", "log(h[x_c0 z_c1]-a"}); });
        QVERIFY2(mentions(nested, "syntax error"), nested.c_str());
    }

    void otherParseErrors() {
        const std::string f = refusal([] { DerivedFeature({"f", "tanh(x)"}); });
        QVERIFY2(mentions(f, "\"tanh(x)\": unknown function \"tanh\" (functions: log, exp"),
                 f.c_str());
        const std::string b = refusal([] { DerivedFeature({"f", "[body mass + 1"}); });
        QVERIFY2(mentions(b, "the '[' at character 1 has no ']'"), b.c_str());
        const std::string empty = refusal([] { DerivedFeature({"f", "[] + 1"}); });
        QVERIFY2(mentions(empty, "names no column"), empty.c_str());
        const std::string c = refusal([] { DerivedFeature({"f", "species=Adelie"}); });
        QVERIFY2(mentions(c, "unexpected \"=\" at character 8") && mentions(c, "brackets"),
                 c.c_str());
        const std::string comma = refusal([] { DerivedFeature({"f", "x, y"}); });
        QVERIFY2(mentions(comma, "unexpected \",\""), comma.c_str());
        const std::string name = refusal([] { DerivedFeature({"", "x"}); });
        QVERIFY2(mentions(name, "no name"), name.c_str());
    }

    void badValuesNameTheFirstRow() {
        const arma::vec x{1.0, -2.0, -3.0};
        const DerivedFeature f({"lx", "log(x)"});
        const std::string s = refusal([&] { f.evaluate({x.memptr()}, 3); });
        QVERIFY2(mentions(s, "derived feature \"lx\" = \"log(x)\": row 2 gives nan (x = -2)"),
                 s.c_str());
        // Row numbers as the table shows them (used rows of a design: 1-based data rows).
        const std::string r = refusal([&] { f.evaluate({x.memptr()}, 3, {4, 7, 9}); });
        QVERIFY2(mentions(r, "row 7 gives nan"), r.c_str());
        const arma::vec zero{1.0, 0.0};
        const DerivedFeature g({"inv", "1 / x"});
        const std::string z = refusal([&] { g.evaluate({zero.memptr()}, 2); });
        QVERIFY2(mentions(z, "\"1 / x\": row 2 gives inf (x = 0)"), z.c_str());
        const DerivedFeature h({"h", "x / [the y]"});
        const arma::vec y{2.0, 0.0};
        const std::string two = refusal([&] { h.evaluate({zero.memptr(), y.memptr()}, 2); });
        QVERIFY2(mentions(two, "row 2 gives nan (x = 0, [the y] = 0)"), two.c_str());
    }

    void columnsChainAndRefuse() {
        const arma::vec x{1.0, 2.0, 3.0}, z{0.5, 0.5, 0.5};
        const auto features =
            DerivedColumns::parse({{"x^2", "x^2"}, {"w", "[x^2] * z"}, {"v", "w + x"}});
        arma::mat out(3, 3);
        DerivedColumns::evaluate(features, 3, lookupOf({{"x", &x}, {"z", &z}}), out.memptr());
        QCOMPARE(out(2, 0), 9.0);
        QCOMPARE(out(2, 1), 4.5);
        QCOMPARE(out(1, 2), 4.0);

        const auto later = DerivedColumns::parse({{"a", "b + 1"}, {"b", "x"}});
        const std::string u = refusal([&] {
            DerivedColumns::evaluate(later, 3, lookupOf({{"x", &x}}), out.memptr());
        });
        QVERIFY2(mentions(u, "derived feature \"a\" = \"b + 1\": unknown name \"b\""), u.c_str());
        const auto taken = DerivedColumns::parse({{"z", "x"}});
        const std::string t = refusal([&] {
            DerivedColumns::evaluate(taken, 3, lookupOf({{"x", &x}, {"z", &z}}), out.memptr());
        });
        QVERIFY2(mentions(t, "already a column named \"z\""), t.c_str());
        const auto twice = DerivedColumns::parse({{"q", "x"}, {"q", "x + 1"}});
        QVERIFY(
            mentions(refusal([&] {
                         DerivedColumns::evaluate(twice, 3, lookupOf({{"x", &x}}), out.memptr());
                     }),
                     "already a column named \"q\""));
    }

    void appendedToADataset() {
        const Dataset data(arma::mat{{1.0, 10.0}, {2.0, 20.0}, {3.0, 30.0}}, arma::vec{5, 6, 7},
                           {"a", "b c"}, "y");
        const Dataset out =
            DerivedColumns::appended(data, {{"a^2", "a^2"}, {"a*b c", "a * [b c]"}});
        QCOMPARE(out.featureNames(), (std::vector<std::string>{"a", "b c", "a^2", "a*b c"}));
        QCOMPARE(out.features()(2, 2), 9.0);
        QCOMPARE(out.features()(1, 3), 40.0);
        QCOMPARE(out.features()(1, 1), 20.0);
        QCOMPARE(out.labels()(0), 5.0);
        // The label is no source.
        const std::string y = refusal([&] { DerivedColumns::appended(data, {{"yy", "y * 2"}}); });
        QVERIFY2(mentions(y, "unknown name \"y\""), y.c_str());
        const std::string bad = refusal([&] {
            DerivedColumns::appended(data, {{"l", "log(a - 2)"}});
        });
        QVERIFY2(mentions(bad, "row 1 gives nan (a = 1)"), bad.c_str());
    }

    void numpyText() {
        const DerivedFeature f({"f", "log([body mass]) ^ 2 + abs(x) / 2.5e1"});
        const std::string text =
            f.numpy([](const std::string& name) { return "v[\"" + name + "\"]"; });
        QCOMPARE(text, std::string("np.log(v[\"body mass\"]) ** 2 + np.abs(v[\"x\"]) / 2.5e1"));
    }
};

QTEST_APPLESS_MAIN(tst_DerivedFeature)
#include "tst_DerivedFeature.moc"
