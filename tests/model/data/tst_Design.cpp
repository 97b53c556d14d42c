#include "model/data/Design.h"
#include "model/data/TypedReader.h"
#include "tests/model/data/TypedCells.h"

#include <QTest>

#include <stdexcept>

using namespace linlab;
using linlab::test::splitCsv;

namespace {

TypedTable readCsv(std::string_view text) {
    const auto cells = splitCsv(text);
    return TypedReader::read(cells.header, cells.rows);
}

// Twelve rows of the Palmer penguins' shape: text species/island/sex and "NA" cells.
const char* const kPenguins =
    "species,island,bill_length_mm,flipper_length_mm,body_mass_g,sex,year\n"
    "Adelie,Torgersen,39.1,181,3750,male,2007\n"
    "Adelie,Torgersen,39.5,186,3800,female,2007\n"
    "Adelie,Torgersen,40.3,195,3250,female,2007\n"
    "Adelie,Torgersen,NA,NA,NA,NA,2007\n"
    "Adelie,Biscoe,36.7,193,3450,female,2007\n"
    "Gentoo,Biscoe,46.1,211,4500,female,2007\n"
    "Gentoo,Biscoe,50,230,5700,male,2007\n"
    "Gentoo,Biscoe,48.7,210,4450,NA,2007\n"
    "Chinstrap,Dream,46.5,192,3500,female,2007\n"
    "Chinstrap,Dream,50,196,3900,male,2007\n"
    "Adelie,Dream,39.5,178,3250,NA,2008\n"
    "Gentoo,Biscoe,47.6,NA,5400,male,2008";

DesignOptions massOnFlipperAndCategories() {
    DesignOptions options;
    options.label = "body_mass_g";
    options.features = {"flipper_length_mm", "species", "island", "sex"};
    return options;
}

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

} // namespace

class tst_Design : public QObject {
    Q_OBJECT
private slots:
    void penguinsCompleteRows();
    void penguinsDefaultFeatures();
    void fillMeanAndMostFrequent();
    void mostFrequentTiesToTheFirstLevel();
    void levelInOneRowOnly();
    void referenceLevelChosen();
    void categoricalLabelRefused();
    void textFeatureRefused();
    void allMissingColumn();
    void datesAsDays();
    void buildsTheDataset();
    void refusalsNameTheColumn();
    void refusalsInPlainWords();
    void rolesWithoutBuilding();
};

void tst_Design::penguinsCompleteRows() {
    const Design d = Design::build(readCsv(kPenguins), massOnFlipperAndCategories());
    // pandas 1.5.3: d = df[["body_mass_g", *features]].dropna(); d.index, and
    // pd.get_dummies(d[features], drop_first=True): its columns and values.
    QCOMPARE(d.tableRows(), std::size_t(12));
    QCOMPARE(d.usedRows(), (std::vector<std::size_t>{0, 1, 2, 4, 5, 6, 8, 9}));
    QCOMPARE(d.excludedRows(), (std::vector<std::size_t>{3, 7, 10, 11}));
    QCOMPARE(d.featureNames(),
             (std::vector<std::string>{"flipper_length_mm", "species=Chinstrap", "species=Gentoo",
                                       "island=Dream", "island=Torgersen", "sex=male"}));
    const arma::mat expected = {{181, 0, 0, 0, 1, 1}, {186, 0, 0, 0, 1, 0}, {195, 0, 0, 0, 1, 0},
                                {193, 0, 0, 0, 0, 0}, {211, 0, 1, 0, 0, 0}, {230, 0, 1, 0, 0, 1},
                                {192, 1, 0, 1, 0, 0}, {196, 1, 0, 1, 0, 1}};
    QVERIFY(arma::approx_equal(d.features(), expected, "absdiff", 0));
    QVERIFY(arma::approx_equal(
        d.labels(), arma::vec{3750, 3800, 3250, 3450, 4500, 5700, 3500, 3900}, "absdiff", 0));
    QCOMPARE(d.featureColumns(), (std::vector<std::size_t>{3, 0, 0, 1, 1, 5}));
    QCOMPARE(d.references()[0], std::string("Adelie"));
    QCOMPARE(d.references()[1], std::string("Biscoe"));
    QCOMPARE(d.references()[3], std::string());
    QCOMPARE(d.roles(),
             (std::vector<Role>{Role::Feature, Role::Feature, Role::Ignored, Role::Feature,
                                Role::Label, Role::Feature, Role::Ignored}));
    QVERIFY(d.imputed().empty());
}

