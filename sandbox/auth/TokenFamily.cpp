#include "auth/TokenFamily.h"

#include "auth/AuthCrypto.h"
#include "auth/OpaqueToken.h"

namespace plexe::sandbox {

namespace {

RefreshTokenRecord issue(RefreshTokenRecord record, qint64 now, qint64 ttl, QByteArray *token)
{
    const QByteArray plain = OpaqueToken::generate(OpaqueToken::Kind::Refresh);
    record.tokenHash = OpaqueToken::storageHash(plain);
    record.issuedAt = now;
    record.expiresAt = now + qMax<qint64>(1, ttl);
    record.used = false;
    record.familyRevoked = false;
    if (token)
        *token = plain;
    return record;
}

} // namespace

TokenFamily::Decision TokenFamily::decide(const std::optional<RefreshTokenRecord> &presented,
                                          const QString &clientId, qint64 nowSeconds)
{
    if (!presented)
        return Decision::Unknown;
    if (presented->familyRevoked)
        return Decision::FamilyRevoked;
    if (presented->used)
        return Decision::ReuseDetected;
    if (nowSeconds >= presented->expiresAt)
        return Decision::Expired;
    if (clientId != presented->clientId)
        return Decision::WrongClient;
    return Decision::Rotate;
}

QString TokenFamily::oauthError(Decision decision)
{
    return decision == Decision::Rotate ? QString() : QStringLiteral("invalid_grant");
}

RefreshTokenRecord TokenFamily::startFamily(qint64 accountId, const QString &clientId,
                                            const QString &scope, qint64 authTime,
                                            qint64 nowSeconds, qint64 ttlSeconds, QByteArray *token)
{
    RefreshTokenRecord record;
    record.familyId = authcrypto::randomBytes(kFamilyIdBytes).toHex();
    record.accountId = accountId;
    record.clientId = clientId;
    record.scope = scope;
    record.authTime = authTime;
    return issue(record, nowSeconds, ttlSeconds, token);
}

RefreshTokenRecord TokenFamily::successor(const RefreshTokenRecord &presented, qint64 nowSeconds,
                                          qint64 ttlSeconds, QByteArray *token)
{
    return issue(presented, nowSeconds, ttlSeconds, token);
}

} // namespace plexe::sandbox
