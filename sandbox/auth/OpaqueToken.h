#pragma once

#include <QByteArray>

#include <optional>

namespace plexe::sandbox {

// Opaque bearer secrets with recognisable prefixes (so a leaked one is easy to spot and to
// grep for), stored only as SHA-256 hashes (security.md F36).
//
// A token is prefix + base64url(32 random bytes), no padding: 43 characters after the prefix.
class OpaqueToken
{
public:
    enum class Kind {
        Access,            // plx_at_   : Authorization: Bearer, 15 min
        Refresh,           // plx_rt_   : /oauth/token grant_type=refresh_token, 30 days
        AuthorizationCode, // plx_code_ : one use, 60 s
        MfaPending,        // plx_mfa_  : /auth/login → /auth/login/mfa, short-lived
    };

    static constexpr int kRandomBytes = 32;
    static constexpr int kEncodedLength = 43; // base64url of 32 bytes, unpadded

    static QByteArray prefix(Kind kind);

    // A fresh token of that kind.
    static QByteArray generate(Kind kind);

    // The kind whose prefix `token` carries, if the rest has the exact shape generate() gives;
    // nullopt otherwise. Lets a route answer a mistyped or wrong-kind token without a lookup.
    static std::optional<Kind> kindOf(const QByteArray &token);

    // True when `token` is well formed and of kind `kind`.
    static bool isWellFormed(const QByteArray &token, Kind kind);

    // Lower-case hex SHA-256 of the whole token (prefix included): the value to store and to
    // look up by. 64 characters.
    static QByteArray storageHash(const QByteArray &token);

    // Constant-time comparison of a presented token against a stored hash, for callers that
    // fetched a row by another key.
    static bool matchesStorageHash(const QByteArray &token, const QByteArray &storedHash);
};

} // namespace plexe::sandbox
