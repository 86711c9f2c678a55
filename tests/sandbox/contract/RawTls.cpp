#include "RawTls.h"

#include <QDeadlineTimer>
#include <QFile>

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

namespace plexe::test {

namespace {
constexpr qint64 kKeepBytes = 4 * 1024 * 1024;

bool waitFd(int fd, short events, const QDeadlineTimer &deadline)
{
    pollfd p{fd, events, 0};
    return ::poll(&p, 1, int(qMax<qint64>(0, deadline.remainingTime()))) > 0;
}

qint64 statusKiB(qint64 pid, const char *field)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
} // namespace

bool parseHttpAnswer(const QByteArray &in, bool closed, Reply &reply)
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

RawTls::RawTls(const QUrl &baseUrl, const QString &caPath) : m_baseUrl(baseUrl), m_caPath(caPath)
{
    std::signal(SIGPIPE, SIG_IGN); // a server hanging up is a write error here, not a crash
}

RawTls::~RawTls()
{
    if (m_ssl)
        SSL_free(m_ssl);
    if (m_ctx)
        SSL_CTX_free(m_ctx);
    if (m_fd >= 0)
        ::close(m_fd);
}

bool RawTls::connectTcp()
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_fd < 0)
        return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(quint16(m_baseUrl.port()));
    if (::inet_pton(AF_INET, m_baseUrl.host().toLatin1().constData(), &addr.sin_addr) != 1 ||
        ::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
        return false;
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    return true;
}

bool RawTls::handshake(int timeoutMs)
{
    m_ctx = SSL_CTX_new(TLS_client_method());
    if (!m_ctx || SSL_CTX_load_verify_locations(m_ctx, m_caPath.toUtf8().constData(), nullptr) != 1)
        return false;
    SSL_CTX_set_verify(m_ctx, SSL_VERIFY_PEER, nullptr);
    m_ssl = SSL_new(m_ctx);
    SSL_set_fd(m_ssl, m_fd);
    X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(m_ssl), m_baseUrl.host().toLatin1().constData());
    SSL_set_mode(m_ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const int r = SSL_connect(m_ssl);
        if (r == 1)
            return true;
        const int error = SSL_get_error(m_ssl, r);
        const short events = error == SSL_ERROR_WANT_READ    ? POLLIN
                             : error == SSL_ERROR_WANT_WRITE ? POLLOUT
                                                             : 0;
        if (!events || !waitFd(m_fd, events, deadline)) {
            ERR_clear_error();
            return false;
        }
    }
}

bool RawTls::write(const QByteArray &data, int timeoutMs)
{
    if (!m_ssl || m_closed)
        return false;
    const QDeadlineTimer deadline(timeoutMs);
    qint64 done = 0;
    while (done < data.size()) {
        const int w = SSL_write(m_ssl, data.constData() + done, int(data.size() - done));
        if (w > 0) {
            done += w;
            continue;
        }
        const int error = SSL_get_error(m_ssl, w);
        const short events = error == SSL_ERROR_WANT_READ    ? POLLIN
                             : error == SSL_ERROR_WANT_WRITE ? POLLOUT
                                                             : 0;
        if (!events || !waitFd(m_fd, events, deadline)) {
            ERR_clear_error();
            return false;
        }
    }
    return true;
}

void RawTls::read(int timeoutMs, qint64 maxBytes)
{
    const QDeadlineTimer deadline(timeoutMs);
    if (m_fd < 0)
        return;
    if (!m_ssl) { // no TLS (yet): only notice the server closing the socket
        char byte;
        if (waitFd(m_fd, POLLIN, deadline) && ::recv(m_fd, &byte, 1, MSG_DONTWAIT) <= 0)
            m_closed = true;
        return;
    }
    Reply parsed;
    while (!m_closed && m_bytesReceived < maxBytes && !parseHttpAnswer(m_in, false, parsed)) {
        char buffer[16384];
        const int n = SSL_read(m_ssl, buffer, sizeof buffer);
        if (n > 0) {
            m_bytesReceived += n;
            if (m_in.size() < kKeepBytes)
                m_in.append(buffer, n);
            continue;
        }
        const int error = SSL_get_error(m_ssl, n);
        if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE) {
            m_closed = true;
            break;
        }
        if (!waitFd(m_fd, error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline))
            break;
    }
    ERR_clear_error();
}

Reply RawTls::reply() const
{
    Reply reply;
    reply.error = httplib::Error::Read;
    parseHttpAnswer(m_in, m_closed, reply);
    return reply;
}

qint64 residentKiB(qint64 pid)
{
    return statusKiB(pid, "VmRSS:");
}

qint64 peakResidentKiB(qint64 pid)
{
    return statusKiB(pid, "VmHWM:");
}

} // namespace plexe::test
