#include "auth/LoopbackReceiver.h"

#include "auth/CallbackValidator.h"
#include "auth/LoopbackRequestParser.h"
#include "core/Logging.h"

#include <QHostAddress>
#include <QMetaObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace plexe {
namespace {

constexpr int kMaxConnections = 16; // browsers open a few speculative sockets; more is abuse
constexpr char kAnsweredProperty[] = "plexeAnswered";
constexpr char kBufferProperty[] = "plexeBuffer";

// Connected and not a byte from the peer yet: nothing read (onReadyRead sets the buffer
// property on the first read) and nothing waiting in Qt's buffer.
bool isIdle(const QTcpSocket *socket)
{
    return !socket->property(kAnsweredProperty).toBool() &&
           !socket->property(kBufferProperty).isValid() && socket->bytesAvailable() == 0;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 414:
        return QByteArrayLiteral("URI Too Long");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 505:
        return QByteArrayLiteral("HTTP Version Not Supported");
    default:
        return QByteArrayLiteral("Error");
    }
}

QString escapeHtml(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\''), QLatin1String("&#39;"));
}

LoopbackReceiver::Failure failureFor(CallbackOutcome::Kind kind)
{
    switch (kind) {
    case CallbackOutcome::Kind::IssuerMismatch:
        return LoopbackReceiver::Failure::IssuerMismatch;
    case CallbackOutcome::Kind::MissingCode:
        return LoopbackReceiver::Failure::MissingCode;
    default:
        return LoopbackReceiver::Failure::AuthorizationError;
    }
}

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject *parent)
    : QObject(parent), m_server(new QTcpServer(this))
{
    m_attemptTimer.setSingleShot(true);
    m_attemptTimer.setInterval(std::chrono::minutes(5));
    connect(&m_attemptTimer, &QTimer::timeout, this,
            [this] { fail(Failure::TimedOut, tr("The browser sign-in timed out.")); });
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onNewConnection);
}

LoopbackReceiver::~LoopbackReceiver()
{
    // Close the port even when the owner just drops the attempt (A3); no signal on destruction.
    m_finished = true;
    closeEverything();
}

void LoopbackReceiver::setTimeout(std::chrono::milliseconds timeout)
{
    m_attemptTimer.setInterval(timeout);
}

void LoopbackReceiver::setReadTimeout(std::chrono::milliseconds timeout)
{
    m_readTimeout = timeout;
}

void LoopbackReceiver::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimeout = timeout;
}

bool LoopbackReceiver::start(const QByteArray &state, const QString &issuer)
{
    if (m_server->isListening() || m_finished || state.isEmpty())
        return false;
    m_validator = std::make_unique<CallbackValidator>(state, issuer);
    // Loopback only (A1) and port 0 so the OS picks a free port (RFC 8252 §7.3).
    if (!m_server->listen(QHostAddress(QHostAddress::LocalHost), 0)) {
        qCWarning(lcAuth) << "loopback listen failed:" << m_server->errorString();
        fail(Failure::ListenFailed, tr("Could not open a local port for the browser "
                                       "sign-in."));
        return false;
    }
    m_redirectUri =
        QUrl(QStringLiteral("http://127.0.0.1:%1/callback").arg(m_server->serverPort()));
    m_attemptTimer.start();
    qCDebug(lcAuth) << "loopback receiver listening on port" << m_server->serverPort();
    return true;
}

QUrl LoopbackReceiver::redirectUri() const
{
    return m_redirectUri;
}

quint16 LoopbackReceiver::port() const
{
    return m_redirectUri.isEmpty() ? 0 : quint16(m_redirectUri.port());
}

bool LoopbackReceiver::isListening() const
{
    return m_server->isListening();
}

void LoopbackReceiver::cancel()
{
    fail(Failure::Cancelled, tr("Sign-in was cancelled."));
}

CallbackOutcome LoopbackReceiver::acceptPastedAddress(const QString &address)
{
    if (m_finished || !m_validator)
        return CallbackOutcome{};
    const CallbackOutcome outcome = m_validator->validateAddress(address, m_redirectUri);
    if (outcome.isFinal())
        finishWith(outcome);
    return outcome;
}

void LoopbackReceiver::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_sockets.removeAll(QPointer<QTcpSocket>());
        // At the limit the oldest silent connection makes room: whoever holds sockets open
        // without a word (another local user, say) cannot keep the browser's redirect out.
        // Only when every connection is busy with a request is the new one refused.
        if (m_finished || (m_sockets.size() >= kMaxConnections && !evictOldestIdle())) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_sockets.append(socket);
        auto *idleTimer = new QTimer(socket);
        idleTimer->setSingleShot(true);
        connect(idleTimer, &QTimer::timeout, this, [socket] {
            if (isIdle(socket)) {
                socket->abort(); // no answer: nobody is waiting for one
                socket->deleteLater();
            }
        });
        idleTimer->start(m_idleTimeout);
        auto *readTimer = new QTimer(socket);
        readTimer->setSingleShot(true);
        connect(readTimer, &QTimer::timeout, this, [this, socket] {
            if (socket->property(kAnsweredProperty).toBool())
                socket->abort(); // the peer never read our answer; stop waiting for it
            else
                respond(socket, 408, tr("Request timeout"),
                        tr("The request was not completed in time."));
        });
        readTimer->start(m_readTimeout);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

