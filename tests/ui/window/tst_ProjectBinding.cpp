// What a project holds of the window, through ProjectBinding: the window's state into a project
// state and back gives the same state, every field; the batch's training settings reach a
// session the same way.

#include "app/document/Document.h"
#include "app/document/ProjectFile.h"
#include "model/io/TypedCsvReader.h"
#include "ui/training/TrainingSession.h"
#include "ui/window/ProjectBinding.h"

#include <QAction>
#include <QTest>

#include <cstring>

using namespace linlab;

namespace {
bool sameBits(const arma::mat& a, const arma::mat& b) {
    return arma::size(a) == arma::size(b) &&
           (a.n_elem == 0 || std::memcmp(a.memptr(), b.memptr(), a.n_elem * sizeof(double)) == 0);
}

// A typed table: a category, a missing feature value and a text column.
SourceTable typedSource() {
    const char* csv = "kind,x,note,y\n"
                      "a,1,one,2\n"
                      "b,NA,two,3\n"
                      "a,3,three,5\n"
                      "c,4,four,4\n"
                      "b,6,five,9\n";
    TypedReadOptions typed;
    typed.columns["note"].type = ColumnType::Text;
    SourceTable s;
    s.table = TypedCsvReader::readString(csv, "typed.csv", {}, typed).table;
    s.design.label = "y";
    return s;
}

// A window's worth of bound state, without the window.
struct Bound {
    Document document;
    TrainingSession session{&document};
    QAction transformed;
    ProjectBinding binding{&document, &session, &transformed};
    Bound() { transformed.setCheckable(true); }
};
} // namespace

class tst_ProjectBinding : public QObject {
    Q_OBJECT
private slots:
    void windowToProjectAndBackIsTheSame();
    void defaultRateIsSavedAsZeroAndStaysDefault();
    void nameFallsBackWhenTheProjectHasNone();
    void batchSettingsChooseTheMethod();
    void typedDocumentToProjectAndBack();
    void sourceWithoutAUsableDesignIsRefused();
};

void tst_ProjectBinding::windowToProjectAndBackIsTheSame() {
    Bound a;
    a.document.replaceAll(Dataset(arma::mat{{1, 2}, {3, 5}, {4, 9}, {7, 1}}, arma::vec{1, 2, 4, 3},
                                  {"x1", "x2"}, "y"),
                          {2.5, Normalization::MinMax, 1}, LinearModel(arma::vec{0.5, -1.25}, 3),
                          QStringLiteral("mine"));
    a.transformed.setChecked(true);
    a.session.setMethod(DescentMethod::Momentum);
    a.session.setLearningRate(0.0123);
    a.session.setMomentum(0.75);
    a.session.setBatchSize(3);
    a.session.setSeed(99);
    a.session.setMaxEpochs(4321);
    a.session.setTolerance(1e-6);
    const ProjectState saved = a.binding.state();
    QVERIFY(saved.trainingMethod == DescentMethod::Momentum);
    QCOMPARE(saved.training.learningRate, 0.0123);
    QCOMPARE(saved.training.momentum, 0.75);
    QCOMPARE(saved.training.batchSize, std::size_t(3)); // kept, though momentum ignores it
    QCOMPARE(saved.showTransformed, true);

    // Through the file's text too, as a save and an open do.
    const ProjectState read =
        ProjectFile::fromJson(ProjectFile::toJson(saved), QStringLiteral("memory"));
    Bound b;
    b.binding.apply(read, QStringLiteral("unused"));
    const ProjectState again = b.binding.state();
    QVERIFY(sameBits(again.dataset.features(), saved.dataset.features()));
    QVERIFY(sameBits(again.dataset.labels(), saved.dataset.labels()));
    QCOMPARE(again.dataset.featureNames(), saved.dataset.featureNames());
    QCOMPARE(again.dataset.labelName(), saved.dataset.labelName());
    QVERIFY(again.transform == saved.transform);
    QVERIFY(sameBits(again.model.weights(), saved.model.weights()));
    QCOMPARE(again.model.bias(), saved.model.bias());
    QCOMPARE(again.name, QStringLiteral("mine"));
    QCOMPARE(again.showTransformed, true);
    QVERIFY(again.trainingMethod == DescentMethod::Momentum);
    QCOMPARE(again.training.learningRate, 0.0123);
    QCOMPARE(again.training.momentum, 0.75);
    QCOMPARE(again.training.batchSize, std::size_t(3));
    QCOMPARE(again.training.seed, std::uint64_t(99));
    QCOMPARE(again.training.maxEpochs, std::size_t(4321));
    QCOMPARE(again.training.tolerance, 1e-6);
    QVERIFY(b.transformed.isChecked());
}

