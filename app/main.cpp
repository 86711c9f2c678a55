// plexe-console: a thin main(); everything else lives in plexe_core and plexe_ui.
#include "core/Version.h"
#include "mainwindow/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace {

// A core dump would hold tokens and keys in clear (security.md E34).
void disableCoreDumps()
{
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

} // namespace

int main(int argc, char *argv[])
{
    disableCoreDumps();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("plexe-console"));
    QApplication::setApplicationDisplayName(QStringLiteral("Plexe Console"));
    QApplication::setOrganizationName(QStringLiteral("Plexe"));
    QApplication::setApplicationVersion(plexe::consoleVersion());
    QApplication::setDesktopFileName(QStringLiteral("ai.plexe.Console"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Plexe Console: manage API keys, access logs and models of the Plexe Platform."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    plexe::MainWindow window;
    window.show();
    return QApplication::exec();
}
