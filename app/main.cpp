// LinLab: `linlab --batch ...` runs the model without a window; anything else opens the window
// (`linlab FILE` opens a CSV or a .linlab project).

#include "app/QtBatchHooks.h"
#include "app/batch/BatchCommand.h"
#include "app/batch/BatchOptions.h"
#include "model/support/BlasThreads.h"
#include "ui/window/MainWindow.h"

#include <QApplication>

#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace {
void describe() {
    QApplication::setApplicationName(QStringLiteral("LinLab"));
    QApplication::setOrganizationName(QStringLiteral("LinLab"));
    QApplication::setApplicationVersion(QStringLiteral(LINLAB_VERSION));
}

// Batch mode's stderr carries LinLab's own messages only; Qt's chatter about the environment
// (no XDG_RUNTIME_DIR, fonts, ...) would read as an error to a script.
void quietQt(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtCriticalMsg || type == QtFatalMsg)
        std::cerr << "linlab: " << message.toStdString() << "\n";
}

// `linlab --help` and `linlab --version` are answered before any QApplication exists: a
// terminal without a display (ssh, CI) can ask too. nullopt: start the window.
std::optional<int> answerInfo(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::cout << "linlab " << LINLAB_VERSION << "\n";
            return 0;
        }
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::cout << "Usage: linlab [FILE]\n"
                         "Opens the LinLab window on FILE (a CSV or a .linlab project; none = the "
                         "lesson's data).\n"
                         "\n"
                      << linlab::BatchOptions::usage();
            return 0;
        }
    }
    return std::nullopt;
}

int runBatch(int argc, char* argv[]) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!linlab::BatchCommand::needsHooks(args))
        return linlab::BatchCommand::run(args, std::cout, std::cerr); // no Qt at all
    // Projects and plots need Qt, never a display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietQt);
    QApplication app(argc, argv);
    describe();
    QtBatchHooks hooks;
    return linlab::BatchCommand::run(args, std::cout, std::cerr, &hooks);
}
} // namespace

int main(int argc, char* argv[]) {
    linlab::useSingleThreadedBlas(); // LinLab's large passes use both cores themselves
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--batch") == 0)
            return runBatch(argc, argv);
    if (const std::optional<int> status = answerInfo(argc, argv))
        return *status;

    QApplication app(argc, argv);
    describe();
    MainWindow window;
    window.show();
    window.offerRecovery();
    const QStringList args = QApplication::arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (!args.at(i).startsWith(QLatin1Char('-'))) {
            window.openFile(args.at(i));
            break;
        }
    }
    return QApplication::exec();
}
