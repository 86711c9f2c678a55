#include "auth/OidcDiscovery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace plexe::sandbox {

QString OidcDiscovery::normalizeIssuer(const QString &issuer)
{
    QString out = issuer;
    while (out.endsWith(QLatin1Char('/')))
        out.chop(1);
    return out;
}

QByteArray OidcDiscovery::document(const QString &issuer)
{
    const QString base = normalizeIssuer(issuer);
    QJsonObject doc;
    doc.insert(QStringLiteral("issuer"), base);
    doc.insert(QStringLiteral("authorization_endpoint"), base + QStringLiteral("/oauth/authorize"));
    doc.insert(QStringLiteral("token_endpoint"), base + QStringLiteral("/oauth/token"));
    doc.insert(QStringLiteral("revocation_endpoint"), base + QStringLiteral("/oauth/revoke"));
    doc.insert(QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")});
    doc.insert(QStringLiteral("grant_types_supported"),
               QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("refresh_token")});
    doc.insert(QStringLiteral("code_challenge_methods_supported"),
               QJsonArray{QStringLiteral("S256")});
    doc.insert(QStringLiteral("token_endpoint_auth_methods_supported"),
               QJsonArray{QStringLiteral("none")});
    doc.insert(QStringLiteral("revocation_endpoint_auth_methods_supported"),
               QJsonArray{QStringLiteral("none")});
    doc.insert(QStringLiteral("authorization_response_iss_parameter_supported"), true);
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

} // namespace plexe::sandbox
