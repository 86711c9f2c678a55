// ApiClient against a scripted loopback server: faults the sandbox cannot produce
// (security.md D25-D29, E31-E32): cross-origin redirects, stalls, 5xx retries, oversized
// answers, 429 waits, URL and header rules, abortAll, and no secrets in the lcNet log.
#include "ScriptedHttpServer.h"
#include "api/ApiClient.h"
#include "api/User.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace plexe;
using plexe::test::ScriptedHttpServer;

namespace {

const QByteArray kCanaryKey = "plx_sk_CANARYfaultsAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const QByteArray kUserJson = R"({"user_id":"u1","email":"demo@plexe.test","name":"Demo"})";

QStringList g_log;
QtMessageHandler g_previous = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    g_log << msg;
    if (g_previous)
        g_previous(type, ctx, msg);
}

// Waits for the call to finish; the call deletes itself after finished(), so copy what we need.
struct Outcome
{
    bool finished = false;
    ApiError error;
    int status = 0;
    std::optional<User> user;
    QList<QDateTime> rateLimited;
    int retries = 0;
};

Outcome waitFor(ApiCall *call, int timeoutMs = 2000)
{
    auto out = std::make_shared<Outcome>();
    QObject::connect(call, &ApiCall::rateLimited, call,
                     [out](const QDateTime &d) { out->rateLimited << d; });
    QObject::connect(call, &ApiCall::retrying, call, [out](int, qint64) { ++out->retries; });
    QObject::connect(call, &ApiCall::finished, call, [out, call] {
        out->finished = true;
        out->error = call->error();
        out->status = call->httpStatus();
        if (const User *u = call->result<User>())
            out->user = *u;
    });
    if (!QTest::qWaitFor([&] { return out->finished; }, timeoutMs))
        qWarning("call did not finish within %d ms", timeoutMs); // checks on it then fail
    return *out;
}

} // namespace

class TestApiClientFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void crossOriginRedirectReachesNobody();
    void sameOriginRedirectIsFollowed();
    void stallEndsInTimeout();
    void getRetriedOnceAfter5xx();
    void getGivesUpAfterBoundedRetries();
    void postNotRetriedOn5xx();
    void unauthorizedNotRetried();
    void rateLimitWaitsRetryAfter();
    void rateLimitWithoutRetryAfterUsesDefault();
    void rateLimitGivesUpAfterOneWait();
    void oversizedBodyIsCapped_data();
    void oversizedBodyIsCapped();
    void perCallCapOverridesDefault();
    void wrongContentTypeIsParseError();
    void malformedJsonIsParseError();
    void wrongShapeIsParseError();
    void credentialOnlyInHeaders();
    void noCredentialWhenUnauthenticated();
    void credentialInQueryRefused();
    void absoluteUrlIsChecked();
    void plainHttpRefusedForRemoteHosts_data();
    void plainHttpRefusedForRemoteHosts();
    void abortAllCancelsEverything();
    void connectionRefusedIsNetworkError();
    void hstsIsOn();
    void logHasNoSecrets();

private:
    ApiClient *makeClient(const ScriptedHttpServer &server, int timeoutMs = 1500);

    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_client;
};

void TestApiClientFaults::init()
{
    m_client.reset();
    m_nam = std::make_unique<QNetworkAccessManager>();
}

ApiClient *TestApiClientFaults::makeClient(const ScriptedHttpServer &server, int timeoutMs)
{
    m_client = std::make_unique<ApiClient>(m_nam.get());
    ApiEndpoint ep;
    ep.baseUrl = QUrl(server.origin());
    ep.transferTimeoutMs = timeoutMs;
    ep.maxBodyBytes = 64 * 1024;
    QString error;
    if (!m_client->setEndpoint(ep, &error))
        qFatal("endpoint refused: %s", qPrintable(error));
    ApiClient::RetryPolicy policy;
    policy.timeScale = 0.01; // a 2 s Retry-After waits 20 ms
    m_client->setRetryPolicy(policy);
    m_client->setCredential(Credential::apiKey(kCanaryKey));
    return m_client.get();
}

void TestApiClientFaults::crossOriginRedirectReachesNobody()
{
    ScriptedHttpServer other;
    ScriptedHttpServer server([&other](int, const QByteArray &) {
        return ScriptedHttpServer::response(
            302, {}, "Location: " + other.origin().toLatin1() + "/steal\r\n");
    });
    const Outcome o = waitFor(makeClient(server)->getUser());
    QCOMPARE(o.error.kind(), ApiError::Kind::Refused);
    QCOMPARE(o.error.code(), QStringLiteral("redirect_refused"));
    QCOMPARE(server.requests().size(), 1);
    QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    QCOMPARE(other.connections(), 0);
    QCOMPARE(other.bytesReceived(), 0);
}

