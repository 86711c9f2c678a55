#include "ContractClient.h"

#include "SandboxProcess.h"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

namespace plexe::test {

QString Reply::header(const char *name) const
{
    // HTTP header names are case-insensitive; httplib keeps them as sent.
    for (const auto &[key, value] : headers) {
        if (QString::fromStdString(key).compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return QString::fromStdString(value);
    }
    return {};
}

QString Reply::errorCode() const
{
    return object()
        .value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("code"))
        .toString();
}

QByteArray Reply::describe() const
{
    if (!transportOk)
        return "no HTTP answer: " + QByteArray::fromStdString(httplib::to_string(error)) +
               " (verify result " + QByteArray::number(qlonglong(verifyResult)) + ")";
    return "HTTP " + QByteArray::number(status) + " " + body.left(600);
}

ContractClient::ContractClient(const QUrl &baseUrl, const QString &caPath)
    : m_baseUrl(baseUrl), m_caPath(caPath)
{}

ContractClient::ContractClient(const SandboxProcess &sandbox)
    : ContractClient(sandbox.baseUrl(), sandbox.caPath())
{}

Reply ContractClient::get(const QString &path, const Credential &cred) const
{
    return send(QStringLiteral("GET"), path, cred, {}, {});
}

Reply ContractClient::postJson(const QString &path, const Credential &cred,
                               const QJsonObject &body) const
{
    return send(QStringLiteral("POST"), path, cred,
                QJsonDocument(body).toJson(QJsonDocument::Compact));
}

Reply ContractClient::patchJson(const QString &path, const Credential &cred,
                                const QJsonObject &body) const
{
    return send(QStringLiteral("PATCH"), path, cred,
                QJsonDocument(body).toJson(QJsonDocument::Compact));
}

Reply ContractClient::del(const QString &path, const Credential &cred) const
{
    return send(QStringLiteral("DELETE"), path, cred, {}, {});
}

Reply ContractClient::send(const QString &method, const QString &path, const Credential &cred,
                           const QByteArray &body, const QByteArray &contentType) const
{
    httplib::SSLClient client(m_baseUrl.host().toStdString(), m_baseUrl.port(443));
    client.set_ca_cert_path(m_caPath.toStdString());
    client.enable_server_certificate_verification(true);
    if (m_ignoreCertificateTime)
        X509_VERIFY_PARAM_set_flags(SSL_CTX_get0_param(client.ssl_context()),
                                    X509_V_FLAG_NO_CHECK_TIME);
    client.set_connection_timeout(2);
    client.set_read_timeout(5);
    client.set_write_timeout(5);

    httplib::Request request;
    request.method = method.toStdString();
    request.path = path.toStdString();
    switch (cred.kind) {
    case Credential::Kind::None:
        break;
    case Credential::Kind::ApiKey:
        request.set_header("x-api-key", cred.secret.toStdString());
        break;
    case Credential::Kind::Bearer:
        request.set_header("Authorization", "Bearer " + cred.secret.toStdString());
        break;
    }
    if (!body.isEmpty() || !contentType.isEmpty()) {
        request.body = body.toStdString();
        if (!contentType.isEmpty())
            request.set_header("Content-Type", contentType.toStdString());
    }

    auto result = client.send(request);
    Reply reply;
    reply.error = result.error();
    reply.verifyResult = client.get_openssl_verify_result();
    if (!result)
        return reply;
    reply.transportOk = true;
    reply.status = result->status;
    reply.headers = result->headers;
    reply.body = QByteArray::fromStdString(result->body);
    reply.json = QJsonDocument::fromJson(reply.body);
    return reply;
}

QJsonObject ContractClient::createKey(const Credential &cred, const QString &name,
                                      const QString &permission, int expirationDays) const
{
    QJsonObject body{{QStringLiteral("name"), name},
                     {QStringLiteral("permission_level"), permission}};
    if (expirationDays > 0)
        body.insert(QStringLiteral("expiration_days"), expirationDays);
    const Reply reply = postJson(QStringLiteral("/auth/api-keys"), cred, body);
    if (reply.status != 200)
        return {};
    return reply.object();
}

} // namespace plexe::test
