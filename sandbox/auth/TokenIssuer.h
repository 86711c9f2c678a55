#pragma once

#include "auth/SignInSettings.h"
#include "auth/TokenFamily.h"

#include <QByteArray>
#include <QString>

namespace plexe::sandbox {

class Connection;

// A token answer just issued: the plaintext tokens (sent once, never stored) and what the
// answer body says about them.
struct IssuedTokens
{
    QByteArray accessToken;
    QByteArray refreshToken;
    qint64 expiresIn = 0;
    QString scope;
    qint64 authTime = 0;
    QByteArray familyId;

    QByteArray body() const; // TokenResponse::success
};

// Issues sessions: a new refresh family with its first access token after a sign-in, and the
// rotation of a refresh token. Writes only hashes, inside the caller's transaction.
class TokenIssuer
{
public:
    static QString defaultScope(); // "plexe"
    static QString consoleClientId();

    explicit TokenIssuer(const SignInSettings &settings);

    IssuedTokens startSession(Connection &connection, qint64 accountId, const QString &clientId,
                              const QString &scope, qint64 authTime, qint64 now) const;
    // The successor of a refresh token whose rotation TokenFamily allowed (the caller has
    // already marked it used).
    IssuedTokens rotate(Connection &connection, const RefreshTokenRecord &presented,
                        qint64 now) const;

private:
    QByteArray issueAccess(Connection &connection, const RefreshTokenRecord &family,
                           qint64 now) const;

    const SignInSettings &m_settings;
};

} // namespace plexe::sandbox
