// The batch report's JSON writer, in-process: layout, numbers in shortest round-trip form,
// non-finite numbers as null, escaping, and matrices of any shape (an n x 0 one crashed it).

#include "app/batch/JsonWriter.h"

#include <QTest>

#include <limits>

using linlab::JsonWriter;

class tst_JsonWriter : public QObject {
    Q_OBJECT
private slots:
    void layoutAndNumbers();
    void rowsOfAnyShape_data();
    void rowsOfAnyShape();
    void stringsAreEscaped();
};

void tst_JsonWriter::layoutAndNumbers() {
    JsonWriter j;
    j.beginObject();
    j.value("a", 0.1);
    j.value("n", 3LL);
    j.value("nan", std::numeric_limits<double>::quiet_NaN());
    j.value("inf", std::numeric_limits<double>::infinity());
    j.value("v", arma::vec{1, 2.5});
    j.beginArray("empty");
    j.endArray();
    j.null("none");
    j.value("flag", false);
    j.endObject();
    QCOMPARE(
        QByteArray::fromStdString(j.text()),
        QByteArray("{\n  \"a\": 0.1,\n  \"n\": 3,\n  \"nan\": null,\n  \"inf\": null,\n  \"v\": "
                   "[1, 2.5],\n  \"empty\": [],\n  \"none\": null,\n  \"flag\": false\n}\n"));
}

void tst_JsonWriter::rowsOfAnyShape_data() {
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("2 x 2") << 2 << 2 << QByteArray("[\n    [1, 2],\n    [3, null]\n  ]");
    QTest::newRow("2 x 0: a label and no feature")
        << 2 << 0 << QByteArray("[\n    [],\n    []\n  ]");
    QTest::newRow("0 x 3") << 0 << 3 << QByteArray("[]");
    QTest::newRow("0 x 0") << 0 << 0 << QByteArray("[]");
}

void tst_JsonWriter::rowsOfAnyShape() {
    QFETCH(int, rows);
    QFETCH(int, columns);
    QFETCH(QByteArray, expected);
    arma::mat m(static_cast<arma::uword>(rows), static_cast<arma::uword>(columns));
    for (arma::uword k = 0; k < m.n_elem; ++k)
        m(k / m.n_cols, k % m.n_cols) = double(k + 1);
    if (rows == 2 && columns == 2)
        m(1, 1) = std::numeric_limits<double>::quiet_NaN();
    JsonWriter j;
    j.beginObject();
    j.rows("m", m);
    j.endObject();
    QCOMPARE(QByteArray::fromStdString(j.text()), "{\n  \"m\": " + expected + "\n}\n");
}

void tst_JsonWriter::stringsAreEscaped() {
    JsonWriter j;
    j.beginObject();
    j.value("s", std::string("a\"b\\c\n\t\x01"));
    j.value("names", std::vector<std::string>{"x", "y z"});
    j.endObject();
    QCOMPARE(QByteArray::fromStdString(j.text()),
             QByteArray("{\n  \"s\": \"a\\\"b\\\\c\\n\\t\\u0001\",\n  \"names\": [\"x\", \"y "
                        "z\"]\n}\n"));
}

QTEST_APPLESS_MAIN(tst_JsonWriter)
#include "tst_JsonWriter.moc"
