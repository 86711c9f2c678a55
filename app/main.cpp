// plexe-console: a thin main(); everything else lives in plexe_core and plexe_ui.
#include "core/LaunchOptions.h"
#include "core/UnixSignalQuitter.h"
#include "core/Version.h"
#include "shell/Console.h"
#include "shell/Translations.h"

#include <QApplication>
#include <QLocale>

#include <cstdio>
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

    // --help, --version and bad arguments are answered before a display is needed.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QString help;
    bool wantsHelp = false;
    bool wantsVersion = false;
    const plexe::LaunchOptions options =
        plexe::LaunchOptions::parse(arguments, &help, &wantsHelp, &wantsVersion);
    if (!options.error.isEmpty()) {
        std::fprintf(stderr, "plexe-console: %s\n", qUtf8Printable(options.error));
        return 2;
    }
    if (wantsHelp) {
        std::fputs(qUtf8Printable(help), stdout);
        return 0;
    }
    if (wantsVersion) {
        std::printf("plexe-console %s\n", qUtf8Printable(plexe::consoleVersion()));
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("plexe-console"));
    // No applicationDisplayName: X11 would append it to titles that already name the console.
    QApplication::setOrganizationName(QStringLiteral("Plexe"));
    QApplication::setApplicationVersion(plexe::consoleVersion());
    QApplication::setDesktopFileName(QStringLiteral("ai.plexe.Console"));

    // The user's language for the console's texts and Qt's own, before the first widget exists.
    plexe::Translations translations;
    translations.install(QLocale::system().uiLanguages());

    // SIGTERM and SIGINT quit through the event loop, so the sandbox child is stopped.
    plexe::UnixSignalQuitter quitter;
    plexe::Console console(options, QCoreApplication::applicationDirPath());
    QString error;
    if (!console.isUsable(&error)) {
        std::fprintf(stderr, "plexe-console: %s\n", qUtf8Printable(error));
        return 2;
    }
    console.show();
    return QApplication::exec();
}
