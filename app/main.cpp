// LinLab: `linlab --batch ...` runs the model without a window; anything else opens the window.

#include "BatchCommand.h"
#include "MainWindow.h"

#include <QApplication>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--batch") == 0) {
            // No QApplication: batch mode needs no display at all.
            std::vector<std::string> args(argv + 1, argv + argc);
            return linlab::BatchCommand::run(args, std::cout, std::cerr);
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("LinLab"));
    QApplication::setOrganizationName(QStringLiteral("LinLab"));
    QApplication::setApplicationVersion(QStringLiteral(LINLAB_VERSION));
    MainWindow window;
    window.show();
    return QApplication::exec();
}
