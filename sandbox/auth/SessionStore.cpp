#include "auth/SessionStore.h"

#include "db/Connection.h"

namespace plexe::sandbox {

namespace {
std::string s(const QByteArray &bytes)
{
    return bytes.toStdString();
}

std::string s(const QString &text)
{
    return text.toStdString();
}

QByteArray bytes(const std::string &text)
{
    return QByteArray::fromStdString(text);
}

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}
} // namespace

void SessionStore::insertFamily(Connection &connection, const QByteArray &familyId,
                                qint64 accountId, qint64 now)
{
    connection
        .prepare("INSERT INTO token_families (family_id, account_id, created_at) VALUES (?, ?, ?)")
        .bind(1, s(familyId))
        .bind(2, int64_t(accountId))
        .bind(3, int64_t(now))
        .run();
}

void SessionStore::revokeFamily(Connection &connection, const QByteArray &familyId, qint64 now)
{
    connection
        .prepare("UPDATE token_families SET revoked_at = ? WHERE family_id = ? AND "
                 "revoked_at IS NULL")
        .bind(1, int64_t(now))
        .bind(2, s(familyId))
        .run();
    connection.prepare("UPDATE access_tokens SET revoked = 1 WHERE family_id = ?")
        .bind(1, s(familyId))
        .run();
    // Signing out (or a detected theft) also ends the browser sign-in the family came from,
    // else its cookie would keep minting codes without a password.
    connection
        .prepare("DELETE FROM browser_sessions WHERE token_hash = "
                 "(SELECT browser_session FROM token_families WHERE family_id = ?)")
        .bind(1, s(familyId))
        .run();
}