void tst_Design::penguinsDefaultFeatures() {
    DesignOptions options;
    options.label = "body_mass_g";
    const Design d = Design::build(readCsv(kPenguins), options);
    // pandas 1.5.3: len(df.dropna()) == 8 (every column is used: year has no missing value).
    QCOMPARE(d.usedRows().size(), std::size_t(8));
    QCOMPARE(d.featureNames(),
             (std::vector<std::string>{"species=Chinstrap", "species=Gentoo", "island=Dream",
                                       "island=Torgersen", "bill_length_mm", "flipper_length_mm",
                                       "sex=male", "year"}));
    // Ignoring sex brings rows 7 and 10 back.
    options.ignored = {"sex"};
    const Design without = Design::build(readCsv(kPenguins), options);
    QCOMPARE(without.excludedRows(), (std::vector<std::size_t>{3, 11}));
    QCOMPARE(without.roles()[5], Role::Ignored);
    QCOMPARE(without.featureNames().size(), std::size_t(7));
}

void tst_Design::fillMeanAndMostFrequent() {
    DesignOptions options = massOnFlipperAndCategories();
    options.fill = {"flipper_length_mm", "sex"};
    const Design d = Design::build(readCsv(kPenguins), options);
    // pandas 1.5.3: df.flipper_length_mm.mean() == 197.2, df.sex.mode()[0] == "female"; after
    // fillna, dropna keeps every row but 3 (its label is missing: the label is never filled).
    QCOMPARE(d.excludedRows(), (std::vector<std::size_t>{3}));
    QCOMPARE(d.imputed().size(), std::size_t(2));
    QCOMPARE(d.imputed()[0].name, std::string("flipper_length_mm"));
    QCOMPARE(d.imputed()[0].value, 197.2);
    QCOMPARE(d.imputed()[0].cells, std::size_t(1));
    QCOMPARE(d.imputed()[1].level, std::string("female"));
    QCOMPARE(d.imputed()[1].cells, std::size_t(2));
    const arma::mat expected = {{181, 0, 0, 0, 1, 1}, {186, 0, 0, 0, 1, 0},  {195, 0, 0, 0, 1, 0},
                                {193, 0, 0, 0, 0, 0}, {211, 0, 1, 0, 0, 0},  {230, 0, 1, 0, 0, 1},
                                {210, 0, 1, 0, 0, 0}, {192, 1, 0, 1, 0, 0},  {196, 1, 0, 1, 0, 1},
                                {178, 0, 0, 1, 0, 0}, {197.2, 0, 1, 0, 0, 1}};
    QVERIFY(arma::approx_equal(d.features(), expected, "absdiff", 0));
    // fillAll fills every feature, still not the label.
    DesignOptions all = massOnFlipperAndCategories();
    all.fillAll = true;
    QCOMPARE(Design::build(readCsv(kPenguins), all).excludedRows(), (std::vector<std::size_t>{3}));
}

void tst_Design::mostFrequentTiesToTheFirstLevel() {
    DesignOptions options;
    options.label = "y";
    options.fill = {"g"};
    const Design d = Design::build(readCsv("y,g\n1,b\n2,a\n3,b\n4,a\n5,NA"), options);
    // pandas 1.5.3: pd.Series(["b", "a", "b", "a", None]).mode()[0] == "a".
    QCOMPARE(d.imputed().at(0).level, std::string("a"));
    QCOMPARE(d.imputed().at(0).value, 0.0);
    QCOMPARE(d.featureNames(), (std::vector<std::string>{"g=b"}));
    QCOMPARE(d.features()(4, 0), 0.0);
}

void tst_Design::levelInOneRowOnly() {
    DesignOptions options;
    options.label = "y";
    options.features = {"x", "g"};
    const Design d =
        Design::build(readCsv("y,g,x\n1,a,0.5\n2,b,1.5\n3,a,2\n4,z,3\nNA,q,4\n6,b,NA"), options);
    // pandas 1.5.3: d = df.dropna(); pd.get_dummies(d[["g", "x"]], drop_first=True): x, g_b,
    // g_z; "z" is in one row, "q" only in an excluded row, so it has no dummy.
    QCOMPARE(d.featureNames(), (std::vector<std::string>{"x", "g=b", "g=z"}));
    const arma::mat expected = {{0.5, 0, 0}, {1.5, 1, 0}, {2, 0, 0}, {3, 0, 1}};
    QVERIFY(arma::approx_equal(d.features(), expected, "absdiff", 0));
    QCOMPARE(d.excludedRows(), (std::vector<std::size_t>{4, 5}));
}

