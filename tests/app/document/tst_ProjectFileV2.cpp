// Project format version 2: a typed document's table (every type, cell state and level), its
// missing tokens and design options round trip exactly; plain documents stay version 1; version 1
// files still open; a bad version 2 field is named.

#include "app/document/ProjectFile.h"
#include "model/data/Design.h"
#include "model/data/DesignRoles.h"
#include "model/io/TypedCsvReader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace linlab;

namespace {

// Every type (a date with a time of day too), every cell state: missing ("NA", "-"), invalid
// ("21x1"), a text with a comma, a categorical missing value filled, a chosen reference level.
SourceTable typedSource() {
    const char* csv = "species,bill,flipper,date,name,mass\n"
                      "Adelie,18.7,181,2007-11-11,\"Ada, the first\",3750\n"
                      "Adelie,NA,186,2007-11-11,Bea,3800\n"
                      "Gentoo,13.2,21x1,2008-11-13,Hal,NA\n"
                      "Chinstrap,17.9,192,2007-11-20 10:30,-,3500\n"
                      "Gentoo,16.3,230,2008-11-14,Ivy,5700\n"
                      "-,19.5,196,2007-11-21,\u00c9mile,3900\n";
    TypedReadOptions typed;
    typed.missingTokens = {"", "NA", "-"};
    typed.columns["name"].type = ColumnType::Text;
    SourceTable s;
    s.table = TypedCsvReader::readString(csv, "typed.csv", {}, typed).table;
    s.missingTokens = typed.missingTokens;
    s.design.label = "mass";
    s.design.features = {"species", "bill", "flipper", "date"};
    s.design.ignored = {"name"};
    s.design.fill = {"bill", "species"};
    s.design.reference["species"] = "Gentoo";
    return s;
}

ProjectState typedState() {
    ProjectState s;
    s.source = typedSource();
    s.dataset = Design::build(s.source->table, s.source->design).dataset();
    s.transform = {1.5, Normalization::MinMax, 0};
    s.model = LinearModel(arma::vec{0.1, -2, 3.5, 1e-3, 0.30000000000000004}, -7);
    s.name = QStringLiteral("typed");
    return s;
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    // memcmp needs non-null pointers even for zero bytes; an empty vector's data() may be null.
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

// `node` with the value at `path` ("source.columns.0.values.1": keys, and indices of arrays)
// replaced by `value`.
QJsonValue replacedAt(const QJsonValue& node, QStringList path, const QJsonValue& value) {
    if (path.isEmpty())
        return value;
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        a[key.toInt()] = replacedAt(a.at(key.toInt()), path, value);
        return a;
    }
    QJsonObject o = node.toObject();
    o[key] = replacedAt(o.value(key), path, value);
    return o;
}
} // namespace

class tst_ProjectFileV2 : public QObject {
    Q_OBJECT
private slots:
    void typedRoundTripIsExact();
    void fillAllRoundTrips();
    void plainStaysVersion1();
    void version1FileStillLoads();
    void badFieldIsNamed_data();
    void badFieldIsNamed();
};

