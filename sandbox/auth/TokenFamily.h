#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace plexe::sandbox {

// One stored refresh token. Only the hash of the token is kept (OpaqueToken::storageHash).
struct RefreshTokenRecord
{
    QByteArray tokenHash;
    QByteArray familyId; // shared by every refresh token descended from one sign-in
    qint64 accountId = 0;
    QString clientId;
    QString scope;
    qint64 authTime = 0;  // Unix seconds of the sign-in itself; rotation never moves it
    qint64 issuedAt = 0;  // Unix seconds
    qint64 expiresAt = 0; // Unix seconds; the token is dead from this second on
    bool used = false;    // a successor was issued for it (it was rotated)
    bool familyRevoked = false;
};

// Refresh-token rotation with reuse detection (RFC 9700 §4.14.2), as pure logic over records:
// phase 2 loads the record by hash, asks decide(), and applies the answer in one transaction.
//
// Decisions, in the order they are checked:
//  Unknown        no record for the hash                     → invalid_grant
//  FamilyRevoked  the family was revoked (reuse, revoke)     → invalid_grant
//  ReuseDetected  the token was already rotated: someone     → revoke the WHOLE family (its
//                 holds a copy. Checked before expiry: an       refresh and access tokens),
//                 old copy showing up is a theft signal         invalid_grant, log it
//  Expired        now >= expiresAt                           → invalid_grant (family kept)
//  WrongClient    client_id differs from the record's        → invalid_grant (RFC 6749 §6)
//  Rotate         mark the record used, insert successor()   → new access + refresh tokens
//
// Concurrency: "mark used" must be `UPDATE … SET used = 1 WHERE token_hash = ? AND used = 0`
// and the caller must treat 0 changed rows as ReuseDetected, so two racing refreshes with one
// token cannot both rotate. There is no grace period: the console refreshes exactly once.
class TokenFamily
{
public:
    enum class Decision { Unknown, FamilyRevoked, ReuseDetected, Expired, WrongClient, Rotate };

    static constexpr int kFamilyIdBytes = 16;

    static Decision decide(const std::optional<RefreshTokenRecord> &presented,
                           const QString &clientId, qint64 nowSeconds);

    // The RFC 6749 §5.2 error code for a refusal ("invalid_grant" for all of them); empty for
    // Rotate.
    static QString oauthError(Decision decision);

    // True when the decision requires revoking the presented token's whole family.
    static bool revokesFamily(Decision decision) { return decision == Decision::ReuseDetected; }

    // A new family for a fresh sign-in. `token` receives the plaintext refresh token (hand it
    // to the client once; store only the returned record).
    static RefreshTokenRecord startFamily(qint64 accountId, const QString &clientId,
                                          const QString &scope, qint64 authTime, qint64 nowSeconds,
                                          qint64 ttlSeconds, QByteArray *token);

    // The successor of `presented` after Rotate: same family, account, client, scope and
    // auth_time (a refresh is not a fresh sign-in, so step-up still applies), a new token and a
    // full new lifetime from now. `token` receives the plaintext refresh token.
    static RefreshTokenRecord successor(const RefreshTokenRecord &presented, qint64 nowSeconds,
                                        qint64 ttlSeconds, QByteArray *token);
};

} // namespace plexe::sandbox
