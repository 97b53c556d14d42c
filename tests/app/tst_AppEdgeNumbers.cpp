// Numbers at the edges (tests/model/EdgeData.h) through `linlab --batch` and the window: a sane
// exit status, strict JSON, least squares flagged where its weights are not unique, and words
// that say why where a number cannot be had. The model pipeline on the same data:
// tests/model/tst_EdgeNumbers.

#include "app/document/Document.h"
#include "tests/model/EdgeData.h"
#include "ui/training/TrainingSession.h"
#include "ui/window/MainWindow.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <string>

using namespace linlab;
using namespace edgedata;

class tst_AppEdgeNumbers : public QObject {
    Q_OBJECT
private slots:
    void batch_data();
    void batch();
    void trainingViewSaysWhyOnHugeData();
    void windowOnALabelOnlyTable();

private:
    QTemporaryDir m_dir;
};

// The batch command line on edge files: a sane status, strict JSON, least squares flagged.
void tst_AppEdgeNumbers::batch_data() {
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("rank"); // least_squares.rank; -1: not checked
    QTest::addColumn<bool>("rankDeficient");

    const QStringList lstsq{QStringLiteral("--fit"), QStringLiteral("lstsq")};
    const QStringList gd{QStringLiteral("--fit"), QStringLiteral("gd"), QStringLiteral("--epochs"),
                         QStringLiteral("20")};
    const QStringList zscore{QStringLiteral("--normalize"), QStringLiteral("zscore")};
    const QByteArray huge =
        "a,b,y\n1e300,2e300,1e300\n2e300,1e300,3e300\n3e300,5e300,2e300\n4e300,3e300,5e300\n";
    const QByteArray tiny = "a,b,y\n1e-300,2e-300,1e-300\n2e-300,1e-300,3e-300\n3e-300,5e-300,2e-"
                            "300\n4e-300,3e-300,5e-300\n";
    const QByteArray single = "a,b,y\n2,3,4\n";
    const QByteArray wide = "a,b,c,d,e,y\n1,0,2,5,-1,1\n0,3,1,1,2,2\n4,1,0,2,2,4\n";
    const QByteArray constantLabel = "a,b,y\n1,2,5\n2,1,5\n3,5,5\n4,3,5\n";
    const QByteArray constantFeature = "a,b,y\n1,7,3\n2,7,5\n3,7,8\n4,7,9\n";
    const QByteArray collinear = "a,b,y\n1,2,3\n2,4,5\n3,6,8\n4,8,9\n";

    QTest::newRow("huge") << huge << QStringList{} << 0 << 3 << false;
    QTest::newRow("huge, lstsq") << huge << lstsq << 0 << 3 << false;
    QTest::newRow("huge, gd") << huge << gd << 0 << 3 << false;
    QTest::newRow("huge, zscore, gd") << huge << zscore + gd << 0 << 3 << false;
    QTest::newRow("tiny, lstsq") << tiny << lstsq << 0 << 3 << false;
    QTest::newRow("tiny, zscore, gd") << tiny << zscore + gd << 0 << 3 << false;
    QTest::newRow("single row, lstsq") << single << lstsq << 0 << 1 << true;
    QTest::newRow("single row, zscore ddof 1, gd")
        << single << zscore + QStringList{QStringLiteral("--ddof"), QStringLiteral("1")} + gd << 0
        << 1 << true;
    QTest::newRow("more features than rows, lstsq") << wide << lstsq << 0 << 3 << true;
    QTest::newRow("more features than rows, gd") << wide << gd << 0 << 3 << true;
    QTest::newRow("constant label, lstsq") << constantLabel << lstsq << 0 << 3 << false;
    QTest::newRow("constant feature, zscore, lstsq")
        << constantFeature << zscore + lstsq << 0 << 2 << true;
    QTest::newRow("collinear, minmax, gd")
        << collinear << QStringList{QStringLiteral("--normalize"), QStringLiteral("minmax")} + gd
        << 0 << 2 << true;
    // Past the largest double is not a number the reader accepts: status 3, naming the place.
    QTest::newRow("1e309") << QByteArray("a,y\n1,2\n1e309,3\n") << QStringList{} << 3 << -1
                           << false;
    // The file is fine, but the scale factor takes it past the largest double: status 3, saying so.
    QTest::newRow("huge, scale 1e10")
        << huge << QStringList{QStringLiteral("--scale"), QStringLiteral("1e10")} << 3 << -1
        << false;
    // A label and no feature: the intercept-only model (it crashed writing the n x 0 features).
    const QByteArray labelOnly = "y\n1\n2\n4\n";
    QTest::newRow("label only") << labelOnly << QStringList{} << 0 << 1 << false;
    QTest::newRow("label only, lstsq") << labelOnly << lstsq << 0 << 1 << false;
    QTest::newRow("label only, zscore, gd") << labelOnly << zscore + gd << 0 << 1 << false;
    QTest::newRow("header only") << QByteArray("a,y\n") << QStringList{} << 3 << -1 << false;
}

