#pragma once

#include <QByteArray>

#include <optional>

namespace plexe::sandbox {

// The pending second step of a password sign-in for an account with TOTP on:
// POST /auth/login answers 401 mfa_required with a plx_mfa_… token; POST /auth/login/mfa
// presents it with a code. Only the token's hash is stored.
struct MfaChallengeRecord
{
    QByteArray tokenHash; // OpaqueToken::storageHash of the plx_mfa_… value
    qint64 accountId = 0;
    qint64 expiresAt = 0; // Unix seconds
    int failedAttempts = 0;
    bool used = false;
};

// Rules for the mfa_token (pure logic; phase 2 keeps the record in SQLite or in memory):
// it lives 5 minutes, is used once, and dies after 5 wrong codes, so that it cannot be used to
// try the whole code space (the per-account LoginThrottle applies as well).
//
// POST /auth/login/mfa:
//  1. check(record, now): anything but Proceed → 401 invalid_token-like refusal
//     (contract: 401 invalid_credentials is fine; the client restarts the sign-in).
//  2. Reserve the attempt before verifying: SessionStore::reserveMfaAttempt (one UPDATE that
//     counts it against the 5) and LoginThrottle::reserve (email, ip).
//  3. Totp::verify(secret, code, now, account.last_totp_step): on a match, store the returned
//     step as the account's last_totp_step AND mark the challenge used, in one transaction,
//     then answer the token body. On no match: 401 invalid_credentials (already counted).
class MfaChallenge
{
public:
    static constexpr qint64 kLifetimeSeconds = 5 * 60;
    static constexpr int kMaxFailedAttempts = 5;

    enum class Decision { Unknown, Used, Expired, TooManyAttempts, Proceed };

    // A new challenge; `token` receives the plaintext plx_mfa_… value.
    static MfaChallengeRecord issue(qint64 accountId, qint64 nowSeconds, QByteArray *token,
                                    qint64 lifetimeSeconds = kLifetimeSeconds);

    static Decision check(const std::optional<MfaChallengeRecord> &record, qint64 nowSeconds);

    // Counts a wrong code; returns true when the challenge is now spent.
    static bool recordFailure(MfaChallengeRecord &record);
};

} // namespace plexe::sandbox
