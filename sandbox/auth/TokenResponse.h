#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace plexe::sandbox {

// Bodies and headers of the token answers: the success body shared by POST /oauth/token,
// /auth/login, /auth/login/mfa and /auth/reauthenticate (contract §5), the RFC 6749 §5.2 error
// body of /oauth/token, and the step-up rule.
class TokenResponse
{
public:
    static constexpr qint64 kDefaultAccessTtlSeconds = 15 * 60;
    static constexpr qint64 kDefaultRefreshTtlSeconds = 30 * 24 * 3600;
    static constexpr qint64 kDefaultStepUpSeconds = 10 * 60;

    // {"access_token", "token_type": "Bearer", "expires_in", "refresh_token", "scope"} with
    // "auth_time" (Unix seconds) added, so that the console can tell how fresh the sign-in is.
    // An empty refresh token or scope is left out.
    static QByteArray success(const QByteArray &accessToken, qint64 expiresIn,
                              const QByteArray &refreshToken, const QString &scope,
                              qint64 authTime);

    // {"error": code, "error_description": text} (RFC 6749 §5.2). Status: 400, except
    // invalid_client → 401 (see errorStatus()).
    static QByteArray oauthError(const QString &error, const QString &description);
    static int errorStatus(const QString &error);

    // Headers every token answer carries (RFC 6749 §5.1): Cache-Control: no-store,
    // Pragma: no-cache, Content-Type: application/json.
    static QList<QPair<QByteArray, QByteArray>> headers();

    // True when a session whose sign-in happened at authTime may no longer create, revoke,
    // rotate or re-date API keys without POST /auth/reauthenticate (403
    // reauthentication_required). A sign-in exactly maxAgeSeconds old still counts as fresh;
    // a sign-in "in the future" (clock step) is treated as stale.
    static bool needsReauthentication(qint64 authTime, qint64 nowSeconds,
                                      qint64 maxAgeSeconds = kDefaultStepUpSeconds);
};

} // namespace plexe::sandbox