void tst_ProjectBinding::defaultRateIsSavedAsZeroAndStaysDefault() {
    Bound a;
    QVERIFY(a.session.isDefaultRate());
    const ProjectState saved = a.binding.state();
    QCOMPARE(saved.training.learningRate, 0.0); // "half the bound", whatever the data
    Bound b;
    b.session.setLearningRate(0.5);
    b.binding.apply(saved, QStringLiteral("x"));
    QCOMPARE(b.session.learningRate(), 0.5); // a saved 0 sets no rate
    Bound c;
    c.binding.apply(saved, QStringLiteral("x"));
    QVERIFY(c.session.isDefaultRate()); // on fresh state the rate follows the data
}

void tst_ProjectBinding::nameFallsBackWhenTheProjectHasNone() {
    Bound a;
    ProjectState state = a.binding.state();
    state.name.clear();
    Bound b;
    b.binding.apply(state, QStringLiteral("from-the-file-name"));
    QCOMPARE(b.document.name(), QStringLiteral("from-the-file-name"));
    state.name = QStringLiteral("own");
    b.binding.apply(state, QStringLiteral("from-the-file-name"));
    QCOMPARE(b.document.name(), QStringLiteral("own"));
}

void tst_ProjectBinding::batchSettingsChooseTheMethod() {
    Document document;
    TrainingSession session(&document);
    GradientDescentSettings settings;
    settings.momentum = 0.5;
    settings.learningRate = 0.02;
    ProjectBinding::applyTraining(descentMethodOf(settings), settings, &session);
    QVERIFY(session.method() == DescentMethod::Momentum);
    QCOMPARE(session.learningRate(), 0.02);
    QCOMPARE(session.descentSettings().momentum, 0.5);
    settings.batchSize = 2;
    ProjectBinding::applyTraining(descentMethodOf(settings), settings, &session);
    QVERIFY(session.method() == DescentMethod::MiniBatch);
    QCOMPARE(session.descentSettings().batchSize, std::size_t(2));
}

void tst_ProjectBinding::typedDocumentToProjectAndBack() {
    Bound a;
    a.document.replaceSource(typedSource(), {1.0, Normalization::ZScore, 0},
                             LinearModel(arma::vec{0.5, -1, 2}, 1), QStringLiteral("typed"));
    QVERIFY(a.document.isTyped());
    const ProjectState saved = a.binding.state();
    QVERIFY(saved.source);
    QCOMPARE(saved.source->table.columnCount(), std::size_t(4));

    const ProjectState read =
        ProjectFile::fromJson(ProjectFile::toJson(saved), QStringLiteral("memory"));
    Bound b;
    b.binding.apply(read, QStringLiteral("unused"));
    QVERIFY(b.document.isTyped());
    QCOMPARE(b.document.tableRowCount(), 5);
    QCOMPARE(b.document.tableColumnCount(), 4);
    QCOMPARE(b.document.datasetRow(1), -1); // the row with x missing is left out again
    QCOMPARE(b.document.source().table.column(2).cellText(3), std::string("four"));
    QCOMPARE(b.document.source().design.label, std::string("y"));
    QCOMPARE(b.document.dataset().featureNames(), a.document.dataset().featureNames());
    QVERIFY(sameBits(b.document.dataset().features(), a.document.dataset().features()));
    QVERIFY(sameBits(b.document.model().weights(), a.document.model().weights()));
    QVERIFY(b.document.transformSettings() == a.document.transformSettings());

    // A plain project after it makes the document plain again.
    ProjectState plain;
    plain.dataset = Dataset::lesson();
    plain.model = LinearModel(Dataset::lessonWeights(), Dataset::lessonBias());
    b.binding.apply(plain, QStringLiteral("lesson"));
    QVERIFY(!b.document.isTyped());
    QVERIFY(!b.binding.state().source);
}

void tst_ProjectBinding::sourceWithoutAUsableDesignIsRefused() {
    Bound a;
    const Dataset before = a.document.dataset();
    ProjectState state;
    state.source = typedSource();
    state.source->design.label = "note"; // text: no label
    QVERIFY_THROWS_EXCEPTION(ProjectError, a.binding.apply(state, QStringLiteral("bad")));
    QVERIFY(!a.document.isTyped());
    QVERIFY(sameBits(a.document.dataset().features(), before.features()));
}

QTEST_MAIN(tst_ProjectBinding)
#include "tst_ProjectBinding.moc"
