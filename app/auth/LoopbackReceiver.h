#pragma once

#include "auth/CallbackOutcome.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace plexe {

class CallbackValidator;

// Receives the OAuth redirect (RFC 8252 §7.3) on 127.0.0.1 for one sign-in attempt, then closes.
// Deleting from a slot: allowed. received() and failed() caused by a browser request are emitted
// from the event loop after the socket's handler has returned (queued), so the slot may delete
// the receiver; cancel(), the timeout and acceptPastedAddress() emit directly, as before.
// Destroying the receiver closes the port and emits nothing.
class LoopbackReceiver : public QObject
{
    Q_OBJECT

public:
    enum class Failure {
        ListenFailed,       // could not open a loopback port
        Cancelled,          // cancel() was called
        TimedOut,           // no valid callback within the attempt's timeout
        AuthorizationError, // the server answered with `error` (message has the details)
        IssuerMismatch,     // `iss` did not match the configured issuer
        MissingCode,        // the right state but no code
    };
    Q_ENUM(Failure)

    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    // The whole attempt must finish within this (default 5 min); set before start().
    void setTimeout(std::chrono::milliseconds timeout);
    // A connection that sends no complete request within this is answered 408 and closed.
    void setReadTimeout(std::chrono::milliseconds timeout);
    // A connection that sends not a byte within this (default 1 s) is dropped unanswered: a
    // browser sends its request as soon as it connects, and idle sockets held open by another
    // local process must not fill the connection limit and shut out the redirect.
    void setIdleTimeout(std::chrono::milliseconds timeout);

    // Opens a fresh OS-chosen port on 127.0.0.1. `state` is this attempt's state (single use);
    // `issuer` is the configured issuer (empty: `iss` is not checked). Returns false (and emits
    // failed(ListenFailed)) when no port can be opened.
    bool start(const QByteArray &state, const QString &issuer);

    // http://127.0.0.1:{port}/callback (the IP literal, never `localhost`); empty before start().
    QUrl redirectUri() const;
    quint16 port() const;
    bool isListening() const;
    bool isFinished() const { return m_finished; }

    // Stops the attempt: closes the port and every connection, emits failed(Cancelled) once.
    void cancel();

    // The A9 fallback: checks an address the user pasted from the browser with the same rules as
    // a real callback. On success or a final error the attempt ends as if the browser had called;
    // a wrong or malformed address returns its outcome and leaves the attempt running.
    CallbackOutcome acceptPastedAddress(const QString &address);

signals:
    // Exactly one of these per started attempt.
    void received(const QString &code);
    void failed(plexe::LoopbackReceiver::Failure reason, const QString &message);

private:
    void onNewConnection();
    bool evictOldestIdle();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QString &title, const QString &message);
    void finishWith(const CallbackOutcome &outcome, bool queued = false);
    void fail(Failure reason, const QString &message, bool queued = false);
    void closeEverything();

    QTcpServer *m_server = nullptr;
    QTimer m_attemptTimer;
    std::chrono::milliseconds m_readTimeout{10000};
    std::chrono::milliseconds m_idleTimeout{1000};
    std::unique_ptr<CallbackValidator> m_validator;
    QList<QPointer<QTcpSocket>> m_sockets; // oldest first
    QUrl m_redirectUri;
    bool m_finished = false;
};

} // namespace plexe