void tst_ProjectFileV2::typedRoundTripIsExact() {
    const ProjectState s = typedState();
    const SourceTable& a = *s.source;
    QCOMPARE(a.table.invalidCount(), std::size_t(1)); // the data are what the test says
    QCOMPARE(a.table.column(0).type(), ColumnType::Categorical);
    QCOMPARE(a.table.column(3).type(), ColumnType::Date);
    QCOMPARE(a.table.column(4).type(), ColumnType::Text);
    const QByteArray json = ProjectFile::toJson(s);
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 2);
    QVERIFY(!root.contains(QStringLiteral("data"))); // the dataset follows from the source

    const ProjectState r = ProjectFile::fromJson(json, QStringLiteral("typed.linlab"));
    QVERIFY(r.source);
    const SourceTable& b = *r.source;
    QCOMPARE(b.missingTokens, a.missingTokens);
    QCOMPARE(b.table.columnCount(), a.table.columnCount());
    QCOMPARE(b.table.rowCount(), a.table.rowCount());
    for (std::size_t c = 0; c < a.table.columnCount(); ++c) {
        const Column& x = a.table.column(c);
        const Column& y = b.table.column(c);
        QCOMPARE(y.name(), x.name());
        QCOMPARE(y.type(), x.type());
        QVERIFY(y.states() == x.states());
        QVERIFY(sameBits(y.values(), x.values())); // NaN where missing, same bits elsewhere
        QCOMPARE(y.levels(), x.levels());
        QVERIFY(y.codes() == x.codes());
        for (std::size_t row = 0; row < x.rowCount(); ++row)
            QCOMPARE(y.cellText(row), x.cellText(row));
    }
    QCOMPARE(b.table.column(2).state(2), CellState::Invalid);
    QCOMPARE(b.table.column(4).state(3), CellState::Missing);
    QCOMPARE(b.table.column(4).cellText(5), std::string("\u00c9mile"));
    QCOMPARE(b.table.invalidCells().size(), std::size_t(1));
    QCOMPARE(b.table.invalidCells()[0].text, std::string("21x1"));
    QCOMPARE(b.table.invalidCells()[0].row, std::size_t(2));
    QCOMPARE(b.table.invalidCells()[0].column, std::size_t(2));
    QCOMPARE(b.design.label, a.design.label);
    QCOMPARE(b.design.features, a.design.features);
    QCOMPARE(b.design.ignored, a.design.ignored);
    QCOMPARE(b.design.fill, a.design.fill);
    QCOMPARE(b.design.fillAll, a.design.fillAll);
    QVERIFY(b.design.reference == a.design.reference);
    // The dataset read back is the design's: used rows, dummies, fills.
    QCOMPARE(r.dataset.featureNames(), s.dataset.featureNames());
    QVERIFY(arma::approx_equal(r.dataset.features(), s.dataset.features(), "absdiff", 0.0));
    QVERIFY(arma::approx_equal(r.dataset.labels(), s.dataset.labels(), "absdiff", 0.0));
    QCOMPARE(r.dataset.rowCount(), arma::uword(5));
    QVERIFY(r.transform == s.transform);
    QVERIFY(arma::approx_equal(r.model.weights(), s.model.weights(), "absdiff", 0.0));
    QCOMPARE(r.model.bias(), -7.0);
    QCOMPARE(r.name, QStringLiteral("typed"));
    // And it writes the same text again.
    QCOMPARE(ProjectFile::toJson(r), json);
}

void tst_ProjectFileV2::fillAllRoundTrips() {
    ProjectState s = typedState();
    s.source->design.fill.clear();
    s.source->design.fillAll = true;
    s.source->design.reference.clear();
    s.source->design.features.clear(); // the default features, then
    s.dataset = Design::build(s.source->table, s.source->design).dataset();
    s.model = LinearModel(s.dataset.featureCount());
    const ProjectState r = ProjectFile::fromJson(ProjectFile::toJson(s), QStringLiteral("m"));
    QCOMPARE(r.source->design.fillAll, true);
    QVERIFY(r.source->design.features.empty());
    QVERIFY(r.source->design.reference.empty());
    QCOMPARE(r.dataset.featureNames(), s.dataset.featureNames());
    QCOMPARE(r.dataset.rowCount(), arma::uword(5)); // every feature filled: only the NA label out
}

void tst_ProjectFileV2::plainStaysVersion1() {
    // A plain document is written as before, so an older LinLab still opens it.
    ProjectState s;
    s.dataset = Dataset::lesson();
    s.model = LinearModel(Dataset::lessonWeights(), Dataset::lessonBias());
    const QJsonObject root = QJsonDocument::fromJson(ProjectFile::toJson(s)).object();
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), ProjectFile::kPlainVersion);
    QVERIFY(root.contains(QStringLiteral("data")));
    QVERIFY(!root.contains(QStringLiteral("source")));
    QVERIFY(!ProjectFile::fromJson(ProjectFile::toJson(s), QStringLiteral("p")).source);
}

