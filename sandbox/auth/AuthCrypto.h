#pragma once

#include <QByteArray>

// Small OpenSSL wrappers shared by the sandbox's sign-in building blocks: a CSPRNG, SHA-256,
// HMAC, constant-time comparison and base64url. Free functions rather than a class because they
// hold no state.
namespace plexe::sandbox::authcrypto {

// `count` bytes from OpenSSL's CSPRNG. Aborts the process if the CSPRNG fails: handing out a
// predictable token or salt would be worse than stopping.
QByteArray randomBytes(int count);

// Raw 32-byte SHA-256 digest.
QByteArray sha256(const QByteArray &data);

// Raw HMAC-SHA256 / HMAC-SHA1 (TOTP) digests.
QByteArray hmacSha256(const QByteArray &key, const QByteArray &data);
QByteArray hmacSha1(const QByteArray &key, const QByteArray &data);

// True when a and b are equal, in time that depends only on their lengths (CRYPTO_memcmp).
// Different lengths compare unequal at once: every caller compares fixed-length digests.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

// RFC 4648 §5 base64url without padding, and its strict inverse (nullopt-like empty result plus
// `ok == false` on any character outside the alphabet or on padding).
QByteArray toBase64Url(const QByteArray &data);
QByteArray fromBase64Url(const QByteArray &text, bool *ok);

} // namespace plexe::sandbox::authcrypto
