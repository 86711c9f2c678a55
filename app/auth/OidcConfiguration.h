#pragma once

#include <QCoreApplication>
#include <QJsonDocument>
#include <QString>
#include <QUrl>

namespace plexe {

// The parts of an OpenID Connect discovery document the console uses (contract §5).
struct OidcConfiguration
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint; // may be empty: no server-side revocation then

    // The contract's fixed routes under the base URL, for a session restored without discovery.
    static OidcConfiguration defaultsFor(const QUrl &baseUrl);

    // Pure decoder: the endpoints must be allowed URLs (https, or http to loopback), S256 must be
    // among code_challenge_methods_supported, and `issuer` must be the base URL the document was
    // fetched from (OpenID Connect Discovery §4.3).
    static bool decode(const QJsonDocument &doc, const QUrl &baseUrl, OidcConfiguration *out,
                       QString *error);

    // Last: the macro leaves the members after it private.
    Q_DECLARE_TR_FUNCTIONS(OidcConfiguration)
};

} // namespace plexe
