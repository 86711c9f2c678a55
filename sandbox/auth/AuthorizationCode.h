#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace plexe::sandbox {

// One stored authorization code (only its hash), bound to everything the token request must
// repeat.
struct AuthorizationCodeRecord
{
    QByteArray codeHash; // OpaqueToken::storageHash of the plx_code_… value
    qint64 accountId = 0;
    QString clientId;
    QString redirectUri;
    QString codeChallenge; // S256
    QString scope;
    qint64 authTime = 0;  // Unix seconds of the sign-in that produced the code
    qint64 expiresAt = 0; // Unix seconds; dead from this second on
    bool used = false;
    QByteArray issuedFamilyId; // the refresh family minted from it, to revoke on reuse
    QByteArray browserSession; // hash of the browser session that issued it (sign-out ends it)
};

// Authorization-code rules (contract §5): single use, 60 s, exact client and redirect_uri,
// PKCE S256 verifier. Pure logic over a record that phase 2 keeps in SQLite.
//
// How POST /oauth/token (grant_type=authorization_code) uses it:
//  1. client_id must be RedirectUriPolicy::isKnownClient, else 401 invalid_client.
//  2. Look the record up by OpaqueToken::storageHash(code), and in the same transaction mark it
//     used with `UPDATE … SET used = 1 WHERE code_hash = ? AND used = 0`; 0 changed rows on an
//     existing record means AlreadyUsed, even when two requests race. Any presentation burns
//     the code, including one that fails below (a wrong verifier suggests a stolen code).
//  3. decide(); anything but Exchange is 400 invalid_grant (RFC 6749 §5.2, RFC 7636 §4.6).
//     AlreadyUsed also revokes the family in issuedFamilyId (RFC 6749 §4.1.2: tokens issued
//     from a code used twice SHOULD be revoked).
//  4. Exchange: TokenFamily::startFamily(…, record.authTime, …), store its family id in the
//     code's issuedFamilyId, issue an access token.
class AuthorizationCode
{
public:
    static constexpr qint64 kLifetimeSeconds = 60;

    enum class Decision {
        Unknown,
        AlreadyUsed,
        Expired,
        WrongClient,
        WrongRedirectUri,
        BadVerifier,
        Exchange
    };

    // A new code for a signed-in account. `code` receives the plaintext (goes into the redirect
    // only); the record holds its hash.
    static AuthorizationCodeRecord issue(qint64 accountId, const QString &clientId,
                                         const QString &redirectUri, const QString &codeChallenge,
                                         const QString &scope, qint64 authTime, qint64 nowSeconds,
                                         QByteArray *code,
                                         qint64 lifetimeSeconds = kLifetimeSeconds);

    // Checks in this order: Unknown, AlreadyUsed (the record as it was BEFORE this request
    // marked it used), Expired, WrongClient, WrongRedirectUri (exact string), BadVerifier.
    static Decision decide(const std::optional<AuthorizationCodeRecord> &record,
                           const QString &clientId, const QString &redirectUri,
                           const QByteArray &codeVerifier, qint64 nowSeconds);

    // "invalid_grant" for every refusal; empty for Exchange.
    static QString oauthError(Decision decision);

    // A description for error_description (never contains a presented value).
    static QString describe(Decision decision);
};

} // namespace plexe::sandbox
