#include "model/data/Dataset.h"
#include "model/io/CsvTable.h"

#include <QTest>

#include <stdexcept>

using namespace linlab;

class tst_Dataset : public QObject {
    Q_OBJECT
private slots:
    void lessonData();
    void valueAndSetValue();
    void insertAndRemoveRows();
    void insertRemoveRenameFeatures();
    void swapLabel();
    void noFeaturesStillHoldsRows();
    void fromTable();
    void errorsNameTheFunction();
    void dummyFlagsFollowTheFeatures();
};

void tst_Dataset::lessonData() {
    const Dataset d = Dataset::lesson();
    QCOMPARE(d.rowCount(), arma::uword(4));
    QCOMPARE(d.featureCount(), arma::uword(2));
    QCOMPARE(d.columnCount(), arma::uword(3));
    QCOMPARE(d.featureNames(), (std::vector<std::string>{"hours_studied", "hours_slept"}));
    QCOMPARE(d.labelName(), std::string("exam_score"));
    // The lesson's X and y (shared/reference/seed_lesson.json).
    QVERIFY(
        arma::approx_equal(d.features(), arma::mat{{5, 7}, {3, 6}, {8, 8}, {2, 5}}, "absdiff", 0));
    QVERIFY(arma::approx_equal(d.labels(), arma::vec{75, 60, 90, 55}, "absdiff", 0));
    QVERIFY(d.isLesson());
    QVERIFY(arma::approx_equal(Dataset::lessonWeights(), arma::vec{4, 3}, "absdiff", 0));
    QCOMPARE(Dataset::lessonBias(), 10.0);
}

void tst_Dataset::valueAndSetValue() {
    Dataset d = Dataset::lesson();
    QCOMPARE(d.value(2, 1), 8.0);
    QCOMPARE(d.value(3, 2), 55.0); // the label column
    d.setValue(3, 2, 56.25);
    QCOMPARE(d.labels()(3), 56.25);
    d.setValue(0, 0, 0.1 + 0.2);
    QCOMPARE(d.features()(0, 0), 0.1 + 0.2);
    QVERIFY(!d.isLesson());
}

void tst_Dataset::insertAndRemoveRows() {
    Dataset d = Dataset::lesson();
    d.insertRows(1, 2, arma::mat{{1, 2, 3}, {4, 5, 6}});
    QCOMPARE(d.rowCount(), arma::uword(6));
    QCOMPARE(d.value(1, 0), 1.0);
    QCOMPARE(d.value(2, 2), 6.0);
    QCOMPARE(d.value(3, 0), 3.0); // the old row 1
    const arma::mat block = d.rowBlock(1, 2);
    QVERIFY(arma::approx_equal(block, arma::mat{{1, 2, 3}, {4, 5, 6}}, "absdiff", 0));
    d.removeRows(1, 2);
    QVERIFY(d.isLesson());
    d.insertRows(4, 1);
    QCOMPARE(d.value(4, 2), 0.0);
    d.removeRows(0, 5);
    QCOMPARE(d.rowCount(), arma::uword(0));
    QCOMPARE(d.featureCount(), arma::uword(2));
}

void tst_Dataset::insertRemoveRenameFeatures() {
    Dataset d = Dataset::lesson();
    d.insertFeature(1, "coffee", arma::vec{1, 2, 3, 4});
    QCOMPARE(d.featureCount(), arma::uword(3));
    QCOMPARE(d.columnName(1), std::string("coffee"));
    QCOMPARE(d.value(2, 1), 3.0);
    QCOMPARE(d.value(2, 2), 8.0);
    d.renameColumn(3, "score");
    QCOMPARE(d.labelName(), std::string("score"));
    QCOMPARE(d.uniqueName("coffee"), std::string("coffee_2"));
    QCOMPARE(d.uniqueName("x3"), std::string("x3"));
    d.removeFeature(1);
    d.renameColumn(2, "exam_score");
    QVERIFY(d.isLesson());
}

void tst_Dataset::swapLabel() {
    Dataset d = Dataset::lesson();
    d.swapLabelWithFeature(0);
    QCOMPARE(d.labelName(), std::string("hours_studied"));
    QCOMPARE(d.featureNames()[0], std::string("exam_score"));
    QVERIFY(arma::approx_equal(d.labels(), arma::vec{5, 3, 8, 2}, "absdiff", 0));
    d.swapLabelWithFeature(0);
    QVERIFY(d.isLesson());
}

