#include "api/ApiClient.h"

#include "api/AccessLogDecoder.h"
#include "api/KeyDecoder.h"
#include "api/ModelDecoder.h"
#include "api/UserDecoder.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSslConfiguration>

namespace plexe {

namespace {

QString segment(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

ApiClient::ApiClient(QNetworkAccessManager *nam, QObject *parent) : QObject(parent), m_nam(nam)
{
    Q_ASSERT(nam);
    // HSTS: once a host said HTTPS-only, an http:// URL to it is upgraded (security.md D25).
    m_nam->setStrictTransportSecurityEnabled(true);
}

ApiClient::~ApiClient()
{
    m_credential.wipe();
}

bool ApiClient::isAllowedUrl(const QUrl &url, QString *why)
{
    auto refuse = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    if (!url.isValid() || url.host().isEmpty())
        return refuse(tr("The server address is not a valid URL."));
    if (!url.userInfo().isEmpty())
        return refuse(tr("The server address must not contain a user name."));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    if (scheme != QLatin1String("http"))
        return refuse(tr("Only https:// server addresses are supported."));
    // Loopback as an IP literal only (the contract): the name `localhost` is resolved through
    // /etc/hosts or DNS and may point elsewhere, so it is refused like any other name.
    const QHostAddress address(url.host());
    if (!address.isNull() && address.isLoopback())
        return true;
    return refuse(tr("Plain http:// is only allowed for this computer (loopback); "
                     "use https://."));
}

bool ApiClient::setEndpoint(const ApiEndpoint &endpoint, QString *error)
{
    m_endpoint = endpoint;
    m_endpointError.clear();
    m_caCertificates.clear();
    QString why;
    if (!isAllowedUrl(endpoint.baseUrl, &why)) {
        m_endpointError = why;
    } else if (!endpoint.extraCaFile.isEmpty()) {
        const QList<QSslCertificate> extra =
            QSslCertificate::fromPath(endpoint.extraCaFile, QSsl::Pem);
        if (extra.isEmpty()) {
            m_endpointError = tr("The profile's CA certificate file could not be "
                                 "read.");
        } else {
            m_caCertificates = QSslConfiguration::systemCaCertificates() + extra;
        }
    }
    // A pooled connection keeps the TLS configuration (CAs) it was opened with, and Qt pools
    // by host and port only: when this manager last served a different trust setting, drop its
    // connections so none verified under other CAs carries this profile's requests. (Not on
    // every call: clearing also ends the manager's worker thread.)
    QByteArray trust;
    for (const QSslCertificate &cert : std::as_const(m_caCertificates))
        trust += cert.digest(QCryptographicHash::Sha256);
    const QByteArray trustId = QCryptographicHash::hash(trust, QCryptographicHash::Sha256);
    const char *const kTrustProperty = "plexe_tls_trust";
    const QVariant previous = m_nam->property(kTrustProperty);
    if (previous.isValid() && previous.toByteArray() != trustId)
        m_nam->clearConnectionCache();
    m_nam->setProperty(kTrustProperty, trustId);
    if (error)
        *error = m_endpointError;
    return m_endpointError.isEmpty();
}

QUrl ApiClient::urlFor(const ApiRequest &request) const
{
    if (!request.absoluteUrl.isEmpty()) {
        QUrl url = request.absoluteUrl;
        if (!request.query.isEmpty())
            url.setQuery(request.query);
        url.setFragment(QString());
        return url;
    }
    QUrl url = m_endpoint.baseUrl;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + request.path, QUrl::TolerantMode);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    else
        url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

ApiCall *ApiClient::start(const ApiRequest &request, ApiCall::Decoder decoder)
{
    auto *call = new ApiCall(this, request, std::move(decoder));
    m_calls.append(call);
    call->start();
    return call;
}

ApiCall *ApiClient::send(const ApiRequest &request, ApiCall::Decoder decoder)
{
    return start(request, std::move(decoder));
}

void ApiClient::forget(ApiCall *call)
{
    m_calls.removeAll(call);
}

int ApiClient::callsInFlight() const
{
    int n = 0;
    for (const auto &c : m_calls)
        n += c ? 1 : 0;
    return n;
}

void ApiClient::abortAll()
{
    const auto calls = m_calls; // abort() removes entries
    for (const QPointer<ApiCall> &call : calls) {
        if (call)
            call->abort();
    }
}

ApiCall *ApiClient::health()
{
    ApiRequest r;
    r.path = QStringLiteral("/health");
    r.authenticated = false;
    return send(r);
}

ApiCall *ApiClient::getUser()
{
    ApiRequest r;
    r.path = QStringLiteral("/auth/user");
    return start(r, decoderFor(&UserDecoder::user));
}

ApiCall *ApiClient::getUserWith(const Credential &credential)
{
    ApiRequest r;
    r.path = QStringLiteral("/auth/user");
    r.credential = credential;
    return start(r, decoderFor(&UserDecoder::user));
}

ApiCall *ApiClient::listApiKeys(const QString &status, int limit, int offset)
{
    ApiRequest r;
    r.path = QStringLiteral("/auth/api-keys");
    if (!status.isEmpty())
        r.query.addQueryItem(QStringLiteral("status"), status);
    r.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    r.query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    return start(r, decoderFor(&KeyDecoder::page));
}

ApiCall *ApiClient::getApiKey(const QString &keyId)
{
    ApiRequest r;
    r.path = QStringLiteral("/auth/api-keys/") + segment(keyId);
    return start(r, decoderFor(&KeyDecoder::key));
}

ApiCall *ApiClient::createApiKey(const QString &name, const QString &permission,
                                 std::optional<int> expirationDays)
{
    QJsonObject body{{QStringLiteral("name"), name},
                     {QStringLiteral("permission_level"), permission}};
    if (expirationDays)
        body.insert(QStringLiteral("expiration_days"), *expirationDays);
    ApiRequest r;
    r.method = QByteArrayLiteral("POST");
    r.path = QStringLiteral("/auth/api-keys");
    r.body = json(body);
    r.sensitive = true; // the answer holds the full key
    // A 429 here can mean an hour's wait: a new key is not created unasked that much later. The
    // caller shows the countdown and the user sends again.
    r.waitOnRateLimit = false;
    return start(r, decoderFor(&KeyDecoder::created));
}

ApiCall *ApiClient::updateApiKey(const QString &keyId, const std::optional<QString> &name,
                                 std::optional<int> expirationDays)
{
    QJsonObject body;
    if (name)
        body.insert(QStringLiteral("name"), *name);
    if (expirationDays)
        body.insert(QStringLiteral("expiration_days"), *expirationDays);
    ApiRequest r;
    r.method = QByteArrayLiteral("PATCH");
    r.path = QStringLiteral("/auth/api-keys/") + segment(keyId);
    r.body = json(body);
    return start(r, decoderFor(&KeyDecoder::key));
}

ApiCall *ApiClient::revokeApiKey(const QString &keyId)
{
    ApiRequest r;
    r.method = QByteArrayLiteral("DELETE");
    r.path = QStringLiteral("/auth/api-keys/") + segment(keyId);
    return start(r, decoderFor(&KeyDecoder::revoked));
}

ApiCall *ApiClient::revokeApiKeyWith(const QString &keyId, const Credential &credential)
{
    ApiRequest r;
    r.method = QByteArrayLiteral("DELETE");
    r.path = QStringLiteral("/auth/api-keys/") + segment(keyId);
    r.credential = credential;
    return start(r, decoderFor(&KeyDecoder::revoked));
}

ApiCall *ApiClient::listModels(int limit, int offset, const QString &status, const QString &sortBy,
                               const QString &sortDir)
{
    ApiRequest r;
    r.path = QStringLiteral("/models");
    r.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    r.query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    if (!status.isEmpty())
        r.query.addQueryItem(QStringLiteral("status"), status);
    if (!sortBy.isEmpty())
        r.query.addQueryItem(QStringLiteral("sort_by"), sortBy);
    if (!sortDir.isEmpty())
        r.query.addQueryItem(QStringLiteral("sort_dir"), sortDir);
    return start(r, decoderFor(&ModelDecoder::page));
}

ApiCall *ApiClient::getModel(const QString &modelName)
{
    ApiRequest r;
    r.path = QStringLiteral("/models/") + segment(modelName);
    return start(r, decoderFor(&ModelDecoder::details));
}

ApiCall *ApiClient::getModelStatus(const QString &modelName, const QString &version)
{
    ApiRequest r;
    r.path = QStringLiteral("/models/") + segment(modelName) + QLatin1Char('/') + segment(version) +
             QStringLiteral("/status");
    return start(r, decoderFor(&ModelDecoder::status));
}

ApiCall *ApiClient::listAccessLogs(const AccessLogFilters &filters, const QString &cursor,
                                   int limit, bool rawBody)
{
    ApiRequest r;
    r.path = QStringLiteral("/auth/access-logs");
    filters.addTo(&r.query);
    r.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (!cursor.isEmpty())
        r.query.addQueryItem(QStringLiteral("cursor"), cursor);
    r.rawBody = rawBody;
    return start(r, rawBody ? ApiCall::Decoder() : decoderFor(&AccessLogDecoder::page));
}

ApiCall *ApiClient::tailAccessLogs(const QString &afterId, const AccessLogFilters &filters,
                                   int limit, bool rawBody)
{
    AccessLogFilters open = filters;
    open.since = QDateTime();
    open.until = QDateTime();
    ApiRequest r;
    r.path = QStringLiteral("/auth/access-logs");
    r.query.addQueryItem(QStringLiteral("after"),
                         afterId.isEmpty() ? QStringLiteral("0") : afterId);
    open.addTo(&r.query);
    r.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    r.rawBody = rawBody;
    return start(r, rawBody ? ApiCall::Decoder() : decoderFor(&AccessLogDecoder::page));
}

} // namespace plexe
