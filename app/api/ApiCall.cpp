#include "api/ApiCall.h"

#include "api/ApiClient.h"
#include "api/RetryAfter.h"
#include "core/Logging.h"
#include "core/Redaction.h"
#include "core/SecretBytes.h"

#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace plexe {

namespace {

qint64 scaled(qint64 ms, double scale)
{
    return std::max<qint64>(0, qint64(double(ms) * scale));
}

qint64 withJitter(qint64 ms)
{
    const qint64 jitter = ms / 2;
    return ms + (jitter > 0 ? qint64(QRandomGenerator::global()->bounded(quint32(jitter))) : 0);
}

bool isJsonType(const QByteArray &contentType)
{
    const QByteArray mime = contentType.split(';').first().trimmed().toLower();
    return mime == "application/json" || mime.endsWith("+json");
}

} // namespace

ApiCall::ApiCall(ApiClient *client, ApiRequest request, Decoder decoder)
    : QObject(client), m_client(client), m_request(std::move(request)),
      m_decoder(std::move(decoder))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiCall::send);
    m_cap = m_request.maxBodyBytes > 0 ? m_request.maxBodyBytes : m_client->endpoint().maxBodyBytes;
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_request.credential)
        m_request.credential->wipe();
    m_body.fill('\0');
}

void ApiCall::start()
{
    QString why;
    if (!m_client->m_endpointError.isEmpty()) {
        why = m_client->m_endpointError;
    } else if (!ApiClient::isAllowedUrl(m_client->urlFor(m_request), &why)) {
        // fall through with why set
    } else {
        const QUrlQuery query(m_client->urlFor(m_request));
        for (const auto &item : query.queryItems()) {
            if (Redaction::isSensitiveQueryName(item.first))
                why = tr("The console does not put credentials in URLs.");
        }
    }
    if (!why.isEmpty()) {
        ApiError e(ApiError::Kind::Refused, why);
        e.setCode(QStringLiteral("insecure_url"));
        // Queued, so the caller can connect to finished() after the call returns.
        QTimer::singleShot(0, this, [this, e] { fail(e); });
        return;
    }
    send();
}

QNetworkRequest ApiCall::buildRequest() const
{
    const ApiEndpoint &ep = m_client->endpoint();
    QNetworkRequest req(m_client->urlFor(m_request));
    // Qt 6 follows redirects by default and re-sends our credential headers to wherever they
    // point; same-origin only (security.md D26).
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::SameOriginRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    req.setTransferTimeout(ep.transferTimeoutMs);
    req.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    req.setHeader(QNetworkRequest::UserAgentHeader,
                  QByteArrayLiteral("plexe-console/" PLEXE_VERSION));
    if (!m_request.body.isEmpty() || m_request.method == "POST" || m_request.method == "PATCH")
        req.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType);
    if (m_request.authenticated) {
        const Credential &cred =
            m_request.credential ? *m_request.credential : m_client->credential();
        cred.apply(req);
    }
    if (!m_client->m_caCertificates.isEmpty()) {
        // The profile's extra CA for this request only: never the process-wide default.
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(m_client->m_caCertificates);
        req.setSslConfiguration(ssl);
    }
    return req;
}

void ApiCall::send()
{
    if (m_cancelled || m_done)
        return;
    ++m_attempt;
    m_body.clear();
    m_overflow = false;
    m_elapsed.start();
    const QNetworkRequest req = buildRequest();
    QNetworkReply *reply =
        m_request.body.isEmpty() && m_request.method != "POST" && m_request.method != "PATCH"
            ? m_client->m_nam->sendCustomRequest(req, m_request.method)
            : m_client->m_nam->sendCustomRequest(req, m_request.method, m_request.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, &ApiCall::onReadyRead);
    // Queued: finished() reaches its receivers after the reply's own handler has returned, so
    // that a receiver may delete the client or its QNetworkAccessManager (and so this reply).
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished, Qt::QueuedConnection);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        // Refuse a declared oversized body before reading any of it.
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_cap && !m_overflow) {
            m_overflow = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored (security.md D24): the handshake fails and no request bytes are sent.
        for (const QSslError &e : errors)
            qCInfo(lcNet) << "TLS error" << e.errorString() << "for"
                          << Redaction::url(m_client->urlFor(m_request));
    });
}

void ApiCall::onReadyRead()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_overflow)
        return;
    // Read incrementally and stop at the cap instead of buffering whatever the server sends.
    const qint64 room = m_cap - m_body.size();
    m_body += reply->read(room + 1);
    if (m_body.size() > m_cap) {
        m_overflow = true;
        reply->abort();
    }
}

void ApiCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    if (!m_overflow && !m_cancelled)
        onReadyReadTail(reply);

    const QVariant statusAttr = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    m_requestId = QString::fromLatin1(reply->rawHeader(QByteArrayLiteral("x-request-id")));
    m_retryAfterHeader = reply->rawHeader(QByteArrayLiteral("Retry-After"));
    const QNetworkReply::NetworkError netError = reply->error();
    qCDebug(lcNet).noquote() << m_request.method << Redaction::url(reply->url()) << m_status
                             << QLatin1String("request_id=") + Redaction::text(m_requestId)
                             << m_elapsed.elapsed() << "ms";

    if (m_overflow) {
        ApiError e(ApiError::Kind::TooLarge, tr("The answer exceeded %1 bytes.").arg(m_cap));
        e.setHttpStatus(m_status);
        return fail(e);
    }
    if (m_cancelled)
        return fail(ApiError(ApiError::Kind::Cancelled, QString()));
    if (netError == QNetworkReply::OperationCanceledError ||
        netError == QNetworkReply::TimeoutError) {
        // Not cancelled by us: Qt aborts this way when the transfer timeout elapses.
        return fail(ApiError(ApiError::Kind::Timeout, reply->errorString()));
    }
    if (netError == QNetworkReply::InsecureRedirectError ||
        netError == QNetworkReply::TooManyRedirectsError) {
        ApiError e(ApiError::Kind::Refused,
                   tr("The server redirected the request to another site; the "
                      "console did not follow."));
        e.setCode(QStringLiteral("redirect_refused"));
        e.setHttpStatus(m_status);
        return fail(e);
    }
    if (!statusAttr.isValid()) {
        const bool tls = netError == QNetworkReply::SslHandshakeFailedError;
        return fail(ApiError(tls ? ApiError::Kind::Tls : ApiError::Kind::Network,
                             Redaction::text(reply->errorString())));
    }
    if (m_status < 200 || m_status >= 300)
        return handleHttpStatus();

    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (!m_body.isEmpty()) {
        if (!isJsonType(contentType)) {
            return fail(ApiError(ApiError::Kind::Parse,
                                 tr("Unexpected content type \u201c%1\u201d.")
                                     .arg(Redaction::text(QString::fromLatin1(contentType)))));
        }
        if (m_request.rawBody) {
            // Parsed by the caller off the GUI thread; moved, so finish() wipes nothing shared.
            m_result = std::exchange(m_body, QByteArray());
            return finish();
        }
        QJsonParseError perr;
        m_document = QJsonDocument::fromJson(m_body, &perr);
        if (perr.error != QJsonParseError::NoError)
            return fail(ApiError(ApiError::Kind::Parse, perr.errorString()));
    }
    if (m_decoder) {
        QString why;
        if (!m_decoder(m_document, &m_result, &why)) {
            m_result.reset();
            ApiError e(ApiError::Kind::Parse, why);
            e.setHttpStatus(m_status);
            e.setRequestId(m_requestId);
            return fail(e);
        }
    }
    finish();
}

void ApiCall::onReadyReadTail(QNetworkReply *reply)
{
    // Data that arrived with finished() but without a readyRead of its own.
    if (reply->bytesAvailable() <= 0)
        return;
    const qint64 room = m_cap - m_body.size();
    m_body += reply->read(room + 1);
    if (m_body.size() > m_cap)
        m_overflow = true;
}

void ApiCall::handleHttpStatus()
{
    ApiError e = ApiError::fromHttp(m_status, m_body);
    if (e.requestId().isEmpty())
        e.setRequestId(m_requestId);
    const ApiClient::RetryPolicy &policy = m_client->retryPolicy();
    if (m_status == 429) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const qint64 waitMs = RetryAfter::parse(m_retryAfterHeader, now)
                                  .value_or(withJitter(policy.defaultRetryAfterMs));
        const QDateTime deadline = now.addMSecs(waitMs);
        e.setRetryAfter(deadline);
        if (m_request.waitOnRateLimit && m_rateLimitWaits < policy.maxRateLimitWaits) {
            ++m_rateLimitWaits;
            qCInfo(lcNet).noquote() << "429: waiting" << waitMs << "ms for"
                                    << Redaction::url(m_client->urlFor(m_request));
            Q_EMIT rateLimited(deadline);
            if (!m_cancelled)
                scheduleRetry(scaled(waitMs, policy.timeScale));
            return;
        }
        return fail(e);
    }
    if (m_status >= 500 && m_request.isIdempotent() && m_serverRetries < policy.maxServerRetries) {
        ++m_serverRetries;
        const qint64 delay =
            scaled(withJitter(policy.backoffMs << (m_serverRetries - 1)), policy.timeScale);
        Q_EMIT retrying(m_attempt + 1, delay);
        if (!m_cancelled)
            scheduleRetry(delay);
        return;
    }
    fail(e);
}

void ApiCall::scheduleRetry(qint64 delayMs)
{
    m_retryTimer.start(int(std::min<qint64>(delayMs, RetryAfter::kMaxWaitMs)));
}

void ApiCall::abort()
{
    if (m_done)
        return;
    m_cancelled = true;
    m_retryTimer.stop();
    if (QNetworkReply *reply = m_reply) {
        // The reply's finished() is queued (see send()); this call is done with it now.
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    fail(ApiError(ApiError::Kind::Cancelled, QString()));
}

void ApiCall::fail(const ApiError &error)
{
    if (m_done)
        return;
    m_error = error;
    if (m_status && !m_error.httpStatus())
        m_error.setHttpStatus(m_status);
    if (m_error.requestId().isEmpty())
        m_error.setRequestId(m_requestId);
    m_document = QJsonDocument();
    if (m_error.kind() != ApiError::Kind::Cancelled)
        qCInfo(lcNet).noquote() << m_request.method << Redaction::url(m_client->urlFor(m_request))
                                << "failed:" << m_error.logString();
    finish();
}

void ApiCall::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_retryTimer.stop();
    // The raw answer is not kept: it may hold a new key or tokens.
    m_body.fill('\0');
    m_body.clear();
    if (m_request.sensitive) {
        m_document = QJsonDocument();
        // A password, refresh token or PKCE verifier. The network stack's upload device still
        // shares this buffer (fill() would detach and zero a copy); the reply has finished, so
        // nobody reads it again: zero the one real buffer in place.
        wipeInPlace(m_request.body);
    }
    m_client->forget(this);
    if (m_attempt > 0)
        Q_EMIT m_client->requestFinished(m_request.method, m_client->urlFor(m_request), m_status);
    // A receiver may delete this call, or its client, in the slot.
    const QPointer<ApiCall> self(this);
    Q_EMIT finished();
    if (self)
        deleteLater();
}

} // namespace plexe
