// The first hour's data: the built-in examples (File > Open Example in a document and `linlab
// --batch --example NAME` open the same data with the same label, ignored columns, transform
// and model) and Data > Generate (one undo step that puts back whatever was there). Known answers
// from NumPy 1.24 and statsmodels 0.13 (python3-numpy, python3-statsmodels) on the same CSV text.
#include "app/document/Document.h"
#include "app/document/ExampleLoader.h"
#include "app/document/ReplaceDataCommand.h"
#include "model/data/Examples.h"
#include "model/data/SyntheticData.h"
#include "tests/app/batch/BatchRun.h"
#include "tests/common/TestUtil.h"

#include <QTest>
#include <QUndoStack>

using namespace linlab;
using testutil::closeRel;

namespace {

void openExample(Document& doc, const char* name) {
    const Example* e = Examples::find(name);
    QVERIFY(e);
    ExampleLoader::open(&doc, *e);
}

// The weight of feature `name` in `model`.
double weightOf(const Document& doc, const LinearModel& model, const std::string& name) {
    const std::vector<std::string>& names = doc.dataset().featureNames();
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? arma::datum::nan : model.weights()(arma::uword(it - names.begin()));
}

} // namespace

class tst_Examples : public QObject {
    Q_OBJECT
private slots:
    void namesAreTheBatchNames() {
        QCOMPARE(QString::fromStdString(Examples::names()),
                 QStringLiteral("lesson, practice, anscombe, penguins"));
        QVERIFY(!Examples::find("iris"));
        for (const Example& e : Examples::all())
            QVERIFY2(!e.title.empty() && !e.about.empty() && !e.label.empty(), e.name.c_str());
    }
    // The lesson's example is the lesson itself (its data, names, weights and bias).
    void lessonIsTheLesson() {
        Document doc;
        doc.setModel(LinearModel(2));
        openExample(doc, "lesson");
        QVERIFY(doc.dataset().isLesson());
        QVERIFY(!doc.isTyped());
        QVERIFY(arma::all(doc.model().weights() == Dataset::lessonWeights()));
        QCOMPARE(doc.model().bias(), Dataset::lessonBias());
        QCOMPARE(doc.evaluation().metrics.mse, 509.0); // the lesson's MSE (seed_lesson.json)
    }
    // The exercise: 5 x 2, z-scored (ddof 0), w = [4, 3], b = 0: NumPy's z @ w.
    void practiceIsTheExercise() {
        Document doc;
        openExample(doc, "practice");
        QCOMPARE(doc.dataset().rowCount(), arma::uword(5));
        QCOMPARE(doc.dataset().featureCount(), arma::uword(2));
        QCOMPARE(doc.transformSettings().normalization, Normalization::ZScore);
        const arma::vec numpy = {0.37463432463267793, -5.493029265253741, 8.115469537682484,
                                 -9.487521231976771, 6.490446634915351};
        QVERIFY(arma::approx_equal(doc.evaluation().predictions, numpy, "absdiff", 1e-12));
        QVERIFY(closeRel(doc.evaluation().metrics.mse, 5284.73829151902, 1e-12));
    }
    // Anscombe: 44 rows of x and y, the set ignored; the pooled least squares is y = 3 + 0.5 x
    // (numpy.linalg.lstsq: 0.49993181818181853, 3.001295454545454).
    void anscombeIsOneLine() {
        Document doc;
        openExample(doc, "anscombe");
        QVERIFY(doc.isTyped());
        QCOMPARE(doc.tableColumnCount(), 3);
        QCOMPARE(doc.dataset().featureNames(), std::vector<std::string>{"x"});
        const LinearModel ls = doc.leastSquaresModel();
        QVERIFY(closeRel(ls.weights()(0), 0.49993181818181853, 1e-12));
        QVERIFY(closeRel(ls.bias(), 3.001295454545454, 1e-12));
    }
    // Penguins: 333 of 344 rows used, dummies named COLUMN=LEVEL; statsmodels OLS on the same
    // rows (year dropped).
    void penguinsHaveCategoriesAndMissingRows() {
        Document doc;
        openExample(doc, "penguins");
        QCOMPARE(doc.tableRowCount(), 344);
        QCOMPARE(doc.dataset().rowCount(), arma::uword(333));
        QCOMPARE(doc.dataset().labelName(), std::string("body_mass_g"));
        const LinearModel ls = doc.leastSquaresModel();
        QVERIFY(closeRel(ls.bias(), -1500.0290954919758, 1e-9));
        QVERIFY(closeRel(weightOf(doc, ls, "flipper_length_mm"), 16.238506166595744, 1e-9));
        QVERIFY(closeRel(weightOf(doc, ls, "species=Gentoo"), 987.7614450023009, 1e-9));
        QVERIFY(closeRel(weightOf(doc, ls, "sex=male"), 387.2242552964415, 1e-9));
        QVERIFY(std::isnan(weightOf(doc, ls, "year")));
    }
    // Generating replaces a typed table with a plain one; undo puts the table, its design, the
    // transform, the model and the fit settings back; redo generates the same rows again.
    void generatedDataIsOneUndoStep() {
        Document doc;
        openExample(doc, "penguins");
        FitSettings fit;
        fit.testFraction = 0.2;
        doc.setFitSettings(fit);
        doc.setModel(
            LinearModel(arma::vec(doc.dataset().featureCount(), arma::fill::value(1.5)), 7));
        const Document::DataState before = doc.dataState();
        SyntheticSpec spec;
        spec.rows = 50;
        spec.weights = {2, -1};
        doc.undoStack()->push(new ReplaceDataCommand(&doc, SyntheticData::generate(spec),
                                                     doc.transformSettings(),
                                                     QStringLiteral("Generate Data")));
        QVERIFY(!doc.isTyped());
        QCOMPARE(doc.dataset().rowCount(), arma::uword(50));
        QCOMPARE(doc.model().weights().n_elem, arma::uword(2));
        QCOMPARE(doc.fitSettings().testFraction, 0.2); // the hold-out stays
        QCOMPARE(doc.name(), QStringLiteral("penguins"));
        doc.undoStack()->undo();
        QVERIFY(doc.isTyped());
        QCOMPARE(doc.tableRowCount(), 344);
        QCOMPARE(doc.dataset().rowCount(), arma::uword(333));
        QVERIFY(arma::all(doc.model().weights() == before.model.weights()));
        QCOMPARE(doc.model().bias(), 7.0);
        QCOMPARE(doc.fitSettings(), fit);
        doc.undoStack()->redo();
        QVERIFY(arma::all(arma::vectorise(doc.dataset().features()) ==
                          arma::vectorise(SyntheticData::generate(spec).features())));
    }
    // The batch opens the same data; --example and FILE together, or an unknown name, are usage
    // errors (exit 2) that name the choices.
    void batchTakesTheSameExamples() {
        batchrun::Run r = batchrun::batch({QStringLiteral("--example"), QStringLiteral("penguins"),
                                           QStringLiteral("--fit"), QStringLiteral("lstsq")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject inference = r.json.value(QStringLiteral("inference")).toObject();
        QCOMPARE(inference.value(QStringLiteral("n")).toInt(), 333);
        QVERIFY(
            closeRel(inference.value(QStringLiteral("r2")).toDouble(), 0.875223107235797, 1e-9));
        r = batchrun::batch({QStringLiteral("--example"), QStringLiteral("practice")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(closeRel(r.json.value(QStringLiteral("mse")).toDouble(), 5284.73829151902, 1e-12));
        r = batchrun::batch({QStringLiteral("--example"), QStringLiteral("iris")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("lesson, practice, anscombe, penguins"));
        r = batchrun::batch(
            {QStringLiteral("data.csv"), QStringLiteral("--example"), QStringLiteral("lesson")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--example"));
    }
};

QTEST_MAIN(tst_Examples)
#include "tst_Examples.moc"