void TestApiClientFaults::sameOriginRedirectIsFollowed()
{
    ScriptedHttpServer server([](int index, const QByteArray &) {
        if (index == 0)
            return ScriptedHttpServer::response(307, {}, "Location: /auth/user2\r\n");
        return ScriptedHttpServer::response(200, kUserJson);
    });
    const Outcome o = waitFor(makeClient(server)->getUser());
    QVERIFY2(!o.error.isError(), qPrintable(o.error.logString()));
    QCOMPARE(server.requests().size(), 2);
    QVERIFY(server.requests().at(1).startsWith("GET /auth/user2 "));
}

void TestApiClientFaults::stallEndsInTimeout()
{
    ScriptedHttpServer server; // accepts, reads, never answers
    QElapsedTimer t;
    t.start();
    const Outcome o = waitFor(makeClient(server, 300)->getUser());
    QCOMPARE(o.error.kind(), ApiError::Kind::Timeout);
    QVERIFY(o.error.userMessage().contains(QLatin1String("did not answer in time")));
    QVERIFY2(t.elapsed() < 1500, QByteArray::number(t.elapsed()));
    QCOMPARE(server.requests().size(), 1); // a timed-out GET is not retried
}

void TestApiClientFaults::getRetriedOnceAfter5xx()
{
    ScriptedHttpServer server([](int index, const QByteArray &) {
        return index == 0 ? ScriptedHttpServer::response(503, R"({"detail":"busy"})")
                          : ScriptedHttpServer::response(200, kUserJson);
    });
    const Outcome o = waitFor(makeClient(server)->getUser());
    QVERIFY2(!o.error.isError(), qPrintable(o.error.logString()));
    QVERIFY(o.user.has_value());
    QCOMPARE(o.user->email, QStringLiteral("demo@plexe.test"));
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(o.retries, 1);
}

void TestApiClientFaults::getGivesUpAfterBoundedRetries()
{
    ScriptedHttpServer server(
        [](int, const QByteArray &) { return ScriptedHttpServer::response(500, "{}"); });
    const Outcome o = waitFor(makeClient(server)->getUser());
    QCOMPARE(o.error.kind(), ApiError::Kind::Http);
    QCOMPARE(o.error.httpStatus(), 500);
    QCOMPARE(server.requests().size(), 3); // 1 + maxServerRetries (2)
}

void TestApiClientFaults::postNotRetriedOn5xx()
{
    ScriptedHttpServer server([](int index, const QByteArray &) {
        return index == 0 ? ScriptedHttpServer::response(502, "{}")
                          : ScriptedHttpServer::response(200, "{}");
    });
    const Outcome o =
        waitFor(makeClient(server)->createApiKey(QStringLiteral("x"), QStringLiteral("read_only")));
    QCOMPARE(o.error.httpStatus(), 502);
    QCOMPARE(o.retries, 0);
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QCOMPARE(server.requests().size(), 1);
    QVERIFY(server.requests().first().startsWith("POST /auth/api-keys "));
}

void TestApiClientFaults::unauthorizedNotRetried()
{
    for (const char *code : {"invalid_key", "expired_key", "revoked_key"}) {
        ScriptedHttpServer server([code](int, const QByteArray &) {
            return ScriptedHttpServer::response(401, QByteArray(R"({"error":{"code":")") + code +
                                                         R"(","message":"m"}})");
        });
        const Outcome o = waitFor(makeClient(server)->getUser());
        QCOMPARE(o.error.code(), QString::fromLatin1(code));
        QCOMPARE(server.requests().size(), 1);
    }
    ScriptedHttpServer server([](int, const QByteArray &) {
        return ScriptedHttpServer::response(
            403, R"({"error":{"code":"insufficient_permissions","message":"m"}})");
    });
    const Outcome o = waitFor(makeClient(server)->getUser());
    QVERIFY(o.error.isPermissionDenied());
    QCOMPARE(server.requests().size(), 1);
}

