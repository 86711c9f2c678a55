#include "core/LaunchOptions.h"

#include "api/ApiClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace plexe {

LaunchOptions LaunchOptions::parse(const QStringList &arguments, QString *helpText, bool *wantsHelp,
                                   bool *wantsVersion)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "LaunchOptions",
        "Plexe Console: manage API keys, access logs and models of the Plexe Platform."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption profile(
        QStringLiteral("profile"),
        QCoreApplication::translate("LaunchOptions", "Open the profile <name>."),
        QStringLiteral("name"));
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        QCoreApplication::translate("LaunchOptions",
                                    "Start the bundled plexe-sandbox and open it."));
    const QCommandLineOption apiUrl(
        QStringLiteral("api-url"),
        QCoreApplication::translate("LaunchOptions", "Use <url> as the API base URL."),
        QStringLiteral("url"));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"),
        QCoreApplication::translate("LaunchOptions",
                                    "Trust the CA certificate in <path> for this profile only."),
        QStringLiteral("path"));
    parser.addOptions({profile, sandbox, apiUrl, caFile});

    LaunchOptions options;
    if (helpText) {
        // Parsing happens before QApplication exists (no display needed for --help), so Qt
        // cannot know the program's name yet.
        *helpText = parser.helpText().replace(QStringLiteral("<executable_name>"),
                                              QStringLiteral("plexe-console"));
    }
    if (!parser.parse(arguments)) {
        options.error = parser.errorText();
        return options;
    }
    if (wantsHelp)
        *wantsHelp = parser.isSet(help);
    if (wantsVersion)
        *wantsVersion = parser.isSet(version);
    options.profile = parser.value(profile);
    options.sandbox = parser.isSet(sandbox);
    if (parser.isSet(apiUrl)) {
        options.apiUrl = QUrl(parser.value(apiUrl), QUrl::StrictMode);
        // The rules every profile obeys, checked here so that a refused address is a message
        // at start, not a sign-in page that cannot work.
        QString why;
        if (!ApiClient::isAllowedUrl(options.apiUrl, &why)) {
            options.apiUrl.clear(); // it may hold a user name and password
            options.error = QCoreApplication::translate("LaunchOptions", "--api-url: %1").arg(why);
            return options;
        }
    }
    if (parser.isSet(caFile)) {
        options.caFile = parser.value(caFile);
        if (!QFileInfo(options.caFile).isReadable()) {
            options.error =
                QCoreApplication::translate("LaunchOptions", "Cannot read the CA file %1.")
                    .arg(options.caFile);
            return options;
        }
    }
    return options;
}

} // namespace plexe
