#pragma once

#include <QString>
#include <QUrl>

namespace plexe {

// Where and how a profile talks to the API: base URL, an optional extra CA trusted for this
// profile only (e.g. the sandbox's own CA), and per-request limits.
struct ApiEndpoint
{
    QUrl baseUrl;                          // https://api.plexe.ai, no version prefix
    QString extraCaFile;                   // PEM file, added to the system CAs for this profile
    int transferTimeoutMs = 30000;         // every request (Qt's default is none)
    qint64 maxBodyBytes = 8 * 1024 * 1024; // default answer cap; calls may raise it
    QUrl identityIssuer{};                 // the profile's OIDC issuer, if any (session origin)
};

} // namespace plexe
