#pragma once

#include "api/ApiEndpoint.h"

#include <QString>
#include <QUrl>

namespace plexe {

// An environment the console talks to (product.md "Start and profiles"). Holds no secret: the
// session of each profile lives in the keychain, keyed by the profile's id.
struct Profile
{
    // Stable across renames; keys everything the console keeps for the profile (keychain
    // entries, request journal, scheduled revocations). The built-ins' ids are their names
    // (which never change); a new profile gets a random UUID, so a profile added later under a
    // removed one's name finds nothing of it. Profiles saved before ids existed keep their name
    // as id, which is what their data was keyed by.
    QString id;
    QString name;
    QUrl apiUrl;          // empty for the sandbox until the launcher or --api-url gives one
    QUrl oidcIssuer;      // optional
    QString oidcClientId; // optional
    QString caFile;       // optional extra CA (PEM) trusted for this profile only
    bool builtIn = false;

    bool isSandbox() const { return builtIn && name == sandboxName(); }
    ApiEndpoint endpoint() const
    {
        ApiEndpoint endpoint;
        endpoint.baseUrl = apiUrl;
        endpoint.extraCaFile = caFile;
        endpoint.identityIssuer = oidcIssuer;
        return endpoint;
    }

    // The built-in names are stable identifiers (settings and keychain entries use them), so
    // they are not translated.
    static QString cloudName() { return QStringLiteral("Plexe Cloud"); }
    static QString sandboxName() { return QStringLiteral("Local sandbox"); }
    static QUrl cloudUrl() { return QUrl(QStringLiteral("https://api.plexe.ai")); }

    bool operator==(const Profile &other) const
    {
        return id == other.id && name == other.name && apiUrl == other.apiUrl &&
               oidcIssuer == other.oidcIssuer && oidcClientId == other.oidcClientId &&
               caFile == other.caFile && builtIn == other.builtIn;
    }
};

} // namespace plexe