void TestApiClientFaults::rateLimitWaitsRetryAfter()
{
    ScriptedHttpServer server([](int index, const QByteArray &) {
        return index == 0 ? ScriptedHttpServer::response(
                                429, R"({"error":{"code":"rate_limit_exceeded","message":"m"}})",
                                "Retry-After: 30\r\n")
                          : ScriptedHttpServer::response(200, kUserJson);
    });
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Outcome o = waitFor(makeClient(server)->getUser());
    QVERIFY2(!o.error.isError(), qPrintable(o.error.logString()));
    QCOMPARE(o.rateLimited.size(), 1);
    // The deadline told to the caller is the server's, unscaled: ~30 s from now.
    const qint64 ahead = before.msecsTo(o.rateLimited.first());
    QVERIFY2(ahead >= 29000 && ahead <= 32000, QByteArray::number(ahead));
    QCOMPARE(server.requests().size(), 2);
}

void TestApiClientFaults::rateLimitWithoutRetryAfterUsesDefault()
{
    ScriptedHttpServer server([](int index, const QByteArray &) {
        return index == 0 ? ScriptedHttpServer::response(429, "{}")
                          : ScriptedHttpServer::response(200, kUserJson);
    });
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Outcome o = waitFor(makeClient(server)->getUser());
    QVERIFY(!o.error.isError());
    QCOMPARE(o.rateLimited.size(), 1);
    const qint64 ahead = before.msecsTo(o.rateLimited.first());
    QVERIFY2(ahead >= 5000 && ahead <= 7600, QByteArray::number(ahead)); // 5 s + jitter
}

void TestApiClientFaults::rateLimitGivesUpAfterOneWait()
{
    ScriptedHttpServer server([](int, const QByteArray &) {
        return ScriptedHttpServer::response(
            429, R"({"error":{"code":"rate_limit_exceeded","message":"m"}})",
            "Retry-After: 7200\r\n");
    });
    const QDateTime before = QDateTime::currentDateTimeUtc();
    // 7200 s is capped at 1 h; scaled by 0.0001 the wait is 360 ms.
    ApiClient *client = makeClient(server);
    ApiClient::RetryPolicy p = client->retryPolicy();
    p.timeScale = 0.0001;
    client->setRetryPolicy(p);
    const Outcome o = waitFor(client->getUser());
    QCOMPARE(o.error.httpStatus(), 429);
    QCOMPARE(o.error.code(), QStringLiteral("rate_limit_exceeded"));
    QCOMPARE(server.requests().size(), 2);
    QVERIFY(o.error.retryAfter().isValid());
    const qint64 ahead = before.msecsTo(o.error.retryAfter());
    QVERIFY2(ahead > 3500000 && ahead <= 3602000, QByteArray::number(ahead));
    QVERIFY(o.error.userMessage().contains(QLatin1String("minutes")));
}

void TestApiClientFaults::oversizedBodyIsCapped_data()
{
    QTest::addColumn<bool>("declared");
    QTest::newRow("content-length") << true;
    QTest::newRow("streamed until close") << false;
}

void TestApiClientFaults::oversizedBodyIsCapped()
{
    QFETCH(bool, declared);
    const QByteArray big = "[\"" + QByteArray(200 * 1024, 'a') + "\"]";
    ScriptedHttpServer server([&](int, const QByteArray &) -> QByteArray {
        if (declared)
            return ScriptedHttpServer::response(200, big);
        return QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Connection: close\r\n\r\n") +
               big;
    });
    const Outcome o = waitFor(makeClient(server)->getUser());
    QCOMPARE(o.error.kind(), ApiError::Kind::TooLarge);
    QVERIFY(o.error.userMessage().contains(QLatin1String("too large")));
}

void TestApiClientFaults::perCallCapOverridesDefault()
{
    const QByteArray body = "{\"pad\":\"" + QByteArray(100 * 1024, 'b') + "\"}";
    ScriptedHttpServer server(
        [&](int, const QByteArray &) { return ScriptedHttpServer::response(200, body); });
    ApiRequest r;
    r.path = QStringLiteral("/big");
    r.maxBodyBytes = 1024 * 1024;
    ApiCall *call = makeClient(server)->send(r);
    QJsonDocument doc;
    connect(call, &ApiCall::finished, this, [&doc, call] { doc = call->document(); });
    const Outcome o = waitFor(call);
    QVERIFY2(!o.error.isError(), qPrintable(o.error.logString()));
    QCOMPARE(doc.object().value(QLatin1String("pad")).toString().size(), 100 * 1024);
}

void TestApiClientFaults::wrongContentTypeIsParseError()
{
    ScriptedHttpServer server([](int, const QByteArray &) {
        return ScriptedHttpServer::response(200, "<html>login</html>", {}, "text/html");
    });
    const Outcome o = waitFor(makeClient(server)->getUser());
    QCOMPARE(o.error.kind(), ApiError::Kind::Parse);
}