bool LoopbackReceiver::evictOldestIdle()
{
    for (qsizetype i = 0; i < m_sockets.size(); ++i) {
        QTcpSocket *socket = m_sockets.at(i);
        if (socket && isIdle(socket)) {
            m_sockets.removeAt(i);
            socket->abort();
            socket->deleteLater();
            return true;
        }
    }
    return false;
}

void LoopbackReceiver::onReadyRead(QTcpSocket *socket)
{
    if (socket->property(kAnsweredProperty).toBool()) {
        socket->readAll(); // anything after the request is ignored; the connection is closing
        return;
    }
    // The bytes received so far live in a property so that the socket owns them.
    QByteArray buffer = socket->property(kBufferProperty).toByteArray();
    const qint64 room = LoopbackRequestParser::kMaxRequestBytes + 1 - buffer.size();
    buffer += socket->read(qMax<qint64>(room, 0));
    socket->setProperty(kBufferProperty, buffer);

    const auto result = LoopbackRequestParser::parse(buffer);
    if (result.state == LoopbackRequestParser::State::Incomplete)
        return;
    socket->setProperty(kBufferProperty, QVariant());
    if (result.state == LoopbackRequestParser::State::Rejected) {
        qCDebug(lcAuth) << "loopback request rejected:" << result.httpStatus << result.reason;
        respond(socket, result.httpStatus, tr("Request refused"), result.reason);
        return;
    }
    const QByteArray expectedHost = "127.0.0.1:" + QByteArray::number(port());
    if (!result.request.host.isEmpty() && result.request.host != expectedHost) {
        respond(socket, 400, tr("Request refused"), tr("Unexpected Host header."));
        return;
    }
    if (m_finished || !m_validator) {
        respond(socket, 400, tr("Sign-in finished"), tr("This sign-in attempt has already ended."));
        return;
    }
    const CallbackOutcome outcome = m_validator->validate(result.request.query);
    switch (outcome.kind) {
    case CallbackOutcome::Kind::Code:
        respond(socket, 200, tr("Signed in"),
                tr("You are signed in. You can close this tab and return to "
                   "Plexe Console."));
        break;
    case CallbackOutcome::Kind::WrongState:
    case CallbackOutcome::Kind::Malformed:
        // Not ours: refuse it, keep the attempt (and its state) for the genuine callback (A4).
        qCDebug(lcAuth) << "loopback callback with a wrong or missing state ignored";
        respond(socket, 400, tr("Request refused"),
                tr("This response does not belong to the current sign-in."));
        return;
    default:
        respond(socket, 400, tr("Sign-in failed"), outcome.userMessage());
        break;
    }
    finishWith(outcome, true);
}

void LoopbackReceiver::respond(QTcpSocket *socket, int status, const QString &title,
                               const QString &message)
{
    if (socket->property(kAnsweredProperty).toBool())
        return;
    socket->setProperty(kAnsweredProperty, true);
    // Every reflected value is escaped (A7); the page never contains the code or any token.
    const QByteArray body = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                                           "<title>Plexe Console: %1</title></head><body>"
                                           "<h1>%1</h1><p>%2</p></body></html>\n")
                                .arg(escapeHtml(title), escapeHtml(message))
                                .toUtf8();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                      "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                      QByteArray::number(body.size()) +
                      "\r\nConnection: close\r\nCache-Control: no-store\r\n"
                      "Content-Security-Policy: default-src 'none'\r\n"
                      "Referrer-Policy: no-referrer\r\nX-Content-Type-Options: nosniff\r\n";
    if (status == 405)
        head += "Allow: GET\r\n";
    socket->write(head + "\r\n" + body);
    socket->disconnectFromHost(); // flushes the page, then closes
}

void LoopbackReceiver::finishWith(const CallbackOutcome &outcome, bool queued)
{
    if (m_finished)
        return;
    if (outcome.kind == CallbackOutcome::Kind::Code) {
        m_finished = true;
        closeEverything();
        if (!queued) {
            emit received(outcome.code);
            return;
        }
        // Queued: this runs inside a socket's readyRead, and a receiver may delete us (and so
        // the socket) in its slot. Nothing is emitted once we are destroyed.
        QMetaObject::invokeMethod(
            this, [this, code = outcome.code] { emit received(code); }, Qt::QueuedConnection);
        return;
    }
    fail(failureFor(outcome.kind), outcome.userMessage(), queued);
}

void LoopbackReceiver::fail(Failure reason, const QString &message, bool queued)
{
    if (m_finished)
        return;
    m_finished = true;
    closeEverything();
    qCDebug(lcAuth) << "loopback sign-in ended:" << reason;
    if (!queued) {
        emit failed(reason, message);
        return;
    }
    // From a socket's handler (see finishWith): after it has returned.
    QMetaObject::invokeMethod(
        this, [this, reason, message] { emit failed(reason, message); }, Qt::QueuedConnection);
}

void LoopbackReceiver::closeEverything()
{
    m_attemptTimer.stop();
    m_server->close();
    m_validator.reset(); // the state is single use: nothing can match it any more
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets)) {
        // Answered sockets are already closing gracefully so the browser still gets its page.
        if (socket && !socket->property(kAnsweredProperty).toBool())
            socket->abort();
    }
    m_sockets.clear();
}

} // namespace plexe
