// Every panel painted offscreen together, sized as in a 1280x800 window's side dock (a crash or
// warning here is a bug); LINLAB_PANELS_PNG_DIR saves the pictures.

#include "app/document/Commands.h"
#include "app/document/Document.h"
#include "ui/panels/LessonPane.h"
#include "ui/panels/MetricsPanel.h"
#include "ui/panels/ModelPanel.h"
#include "ui/panels/TransformPanel.h"

#include <QDir>
#include <QPixmap>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace linlab;

class tst_Panels : public QObject {
    Q_OBJECT

private slots:
    void renderPanels();
};

void tst_Panels::renderPanels() {
    // Paints every panel offscreen (a crash or warning here is a bug); saves PNGs when asked,
    // sized as in a 1280x800 window's side dock.
    const QString dir = qEnvironmentVariable("LINLAB_PANELS_PNG_DIR");
    Document doc;
    doc.undoStack()->push(
        new SetTransformCommand(&doc, TransformSettings{1.1, Normalization::ZScore, 0}));
    doc.insertFeature(2, "classroom", arma::vec{3, 3, 3, 3}, 0.0);
    ModelPanel model(&doc);
    ModelPanel modelRanges(&doc);
    modelRanges.rangesButton()->setChecked(true);
    TransformPanel transform(&doc);
    MetricsPanel metrics(&doc);
    LessonPane lesson(&doc);
    const struct {
        QWidget* widget;
        const char* name;
        int height;
    } shots[] = {{&model, "ModelPanel", 0},
                 {&modelRanges, "ModelPanelRanges", 0},
                 {&transform, "TransformPanel", 0},
                 {&metrics, "MetricsPanel", 0},
                 {&lesson, "LessonPane", 720}};
    for (const auto& shot : shots) {
        shot.widget->resize(380, shot.height > 0 ? shot.height : shot.widget->sizeHint().height());
        shot.widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(shot.widget));
        QCoreApplication::processEvents();
        const QPixmap pixmap = shot.widget->grab();
        QVERIFY(!pixmap.isNull());
        QVERIFY2(pixmap.width() <= 380 * pixmap.devicePixelRatio(), shot.name); // fits the dock
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            QVERIFY(pixmap.save(dir + QLatin1Char('/') + QString::fromLatin1(shot.name) +
                                QStringLiteral(".png")));
        }
        shot.widget->hide();
    }
}

QTEST_MAIN(tst_Panels)
#include "tst_Panels.moc"
