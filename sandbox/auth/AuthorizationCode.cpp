#include "auth/AuthorizationCode.h"

#include "auth/OpaqueToken.h"
#include "auth/Pkce.h"
#include "auth/RedirectUriPolicy.h"

namespace plexe::sandbox {

AuthorizationCodeRecord AuthorizationCode::issue(qint64 accountId, const QString &clientId,
                                                 const QString &redirectUri,
                                                 const QString &codeChallenge, const QString &scope,
                                                 qint64 authTime, qint64 nowSeconds,
                                                 QByteArray *code, qint64 lifetimeSeconds)
{
    const QByteArray plain = OpaqueToken::generate(OpaqueToken::Kind::AuthorizationCode);
    AuthorizationCodeRecord record;
    record.codeHash = OpaqueToken::storageHash(plain);
    record.accountId = accountId;
    record.clientId = clientId;
    record.redirectUri = redirectUri;
    record.codeChallenge = codeChallenge;
    record.scope = scope;
    record.authTime = authTime;
    record.expiresAt = nowSeconds + qMax<qint64>(1, lifetimeSeconds);
    if (code)
        *code = plain;
    return record;
}

AuthorizationCode::Decision
AuthorizationCode::decide(const std::optional<AuthorizationCodeRecord> &record,
                          const QString &clientId, const QString &redirectUri,
                          const QByteArray &codeVerifier, qint64 nowSeconds)
{
    if (!record)
        return Decision::Unknown;
    if (record->used)
        return Decision::AlreadyUsed;
    if (nowSeconds >= record->expiresAt)
        return Decision::Expired;
    if (clientId != record->clientId)
        return Decision::WrongClient;
    if (!RedirectUriPolicy::matchesAuthorizeRequest(record->redirectUri, redirectUri))
        return Decision::WrongRedirectUri;
    if (!Pkce::verify(codeVerifier, record->codeChallenge.toLatin1()))
        return Decision::BadVerifier;
    return Decision::Exchange;
}

QString AuthorizationCode::oauthError(Decision decision)
{
    return decision == Decision::Exchange ? QString() : QStringLiteral("invalid_grant");
}

QString AuthorizationCode::describe(Decision decision)
{
    switch (decision) {
    case Decision::Unknown:
        return QStringLiteral("the authorization code is not valid");
    case Decision::AlreadyUsed:
        return QStringLiteral("the authorization code was already used");
    case Decision::Expired:
        return QStringLiteral("the authorization code expired");
    case Decision::WrongClient:
        return QStringLiteral("the authorization code was issued to another client");
    case Decision::WrongRedirectUri:
        return QStringLiteral("redirect_uri does not match the authorization request");
    case Decision::BadVerifier:
        return QStringLiteral("code_verifier does not match the code_challenge");
    case Decision::Exchange:
        return QString();
    }
    return QStringLiteral("the authorization code is not valid");
}

} // namespace plexe::sandbox
