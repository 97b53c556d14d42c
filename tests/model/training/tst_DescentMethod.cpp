#include "model/training/DescentMethod.h"
#include "model/training/GradientDescent.h"

#include <QTest>

#include <set>
#include <string>

using namespace linlab;

class tst_DescentMethod : public QObject {
    Q_OBJECT
private slots:
    void namesAreTheProjectFiles();
    void everyNameReadsBack();
    void unknownNamesAreRefused();
    void settingsNameTheirMethod();
};

void tst_DescentMethod::namesAreTheProjectFiles() {
    // The spellings old project files hold: changing one would make them unreadable.
    QCOMPARE(std::string(descentMethodName(DescentMethod::GradientDescent)), std::string("gd"));
    QCOMPARE(std::string(descentMethodName(DescentMethod::Momentum)), std::string("momentum"));
    QCOMPARE(std::string(descentMethodName(DescentMethod::MiniBatch)), std::string("sgd"));
}

void tst_DescentMethod::everyNameReadsBack() {
    std::set<std::string> names;
    for (DescentMethod method : kDescentMethods) {
        const std::optional<DescentMethod> back = parseDescentMethod(descentMethodName(method));
        QVERIFY(back.has_value());
        QVERIFY(*back == method);
        names.insert(descentMethodName(method));
    }
    QCOMPARE(names.size(), std::size(kDescentMethods)); // no two methods share a name
}

void tst_DescentMethod::unknownNamesAreRefused() {
    for (const char* name : {"", "GD", "Momentum", "adam", "sgd ", "gradient"})
        QVERIFY2(!parseDescentMethod(name), name);
}

void tst_DescentMethod::settingsNameTheirMethod() {
    GradientDescentSettings s;
    QVERIFY(descentMethodOf(s) == DescentMethod::GradientDescent);
    s.momentum = 0.9;
    QVERIFY(descentMethodOf(s) == DescentMethod::Momentum);
    s.batchSize = 4; // a batch size wins: SGD, with or without momentum
    QVERIFY(descentMethodOf(s) == DescentMethod::MiniBatch);
    s.momentum = 0;
    QVERIFY(descentMethodOf(s) == DescentMethod::MiniBatch);
}

QTEST_APPLESS_MAIN(tst_DescentMethod)
#include "tst_DescentMethod.moc"