void tst_AppEdgeNumbers::batch() {
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(int, rank);
    QFETCH(bool, rankDeficient);

    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("edge.csv"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(csv);
    }
    QProcess p;
    p.start(QStringLiteral(LINLAB_EXE), QStringList{QStringLiteral("--batch"), path} + args);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    const QByteArray out = p.readAllStandardOutput(), err = p.readAllStandardError();
    QVERIFY2(p.exitCode() == exitCode, err.constData());
    if (exitCode != 0) {
        QVERIFY(out.isEmpty());
        QVERIFY(err.startsWith("linlab: "));
        QVERIFY(err.contains(path.toUtf8()));
        QVERIFY(err.contains(" of the range of a double") ||
                err.contains("past the largest double") || err.contains("no data rows"));
        return;
    }
    QVERIFY2(err.isEmpty(), err.constData()); // no library warning on stderr
    QVERIFY2(strictJson(out), out.constData());
    QJsonParseError error{};
    const QJsonObject report = QJsonDocument::fromJson(out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject ls = report.value(QStringLiteral("least_squares")).toObject();
    QCOMPARE(ls.value(QStringLiteral("rank")).toInt(), rank);
    QCOMPARE(ls.value(QStringLiteral("rank_deficient")).toBool(), rankDeficient);
    for (const QJsonValue& w : ls.value(QStringLiteral("weights")).toArray())
        QVERIFY(w.isDouble());
    QVERIFY(ls.value(QStringLiteral("bias")).isDouble());
    // Every statistic of the features is a number; only a std with n <= ddof is null.
    const QJsonObject transform = report.value(QStringLiteral("transform")).toObject();
    const bool stdUndefined = report.value(QStringLiteral("n_samples")).toInt() <=
                              transform.value(QStringLiteral("ddof")).toInt();
    for (const char* key : {"mean", "std", "min", "max"})
        for (const QJsonValue& v : transform.value(QLatin1String(key)).toArray())
            QVERIFY2(v.isDouble() || (stdUndefined && std::string(key) == "std"), key);
    if (report.contains(QStringLiteral("fit"))) {
        const QJsonObject fit = report.value(QStringLiteral("fit")).toObject();
        const QString reason = fit.value(QStringLiteral("stop_reason")).toString();
        QVERIFY2(reason != QLatin1String("no_data"), qPrintable(reason));
        QCOMPARE(fit.value(QStringLiteral("diverged")).toBool(),
                 reason == QLatin1String("diverged"));
        for (const QJsonValue& w : report.value(QStringLiteral("weights")).toArray())
            QVERIFY(w.isDouble());
        QVERIFY(report.value(QStringLiteral("bias")).isDouble());
    }
}

// The training view on 1e300 data: the run stops at once, with words that say why (it used
// to read "No rows to learn from", and a rate or bound shown as a dash).
void tst_AppEdgeNumbers::trainingViewSaysWhyOnHugeData() {
    Document doc;
    doc.replaceAll(edgeDataset(QStringLiteral("huge")), TransformSettings(), LinearModel(2),
                   QStringLiteral("huge"));
    TrainingSession session(&doc);
    session.toEnd();
    const QString text = session.stopText();
    QVERIFY2(text.contains(QStringLiteral("1e300")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("nan"), Qt::CaseInsensitive));
    QVERIFY(doc.model().weights().is_finite() && std::isfinite(doc.model().bias()));
}

// The window on a table with a label and no feature (a one-column CSV): every view follows the
// document without a crash, and least squares and gradient descent both give the label's mean.
void tst_AppEdgeNumbers::windowOnALabelOnlyTable() {
    QStandardPaths::setTestModeEnabled(true); // no recovery file in the user's place
    MainWindow w;
    w.show();
    Document* doc = w.document();
    doc->replaceAll(Dataset(arma::mat(3, 0), arma::vec{1, 2, 4}, {}, "y"), TransformSettings(),
                    LinearModel(0), QStringLiteral("label only"));
    QTest::qWait(20);
    doc->setModel(doc->leastSquaresModel());
    QVERIFY(close(doc->model().bias(), 7.0 / 3.0));
    QVERIFY(close(doc->evaluation().metrics.mse, 14.0 / 9.0));
    doc->setModel(LinearModel(0));
    TrainingSession session(doc);
    session.toEnd();
    QVERIFY2(close(doc->model().bias(), 7.0 / 3.0, 1e-9), qPrintable(session.stopText()));
    QTest::qWait(20);
}

QTEST_MAIN(tst_AppEdgeNumbers)
#include "tst_AppEdgeNumbers.moc"
