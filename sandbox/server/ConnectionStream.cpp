#include "server/ConnectionStream.h"

#include "server/ConnectionLimits.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>

namespace plexe::sandbox {

namespace {
using std::chrono::duration_cast;
using std::chrono::milliseconds;

// Wait in slices no longer than this, so that a stopping server is noticed soon.
constexpr milliseconds kSlice{200};

void addressOf(int sock, bool peer, std::string &ip, int &port)
{
    sockaddr_storage addr{};
    socklen_t length = sizeof addr;
    const int got = peer ? ::getpeername(sock, reinterpret_cast<sockaddr *>(&addr), &length)
                         : ::getsockname(sock, reinterpret_cast<sockaddr *>(&addr), &length);
    char host[NI_MAXHOST] = {};
    char service[NI_MAXSERV] = {};
    if (got != 0 || ::getnameinfo(reinterpret_cast<sockaddr *>(&addr), length, host, sizeof host,
                                  service, sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
        return;
    ip = host;
    port = std::atoi(service);
}
} // namespace

ConnectionStream::ConnectionStream(int sock, SSL *ssl) : m_sock(sock), m_ssl(ssl)
{
    ::fcntl(m_sock, F_SETFL, ::fcntl(m_sock, F_GETFL) | O_NONBLOCK);
    SSL_set_fd(m_ssl, m_sock);
}

bool ConnectionStream::waitFor(short events, Clock::time_point deadline) const
{
    const auto left = duration_cast<milliseconds>(deadline - Clock::now());
    if (left.count() <= 0)
        return false;
    pollfd p{m_sock, events, 0};
    return ::poll(&p, 1, int(left.count())) > 0;
}

int ConnectionStream::retry(const std::function<int()> &call, Clock::time_point deadline)
{
    for (;;) {
        const int result = call();
        if (result > 0)
            return result;
        const int error = SSL_get_error(m_ssl, result);
        const short events = error == SSL_ERROR_WANT_READ    ? POLLIN
                             : error == SSL_ERROR_WANT_WRITE ? POLLOUT
                                                             : 0;
        if (events == 0) { // closed by the peer, or a TLS error
            ERR_clear_error();
            m_broken = true;
            return 0;
        }
        if (!waitFor(events, deadline))
            return -1;
    }
}

bool ConnectionStream::handshake()
{
    const int ok = retry([this] { return SSL_accept(m_ssl); }, Clock::now() + limits::kHandshake);
    if (ok <= 0)
        m_broken = true;
    return ok > 0;
}

bool ConnectionStream::waitForRequest(const std::function<milliseconds()> &idle,
                                      const std::function<bool()> &keepGoing)
{
    const auto start = Clock::now();
    while (SSL_pending(m_ssl) == 0) {
        const auto deadline = start + idle();
        if (!keepGoing() || Clock::now() >= deadline)
            return false;
        pollfd p{m_sock, POLLIN, 0};
        const auto left = duration_cast<milliseconds>(deadline - Clock::now());
        if (::poll(&p, 1, int(std::min(left, kSlice).count())) > 0)
            break;
    }
    m_state = ConnectionState();
    m_phase = Phase::Head;
    m_lineLength = 0;
    m_lines = 0;
    m_deadline = Clock::now() + limits::kRequestHead;
    return true;
}

bool ConnectionStream::reusable() const
{
    return !m_broken && m_state.refusal == ConnectionState::Refusal::None &&
           !m_state.closeAfterAnswer;
}

void ConnectionStream::lingerAfterRefusal()
{
    if (m_broken ||
        (m_state.refusal == ConnectionState::Refusal::None && !m_state.closeAfterAnswer))
        return;
    shutdown();
    ::shutdown(m_sock, SHUT_WR);
    const auto deadline = Clock::now() + limits::kLinger;
    size_t discarded = 0;
    char buffer[16384];
    while (discarded < limits::kLingerBytes && waitFor(POLLIN, deadline)) {
        const ssize_t n = ::recv(m_sock, buffer, sizeof buffer, 0);
        if (n <= 0)
            break;
        discarded += size_t(n);
    }
}

void ConnectionStream::shutdown()
{
    // A polite close_notify only to a peer still in good standing; it must not wait.
    if (!m_broken && !m_closing)
        SSL_shutdown(m_ssl);
    m_closing = true;
    ERR_clear_error();
}

void ConnectionStream::refuse(ConnectionState::Refusal refusal)
{
    if (m_state.refusal == ConnectionState::Refusal::None)
        m_state.refusal = refusal;
}

void ConnectionStream::countHeadByte(char byte)
{
    ++m_lineLength;
    if (byte == '\n') {
        // A line holding only CRLF (or LF) ends the head; the body's own deadline starts.
        if (m_lineLength <= 2 && m_lines > 0) {
            m_phase = Phase::Body;
            m_deadline = Clock::now() + limits::kRequestBody;
            return;
        }
        m_lineLength = 0;
        if (++m_lines > limits::kMaxHeadLines)
            refuse(ConnectionState::Refusal::HeadTooLarge);
    } else if (m_lineLength > limits::kMaxHeadLine) {
        refuse(m_lines == 0 ? ConnectionState::Refusal::UriTooLong
                            : ConnectionState::Refusal::HeadTooLarge);
    }
}

bool ConnectionStream::is_readable() const
{
    return SSL_pending(m_ssl) > 0 || waitFor(POLLIN, m_deadline);
}

bool ConnectionStream::is_writable() const
{
    return !m_broken;
}

ssize_t ConnectionStream::read(char *ptr, size_t size)
{
    if (m_state.refusal != ConnectionState::Refusal::None || m_broken || size == 0)
        return 0;
    // httplib reads the head one byte at a time anyway; reading no further than asked keeps
    // body bytes out of the head's count.
    const int want = m_phase == Phase::Head ? 1 : int(std::min<size_t>(size, 1 << 20));
    const int n = retry([&] { return SSL_read(m_ssl, ptr, want); }, m_deadline);
    if (n < 0) {
        refuse(ConnectionState::Refusal::TooSlow);
        return 0;
    }
    if (n > 0 && m_phase == Phase::Head)
        countHeadByte(ptr[0]);
    return n;
}

ssize_t ConnectionStream::write(const char *ptr, size_t size)
{
    if (m_broken)
        return -1;
    if (size == 0)
        return 0;
    // Without partial writes SSL_write sends all of `size` or nothing: retried as is.
    const int n =
        retry([&] { return SSL_write(m_ssl, ptr, int(size)); }, Clock::now() + limits::kWrite);
    if (n <= 0) {
        m_broken = true;
        return -1;
    }
    return n;
}

void ConnectionStream::get_remote_ip_and_port(std::string &ip, int &port) const
{
    addressOf(m_sock, true, ip, port);
}

void ConnectionStream::get_local_ip_and_port(std::string &ip, int &port) const
{
    addressOf(m_sock, false, ip, port);
}

} // namespace plexe::sandbox
