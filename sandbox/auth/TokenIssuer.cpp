#include "auth/TokenIssuer.h"

#include "auth/OpaqueToken.h"
#include "auth/RedirectUriPolicy.h"
#include "auth/SessionStore.h"
#include "auth/TokenResponse.h"

namespace plexe::sandbox {

QByteArray IssuedTokens::body() const
{
    return TokenResponse::success(accessToken, expiresIn, refreshToken, scope, authTime);
}

QString TokenIssuer::defaultScope()
{
    return QStringLiteral("plexe");
}

QString TokenIssuer::consoleClientId()
{
    return RedirectUriPolicy::clientId();
}

TokenIssuer::TokenIssuer(const SignInSettings &settings) : m_settings(settings) {}

IssuedTokens TokenIssuer::startSession(Connection &connection, qint64 accountId,
                                       const QString &clientId, const QString &scope,
                                       qint64 authTime, qint64 now) const
{
    IssuedTokens out;
    const QString effectiveScope = scope.isEmpty() ? defaultScope() : scope;
    const RefreshTokenRecord record =
        TokenFamily::startFamily(accountId, clientId, effectiveScope, authTime, now,
                                 m_settings.refreshTtlSeconds, &out.refreshToken);
    SessionStore::insertFamily(connection, record.familyId, accountId, now);
    SessionStore::insertRefresh(connection, record);
    out.accessToken = issueAccess(connection, record, now);
    out.expiresIn = m_settings.accessTtlSeconds;
    out.scope = effectiveScope;
    out.authTime = authTime;
    out.familyId = record.familyId;
    return out;
}

IssuedTokens TokenIssuer::rotate(Connection &connection, const RefreshTokenRecord &presented,
                                 qint64 now) const
{
    IssuedTokens out;
    const RefreshTokenRecord next =
        TokenFamily::successor(presented, now, m_settings.refreshTtlSeconds, &out.refreshToken);
    SessionStore::insertRefresh(connection, next);
    out.accessToken = issueAccess(connection, next, now);
    out.expiresIn = m_settings.accessTtlSeconds;
    out.scope = next.scope;
    out.authTime = next.authTime;
    out.familyId = next.familyId;
    return out;
}

QByteArray TokenIssuer::issueAccess(Connection &connection, const RefreshTokenRecord &family,
                                    qint64 now) const
{
    const QByteArray token = OpaqueToken::generate(OpaqueToken::Kind::Access);
    AccessTokenRecord record;
    record.familyId = family.familyId;
    record.accountId = family.accountId;
    record.scope = family.scope;
    record.authTime = family.authTime;
    record.expiresAt = now + m_settings.accessTtlSeconds;
    SessionStore::insertAccess(connection, OpaqueToken::storageHash(token), record);
    return token;
}

} // namespace plexe::sandbox
