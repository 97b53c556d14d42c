// Derived features in a version 2 project (issue 15): source.design.derived round trips, the
// dataset read back holds them, a project without any writes no `derived` key, and a bad entry
// or expression is named.

#include "app/document/ProjectFile.h"
#include "model/data/Design.h"
#include "model/io/TypedCsvReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace linlab;

namespace {

ProjectState derivedState(std::vector<DerivedSpec> derived) {
    const char* csv = "species,flipper length,mass\n"
                      "Adelie,181,3750\n"
                      "Gentoo,211,4500\n"
                      "Gentoo,230,5700\n"
                      "Adelie,196,3900\n";
    ProjectState s;
    s.source = SourceTable{};
    s.source->table = TypedCsvReader::readString(csv, "d.csv", {}, {}).table;
    s.source->design.label = "mass";
    s.source->design.features = {"species", "flipper length"};
    s.source->design.derived = std::move(derived);
    s.dataset = Design::build(s.source->table, s.source->design).dataset();
    s.model = LinearModel(s.dataset.featureCount());
    s.name = QStringLiteral("derived");
    return s;
}

QJsonObject designOf(const QByteArray& json) {
    return QJsonDocument::fromJson(json)
        .object()
        .value(QStringLiteral("source"))
        .toObject()
        .value(QStringLiteral("design"))
        .toObject();
}

// The project's JSON with source.design.derived replaced by `derived`, read back: the message.
QString refusalWith(const QJsonValue& derived) {
    QJsonObject root =
        QJsonDocument::fromJson(ProjectFile::toJson(derivedState({{"f2", "[flipper length]^2"}})))
            .object();
    QJsonObject source = root.value(QStringLiteral("source")).toObject();
    QJsonObject design = source.value(QStringLiteral("design")).toObject();
    design[QStringLiteral("derived")] = derived;
    source[QStringLiteral("design")] = design;
    root[QStringLiteral("source")] = source;
    try {
        ProjectFile::fromJson(QJsonDocument(root).toJson(), QStringLiteral("bad.linlab"));
    } catch (const ProjectError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace

class tst_ProjectDerived : public QObject {
    Q_OBJECT
private slots:
    void roundTrips() {
        const std::vector<DerivedSpec> derived{{"f2", "[flipper length]^2"},
                                               {"g f", "[species=Gentoo] * f2"}};
        const QByteArray json = ProjectFile::toJson(derivedState(derived));
        const QJsonArray saved = designOf(json).value(QStringLiteral("derived")).toArray();
        QCOMPARE(saved.size(), 2);
        QCOMPARE(saved.at(1).toObject().value(QStringLiteral("expression")).toString(),
                 QStringLiteral("[species=Gentoo] * f2"));
        const ProjectState r = ProjectFile::fromJson(json, QStringLiteral("d.linlab"));
        QVERIFY(r.source);
        QVERIFY(r.source->design.derived == derived);
        QCOMPARE(r.dataset.featureNames(),
                 (std::vector<std::string>{"species=Gentoo", "flipper length", "f2", "g f"}));
        QCOMPARE(r.dataset.features()(2, 3), 230.0 * 230);
        QCOMPARE(r.dataset.features()(0, 3), 0.0);
    }

    void noDerivedNoKey() {
        const QByteArray json = ProjectFile::toJson(derivedState({}));
        QVERIFY(!designOf(json).contains(QStringLiteral("derived")));
        QVERIFY(
            ProjectFile::fromJson(json, QStringLiteral("d.linlab")).source->design.derived.empty());
    }

    void badEntriesAreNamed() {
        const QString notArray = refusalWith(QStringLiteral("x"));
        QVERIFY2(notArray.contains(QStringLiteral("\u201csource.design.derived\u201d")),
                 qPrintable(notArray));
        const QString notObject = refusalWith(QJsonArray{3});
        QVERIFY2(notObject.contains(QStringLiteral("\u201csource.design.derived[0]\u201d")),
                 qPrintable(notObject));
        const QString noExpression =
            refusalWith(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("a")}}});
        QVERIFY2(noExpression.contains(QStringLiteral("source.design.derived[0].expression")),
                 qPrintable(noExpression));
        const QString badValue = refusalWith(QJsonArray{QJsonObject{
            {QStringLiteral("name"), QStringLiteral("l")},
            {QStringLiteral("expression"), QStringLiteral("log([flipper length] - 200)")}}});
        QVERIFY2(badValue.contains(QStringLiteral("\u201csource.design\u201d")) &&
                     badValue.contains(QStringLiteral("row 1 gives nan")),
                 qPrintable(badValue));
    }
};

QTEST_GUILESS_MAIN(tst_ProjectDerived)
#include "tst_ProjectDerived.moc"
