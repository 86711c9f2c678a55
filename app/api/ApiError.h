#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace plexe {

// One typed error for every way an API call can fail: transport, TLS, timeout, HTTP status with
// the server's code, unreadable answers, cancellation. userMessage() is the text a pane shows
// (as plain text); code() and httpStatus() drive behaviour (contract §4: status first, code
// second).
class ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind {
        None,      // no error
        Network,   // connection refused, DNS, reset, ...
        Tls,       // certificate or handshake failure: no request bytes were sent
        Timeout,   // the transfer timeout elapsed
        Http,      // the server answered with a 4xx/5xx status
        Parse,     // the answer was not what the contract says (type, JSON, shape)
        TooLarge,  // the answer exceeded the body cap and was aborted
        Refused,   // the console refused: insecure URL, cross-origin redirect
        Cancelled, // aborted by the caller (sign-out, closing a pane)
    };

    ApiError() = default;
    ApiError(Kind kind, QString message);

    // Reads any error body (the three contract shapes, or anything else) for an HTTP status.
    static ApiError fromHttp(int status, const QByteArray &body);

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_status; }
    QString code() const { return m_code; }       // server code, or one implied by the status
    QString message() const { return m_message; } // server's (or transport's) own text
    QString requestId() const { return m_requestId; }
    QJsonObject details() const { return m_details; }
    QString field() const { return m_field; } // the invalid field of a validation_failed
    QDateTime retryAfter() const { return m_retryAfter; } // 429: when to try again (UTC)

    void setKind(Kind kind) { m_kind = kind; }
    void setHttpStatus(int status) { m_status = status; }
    void setCode(const QString &code) { m_code = code; }
    void setMessage(const QString &message) { m_message = message; }
    void setRequestId(const QString &id) { m_requestId = id; }
    void setRetryAfter(const QDateTime &deadline) { m_retryAfter = deadline; }

    // Convenience predicates used by callers deciding what to do next.
    bool isAuthFailure() const { return m_status == 401; }
    bool isSessionExpired() const;      // 401 invalid_token / unauthorized: refresh once
    bool needsReauthentication() const; // 403 reauthentication_required: step-up
    bool isPermissionDenied() const;    // 403 other than step-up
    bool isRouteUnavailable() const;    // 403/404 without a contract code ([Console] routes)
    // The server could not be reached or trusted (network, timeout, TLS): a pane keeps what it
    // showed and says how old it is.
    bool isUnreachable() const
    {
        return m_kind == Kind::Network || m_kind == Kind::Timeout || m_kind == Kind::Tls;
    }

    // The sentence a person reads; never contains a secret, never HTML.
    QString userMessage() const;
    // Short form for logs: kind, status, code, request id (no server text).
    QString logString() const;

private:
    QString rateLimitText() const;

    Kind m_kind = Kind::None;
    int m_status = 0;
    QString m_code;
    QString m_message;
    QString m_requestId;
    QJsonObject m_details;
    QString m_field;
    QDateTime m_retryAfter;
};

} // namespace plexe
