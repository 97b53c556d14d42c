#include "app/document/ProjectFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace linlab;

namespace {
ProjectState sample() {
    arma::arma_rng::set_seed(17);
    arma::mat X = arma::randn(25, 3) * 1e3;
    X(0, 0) = 0.1 + 0.2;
    X(1, 1) = 1e-300;
    X(2, 2) = -1.7976931348623157e308;
    arma::vec y = arma::randn(25);
    ProjectState s;
    s.dataset = Dataset(X, y, {"a", "b \"q\"", "\u00e9t\u00e9"}, "label, with comma");
    s.transform = {1.1, Normalization::ZScore, 1};
    s.model = LinearModel(arma::vec{0.30000000000000004, -2.5, 1e-17}, 34.5);
    s.name = QStringLiteral("sample");
    s.showTransformed = true;
    s.trainingMethod = DescentMethod::MiniBatch;
    s.training.learningRate = 0.0123;
    s.training.batchSize = 8;
    s.training.seed = 42;
    s.training.maxEpochs = 5000;
    s.training.tolerance = 1e-7;
    return s;
}

bool sameBits(const arma::mat& a, const arma::mat& b) {
    return arma::size(a) == arma::size(b) &&
           (a.n_elem == 0 || std::memcmp(a.memptr(), b.memptr(), a.n_elem * sizeof(double)) == 0);
}
} // namespace

class tst_ProjectFile : public QObject {
    Q_OBJECT
private slots:
    void roundTripIsBitExact();
    void everyMethodRoundTrips();
    void oldFileWithPlotsStillLoads();
    void noRowsRoundTrip();
    void truncatedAtEveryOffsetIsRefused();
    void wrongTypeInEveryFieldIsNamed_data();
    void wrongTypeInEveryFieldIsNamed();
    void newerVersionIsRefused();
    void notAProject();
    void failedWriteKeepsTheOldFile();
};

void tst_ProjectFile::roundTripIsBitExact() {
    const ProjectState s = sample();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.linlab"));
    ProjectFile::save(path, s);
    const ProjectState r = ProjectFile::load(path);
    QVERIFY(sameBits(r.dataset.features(), s.dataset.features()));
    QVERIFY(sameBits(r.dataset.labels(), s.dataset.labels()));
    QCOMPARE(r.dataset.featureNames(), s.dataset.featureNames());
    QCOMPARE(r.dataset.labelName(), s.dataset.labelName());
    QVERIFY(r.transform == s.transform);
    QVERIFY(sameBits(r.model.weights(), s.model.weights()));
    QCOMPARE(r.model.bias(), s.model.bias());
    QCOMPARE(r.name, s.name);
    QCOMPARE(r.showTransformed, true);
    QVERIFY(r.trainingMethod == DescentMethod::MiniBatch);
    QCOMPARE(r.training.learningRate, 0.0123);
    QCOMPARE(r.training.batchSize, std::size_t(8));
    QCOMPARE(r.training.seed, std::uint64_t(42));
    QCOMPARE(r.training.maxEpochs, std::size_t(5000));
    QCOMPARE(r.training.tolerance, 1e-7);
    const QJsonObject root = QJsonDocument::fromJson(ProjectFile::toJson(s)).object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("linlab"));
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    const QJsonObject training = root.value(QStringLiteral("training")).toObject();
    QCOMPARE(training.value(QStringLiteral("method")).toString(), QStringLiteral("sgd"));
}

void tst_ProjectFile::everyMethodRoundTrips() {
    for (DescentMethod method : kDescentMethods) {
        ProjectState s = sample();
        s.trainingMethod = method;
        const ProjectState r = ProjectFile::fromJson(ProjectFile::toJson(s), QStringLiteral("m"));
        QVERIFY(r.trainingMethod == method);
    }
}

void tst_ProjectFile::oldFileWithPlotsStillLoads() {
    // Files written before the "plots" list was dropped carry it under "view"; it is ignored.
    QJsonObject root = QJsonDocument::fromJson(ProjectFile::toJson(sample())).object();
    QVERIFY(!root.value(QStringLiteral("view")).toObject().contains(QStringLiteral("plots")));
    QJsonObject view = root.value(QStringLiteral("view")).toObject();
    view.insert(QStringLiteral("plots"),
                QJsonArray{QStringLiteral("data"), QStringLiteral("residuals")});
    root.insert(QStringLiteral("view"), view);
    const ProjectState r =
        ProjectFile::fromJson(QJsonDocument(root).toJson(), QStringLiteral("old.linlab"));
    QCOMPARE(r.showTransformed, true);
    QVERIFY(sameBits(r.dataset.features(), sample().dataset.features()));
}

void tst_ProjectFile::truncatedAtEveryOffsetIsRefused() {
    ProjectState s;
    s.dataset = Dataset::lesson();
    s.model = LinearModel(Dataset::lessonWeights(), Dataset::lessonBias());
    const QByteArray json = ProjectFile::toJson(s);
    QVERIFY(json.size() > 200);
    // Every proper prefix is refused with a message; none crashes or half-loads.
    for (qsizetype cut = 0; cut < json.size() - 1; ++cut) {
        try {
            ProjectFile::fromJson(json.left(cut), QStringLiteral("cut.linlab"));
            QFAIL(qPrintable(QStringLiteral("a project cut at byte %1 was accepted").arg(cut)));
        } catch (const ProjectError& e) {
            QVERIFY(QByteArray(e.what()).startsWith("cut.linlab"));
        }
    }
}