void TestApiClientFaults::malformedJsonIsParseError()
{
    ScriptedHttpServer server(
        [](int, const QByteArray &) { return ScriptedHttpServer::response(200, "{\"user_id\":"); });
    const Outcome o = waitFor(makeClient(server)->getUser());
    QCOMPARE(o.error.kind(), ApiError::Kind::Parse);
}

void TestApiClientFaults::wrongShapeIsParseError()
{
    ScriptedHttpServer server([](int, const QByteArray &) {
        return ScriptedHttpServer::response(200, R"({"user_id":{"nested":1}})");
    });
    const Outcome o = waitFor(makeClient(server)->getUser());
    QCOMPARE(o.error.kind(), ApiError::Kind::Parse);
    QVERIFY(o.error.message().contains(QLatin1String("user_id")));
}

void TestApiClientFaults::credentialOnlyInHeaders()
{
    ScriptedHttpServer server(
        [](int, const QByteArray &) { return ScriptedHttpServer::response(200, kUserJson); });
    ApiClient *client = makeClient(server);
    waitFor(client->getUser());
    client->setCredential(Credential::bearer("TOKEN-CANARY-123"));
    waitFor(client->listApiKeys(QStringLiteral("active"), 5, 10));
    QCOMPARE(server.requests().size(), 2);
    const QByteArray first = server.requests().at(0);
    const QByteArray requestLine = first.left(first.indexOf("\r\n"));
    QVERIFY(first.contains(QByteArray("\r\nx-api-key: " + kCanaryKey + "\r\n")));
    QVERIFY(!requestLine.contains("plx_sk_"));
    QVERIFY(!first.toLower().contains("authorization:"));
    const QByteArray second = server.requests().at(1);
    QVERIFY(second.startsWith("GET /auth/api-keys?status=active&limit=5&offset=10 HTTP/1.1"));
    QVERIFY(second.contains("\r\nAuthorization: Bearer TOKEN-CANARY-123\r\n"));
    QVERIFY(!second.toLower().contains("x-api-key"));
}

void TestApiClientFaults::noCredentialWhenUnauthenticated()
{
    ScriptedHttpServer server(
        [](int, const QByteArray &) { return ScriptedHttpServer::response(200, "{}"); });
    const Outcome o = waitFor(makeClient(server)->health());
    QVERIFY(!o.error.isError());
    QVERIFY(!server.requests().first().toLower().contains("x-api-key"));
}

void TestApiClientFaults::credentialInQueryRefused()
{
    ScriptedHttpServer server(
        [](int, const QByteArray &) { return ScriptedHttpServer::response(200, "{}"); });
    ApiRequest r;
    r.path = QStringLiteral("/models");
    r.query.addQueryItem(QStringLiteral("api_key"), QString::fromLatin1(kCanaryKey));
    const Outcome o = waitFor(makeClient(server)->send(r));
    QCOMPARE(o.error.kind(), ApiError::Kind::Refused);
    QCOMPARE(server.connections(), 0);
}

void TestApiClientFaults::absoluteUrlIsChecked()
{
    ScriptedHttpServer server(
        [](int, const QByteArray &) { return ScriptedHttpServer::response(200, R"({"a":1})"); });
    ApiClient *client = makeClient(server);
    ApiRequest r;
    r.absoluteUrl = QUrl(server.origin() + QStringLiteral("/oauth/token"));
    r.method = "POST";
    r.contentType = "application/x-www-form-urlencoded";
    r.body = "grant_type=refresh_token";
    r.authenticated = false;
    Outcome o = waitFor(client->send(r));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.logString()));
    QVERIFY(server.requests().first().startsWith("POST /oauth/token HTTP/1.1"));
    QVERIFY(server.requests().first().contains("application/x-www-form-urlencoded"));
    r.absoluteUrl = QUrl(QStringLiteral("http://idp.example.com/oauth/token"));
    o = waitFor(client->send(r));
    QCOMPARE(o.error.kind(), ApiError::Kind::Refused);
}

