#include "server/TlsServer.h"

#include "server/ConnectionLimits.h"
#include "server/ConnectionStream.h"
#include "server/WorkerPool.h"

#include <openssl/ssl.h>

#include <unistd.h>

namespace plexe::sandbox {

namespace {
struct Counted
{
    explicit Counted(std::atomic<size_t> &count) : count(count) { ++count; }
    ~Counted() { --count; }
    std::atomic<size_t> &count;
};
} // namespace

TlsServer::TlsServer(X509 *cert, EVP_PKEY *key) : httplib::SSLServer(cert, key)
{
    new_task_queue = [] {
        return new WorkerPool(limits::kMaxWorkers);
    };
    set_keep_alive_max_count(limits::kKeepAliveMaxRequests);
    // httplib sends these values in its Keep-Alive header; ConnectionStream enforces them.
    set_keep_alive_timeout(std::chrono::duration_cast<std::chrono::seconds>(limits::kIdle).count());
    set_post_routing_handler([](const httplib::Request &, httplib::Response &res) {
        // An HTTPS-only service says so; no answer of this API is for a cache (tokens, keys,
        // logs, the sign-in pages).
        res.set_header("Strict-Transport-Security", "max-age=31536000");
        if (!res.has_header("Cache-Control"))
            res.set_header("Cache-Control", "no-store");
    });
}

bool TlsServer::process_and_close_socket(int sock)
{
    const Counted counted(m_connections);
    bool ok = false;
    if (SSL *ssl = SSL_new(ssl_context())) {
        ConnectionStream stream(sock, ssl);
        const ConnectionState::Scope scope(stream.state());
        const auto running = [this] {
            return svr_sock_ != INVALID_SOCKET;
        };
        const auto idle = [this] {
            return m_connections > limits::kBusyConnections ? limits::kIdleBusy : limits::kIdle;
        };
        if (stream.handshake()) {
            for (size_t served = 0; served < keep_alive_max_count_; ++served) {
                if (!stream.waitForRequest(idle, running))
                    break;
                bool closeRequested = false;
                ok = process_request(stream, served + 1 == keep_alive_max_count_, closeRequested,
                                     [ssl](httplib::Request &req) {
                                         req.ssl = ssl;
                                         // No route serves ranges: httplib would cut the answer
                                         // into one part per range, thousands for one request.
                                         req.ranges.clear();
                                     });
                if (!ok || closeRequested || !stream.reusable())
                    break;
            }
        }
        stream.lingerAfterRefusal();
        stream.shutdown();
        SSL_free(ssl);
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
}

} // namespace plexe::sandbox