void tst_ProjectFile::wrongTypeInEveryFieldIsNamed_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("json");
    const QString good = QString::fromUtf8(ProjectFile::toJson(sample()));
    auto replaced = [&](const QString& from, const QString& to) {
        QString s = good;
        s.replace(from, to);
        return s;
    };
    QTest::newRow("data") << QStringLiteral("data")
                          << replaced(QStringLiteral("\"data\": {"),
                                      QStringLiteral("\"data\": 3, \"x\": {"));
    QTest::newRow("feature_names") << QStringLiteral("data.feature_names")
                                   << replaced(QStringLiteral("\"feature_names\": ["),
                                               QStringLiteral("\"feature_names\": 7, \"f\": ["));
    QTest::newRow("label_name") << QStringLiteral("data.label_name")
                                << replaced(QStringLiteral("\"label_name\": \"label, with comma\""),
                                            QStringLiteral("\"label_name\": 5"));
    QTest::newRow("labels") << QStringLiteral("data.labels")
                            << replaced(QStringLiteral("\"labels\": ["),
                                        QStringLiteral("\"labels\": \"no\", \"l\": ["));
    QTest::newRow("a label") << QStringLiteral("data.labels[0]")
                             << replaced(QStringLiteral("\"labels\": [\n"),
                                         QStringLiteral("\"labels\": [\n\"x\", "));
    QTest::newRow("scale") << QStringLiteral("transform.scale")
                           << replaced(QStringLiteral("\"scale\": 1.1"),
                                       QStringLiteral("\"scale\": \"1.1\""));
    QTest::newRow("normalize") << QStringLiteral("transform.normalize")
                               << replaced(QStringLiteral("\"zscore\""), QStringLiteral("\"l2\""));
    QTest::newRow("ddof") << QStringLiteral("transform.ddof")
                          << replaced(QStringLiteral("\"ddof\": 1"), QStringLiteral("\"ddof\": 2"));
    QTest::newRow("bias") << QStringLiteral("model.bias")
                          << replaced(QStringLiteral("\"bias\": 34.5"),
                                      QStringLiteral("\"bias\": null"));
    QTest::newRow("weights") << QStringLiteral("model.weights")
                             << replaced(QStringLiteral("\"weights\": ["),
                                         QStringLiteral("\"weights\": {}, \"w\": ["));
    QTest::newRow("training method")
        << QStringLiteral("training.method")
        << replaced(QStringLiteral("\"sgd\""), QStringLiteral("\"adam\""));
    QTest::newRow("batch size") << QStringLiteral("training.batch_size")
                                << replaced(QStringLiteral("\"batch_size\": 8"),
                                            QStringLiteral("\"batch_size\": 2.5"));
    QTest::newRow("view") << QStringLiteral("view")
                          << replaced(QStringLiteral("\"view\": {"),
                                      QStringLiteral("\"view\": [], \"v\": {"));
}

void tst_ProjectFile::wrongTypeInEveryFieldIsNamed() {
    QFETCH(QString, field);
    QFETCH(QString, json);
    try {
        ProjectFile::fromJson(json.toUtf8(), QStringLiteral("bad.linlab"));
        QFAIL("accepted");
    } catch (const ProjectError& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(QStringLiteral("\u201c%1\u201d").arg(field)),
                 qPrintable(message));
        QVERIFY(message.startsWith(QStringLiteral("bad.linlab")));
    }
}

void tst_ProjectFile::newerVersionIsRefused() {
    QByteArray json = ProjectFile::toJson(sample());
    json.replace("\"version\": 1", "\"version\": 3");
    try {
        ProjectFile::fromJson(json, QStringLiteral("new.linlab"));
        QFAIL("accepted");
    } catch (const ProjectError& e) {
        QVERIFY(QByteArray(e.what()).contains("newer LinLab"));
    }
}

void tst_ProjectFile::notAProject() {
    QVERIFY_THROWS_EXCEPTION(ProjectError, ProjectFile::fromJson("[1, 2]", QStringLiteral("a")));
    QVERIFY_THROWS_EXCEPTION(ProjectError,
                             ProjectFile::fromJson("{\"format\": \"other\"}", QStringLiteral("a")));
    QVERIFY_THROWS_EXCEPTION(ProjectError,
                             ProjectFile::load(QStringLiteral("/nonexistent/p.linlab")));
}

void tst_ProjectFile::failedWriteKeepsTheOldFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("keep.linlab"));
    ProjectState first;
    first.dataset = Dataset::lesson();
    first.model = LinearModel(2);
    ProjectFile::save(path, first);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();

    QVERIFY_THROWS_EXCEPTION(
        ProjectError, ProjectFile::save(dir.filePath(QStringLiteral("gone/p.linlab")), sample()));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("gone/p.linlab"))));
    QVERIFY_THROWS_EXCEPTION(ProjectError,
                             ProjectFile::save(QStringLiteral("/dev/full"), sample()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void tst_ProjectFile::noRowsRoundTrip() {
    // Two feature columns and no rows (found by fuzz_project: saving took col() of an empty
    // matrix).
    ProjectState s;
    s.dataset = Dataset(arma::mat(0, 2), arma::vec(), {"a", "b"}, "y");
    s.model = LinearModel(arma::vec{1, 2}, 3);
    const ProjectState back =
        ProjectFile::fromJson(ProjectFile::toJson(s), QStringLiteral("memory"));
    QCOMPARE(back.dataset.rowCount(), arma::uword(0));
    QCOMPARE(back.dataset.featureCount(), arma::uword(2));
    QCOMPARE(back.dataset.featureNames(), (std::vector<std::string>{"a", "b"}));
    QCOMPARE(back.model.bias(), 3.0);
}

QTEST_GUILESS_MAIN(tst_ProjectFile)
#include "tst_ProjectFile.moc"