void SessionStore::insertRefresh(Connection &connection, const RefreshTokenRecord &r)
{
    connection
        .prepare("INSERT INTO refresh_tokens (token_hash, family_id, account_id, client_id, scope, "
                 "auth_time, issued_at, expires_at, used) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, s(r.tokenHash))
        .bind(2, s(r.familyId))
        .bind(3, int64_t(r.accountId))
        .bind(4, s(r.clientId))
        .bind(5, s(r.scope))
        .bind(6, int64_t(r.authTime))
        .bind(7, int64_t(r.issuedAt))
        .bind(8, int64_t(r.expiresAt))
        .bind(9, int64_t(r.used ? 1 : 0))
        .run();
}

std::optional<RefreshTokenRecord> SessionStore::findRefresh(Connection &connection,
                                                            const QByteArray &tokenHash)
{
    auto q = connection.prepare(
        "SELECT r.family_id, r.account_id, r.client_id, r.scope, r.auth_time, r.issued_at, "
        "r.expires_at, r.used, f.revoked_at IS NOT NULL FROM refresh_tokens r "
        "JOIN token_families f ON f.family_id = r.family_id WHERE r.token_hash = ?");
    q.bind(1, s(tokenHash));
    if (!q.step())
        return std::nullopt;
    RefreshTokenRecord r;
    r.tokenHash = tokenHash;
    r.familyId = bytes(q.text(0));
    r.accountId = q.integer(1);
    r.clientId = qs(q.text(2));
    r.scope = qs(q.text(3));
    r.authTime = q.integer(4);
    r.issuedAt = q.integer(5);
    r.expiresAt = q.integer(6);
    r.used = q.integer(7) != 0;
    r.familyRevoked = q.integer(8) != 0;
    return r;
}

bool SessionStore::markRefreshUsed(Connection &connection, const QByteArray &tokenHash)
{
    connection.prepare("UPDATE refresh_tokens SET used = 1 WHERE token_hash = ? AND used = 0")
        .bind(1, s(tokenHash))
        .run();
    return connection.changes() == 1;
}

void SessionStore::insertAccess(Connection &connection, const QByteArray &tokenHash,
                                const AccessTokenRecord &r)
{
    connection
        .prepare("INSERT INTO access_tokens (token_hash, family_id, account_id, scope, auth_time, "
                 "expires_at, revoked) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, s(tokenHash))
        .bind(2, s(r.familyId))
        .bind(3, int64_t(r.accountId))
        .bind(4, s(r.scope))
        .bind(5, int64_t(r.authTime))
        .bind(6, int64_t(r.expiresAt))
        .bind(7, int64_t(r.revoked ? 1 : 0))
        .run();
}

std::optional<AccessTokenRecord> SessionStore::findAccess(Connection &connection,
                                                          const QByteArray &tokenHash)
{
    auto q = connection.prepare("SELECT family_id, account_id, scope, auth_time, expires_at, "
                                "revoked FROM access_tokens WHERE token_hash = ?");
    q.bind(1, s(tokenHash));
    if (!q.step())
        return std::nullopt;
    AccessTokenRecord r;
    r.familyId = bytes(q.text(0));
    r.accountId = q.integer(1);
    r.scope = qs(q.text(2));
    r.authTime = q.integer(3);
    r.expiresAt = q.integer(4);
    r.revoked = q.integer(5) != 0;
    return r;
}

void SessionStore::revokeAccess(Connection &connection, const QByteArray &tokenHash)
{
    connection.prepare("UPDATE access_tokens SET revoked = 1 WHERE token_hash = ?")
        .bind(1, s(tokenHash))
        .run();
}

void SessionStore::insertCode(Connection &connection, const AuthorizationCodeRecord &r)
{
    connection
        .prepare("INSERT INTO authorization_codes (code_hash, account_id, client_id, "
                 "redirect_uri, code_challenge, scope, auth_time, expires_at, used, "
                 "browser_session) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
        .bind(1, s(r.codeHash))
        .bind(2, int64_t(r.accountId))
        .bind(3, s(r.clientId))
        .bind(4, s(r.redirectUri))
        .bind(5, s(r.codeChallenge))
        .bind(6, s(r.scope))
        .bind(7, int64_t(r.authTime))
        .bind(8, int64_t(r.expiresAt))
        .bind(9, r.browserSession.isEmpty() ? std::string() : s(r.browserSession))
        .run();
}

std::optional<AuthorizationCodeRecord> SessionStore::findCode(Connection &connection,
                                                              const QByteArray &codeHash)
{
    auto q = connection.prepare(
        "SELECT account_id, client_id, redirect_uri, code_challenge, scope, auth_time, "
        "expires_at, used, family_id FROM authorization_codes WHERE code_hash = ?");
    q.bind(1, s(codeHash));
    if (!q.step())
        return std::nullopt;
    AuthorizationCodeRecord r;
    r.codeHash = codeHash;
    r.accountId = q.integer(0);
    r.clientId = qs(q.text(1));
    r.redirectUri = qs(q.text(2));
    r.codeChallenge = qs(q.text(3));
    r.scope = qs(q.text(4));
    r.authTime = q.integer(5);
    r.expiresAt = q.integer(6);
    r.used = q.integer(7) != 0;
    r.issuedFamilyId = bytes(q.optionalText(8).value_or(std::string()));
    return r;
}

bool SessionStore::markCodeUsed(Connection &connection, const QByteArray &codeHash)
{
    connection.prepare("UPDATE authorization_codes SET used = 1 WHERE code_hash = ? AND used = 0")
        .bind(1, s(codeHash))
        .run();
    return connection.changes() == 1;
}

void SessionStore::setCodeFamily(Connection &connection, const QByteArray &codeHash,
                                 const QByteArray &familyId)
{
    connection.prepare("UPDATE authorization_codes SET family_id = ? WHERE code_hash = ?")
        .bind(1, s(familyId))
        .bind(2, s(codeHash))
        .run();
    connection
        .prepare("UPDATE token_families SET browser_session = (SELECT browser_session FROM "
                 "authorization_codes WHERE code_hash = ?) WHERE family_id = ?")
        .bind(1, s(codeHash))
        .bind(2, s(familyId))
        .run();
}

void SessionStore::insertMfa(Connection &connection, const MfaChallengeRecord &r)
{
    connection
        .prepare("INSERT INTO mfa_challenges (token_hash, account_id, expires_at, "
                 "failed_attempts, used) VALUES (?, ?, ?, ?, ?)")
        .bind(1, s(r.tokenHash))
        .bind(2, int64_t(r.accountId))
        .bind(3, int64_t(r.expiresAt))
        .bind(4, int64_t(r.failedAttempts))
        .bind(5, int64_t(r.used ? 1 : 0))
        .run();
}

std::optional<MfaChallengeRecord> SessionStore::findMfa(Connection &connection,
                                                        const QByteArray &tokenHash)
{
    auto q = connection.prepare("SELECT account_id, expires_at, failed_attempts, used FROM "
                                "mfa_challenges WHERE token_hash = ?");
    q.bind(1, s(tokenHash));
    if (!q.step())
        return std::nullopt;
    MfaChallengeRecord r;
    r.tokenHash = tokenHash;
    r.accountId = q.integer(0);
    r.expiresAt = q.integer(1);
    r.failedAttempts = int(q.integer(2));
    r.used = q.integer(3) != 0;
    return r;
}

void SessionStore::updateMfa(Connection &connection, const MfaChallengeRecord &r)
{
    connection
        .prepare("UPDATE mfa_challenges SET failed_attempts = ?, used = ? WHERE token_hash = ?")
        .bind(1, int64_t(r.failedAttempts))
        .bind(2, int64_t(r.used ? 1 : 0))
        .bind(3, s(r.tokenHash))
        .run();
}

bool SessionStore::reserveMfaAttempt(Connection &connection, const QByteArray &tokenHash,
                                     int64_t now, int maxAttempts)
{
    connection
        .prepare("UPDATE mfa_challenges SET failed_attempts = failed_attempts + 1 "
                 "WHERE token_hash = ? AND used = 0 AND expires_at > ? AND failed_attempts < ?")
        .bind(1, s(tokenHash))
        .bind(2, now)
        .bind(3, int64_t(maxAttempts))
        .run();
    return connection.changes() == 1;
}

void SessionStore::finishMfa(Connection &connection, const QByteArray &tokenHash)
{
    connection
        .prepare("UPDATE mfa_challenges SET used = 1, failed_attempts = failed_attempts - 1 "
                 "WHERE token_hash = ?")
        .bind(1, s(tokenHash))
        .run();
}

void SessionStore::insertBrowserSession(Connection &connection, const QByteArray &tokenHash,
                                        const BrowserSessionRecord &r)
{
    connection
        .prepare("INSERT INTO browser_sessions (token_hash, account_id, auth_time, expires_at) "
                 "VALUES (?, ?, ?, ?)")
        .bind(1, s(tokenHash))
        .bind(2, int64_t(r.accountId))
        .bind(3, int64_t(r.authTime))
        .bind(4, int64_t(r.expiresAt))
        .run();
}

std::optional<BrowserSessionRecord> SessionStore::findBrowserSession(Connection &connection,
                                                                     const QByteArray &tokenHash)
{
    auto q = connection.prepare(
        "SELECT account_id, auth_time, expires_at FROM browser_sessions WHERE token_hash = ?");
    q.bind(1, s(tokenHash));
    if (!q.step())
        return std::nullopt;
    BrowserSessionRecord r;
    r.accountId = q.integer(0);
    r.authTime = q.integer(1);
    r.expiresAt = q.integer(2);
    return r;
}

} // namespace plexe::sandbox
