#pragma once

#include <QByteArray>

namespace plexe {

// PKCE (RFC 7636, S256 only) verifiers and OAuth `state` values, fresh from the system CSPRNG.
class Pkce
{
public:
    // 32 random bytes as base64url without padding: 43 unreserved characters.
    static QByteArray generateVerifier();
    // BASE64URL(SHA-256(ASCII(verifier))), no padding (RFC 7636 §4.2).
    static QByteArray challengeFor(const QByteArray &verifier);
    // A new unguessable `state` for one sign-in attempt (same shape as a verifier).
    static QByteArray generateState();
    // 43–128 characters from [A-Z a-z 0-9 - . _ ~] (RFC 7636 §4.1).
    static bool isValidVerifier(const QByteArray &verifier);
};

} // namespace plexe
