#include "model/data/Design.h"
#include "model/data/TypedReader.h"
#include "tests/model/data/TypedCells.h"

#include <QTest>

#include <cmath>
#include <stdexcept>

using namespace linlab;
using linlab::test::splitCsv;

namespace {

TypedTable readCsv(std::string_view text) {
    const auto cells = splitCsv(text);
    return TypedReader::read(cells.header, cells.rows);
}

// Penguins' shape: a categorical species, a bill column with a missing cell in a row whose
// other cells are there, and a missing flipper.
const char* const kPenguins = "species,bill,flipper length,mass,note\n"
                              "Adelie,39.1,181,3750,a\n"
                              "Adelie,NA,186,3800,b\n"
                              "Gentoo,46.1,211,4500,c\n"
                              "Gentoo,50,230,5700,d\n"
                              "Chinstrap,46.5,NA,3500,e\n"
                              "Chinstrap,50,196,3900,f\n";

DesignOptions massOnFlipperAndSpecies() {
    DesignOptions options;
    options.label = "mass";
    options.features = {"flipper length", "species"};
    return options;
}

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

} // namespace

class tst_DesignDerived : public QObject {
    Q_OBJECT
private slots:
    void derivedComeAfterTheOthers() {
        DesignOptions options = massOnFlipperAndSpecies();
        options.derived = {{"flipper^2", "[flipper length]^2"},
                           {"gentoo flipper", "[species=Gentoo] * [flipper length]"},
                           {"half", "[gentoo flipper] / 2"}};
        const Design d = Design::build(readCsv(kPenguins), options);
        QCOMPARE(d.usedRows(), (std::vector<std::size_t>{0, 1, 2, 3, 5}));
        QCOMPARE(d.featureNames(),
                 (std::vector<std::string>{"flipper length", "species=Chinstrap", "species=Gentoo",
                                           "flipper^2", "gentoo flipper", "half"}));
        const arma::mat expected = {{181, 0, 0, 181.0 * 181, 0, 0},
                                    {186, 0, 0, 186.0 * 186, 0, 0},
                                    {211, 0, 1, 211.0 * 211, 211, 105.5},
                                    {230, 0, 1, 230.0 * 230, 230, 115},
                                    {196, 1, 0, 196.0 * 196, 0, 0}};
        QVERIFY(arma::approx_equal(d.features(), expected, "absdiff", 0));
        QCOMPARE(d.derivedCount(), std::size_t(3));
        QCOMPARE(d.featureColumns(),
                 (std::vector<std::size_t>{2, 0, 0, Design::kNoColumn, Design::kNoColumn,
                                           Design::kNoColumn}));
        QCOMPARE(d.dummyFeatures(), (std::vector<bool>{false, true, true, false, false, false}));
        const Dataset data = d.dataset();
        QCOMPARE(data.featureNames().back(), std::string("half"));
        QCOMPARE(data.featureCount(), arma::uword(6));
    }

    void aSourceThatIsNoFeatureLeavesItsMissingRowsOut() {
        DesignOptions options = massOnFlipperAndSpecies();
        options.derived = {{"ratio", "bill / [flipper length]"}};
        const Design d = Design::build(readCsv(kPenguins), options);
        // Row 1's bill is missing: left out like a missing feature.
        QCOMPARE(d.usedRows(), (std::vector<std::size_t>{0, 2, 3, 5}));
        QCOMPARE(d.excludedRows(), (std::vector<std::size_t>{1, 4}));
        QCOMPARE(d.features()(3, 3), 50.0 / 196);
        QCOMPARE(d.roles()[1], Role::Ignored); // still not a feature itself
    }

    void aFilledFeatureIsReadFilled() {
        DesignOptions options = massOnFlipperAndSpecies();
        options.fill = {"flipper length"};
        options.derived = {{"f2", "[flipper length] * 2"}};
        const Design d = Design::build(readCsv(kPenguins), options);
        QCOMPARE(d.usedRows().size(), std::size_t(6));
        const double mean = (181.0 + 186 + 211 + 230 + 196) / 5;
        QCOMPARE(d.features()(4, 3), 2 * mean);
    }

    void withoutDerivedNothingChanges() {
        const Design plain = Design::build(readCsv(kPenguins), massOnFlipperAndSpecies());
        QCOMPARE(plain.derivedCount(), std::size_t(0));
        QCOMPARE(plain.featureColumns(), (std::vector<std::size_t>{2, 0, 0}));
        QCOMPARE(plain.features().n_cols, arma::uword(3));
    }

    void badValuesNameTheTableRow() {
        DesignOptions options = massOnFlipperAndSpecies();
        options.derived = {{"ok", "[flipper length]"}, {"l", "log(230 - [flipper length])"}};
        const std::string s = refusal([&] { Design::build(readCsv(kPenguins), options); });
        // Row 4 of the table (the 4th used row) has 230: log(0).
        QVERIFY2(mentions(s, "derived feature \"l\" = \"log(230 - [flipper length])\": row 4 gives "
                             "-inf ([flipper length] = 230)"),
                 s.c_str());
        options.derived = {{"z", "1 / ([species=Gentoo] - 1) / [species=Chinstrap]"}};
        const std::string z = refusal([&] { Design::build(readCsv(kPenguins), options); });
        QVERIFY2(mentions(z, "row 1 gives"), z.c_str());
    }

    void refusedSources() {
        const TypedTable table = readCsv(kPenguins);
        DesignOptions options = massOnFlipperAndSpecies();
        options.derived = {{"m", "mass / 1000"}};
        QVERIFY(mentions(refusal([&] { Design::build(table, options); }),
                         "\"mass / 1000\": the label \"mass\" cannot be a source"));
        options.derived = {{"s", "species * 2"}};
        QVERIFY(mentions(refusal([&] { Design::build(table, options); }),
                         "column \"species\" is categorical: use one of its dummies, "
                         "[species=LEVEL]"));
        TypedTable withText = table;
        withText.setColumn(4,
                           table.column(4).convertedTo(ColumnType::Text, defaultMissingTokens()));
        options.derived = {{"n", "note + 1"}};
        QVERIFY(mentions(refusal([&] { Design::build(withText, options); }),
                         "column \"note\" is text: it holds no numbers"));
        options.derived = {{"u", "[species=Adelie] + 1"}}; // the reference level: no dummy
        QVERIFY(mentions(refusal([&] { Design::build(table, options); }),
                         "unknown name \"species=Adelie\""));
        options.derived = {{"bill", "[flipper length]"}};
        QVERIFY(mentions(refusal([&] { Design::build(table, options); }),
                         "already a column named \"bill\""));
        options.derived = {{"x", "log([flipper length]"}};
        QVERIFY(mentions(refusal([&] { Design::build(table, options); }), "syntax error"));
    }
};

QTEST_APPLESS_MAIN(tst_DesignDerived)
#include "tst_DesignDerived.moc"
