// The remembered folders: the settings keys users already have, and a folder that is gone.

#include "ui/common/LastFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class tst_LastFolder : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void keysAreTheOldOnes();
    void eachPurposeRemembersItsOwn();
    void aFolderThatIsGoneIsNotOffered();
};

void tst_LastFolder::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LinLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_LastFolder"));
    QSettings().clear();
}

void tst_LastFolder::keysAreTheOldOnes() {
    QTemporaryDir dir;
    QSettings().setValue(QStringLiteral("files/lastFolder"), dir.path());
    QCOMPARE(LastFolder::get(LastFolder::Purpose::Files), dir.path());
    LastFolder::set(LastFolder::Purpose::Plots, dir.path());
    QCOMPARE(QSettings().value(QStringLiteral("export/folder")).toString(), dir.path());
}

void tst_LastFolder::eachPurposeRemembersItsOwn() {
    QTemporaryDir files, plots;
    LastFolder::setFromFile(LastFolder::Purpose::Files,
                            QDir(files.path()).filePath(QStringLiteral("a.csv")));
    LastFolder::set(LastFolder::Purpose::Plots, plots.path());
    QCOMPARE(LastFolder::get(LastFolder::Purpose::Files), QDir(files.path()).absolutePath());
    QCOMPARE(LastFolder::get(LastFolder::Purpose::Plots), plots.path());
}

void tst_LastFolder::aFolderThatIsGoneIsNotOffered() {
    QString gone;
    {
        QTemporaryDir dir;
        gone = dir.path();
        LastFolder::set(LastFolder::Purpose::Files, gone);
        LastFolder::set(LastFolder::Purpose::Plots, gone);
    }
    QCOMPARE(LastFolder::get(LastFolder::Purpose::Files),
             LastFolder::initial(LastFolder::Purpose::Files));
    QCOMPARE(LastFolder::get(LastFolder::Purpose::Plots),
             LastFolder::initial(LastFolder::Purpose::Plots));
    QCOMPARE(LastFolder::initial(LastFolder::Purpose::Files), QDir::homePath());
}

QTEST_GUILESS_MAIN(tst_LastFolder)
#include "tst_LastFolder.moc"
