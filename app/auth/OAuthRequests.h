#pragma once

#include "api/ApiRequest.h"

#include <QByteArray>
#include <QUrl>

namespace plexe {

// Builds the form-encoded OAuth requests of contract §5 (RFC 6749 §4.1.3 and §6, RFC 7009):
// unauthenticated, marked sensitive (their bodies and answers hold secrets), never auto-resent
// after a 429. Shared by the browser sign-in and the session manager.
class OAuthRequests
{
public:
    static QString clientId() { return QStringLiteral("plexe-console"); }

    static ApiRequest authorizationCode(const QUrl &tokenEndpoint, const QByteArray &code,
                                        const QUrl &redirectUri, const QByteArray &verifier);
    static ApiRequest refresh(const QUrl &tokenEndpoint, const QByteArray &refreshToken);
    static ApiRequest revoke(const QUrl &revocationEndpoint, const QByteArray &token,
                             const QByteArray &tokenTypeHint);

private:
    static ApiRequest form(const QUrl &endpoint,
                           const QList<QPair<QByteArray, QByteArray>> &fields);
};

} // namespace plexe
