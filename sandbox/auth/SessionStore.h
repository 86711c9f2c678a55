#pragma once

#include "auth/AuthorizationCode.h"
#include "auth/MfaChallenge.h"
#include "auth/TokenFamily.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace plexe::sandbox {

class Connection;

// One stored access token (by hash), as the Authenticator needs it.
struct AccessTokenRecord
{
    QByteArray familyId;
    qint64 accountId = 0;
    QString scope;
    qint64 authTime = 0;
    qint64 expiresAt = 0;
    bool revoked = false;
};

// One browser sign-in session (the HttpOnly cookie of /oauth/authorize), by hash.
struct BrowserSessionRecord
{
    qint64 accountId = 0;
    qint64 authTime = 0;
    qint64 expiresAt = 0;
};

// SQL for the sign-in tables (auth/SignInSchema): token families, refresh and access tokens,
// authorization codes, MFA challenges and browser sessions. Keys are storage hashes only; the
// callers own the transactions.
class SessionStore
{
public:
    static void insertFamily(Connection &connection, const QByteArray &familyId, qint64 accountId,
                             qint64 now);
    // Marks the family revoked and revokes every access token issued in it.
    static void revokeFamily(Connection &connection, const QByteArray &familyId, qint64 now);

    static void insertRefresh(Connection &connection, const RefreshTokenRecord &record);
    // The record with familyRevoked filled from its family.
    static std::optional<RefreshTokenRecord> findRefresh(Connection &connection,
                                                         const QByteArray &tokenHash);
    // `UPDATE … SET used = 1 WHERE … AND used = 0`: false when it was already used.
    static bool markRefreshUsed(Connection &connection, const QByteArray &tokenHash);

    static void insertAccess(Connection &connection, const QByteArray &tokenHash,
                             const AccessTokenRecord &record);
    static std::optional<AccessTokenRecord> findAccess(Connection &connection,
                                                       const QByteArray &tokenHash);
    static void revokeAccess(Connection &connection, const QByteArray &tokenHash);

    static void insertCode(Connection &connection, const AuthorizationCodeRecord &record);
    static std::optional<AuthorizationCodeRecord> findCode(Connection &connection,
                                                           const QByteArray &codeHash);
    static bool markCodeUsed(Connection &connection, const QByteArray &codeHash);
    static void setCodeFamily(Connection &connection, const QByteArray &codeHash,
                              const QByteArray &familyId);

    static void insertMfa(Connection &connection, const MfaChallengeRecord &record);
    static std::optional<MfaChallengeRecord> findMfa(Connection &connection,
                                                     const QByteArray &tokenHash);
    static void updateMfa(Connection &connection, const MfaChallengeRecord &record);
    // Counts one attempt on a live challenge (not used, not expired, fewer than `maxAttempts`
    // counted) in one UPDATE, before the code is verified; false when none is left. A right
    // code then takes it back with finishMfa, which also marks the challenge used.
    static bool reserveMfaAttempt(Connection &connection, const QByteArray &tokenHash, int64_t now,
                                  int maxAttempts);
    static void finishMfa(Connection &connection, const QByteArray &tokenHash);

    static void insertBrowserSession(Connection &connection, const QByteArray &tokenHash,
                                     const BrowserSessionRecord &record);
    static std::optional<BrowserSessionRecord> findBrowserSession(Connection &connection,
                                                                  const QByteArray &tokenHash);
};

} // namespace plexe::sandbox
