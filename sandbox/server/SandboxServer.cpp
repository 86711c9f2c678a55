#include "server/SandboxServer.h"

#include "accounts/AccountRoutes.h"
#include "auth/AuthorizeRoutes.h"
#include "auth/LoginRoutes.h"
#include "auth/LoginThrottle.h"
#include "auth/PasswordCheck.h"
#include "auth/PasswordHasher.h"
#include "auth/TokenIssuer.h"
#include "auth/TokenRoutes.h"
#include "credentials/Authenticator.h"
#include "credentials/RequestGuard.h"
#include "db/Database.h"
#include "http/RateLimiter.h"
#include "http/Router.h"
#include "keys/ApiKeyRoutes.h"
#include "keys/UsageRecorder.h"
#include "logs/AccessLogRoutes.h"
#include "models/ModelRoutes.h"
#include "server/ConnectionLimits.h"
#include "server/HealthRoutes.h"
#include "server/TlsServer.h"
#include "util/Clock.h"
#include "util/SecretBox.h"

#include <openssl/ssl.h>

#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

namespace plexe::sandbox {

namespace {
constexpr int kBacklog = 256;

bool isLoopback(const std::string &address)
{
    return address == "::1" || address == "localhost" || address.rfind("127.", 0) == 0;
}
} // namespace

struct SandboxServer::Parts
{
    explicit Parts(const ServeOptions &options)
        : database(options.dataDir + "/sandbox.db"), usage(database),
          requestLimiter(options.rateLimit, 60), createLimiter(options.keyCreateLimit, 3600),
          authenticator(database),
          guard(authenticator, requestLimiter, usage, database, options.signIn.stepUpSeconds),
          router([this](RequestContext &context) { guard(context); }),
          keys(database, usage, createLimiter), models(database), accounts(database),
          secrets(SecretBox::forDataFolder(options.dataDir)),
          throttle(options.signIn.loginFailureLimit, options.signIn.loginWindowSeconds,
                   [] { return qint64(Clock::nowMs()); }),
          passwords(database, hasher, throttle), issuer(options.signIn),
          login(database, passwords, issuer, secrets),
          authorize(database, passwords, options.signIn, issuerUrl), tokens(database, issuer),
          tls(TlsIdentity::prepare(options.dataDir, options.certificate, Clock::now())),
          server(tls.certificate(), tls.key())
    {}

    Database database;
    UsageRecorder usage;
    RateLimiter requestLimiter;
    RateLimiter createLimiter;
    Authenticator authenticator;
    RequestGuard guard;
    Router router;
    ApiKeyRoutes keys;
    ModelRoutes models;
    AccountRoutes accounts;
    SecretBox secrets;
    PasswordHasher hasher;
    LoginThrottle throttle;
    PasswordCheck passwords;
    TokenIssuer issuer;
    QString issuerUrl; // set once the port is known, before the server listens
    LoginRoutes login;
    AuthorizeRoutes authorize;
    TokenRoutes tokens;
    AccessLogRoutes accessLogs{database};
    TlsIdentity tls;
    TlsServer server;
};

SandboxServer::SandboxServer(ServeOptions options) : m_options(std::move(options)) {}

SandboxServer::~SandboxServer() = default;

int SandboxServer::run()
{
    {
        std::lock_guard<std::mutex> lock(m_stopMutex);
        m_runStarted = true;
    }
    struct MarkEnded
    {
        std::atomic<bool> &ended;
        ~MarkEnded() { ended = true; }
    } markEnded{m_runEnded};
    try {
        auto parts = std::make_unique<Parts>(m_options);
        {
            std::lock_guard<std::mutex> lock(m_stopMutex);
            if (m_stopRequested)
                return 0;
            m_parts = std::move(parts);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "plexe-sandbox: cannot start: %s\n", e.what());
        return 1;
    }
    Parts &p = *m_parts;
    if (!p.server.is_valid()) {
        std::fprintf(stderr, "plexe-sandbox: cannot set up TLS\n");
        return 1;
    }
    SSL_CTX_set_min_proto_version(p.server.ssl_context(), TLS1_2_VERSION);

    p.router.setCompletion([&p](RequestContext &context, int status, const std::string &code) {
        p.guard.finish(context, status, code);
    });
    HealthRoutes::install(p.router);
    p.keys.install(p.router);
    p.models.install(p.router);
    p.accounts.install(p.router);
    p.login.install(p.router);
    p.authorize.install(p.router);
    p.tokens.install(p.router);
    p.accessLogs.install(p.router);
    p.router.install(p.server, limits::kMaxBody);
    // Workers, keep-alive and time limits: TlsServer and server/ConnectionLimits.h.
    // Without it, small answers wait for the delayed ACK of the previous one (~40 ms each).
    p.server.set_tcp_nodelay(true);

    int port = m_options.port;
    if (port == 0) {
        port = p.server.bind_to_any_port(m_options.bind);
    } else if (!p.server.bind_to_port(m_options.bind, port)) {
        port = -1;
    }
    if (port <= 0) {
        std::fprintf(stderr, "plexe-sandbox: cannot listen on %s port %d\n", m_options.bind.c_str(),
                     m_options.port);
        return 1;
    }
    p.server.raiseBacklog(kBacklog);
    {
        // A signal that arrived while binding must not be lost.
        std::lock_guard<std::mutex> lock(m_stopMutex);
        if (m_stopRequested)
            return 0;
    }
    if (!isLoopback(m_options.bind))
        std::fprintf(stderr, "plexe-sandbox: WARNING: listening on %s, beyond loopback\n",
                     m_options.bind.c_str());
    p.usage.start();

    const bool ipv6 = m_options.bind.find(':') != std::string::npos;
    const std::string host = ipv6 ? "[" + m_options.bind + "]" : m_options.bind;
    p.issuerUrl = QString::fromStdString("https://" + host + ":" + std::to_string(port));
    std::printf("plexe-sandbox %s: a local sandbox for development, NOT the Plexe service\n",
                PLEXE_SANDBOX_VERSION);
    std::printf("URL: https://%s:%d\n", host.c_str(), port);
    std::printf("CA: %s\n", p.tls.caPath().c_str());
    std::fflush(stdout);

    if (m_beforeListen)
        m_beforeListen();
    const bool ok = p.server.listen_after_bind();
    p.usage.stop();
    std::printf("plexe-sandbox: stopped\n");
    std::fflush(stdout);
    return ok ? 0 : 1;
}

void SandboxServer::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_stopMutex);
        m_stopRequested = true;
        if (!m_runStarted)
            return; // run() will see the request before it builds anything
    }
    // httplib's stop() acts only on a server already marked as listening. Between run()'s last
    // look at m_stopRequested and listen_after_bind() marking the server running, a stop would
    // be lost and the sandbox would outlive its console's SIGTERM; so wait for one of the two
    // states. The gap is a few prints long: the wait is a handful of short naps at most.
    while (!m_runEnded.load()) {
        {
            std::lock_guard<std::mutex> lock(m_stopMutex);
            if (m_parts && m_parts->server.is_running()) {
                m_parts->server.stop();
                return;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

bool SandboxServer::stopRequested() const
{
    std::lock_guard<std::mutex> lock(m_stopMutex);
    return m_stopRequested;
}

} // namespace plexe::sandbox
