#pragma once

#include "api/ApiError.h"
#include "api/ApiRequest.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <any>
#include <functional>
#include <utility>

class QNetworkReply;

namespace plexe {

class ApiClient;

// One API call in flight, returned by every ApiClient method. Connect to finished() with a
// context object; the call deletes itself (deleteLater) right after finished() is emitted, so
// read error() / result<T>() inside the slot. finished() is always emitted exactly once, also
// for a request refused before sending (queued, so connecting after the call returns is fine).
// Deleting from a slot: allowed. The finished() slot may delete the call, its ApiClient or the
// QNetworkAccessManager: finished() is never emitted from inside the reply's own signal.
// A sensitive request's body is zeroed in place before finished() (see wipeInPlace).
class ApiCall : public QObject
{
    Q_OBJECT

public:
    using Decoder = std::function<bool(const QJsonDocument &, std::any *, QString *)>;

    ~ApiCall() override;

    bool isOk() const { return !m_error.isError(); }
    const ApiError &error() const { return m_error; }
    int httpStatus() const { return m_status; }
    QString requestId() const { return m_requestId; }
    // The parsed answer (null for an empty body, for requests marked sensitive, and for
    // ApiRequest::rawBody requests, whose bytes are result<QByteArray>()).
    QJsonDocument document() const { return m_document; }
    // The decoded value of a typed call (see ApiClient for which type each call yields).
    template <typename T> const T *result() const { return std::any_cast<T>(&m_result); }
    template <typename T> T *result() { return std::any_cast<T>(&m_result); }
    // Moves the decoded value out (no copy of a secret-bearing result), e.g. to outlive the call.
    std::any takeResult() { return std::exchange(m_result, std::any()); }
    const ApiRequest &request() const { return m_request; }
    int attempts() const { return m_attempt; }

    // Cancels the call; finished() is emitted with a Cancelled error before abort() returns.
    void abort();

Q_SIGNALS:
    void finished();
    // 429: the call waits, then tries again once; `deadline` (UTC) is when, for a countdown.
    void rateLimited(const QDateTime &deadline);
    // A 5xx on a GET: attempt `attempt` (1-based) follows after `delayMs`.
    void retrying(int attempt, qint64 delayMs);

private:
    friend class ApiClient;
    ApiCall(ApiClient *client, ApiRequest request, Decoder decoder);

    void start();
    void send();
    void onReadyRead();
    void onReplyFinished();
    void onReadyReadTail(QNetworkReply *reply);
    void handleHttpStatus();
    void scheduleRetry(qint64 delayMs);
    void fail(const ApiError &error);
    void finish();
    QNetworkRequest buildRequest() const;

    ApiClient *m_client;
    ApiRequest m_request;
    Decoder m_decoder;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    QByteArray m_body;
    qint64 m_cap = 0;
    bool m_overflow = false;
    bool m_cancelled = false;
    bool m_done = false;
    int m_attempt = 0;
    int m_serverRetries = 0;
    int m_rateLimitWaits = 0;
    int m_status = 0;
    QString m_requestId;
    QByteArray m_retryAfterHeader;
    ApiError m_error;
    QJsonDocument m_document;
    std::any m_result;
};

} // namespace plexe