void tst_ProjectFileV2::version1FileStillLoads() {
    // A file as an earlier LinLab wrote it (the fuzzer's seed).
    const ProjectState r = ProjectFile::load(
        QStringLiteral(LINLAB_SOURCE_DIR "/tests/fuzz/corpus/project/lesson.linlab"));
    QVERIFY(!r.source);
    QCOMPARE(r.dataset.featureCount(), Dataset::lesson().featureCount());
    QCOMPARE(r.dataset.rowCount(), Dataset::lesson().rowCount());
    QCOMPARE(r.model.weights().n_elem, r.dataset.featureCount());
}

void tst_ProjectFileV2::badFieldIsNamed_data() {
    QTest::addColumn<QString>("path");  // where the value is put
    QTest::addColumn<QString>("value"); // the JSON put there
    QTest::addColumn<QString>("field"); // what the message must name
    auto row = [](const char* name, const char* path, const char* value, const char* field) {
        QTest::newRow(name) << QString::fromLatin1(path) << QString::fromUtf8(value)
                            << QString::fromLatin1(field);
    };
    row("source", "source", "[]", "source");
    row("columns", "source.columns", "3", "source.columns");
    row("a column", "source.columns.1", "\"bill\"", "source.columns[1]");
    row("name", "source.columns.1.name", "null", "source.columns[1].name");
    row("type", "source.columns.1.type", "\"blob\"", "source.columns[1].type");
    row("values", "source.columns.1.values", "{}", "source.columns[1].values");
    row("a value", "source.columns.1.values.2", "\"x\"", "source.columns[1].values[2]");
    row("too few cells", "source.columns.3.values", "[1, 2]", "source.columns[3].values");
    row("a code", "source.columns.0.codes.0", "7", "source.columns[0].codes[0]");
    row("a fraction code", "source.columns.0.codes.0", "0.5", "source.columns[0].codes[0]");
    row("levels twice", "source.columns.0.levels", "[\"a\", \"a\", \"b\"]",
        "source.columns[0].levels");
    row("a text", "source.columns.4.texts.0", "5", "source.columns[4].texts[0]");
    row("invalid row", "source.columns.2.invalid.0", "9", "source.columns[2].invalid[0]");
    row("invalid with a value", "source.columns.2.invalid.0", "1", "source.columns[2].invalid[0]");
    row("listed cell not invalid", "source.invalid_cells.0.column", "1", "source.invalid_cells[0]");
    row("listed text", "source.invalid_cells.0.text", "[]", "source.invalid_cells[0].text");
    row("missing tokens", "source.missing_tokens", "[1]", "source.missing_tokens[0]");
    row("design", "source.design", "true", "source.design");
    row("label", "source.design.label", "3", "source.design.label");
    row("features", "source.design.features", "\"bill\"", "source.design.features");
    row("fill all", "source.design.fill_all", "\"yes\"", "source.design.fill_all");
    row("a reference", "source.design.reference.species", "4", "source.design.reference.species");
    row("a text label", "source.design.label", "\"name\"", "source.design");
    row("an unknown level", "source.design.reference.species", "\"Emperor\"", "source.design");
    row("weights", "model.weights", "[1, 2]", "model.weights");
}

void tst_ProjectFileV2::badFieldIsNamed() {
    QFETCH(QString, path);
    QFETCH(QString, value);
    QFETCH(QString, field);
    const QJsonObject good = QJsonDocument::fromJson(ProjectFile::toJson(typedState())).object();
    const QJsonArray wrapped =
        QJsonDocument::fromJson(QStringLiteral("[%1]").arg(value).toUtf8()).array();
    QCOMPARE(wrapped.size(), 1);
    const QJsonValue bad = replacedAt(good, path.split(QLatin1Char('.')), wrapped.at(0));
    try {
        ProjectFile::fromJson(QJsonDocument(bad.toObject()).toJson(), QStringLiteral("bad.linlab"));
        QFAIL("accepted");
    } catch (const ProjectError& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(QStringLiteral("\u201c%1\u201d").arg(field)),
                 qPrintable(message));
        QVERIFY(message.startsWith(QStringLiteral("bad.linlab")));
    }
}

QTEST_GUILESS_MAIN(tst_ProjectFileV2)
#include "tst_ProjectFileV2.moc"
