#pragma once

#include "api/AccessLogFilters.h"
#include "api/ApiCall.h"
#include "api/ApiEndpoint.h"
#include "api/Credential.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <optional>

class QNetworkAccessManager;

namespace plexe {

// The Plexe API over one injected QNetworkAccessManager (not owned), for one profile.
// Every request: HTTPS (http:// only to loopback), same-origin redirects only, a transfer
// timeout, no disk cache, the credential in a header, a capped body read incrementally,
// 429 waits (Retry-After) and bounded 5xx retries for GETs. Each method returns an ApiCall.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    // Retry and wait tuning. timeScale multiplies every wait the client itself takes
    // (tests use a small value so no test waits); deadlines reported to callers are unscaled.
    struct RetryPolicy
    {
        int maxServerRetries = 2;          // extra attempts for a GET/HEAD answered 5xx
        qint64 backoffMs = 500;            // first backoff; doubles, plus up to 50% jitter
        int maxRateLimitWaits = 1;         // 429s a call waits out before failing
        qint64 defaultRetryAfterMs = 5000; // when 429 has no usable Retry-After (plus jitter)
        double timeScale = 1.0;
    };

    explicit ApiClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~ApiClient() override;

    // False (with a reason) when the URL is not allowed or the extra CA cannot be read; calls
    // then fail with a Refused error without sending anything.
    // Qt pools connections by scheme, host and port and keeps the TLS configuration of the
    // request that opened one, so when the trust setting differs from what the manager last
    // served, this clears its pooled connections (switch profiles after abortAll()). Two
    // clients that trust different CAs must not share one manager at the same time.
    bool setEndpoint(const ApiEndpoint &endpoint, QString *error = nullptr);
    const ApiEndpoint &endpoint() const { return m_endpoint; }
    void setCredential(const Credential &credential) { m_credential = credential; }
    const Credential &credential() const { return m_credential; }
    void clearCredential() { m_credential.wipe(); }
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    const RetryPolicy &retryPolicy() const { return m_policy; }

    // https://anything, or http:// to 127.0.0.0/8 or ::1 (IP literals; never the name
    // `localhost`); false with a reason.
    static bool isAllowedUrl(const QUrl &url, QString *why = nullptr);

    // Any request; the answer is in ApiCall::document(), and with a decoder (see decoderFor)
    // the decoded value in ApiCall::result<T>() (a decoder failure is a Parse error).
    ApiCall *send(const ApiRequest &request, ApiCall::Decoder decoder = {});
    // Wraps a pure decoder (e.g. TokenDecoder::answer) for send().
    template <typename T>
    static ApiCall::Decoder decoderFor(bool (*fn)(const QJsonDocument &, T *, QString *))
    {
        return [fn](const QJsonDocument &doc, std::any *out, QString *error) {
            T value;
            if (!fn(doc, &value, error))
                return false;
            *out = std::move(value);
            return true;
        };
    }
    // Aborts every call in flight or waiting (sign-out); each finishes with Cancelled.
    void abortAll();
    int callsInFlight() const;

    // Typed [Plexe] calls; the ApiCall::result<T>() type is given for each.
    ApiCall *health();  // no credential; result: none (document)
    ApiCall *getUser(); // User
    // status: "active", "revoked" or empty for all. ApiKeyPage
    ApiCall *listApiKeys(const QString &status = {}, int limit = 20, int offset = 0);
    ApiCall *getApiKey(const QString &keyId); // ApiKey (with usage)
    // permission: "read_only" | "read_write". CreatedApiKey (wipe() it when shown)
    ApiCall *createApiKey(const QString &name, const QString &permission,
                          std::optional<int> expirationDays = std::nullopt);
    ApiCall *updateApiKey(const QString &keyId, const std::optional<QString> &name,
                          std::optional<int> expirationDays = std::nullopt); // ApiKey
    ApiCall *revokeApiKey(const QString &keyId);                             // RevokedApiKey
    // The same with `credential` instead of the client's (a session's last request, B17).
    ApiCall *revokeApiKeyWith(const QString &keyId, const Credential &credential);
    // sortBy: created_at | name; sortDir: asc | desc; empty = server default. ModelPage
    ApiCall *listModels(int limit = 20, int offset = 0, const QString &status = {},
                        const QString &sortBy = {}, const QString &sortDir = {});
    ApiCall *getModel(const QString &modelName);                               // ModelDetails
    ApiCall *getModelStatus(const QString &modelName, const QString &version); // ModelStatus
    // [Console] access logs (contract §6), newest first. `rawBody`: result<QByteArray>() is the
    // page's JSON for a worker to decode (AccessLogDecoder); otherwise AccessLogPage.
    ApiCall *listAccessLogs(const AccessLogFilters &filters, const QString &cursor = {},
                            int limit = 1000, bool rawBody = false);
    // Events newer than `afterId`, oldest first (the live tail); since/until are not sent.
    ApiCall *tailAccessLogs(const QString &afterId, const AccessLogFilters &filters = {},
                            int limit = 1000, bool rawBody = false);
    // The same request with a given credential instead of the client's (key rotation's check).
    ApiCall *getUserWith(const Credential &credential); // User

    // Builds the absolute URL of a request (public for tests and for the request journal).
    QUrl urlFor(const ApiRequest &request) const;

Q_SIGNALS:
    // A call that reached the network ended (after its retries), for the request journal. The
    // URL still holds its query values: a listener keeps only what is safe to keep
    // (RequestJournal::safePath). `status` is 0 when no HTTP answer came.
    void requestFinished(const QByteArray &method, const QUrl &url, int status);

private:
    friend class ApiCall;
    ApiCall *start(const ApiRequest &request, ApiCall::Decoder decoder);
    void forget(ApiCall *call);

    QNetworkAccessManager *m_nam;
    ApiEndpoint m_endpoint;
    QString m_endpointError;
    QList<QSslCertificate> m_caCertificates; // system + extra, empty when no extra CA
    Credential m_credential;
    RetryPolicy m_policy;
    QList<QPointer<ApiCall>> m_calls;
};

} // namespace plexe
