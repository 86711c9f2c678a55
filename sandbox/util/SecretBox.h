#pragma once

#include <QByteArray>

#include <optional>
#include <string>

namespace plexe::sandbox {

// Encrypts the few secrets the server must read back (TOTP seeds: a code can only be checked
// with the seed itself, so a hash will not do) with AES-256-GCM under a key that lives in the
// data folder (`sealing.key`, 32 random bytes, mode 0600), not in the database. A copy of
// sandbox.db alone therefore reveals no seed. Sealed form: "v1:" + base64(nonce ‖ ciphertext ‖
// tag); `purpose` is bound as associated data, so a sealed value cannot be moved to another use.
class SecretBox
{
public:
    static constexpr int kKeyBytes = 32;

    explicit SecretBox(QByteArray key);

    // Reads DIR/sealing.key, creating it (0600) when it does not exist. Throws on I/O failure or
    // a key file of the wrong size.
    static SecretBox forDataFolder(const std::string &dataDir);

    QByteArray seal(const QByteArray &plaintext, const QByteArray &purpose) const;
    // nullopt when the value is malformed, was sealed under another key or purpose, or was
    // tampered with.
    std::optional<QByteArray> open(const QByteArray &sealed, const QByteArray &purpose) const;

private:
    QByteArray m_key;
};

} // namespace plexe::sandbox
