#include "auth/OAuthRequests.h"

namespace plexe {

ApiRequest OAuthRequests::form(const QUrl &endpoint,
                               const QList<QPair<QByteArray, QByteArray>> &fields)
{
    ApiRequest r;
    r.method = QByteArrayLiteral("POST");
    r.absoluteUrl = endpoint;
    r.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    r.authenticated = false; // a public client: the grant itself is the credential
    r.sensitive = true;
    r.waitOnRateLimit = false;
    for (const auto &field : fields) {
        if (!r.body.isEmpty())
            r.body += '&';
        // Percent-encode everything but unreserved characters (application/x-www-form-urlencoded).
        r.body += field.first + '=' + field.second.toPercentEncoding();
    }
    return r;
}

ApiRequest OAuthRequests::authorizationCode(const QUrl &tokenEndpoint, const QByteArray &code,
                                            const QUrl &redirectUri, const QByteArray &verifier)
{
    return form(tokenEndpoint, {{"grant_type", "authorization_code"},
                                {"code", code},
                                {"redirect_uri", redirectUri.toString(QUrl::FullyEncoded).toUtf8()},
                                {"client_id", clientId().toUtf8()},
                                {"code_verifier", verifier}});
}

ApiRequest OAuthRequests::refresh(const QUrl &tokenEndpoint, const QByteArray &refreshToken)
{
    return form(tokenEndpoint, {{"grant_type", "refresh_token"},
                                {"refresh_token", refreshToken},
                                {"client_id", clientId().toUtf8()}});
}

ApiRequest OAuthRequests::revoke(const QUrl &revocationEndpoint, const QByteArray &token,
                                 const QByteArray &tokenTypeHint)
{
    return form(
        revocationEndpoint,
        {{"token", token}, {"token_type_hint", tokenTypeHint}, {"client_id", clientId().toUtf8()}});
}

} // namespace plexe
