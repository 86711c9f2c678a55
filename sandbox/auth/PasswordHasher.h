#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace plexe::sandbox {

// Hashes and verifies account passwords with PBKDF2-HMAC-SHA256 (OpenSSL), stored as the
// self-describing string `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`.
//
// The one password hasher of the sandbox (seed, `user add`, every sign-in route). The
// base64 is standard RFC 4648 §4 with padding when written; both padded and unpadded forms are
// read. The iteration count is recorded in each string, so a test hasher with few iterations
// produces strings a production hasher still verifies (at their recorded cost).
class PasswordHasher
{
public:
    static constexpr int kDefaultIterations = 600000; // OWASP 2023 figure for PBKDF2-SHA256
    // Verification refuses absurd recorded counts, so a corrupt row cannot pin a CPU for minutes.
    static constexpr int kMaxIterations = 10000000;
    static constexpr int kSaltBytes = 16;
    static constexpr int kHashBytes = 32;

    struct Parsed
    {
        int iterations = 0;
        QByteArray salt;
        QByteArray hash;
    };

    // `iterations` below kDefaultIterations is for tests only; values < 1 are raised to 1.
    explicit PasswordHasher(int iterations = kDefaultIterations);

    int iterations() const { return m_iterations; }

    // A new stored string with a fresh random salt.
    QString hash(const QByteArray &password) const;

    // True when `password` matches `stored`. Malformed strings are false, never a crash. The
    // digest comparison is constant time (CRYPTO_memcmp).
    bool verify(const QByteArray &password, const QString &stored) const;

    // Does the same work as verify() against a hash no password matches, and returns false.
    // Call it for an unknown email so that the 401 takes as long as a wrong password.
    bool dummyVerify(const QByteArray &password) const;

    // True when `stored` was written with fewer iterations than this hasher uses (rehash on the
    // next successful sign-in), or is malformed.
    bool needsRehash(const QString &stored) const;

    // Splits a stored string; nullopt when any part is malformed.
    static std::optional<Parsed> parse(const QString &stored);

    // Raw PBKDF2-HMAC-SHA256 (kHashBytes long); empty on failure.
    static QByteArray derive(const QByteArray &password, const QByteArray &salt, int iterations);

private:
    int m_iterations;
    QByteArray m_dummySalt;
    QByteArray m_dummyHash;
};

} // namespace plexe::sandbox
