#include "auth/OidcConfiguration.h"

#include "api/ApiClient.h"

#include <QJsonArray>
#include <QJsonObject>

namespace plexe {

namespace {

QString withoutTrailingSlash(QString s)
{
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

} // namespace

OidcConfiguration OidcConfiguration::defaultsFor(const QUrl &baseUrl)
{
    const QString base = withoutTrailingSlash(baseUrl.toString(QUrl::FullyEncoded));
    OidcConfiguration c;
    c.issuer = base;
    c.authorizationEndpoint = QUrl(base + QStringLiteral("/oauth/authorize"));
    c.tokenEndpoint = QUrl(base + QStringLiteral("/oauth/token"));
    c.revocationEndpoint = QUrl(base + QStringLiteral("/oauth/revoke"));
    return c;
}

bool OidcConfiguration::decode(const QJsonDocument &doc, const QUrl &baseUrl,
                               OidcConfiguration *out, QString *error)
{
    if (!doc.isObject())
        return fail(error, tr("The sign-in configuration is not a JSON object."));
    const QJsonObject o = doc.object();
    OidcConfiguration c;
    c.issuer = o.value(QLatin1String("issuer")).toString();
    if (c.issuer.isEmpty() ||
        withoutTrailingSlash(c.issuer) !=
            withoutTrailingSlash(baseUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment)
                                     .toString(QUrl::FullyEncoded)))
        return fail(error, tr("The sign-in configuration names another issuer."));
    const QJsonArray methods = o.value(QLatin1String("code_challenge_methods_supported")).toArray();
    if (!methods.contains(QJsonValue(QStringLiteral("S256"))))
        return fail(error, tr("The server does not support PKCE S256 sign-in."));
    struct Field
    {
        const char *name;
        QUrl *target;
        bool required;
    };
    const Field fields[] = {{"authorization_endpoint", &c.authorizationEndpoint, true},
                            {"token_endpoint", &c.tokenEndpoint, true},
                            {"revocation_endpoint", &c.revocationEndpoint, false}};
    for (const Field &f : fields) {
        const QString text = o.value(QLatin1String(f.name)).toString();
        if (text.isEmpty()) {
            if (f.required)
                return fail(error,
                            tr("The sign-in configuration lacks %1.").arg(QLatin1String(f.name)));
            continue;
        }
        const QUrl url(text, QUrl::StrictMode);
        if (!ApiClient::isAllowedUrl(url) || url.hasFragment())
            return fail(
                error,
                tr("The sign-in configuration has an insecure %1.").arg(QLatin1String(f.name)));
        *f.target = url;
    }
    *out = c;
    return true;
}

} // namespace plexe
