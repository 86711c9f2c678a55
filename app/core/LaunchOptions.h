#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace plexe {

// What the user asked for on the command line (product.md "Start and profiles").
struct LaunchOptions
{
    QString profile;      // --profile NAME
    QUrl apiUrl;          // --api-url URL (overrides the profile's base URL)
    QString caFile;       // --ca-file PATH (an extra CA trusted for this profile only)
    bool sandbox = false; // --sandbox
    QString error;        // non-empty when the arguments are unusable

    // Parses the arguments (argv[0] first); --help and --version are left to the caller.
    static LaunchOptions parse(const QStringList &arguments, QString *helpText = nullptr,
                               bool *wantsHelp = nullptr, bool *wantsVersion = nullptr);
};

} // namespace plexe
