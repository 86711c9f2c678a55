#pragma once

#include <httplib.h>

#include <atomic>
#include <sys/socket.h>

namespace plexe::sandbox {

// httplib's SSLServer with the connection handling httplib 0.11 does not offer (see
// server/ConnectionLimits.h): each connection is served through a ConnectionStream, which
// bounds the handshake, the request head and the body in time and the head in size; idle
// keep-alive connections are closed sooner while the server is busy; Range headers are
// ignored; every answer says Strict-Transport-Security and (unless a route chose otherwise)
// Cache-Control: no-store. Workers come from a WorkerPool that grows with the connections.
class TlsServer : public httplib::SSLServer
{
public:
    TlsServer(X509 *cert, EVP_PKEY *key);

    // Call after bind_to_port; listening again on a bound socket only changes the backlog
    // (httplib listens with a backlog of 5, which drops connections when a client opens
    // dozens at once).
    bool raiseBacklog(int backlog) { return ::listen(svr_sock_, backlog) == 0; }

    size_t openConnections() const { return m_connections; }

private:
    // httplib calls this (virtual, private in its classes) for each accepted socket, on a worker.
    bool process_and_close_socket(int sock) override;

    std::atomic<size_t> m_connections{0};
};

} // namespace plexe::sandbox
