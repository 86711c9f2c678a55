#pragma once

#include <QByteArray>

class QNetworkRequest;

namespace plexe {

// A credential for the Plexe API: an API key (sent as `x-api-key`) or a session access token
// (sent as `Authorization: Bearer`). Only ever sent in headers, never in a URL. The owner wipes
// the secret when done (security.md C22).
class Credential
{
public:
    enum class Type { None, ApiKey, Bearer };

    Credential() = default;
    static Credential apiKey(const QByteArray &key) { return Credential(Type::ApiKey, key); }
    static Credential bearer(const QByteArray &token) { return Credential(Type::Bearer, token); }

    Type type() const { return m_type; }
    bool isEmpty() const { return m_type == Type::None || m_secret.isEmpty(); }
    const QByteArray &secret() const { return m_secret; }

    // Adds the credential's header to the request (nothing for an empty credential).
    void apply(QNetworkRequest &request) const;
    // Overwrites the secret's bytes with zeros and forgets it.
    void wipe();

private:
    Credential(Type type, const QByteArray &secret) : m_type(type), m_secret(secret) {}

    Type m_type = Type::None;
    QByteArray m_secret;
};

} // namespace plexe