void tst_Dataset::noFeaturesStillHoldsRows() {
    Dataset d = Dataset::lesson();
    d.removeFeature(0);
    d.removeFeature(0);
    QCOMPARE(d.featureCount(), arma::uword(0));
    QCOMPARE(d.rowCount(), arma::uword(4));
    d.insertRows(2, 1, arma::mat(1, 1, arma::fill::value(70.0)));
    QCOMPARE(d.rowCount(), arma::uword(5));
    QCOMPARE(d.features().n_rows, arma::uword(5));
    d.removeRows(0, 1);
    QCOMPARE(d.features().n_rows, arma::uword(4));
    d.insertFeature(0, "x1", arma::vec{1, 2, 3, 4});
    QCOMPARE(d.value(3, 0), 4.0);
}

void tst_Dataset::fromTable() {
    CsvTable t;
    t.names = {"a", "b", "c"};
    t.data = arma::mat{{1, 2, 3}, {4, 5, 6}};
    const Dataset d = Dataset::fromTable(t, 0, {2});
    QCOMPARE(d.labelName(), std::string("a"));
    QCOMPARE(d.featureNames(), std::vector<std::string>{"c"});
    QCOMPARE(d.value(1, 0), 6.0);
    QCOMPARE(d.value(1, 1), 4.0);
    const Dataset all = Dataset::fromTable(t, 1);
    QCOMPARE(all.featureNames(), (std::vector<std::string>{"a", "c"}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Dataset::fromTable(t, 3));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Dataset::fromTable(t, 0, {0}));
}

void tst_Dataset::errorsNameTheFunction() {
    Dataset d = Dataset::lesson();
    try {
        d.setValue(9, 0, 1.0);
        QFAIL("no exception");
    } catch (const std::out_of_range& e) {
        QVERIFY(std::string(e.what()).find("Dataset::setValue") != std::string::npos);
    }
    try {
        Dataset bad(arma::mat(3, 2), arma::vec(2), {"a", "b"}, "y");
        QFAIL("no exception");
    } catch (const std::invalid_argument& e) {
        QVERIFY(std::string(e.what()).find("3 feature rows but 2 labels") != std::string::npos);
    }
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, d.removeRows(3, 2));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, d.removeFeature(2));
}

void tst_Dataset::dummyFlagsFollowTheFeatures() {
    Dataset d(arma::mat(3, 3, arma::fill::zeros), arma::vec(3, arma::fill::ones), {"a", "g=b", "c"},
              "y");
    QVERIFY(d.dummyFeatures().empty());
    d.setDummyFeatures({false, true, false});
    QCOMPARE(d.dummyFeatures(), (std::vector<bool>{false, true, false}));
    d.insertFeature(0, "new");
    QCOMPARE(d.dummyFeatures(), (std::vector<bool>{false, false, true, false}));
    d.insertRows(1, 2);
    d.removeRows(0, 1);
    QCOMPARE(d.dummyFeatures(), (std::vector<bool>{false, false, true, false}));
    d.swapLabelWithFeature(0);
    QCOMPARE(d.dummyFeatures(), (std::vector<bool>{false, false, true, false}));
    d.removeFeature(1);
    QCOMPARE(d.dummyFeatures(), (std::vector<bool>{false, true, false}));
    d.swapLabelWithFeature(1); // the dummy becomes the label; the old label is no dummy
    QVERIFY(d.dummyFeatures().empty());
    d.setDummyFeatures({true, false, false});
    d.removeFeature(0);
    QVERIFY(d.dummyFeatures().empty()); // none left
    d.setDummyFeatures({false, false});
    QVERIFY(d.dummyFeatures().empty());
    try {
        d.setDummyFeatures({true});
        QFAIL("a size mismatch was accepted");
    } catch (const std::invalid_argument& e) {
        QVERIFY(std::string(e.what()).find("Dataset::setDummyFeatures") != std::string::npos);
    }
}

QTEST_APPLESS_MAIN(tst_Dataset)
#include "tst_Dataset.moc"