void tst_Design::referenceLevelChosen() {
    DesignOptions options = massOnFlipperAndCategories();
    options.reference["species"] = "Gentoo";
    const Design d = Design::build(readCsv(kPenguins), options);
    QCOMPARE(d.featureNames()[1], std::string("species=Adelie"));
    QCOMPARE(d.featureNames()[2], std::string("species=Chinstrap"));
    QCOMPARE(d.references()[0], std::string("Gentoo"));
    QCOMPARE(d.features()(0, 1), 1.0); // row 0 is an Adelie
    QCOMPARE(d.features()(4, 1), 0.0); // row 5, a Gentoo: all zero
    QCOMPARE(d.features()(4, 2), 0.0);
    // A level seen only in excluded rows cannot be the reference: the first seen one is.
    DesignOptions unseen;
    unseen.label = "y";
    unseen.features = {"g"};
    unseen.reference["g"] = "q";
    const Design u = Design::build(readCsv("y,g\n1,a\n2,b\nNA,q"), unseen);
    QCOMPARE(u.featureNames(), (std::vector<std::string>{"g=b"}));
    QCOMPARE(u.references()[1], std::string("a"));
}

void tst_Design::categoricalLabelRefused() {
    DesignOptions options;
    options.label = "species";
    const std::string message = refusal([&] { Design::build(readCsv(kPenguins), options); });
    QVERIFY2(mentions(message, "\"species\"") && mentions(message, "categorical"), message.c_str());
}

void tst_Design::textFeatureRefused() {
    std::string csv = "name,y\n";
    for (int i = 0; i < 60; ++i)
        csv += "n" + std::to_string(i) + "," + std::to_string(i) + "\n";
    const TypedTable table = readCsv(csv);
    QCOMPARE(table.column(0).type(), ColumnType::Text);
    DesignOptions options;
    options.label = "y";
    const Design d = Design::build(table, options); // by default text is not a feature
    QVERIFY(d.featureNames().empty());
    QCOMPARE(d.usedRows().size(), std::size_t(60));
    QCOMPARE(d.roles()[0], Role::Ignored);
    options.features = {"name"};
    const std::string message = refusal([&] { Design::build(table, options); });
    QVERIFY2(mentions(message, "\"name\"") && mentions(message, "text"), message.c_str());
    options.label = "name";
    options.features.clear();
    QVERIFY(mentions(refusal([&] { Design::build(table, options); }), "text"));
}

void tst_Design::allMissingColumn() {
    const TypedTable table = readCsv("y,x,empty\n1,2,NA\n2,3,\n3,5,NA");
    DesignOptions options;
    options.label = "y";
    const Design d = Design::build(table, options); // a numeric column: a feature by default
    QCOMPARE(d.usedRows().size(), std::size_t(0));
    QCOMPARE(d.excludedRows(), (std::vector<std::size_t>{0, 1, 2}));
    QCOMPARE(d.features().n_rows, arma::uword(0));
    QCOMPARE(d.features().n_cols, arma::uword(2));
    options.ignored = {"empty"};
    QCOMPARE(Design::build(table, options).usedRows().size(), std::size_t(3));
    options.ignored.clear();
    options.fill = {"empty"};
    QVERIFY(mentions(refusal([&] { Design::build(table, options); }), "no value to fill"));
}

void tst_Design::datesAsDays() {
    const TypedTable table = readCsv("day,temp\n2020-03-01,5\n2020-03-02,7.5\nNA,9\n1969-12-31,1");
    DesignOptions options;
    options.label = "temp";
    QVERIFY(Design::build(table, options).featureNames().empty()); // dates only when named
    options.features = {"day"};
    const Design d = Design::build(table, options);
    // pandas 1.5.3: (pd.to_datetime(day) - pd.Timestamp("1970-01-01")) / pd.Timedelta(days=1).
    QVERIFY(arma::approx_equal(d.features(), arma::mat(arma::vec{18322, 18323, -1}), "absdiff", 0));
    QCOMPARE(d.excludedRows(), (std::vector<std::size_t>{2}));
    // A date label: y in days.
    DesignOptions byDate;
    byDate.label = "day";
    const Design l = Design::build(table, byDate);
    QVERIFY(arma::approx_equal(l.labels(), arma::vec{18322, 18323, -1}, "absdiff", 0));
    QCOMPARE(l.featureNames(), (std::vector<std::string>{"temp"}));
}

