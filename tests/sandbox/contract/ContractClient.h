#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <httplib.h>

#include <memory>
#include <utility>
#include <vector>

namespace plexe::test {

class SandboxProcess;

// The credential a request carries: none, an API key in x-api-key, or a Bearer token.
struct Credential
{
    enum class Kind { None, ApiKey, Bearer };
    Kind kind = Kind::None;
    QString secret;

    static Credential none() { return {}; }
    static Credential apiKey(const QString &key) { return {Kind::ApiKey, key}; }
    static Credential bearer(const QString &key) { return {Kind::Bearer, key}; }
};

// One answer from the sandbox, already parsed; transportOk is false when no HTTP answer came.
struct Reply
{
    bool transportOk = false;
    httplib::Error error = httplib::Error::Unknown;
    long verifyResult = 0;
    int status = 0;
    httplib::Headers headers;
    QByteArray body;
    QJsonDocument json;

    QJsonObject object() const { return json.object(); }
    QString header(const char *name) const;
    // error.code of the sandbox's error shape, or an empty string.
    QString errorCode() const;
    // A short description for failure messages (never contains request secrets).
    QByteArray describe() const;
};

// A black-box HTTPS client for the contract tests, over cpp-httplib with the sandbox's CA.
// Each request opens its own verified TLS connection, as an independent client would.
class ContractClient
{
public:
    ContractClient(const QUrl &baseUrl, const QString &caPath);
    explicit ContractClient(const SandboxProcess &sandbox);

    Reply get(const QString &path, const Credential &cred) const;
    Reply postJson(const QString &path, const Credential &cred, const QJsonObject &body) const;
    Reply patchJson(const QString &path, const Credential &cred, const QJsonObject &body) const;
    Reply del(const QString &path, const Credential &cred) const;
    // Any method with a raw body (sent as application/json unless contentType says otherwise).
    Reply send(const QString &method, const QString &path, const Credential &cred,
               const QByteArray &body = {},
               const QByteArray &contentType = QByteArrayLiteral("application/json")) const;

    // Convenience for the common flow: creates a key, returns the 200 answer's object.
    QJsonObject createKey(const Credential &cred, const QString &name,
                          const QString &permission = QStringLiteral("read_write"),
                          int expirationDays = 0) const;

    // Verifies the chain and host but not the validity dates: for tests that move the server's
    // clock (a certificate issued in the server's future is still this server's).
    void setIgnoreCertificateTime(bool ignore) { m_ignoreCertificateTime = ignore; }

    QUrl baseUrl() const { return m_baseUrl; }
    QString caPath() const { return m_caPath; }

private:
    QUrl m_baseUrl;
    QString m_caPath;
    bool m_ignoreCertificateTime = false;
};

} // namespace plexe::test
