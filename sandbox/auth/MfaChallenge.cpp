#include "auth/MfaChallenge.h"

#include "auth/OpaqueToken.h"

namespace plexe::sandbox {

MfaChallengeRecord MfaChallenge::issue(qint64 accountId, qint64 nowSeconds, QByteArray *token,
                                       qint64 lifetimeSeconds)
{
    const QByteArray plain = OpaqueToken::generate(OpaqueToken::Kind::MfaPending);
    MfaChallengeRecord record;
    record.tokenHash = OpaqueToken::storageHash(plain);
    record.accountId = accountId;
    record.expiresAt = nowSeconds + qMax<qint64>(1, lifetimeSeconds);
    if (token)
        *token = plain;
    return record;
}

MfaChallenge::Decision MfaChallenge::check(const std::optional<MfaChallengeRecord> &record,
                                           qint64 nowSeconds)
{
    if (!record)
        return Decision::Unknown;
    if (record->used)
        return Decision::Used;
    if (nowSeconds >= record->expiresAt)
        return Decision::Expired;
    if (record->failedAttempts >= kMaxFailedAttempts)
        return Decision::TooManyAttempts;
    return Decision::Proceed;
}

bool MfaChallenge::recordFailure(MfaChallengeRecord &record)
{
    if (record.failedAttempts < kMaxFailedAttempts)
        ++record.failedAttempts;
    return record.failedAttempts >= kMaxFailedAttempts;
}

} // namespace plexe::sandbox