void tst_Design::buildsTheDataset() {
    const Design d = Design::build(readCsv(kPenguins), massOnFlipperAndCategories());
    const Dataset copy = d.dataset();
    QCOMPARE(copy.rowCount(), arma::uword(8));
    QCOMPARE(copy.featureNames(), d.featureNames());
    QCOMPARE(copy.labelName(), std::string("body_mass_g"));
    QCOMPARE(copy.value(7, 5), 1.0);    // the last row's sex=male
    QCOMPARE(copy.value(7, 6), 3900.0); // and its label
    Design moved = d;
    const Dataset taken = std::move(moved).dataset();
    QVERIFY(arma::approx_equal(taken.features(), copy.features(), "absdiff", 0));
    QVERIFY(arma::approx_equal(taken.labels(), copy.labels(), "absdiff", 0));
    // The dummies are flagged (the transform leaves them 0/1), the flipper length is not.
    const std::vector<bool> dummies = {false, true, true, true, true, true};
    QCOMPARE(d.dummyFeatures(), dummies);
    QCOMPARE(copy.dummyFeatures(), dummies);
    QCOMPARE(taken.dummyFeatures(), dummies);
    DesignOptions numeric;
    numeric.label = "body_mass_g";
    numeric.features = {"flipper_length_mm", "year"};
    QVERIFY(Design::build(readCsv(kPenguins), numeric).dataset().dummyFeatures().empty());
}

void tst_Design::refusalsNameTheColumn() {
    const TypedTable table = readCsv(kPenguins);
    auto refused = [&](DesignOptions options) {
        if (options.label.empty())
            options.label = "body_mass_g";
        return refusal([&] { Design::build(table, options); });
    };
    DesignOptions o;
    o.label = "mass";
    QVERIFY(mentions(refused(o), "\"mass\""));
    o = {};
    o.features = {"sex", "sex"};
    QVERIFY(mentions(refused(o), "twice"));
    o.features = {"body_mass_g"};
    QVERIFY(mentions(refused(o), "is the label"));
    o.features = {"sex"};
    o.ignored = {"sex"};
    QVERIFY(mentions(refused(o), "ignored"));
    o = {};
    o.fill = {"body_mass_g"};
    QVERIFY(mentions(refused(o), "never filled"));
    o.fill = {"nope"};
    QVERIFY(mentions(refused(o), "\"nope\""));
    o = {};
    o.reference["species"] = "Emperor";
    QVERIFY(mentions(refused(o), "\"Emperor\""));
    o.reference = {{"year", "2007"}};
    QVERIFY(mentions(refused(o), "not categorical"));
    o = {};
    o.features = {"bill_length_mm"};
    o.fill = {"sex"};
    QVERIFY(mentions(refused(o), "not a feature"));
    QCOMPARE(std::string(roleName(Role::Label)), std::string("label"));
}

void tst_Design::refusalsInPlainWords() {
    const TypedTable table = readCsv(kPenguins);
    auto refused = [&](DesignOptions options) {
        return refusal([&] { Design::build(table, options); });
    };
    DesignOptions o;
    QCOMPARE(refused(o), std::string("no column is chosen as the label"));
    o.label = "mass";
    QCOMPARE(refused(o), std::string("there is no column \"mass\" to use as the label"));
    o.label = "species";
    QCOMPARE(refused(o), std::string("column \"species\" is categorical and cannot be the label: "
                                     "the label must be numeric or a date"));
    o.label = "body_mass_g";
    o.features = {"flipper"};
    QCOMPARE(refused(o), std::string("there is no column \"flipper\" to use as a feature"));
    o.features = {"bill_length_mm"};
    o.fill = {"sex"};
    QCOMPARE(refused(o), std::string("column \"sex\" cannot be filled: it is not a feature"));
    o.fill.clear();
    o.reference["species"] = "Emperor";
    QCOMPARE(refused(o), std::string("column \"species\" has no level \"Emperor\" to use as the "
                                     "reference"));
}

void tst_Design::rolesWithoutBuilding() {
    const TypedTable table = readCsv(kPenguins);
    DesignOptions defaults;
    defaults.label = "body_mass_g";
    defaults.ignored = {"year"};
    for (const DesignOptions& options : {massOnFlipperAndCategories(), defaults}) {
        const std::vector<Role> roles = Design::rolesFor(table, options);
        QCOMPARE(roles, Design::build(table, options).roles());
    }
    QCOMPARE(Design::rolesFor(table, defaults),
             (std::vector<Role>{Role::Feature, Role::Feature, Role::Feature, Role::Feature,
                                Role::Label, Role::Feature, Role::Ignored}));
    defaults.label = "sex";
    QVERIFY(mentions(refusal([&] { Design::rolesFor(table, defaults); }), "\"sex\""));
}

QTEST_APPLESS_MAIN(tst_Design)
#include "tst_Design.moc"
