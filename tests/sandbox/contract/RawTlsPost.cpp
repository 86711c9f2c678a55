#include "RawTlsPost.h"

#include <QDeadlineTimer>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

namespace plexe::test {

namespace {

struct SslCtxFree
{
    void operator()(SSL_CTX *ctx) const { SSL_CTX_free(ctx); }
};
struct SslFree
{
    void operator()(SSL *ssl) const { SSL_free(ssl); }
};

// Splits a complete HTTP/1.1 answer into a Reply; false while more bytes are needed.
bool parseAnswer(const QByteArray &in, bool closed, Reply &reply)
{
    const int headEnd = in.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QList<QByteArray> lines = in.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2)
        return false;
    qint64 length = -1;
    httplib::Headers headers;
    for (int i = 1; i < lines.size(); ++i) {
        const int colon = lines[i].indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        headers.emplace(name.toStdString(), value.toStdString());
        if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            length = value.toLongLong();
    }
    const QByteArray body = in.mid(headEnd + 4);
    if (length >= 0 ? body.size() < length : !closed)
        return false;
    reply.transportOk = true;
    reply.status = statusLine[1].toInt();
    reply.headers = headers;
    reply.body = length >= 0 ? body.left(length) : body;
    reply.json = QJsonDocument::fromJson(reply.body);
    return true;
}

} // namespace

RawTlsPost::RawTlsPost(const QUrl &baseUrl, const QString &caPath)
    : m_baseUrl(baseUrl), m_caPath(caPath)
{}

Reply RawTlsPost::send(const QString &path, const QString &apiKey, qint64 bodySize)
{
    // The sandbox may refuse the body from its Content-Length and close the connection while
    // we are still writing: that must come back as a write error (EPIPE), not kill the test.
    std::signal(SIGPIPE, SIG_IGN);

    Reply reply;
    reply.error = httplib::Error::Connection;
    m_written = 0;

    std::unique_ptr<SSL_CTX, SslCtxFree> ctx(SSL_CTX_new(TLS_client_method()));
    if (!ctx ||
        SSL_CTX_load_verify_locations(ctx.get(), m_caPath.toUtf8().constData(), nullptr) != 1)
        return reply;
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_PEER, nullptr);

    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return reply;
    const auto closeFd = qScopeGuard([fd] { ::close(fd); });
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(quint16(m_baseUrl.port()));
    if (::inet_pton(AF_INET, m_baseUrl.host().toLatin1().constData(), &addr.sin_addr) != 1 ||
        ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
        return reply;

    std::unique_ptr<SSL, SslFree> ssl(SSL_new(ctx.get()));
    SSL_set_fd(ssl.get(), fd);
    X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl.get()),
                                  m_baseUrl.host().toLatin1().constData());
    if (SSL_connect(ssl.get()) != 1) {
        reply.error = httplib::Error::SSLConnection;
        reply.verifyResult = SSL_get_verify_result(ssl.get());
        return reply;
    }
    reply.error = httplib::Error::Write;
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    SSL_set_mode(ssl.get(), SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);

    const QByteArray bodyStart = "{\"name\": \"";
    QByteArray pending =
        "POST " + path.toUtf8() + " HTTP/1.1\r\nHost: " + m_baseUrl.host().toLatin1() + ':' +
        QByteArray::number(m_baseUrl.port()) + "\r\nx-api-key: " + apiKey.toUtf8() +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(bodySize) +
        "\r\nConnection: close\r\n\r\n" + bodyStart;
    qint64 bodyLeft = bodySize - bodyStart.size(); // exactly Content-Length bytes in all
    const QByteArray chunk(16384, 'a');
    bool writing = true;
    bool closed = false;
    QByteArray in;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        char buffer[16384];
        const int n = SSL_read(ssl.get(), buffer, sizeof buffer);
        if (n > 0) {
            in.append(buffer, n);
            if (parseAnswer(in, false, reply))
                return reply;
            continue;
        }
        const int readError = SSL_get_error(ssl.get(), n);
        if (readError != SSL_ERROR_WANT_READ && readError != SSL_ERROR_WANT_WRITE) {
            closed = true;
            break;
        }
        if (writing) {
            if (pending.isEmpty() && bodyLeft > 0) {
                pending = chunk.left(int(qMin<qint64>(bodyLeft, chunk.size())));
                bodyLeft -= pending.size();
            }
            const int w = SSL_write(ssl.get(), pending.constData(), int(pending.size()));
            if (w > 0) {
                m_written += w;
                pending.remove(0, w);
                if (pending.isEmpty() && bodyLeft <= 0)
                    writing = false;
                continue;
            }
            const int writeError = SSL_get_error(ssl.get(), w);
            if (writeError != SSL_ERROR_WANT_READ && writeError != SSL_ERROR_WANT_WRITE)
                writing = false; // the server stopped reading; what it said may still be readable
        }
        pollfd p{fd, short(POLLIN | (writing ? POLLOUT : 0)), 0};
        ::poll(&p, 1, 100);
    }
    ERR_clear_error();
    if (parseAnswer(in, closed, reply))
        return reply;
    reply.error = closed ? httplib::Error::Read : httplib::Error::ConnectionTimeout;
    return reply;
}

} // namespace plexe::test
