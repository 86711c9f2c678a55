#pragma once

#include <QByteArray>
#include <QString>

namespace plexe::sandbox {

// RFC 7636 PKCE checks for the authorization server, S256 only (contract §5, security.md A5).
class Pkce
{
public:
    // "S256" exactly. "plain", any other value, and a missing method (which RFC 7636 §4.3
    // would read as "plain") are refused: GET /oauth/authorize answers invalid_request.
    static bool isSupportedMethod(const QString &method);

    // 43–128 characters of [A-Z a-z 0-9 - . _ ~] (RFC 7636 §4.1).
    static bool isValidVerifier(const QByteArray &verifier);

    // An S256 challenge is base64url(SHA-256) without padding: exactly 43 characters of the
    // base64url alphabet. Checked at /oauth/authorize so a junk challenge fails early.
    static bool isValidChallenge(const QByteArray &challenge);

    // BASE64URL(SHA256(ASCII(verifier))).
    static QByteArray challengeFor(const QByteArray &verifier);

    // True when `verifier` is well formed and its S256 challenge equals `challenge` (compared in
    // constant time). Used by POST /oauth/token; a false answer is invalid_grant.
    static bool verify(const QByteArray &verifier, const QByteArray &challenge);
};

} // namespace plexe::sandbox
