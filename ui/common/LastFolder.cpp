#include "ui/common/LastFolder.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace {
QString keyOf(LastFolder::Purpose purpose) {
    return purpose == LastFolder::Purpose::Plots ? QStringLiteral("export/folder")
                                                 : QStringLiteral("files/lastFolder");
}
} // namespace

QString LastFolder::get(Purpose purpose) {
    const QString folder = QSettings().value(keyOf(purpose)).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        return initial(purpose);
    return folder;
}

void LastFolder::set(Purpose purpose, const QString& folder) {
    QSettings().setValue(keyOf(purpose), folder);
}

void LastFolder::setFromFile(Purpose purpose, const QString& file) {
    set(purpose, QFileInfo(file).absolutePath());
}

QString LastFolder::initial(Purpose purpose) {
    if (purpose == Purpose::Plots) {
        const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        if (!pictures.isEmpty() && QFileInfo(pictures).isDir())
            return pictures;
    }
    return QDir::homePath();
}
