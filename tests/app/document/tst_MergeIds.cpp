#include "app/document/MergeIds.h"

#include <QTest>

#include <set>

class tst_MergeIds : public QObject {
    Q_OBJECT
private slots:
    void idsAreFreshAndNonZero();
};

void tst_MergeIds::idsAreFreshAndNonZero() {
    // 0 means "never merge": no source may be handed it, nor an id another source holds.
    std::set<int> seen;
    for (int k = 0; k < 10000; ++k) {
        const int id = nextMergeId();
        QVERIFY(id != 0);
        QVERIFY(seen.insert(id).second);
    }
}

QTEST_MAIN(tst_MergeIds)
#include "tst_MergeIds.moc"