void TestApiClientFaults::plainHttpRefusedForRemoteHosts_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https remote") << "https://api.plexe.ai" << true;
    QTest::newRow("http remote") << "http://api.plexe.ai" << false;
    QTest::newRow("http private lan") << "http://192.168.1.5:8080" << false;
    QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:5000" << true;
    QTest::newRow("http 127.1.2.3") << "http://127.1.2.3:5000" << true;
    QTest::newRow("http ::1") << "http://[::1]:5000" << true;
    // By name, localhost can resolve anywhere (/etc/hosts): loopback only as an IP literal.
    QTest::newRow("http localhost") << "http://localhost:5000" << false;
    QTest::newRow("http LOCALHOST.") << "http://LOCALHOST.:5000" << false;
    QTest::newRow("http localhost.evil") << "http://localhost.evil.com" << false;
    QTest::newRow("http 127.evil") << "http://127.0.0.1.evil.com" << false;
    QTest::newRow("ftp") << "ftp://127.0.0.1" << false;
    QTest::newRow("userinfo") << "https://u:p@api.plexe.ai" << false;
}

void TestApiClientFaults::plainHttpRefusedForRemoteHosts()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(ApiClient::isAllowedUrl(QUrl(url)), allowed);
    if (allowed)
        return;
    ApiClient client(m_nam.get());
    ApiEndpoint ep;
    ep.baseUrl = QUrl(url);
    QVERIFY(!client.setEndpoint(ep));
    const Outcome o = waitFor(client.getUser());
    QCOMPARE(o.error.kind(), ApiError::Kind::Refused);
    QVERIFY(!o.error.userMessage().isEmpty());
}

void TestApiClientFaults::abortAllCancelsEverything()
{
    ScriptedHttpServer server; // stalls
    ApiClient *client = makeClient(server, 5000);
    auto a = std::make_shared<Outcome>();
    auto b = std::make_shared<Outcome>();
    ApiCall *ca = client->getUser();
    ApiCall *cb = client->listModels();
    connect(ca, &ApiCall::finished, this, [a, ca] {
        a->finished = true;
        a->error = ca->error();
    });
    connect(cb, &ApiCall::finished, this, [b, cb] {
        b->finished = true;
        b->error = cb->error();
    });
    QTRY_COMPARE(server.requests().size(), 2);
    QCOMPARE(client->callsInFlight(), 2);
    client->abortAll();
    QVERIFY(a->finished && b->finished); // synchronously, before abortAll() returns
    QCOMPARE(a->error.kind(), ApiError::Kind::Cancelled);
    QCOMPARE(b->error.kind(), ApiError::Kind::Cancelled);
    QCOMPARE(client->callsInFlight(), 0);
}

void TestApiClientFaults::connectionRefusedIsNetworkError()
{
    quint16 port = 0;
    {
        ScriptedHttpServer gone;
        port = gone.port();
    }
    ApiClient client(m_nam.get());
    ApiEndpoint ep;
    ep.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    QVERIFY(client.setEndpoint(ep));
    const Outcome o = waitFor(client.getUser());
    QCOMPARE(o.error.kind(), ApiError::Kind::Network);
}

void TestApiClientFaults::hstsIsOn()
{
    // D25: the client turns HSTS on for the manager it is given.
    QNetworkAccessManager nam;
    QVERIFY(!nam.isStrictTransportSecurityEnabled());
    ApiClient client(&nam);
    QVERIFY(nam.isStrictTransportSecurityEnabled());
}

void TestApiClientFaults::logHasNoSecrets()
{
    QLoggingCategory::setFilterRules(QStringLiteral("plexe.*=true"));
    g_log.clear();
    g_previous = qInstallMessageHandler(captureLog);
    ScriptedHttpServer server([](int index, const QByteArray &) {
        if (index == 0)
            return ScriptedHttpServer::response(
                401, R"({"error":{"code":"invalid_key","message":"bad key plx_sk_CANARYecho"}})");
        return ScriptedHttpServer::response(200, "{}");
    });
    ApiClient *client = makeClient(server);
    waitFor(client->getUser());
    ApiRequest r;
    r.path = QStringLiteral("/cb");
    r.query.addQueryItem(QStringLiteral("code"), QStringLiteral("CODECANARY"));
    r.query.addQueryItem(QStringLiteral("state"), QStringLiteral("STATECANARY"));
    waitFor(client->send(r));
    qInstallMessageHandler(g_previous);
    QLoggingCategory::setFilterRules(QString());
    const QString all = g_log.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("/auth/user")), qPrintable(all)); // it did log
    QVERIFY2(all.contains(QLatin1String("/cb")), qPrintable(all));
    for (const char *canary : {"CANARY", "CODECANARY", "STATECANARY"})
        QVERIFY2(!all.contains(QLatin1String(canary)), qPrintable(all));
}

QTEST_GUILESS_MAIN(TestApiClientFaults)
#include "tst_apiclient_faults.moc"
