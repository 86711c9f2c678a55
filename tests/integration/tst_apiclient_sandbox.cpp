// ApiClient against a real plexe-sandbox over TLS: API-key auth, the key and model routes,
// distinct key errors without retries, read-only 403, 429 waits for one request only, and TLS
// failures (no CA, expired and wrong-host certificates) that send nothing.
#include "SandboxProcess.h"
#include "api/ApiClient.h"
#include "api/ApiKey.h"
#include "api/Model.h"
#include "api/User.h"

#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <any>

using namespace plexe;
using plexe::test::SandboxProcess;

namespace {

// What a finished call left behind (the call deletes itself after finished()).
struct Outcome
{
    bool finished = false;
    ApiError error;
    int attempts = 0;
    int retries = 0;
    QList<QDateTime> rateLimited;
    std::any result;
    QDateTime finishedAt;
};

template <typename T> std::shared_ptr<Outcome> watch(ApiCall *call)
{
    auto out = std::make_shared<Outcome>();
    QObject::connect(call, &ApiCall::rateLimited, call,
                     [out](const QDateTime &d) { out->rateLimited << d; });
    QObject::connect(call, &ApiCall::retrying, call, [out](int, qint64) { ++out->retries; });
    QObject::connect(call, &ApiCall::finished, call, [out, call] {
        out->finished = true;
        out->finishedAt = QDateTime::currentDateTimeUtc();
        out->error = call->error();
        out->attempts = call->attempts();
        if (const T *value = call->result<T>())
            out->result = *value;
    });
    return out;
}

template <typename T> Outcome run(ApiCall *call, int timeoutMs = 5000)
{
    auto out = watch<T>(call);
    if (!QTest::qWaitFor([&] { return out->finished; }, timeoutMs))
        qWarning("call did not finish within %d ms", timeoutMs);
    return *out;
}

template <typename T> const T &value(const Outcome &o)
{
    static const T empty{};
    const T *v = std::any_cast<T>(&o.result);
    return v ? *v : empty;
}

} // namespace

class TestApiClientSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void health();
    void getUserWithApiKey();
    void keyLifecycle();
    void models();
    void modelDetailsAndStatus();
    void keyErrorsAreDistinctAndNotRetried();
    void readOnlyKeyGets403WithoutRetry();
    void rateLimitWaitsForThatRequestOnly();
    void noCaIsTlsErrorAndSendsNothing();
    void badCertificates_data();
    void badCertificates();

private:
    std::unique_ptr<ApiClient> client(const SandboxProcess &sandbox, bool trustCa = true,
                                      const QByteArray &key = {});

    QNetworkAccessManager m_nam;
    SandboxProcess m_sandbox;
};

std::unique_ptr<ApiClient> TestApiClientSandbox::client(const SandboxProcess &sandbox, bool trustCa,
                                                        const QByteArray &key)
{
    auto c = std::make_unique<ApiClient>(&m_nam);
    ApiEndpoint ep;
    ep.baseUrl = sandbox.baseUrl();
    if (trustCa)
        ep.extraCaFile = sandbox.caPath();
    ep.transferTimeoutMs = 5000;
    QString error;
    if (!c->setEndpoint(ep, &error))
        qFatal("endpoint: %s", qPrintable(error));
    ApiClient::RetryPolicy policy;
    policy.timeScale = 0.01;
    c->setRetryPolicy(policy);
    c->setCredential(Credential::apiKey(key.isEmpty() ? sandbox.demoApiKey().toLatin1() : key));
    return c;
}

void TestApiClientSandbox::initTestCase()
{
    SandboxProcess::Options options;
    options.rateLimit = 0;
    QVERIFY2(m_sandbox.start(options), qPrintable(m_sandbox.errorString()));
    QCOMPARE(m_sandbox.baseUrl().scheme(), QStringLiteral("https"));
    QVERIFY(!m_sandbox.demoApiKey().isEmpty());
}

void TestApiClientSandbox::health()
{
    auto c = client(m_sandbox);
    c->clearCredential();
    const Outcome o = run<int>(c->health());
    QVERIFY2(!o.error.isError(), qPrintable(o.error.logString()));
}

void TestApiClientSandbox::getUserWithApiKey()
{
    auto c = client(m_sandbox);
    const Outcome o = run<User>(c->getUser());
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    const User &u = value<User>(o);
    QCOMPARE(u.email, m_sandbox.demoEmail());
    QVERIFY(!u.userId.isEmpty());
    QVERIFY(u.isActive.value_or(false));
}

void TestApiClientSandbox::keyLifecycle()
{
    auto c = client(m_sandbox);
    // List: the demo key is there, shown only by prefix and suffix.
    Outcome o = run<ApiKeyPage>(c->listApiKeys(QStringLiteral("active"), 100, 0));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    const ApiKeyPage page = value<ApiKeyPage>(o);
    QVERIFY(page.pagination.present);
    const QString demo = m_sandbox.demoApiKey();
    bool found = false;
    for (const ApiKey &k : page.keys) {
        QCOMPARE(k.status, QStringLiteral("active"));
        if (k.maskedKey() == demo.left(11) + QChar(0x2026) + demo.right(4))
            found = true;
    }
    QVERIFY(found);

    // Create, then check the new key works with a GET (the rotation recipe's verification).
    o = run<CreatedApiKey>(
        c->createApiKey(QStringLiteral("ci-test"), QStringLiteral("read_only"), 30));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    CreatedApiKey created = value<CreatedApiKey>(o);
    QVERIFY(created.key.startsWith("plx_sk_"));
    QVERIFY(created.key.size() >= 47);
    QCOMPARE(created.info.permissionLevel, QStringLiteral("read_only"));
    QVERIFY(created.info.expiresAt.isValid());
    const QString id = created.info.keyId;
    o = run<User>(c->getUserWith(Credential::apiKey(created.key)));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));

    // Get with usage stats.
    o = run<ApiKey>(c->getApiKey(id));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    QCOMPARE(value<ApiKey>(o).name, QStringLiteral("ci-test"));
    QVERIFY(value<ApiKey>(o).usage.has_value());

    // Patch name and expiry.
    const QDateTime oldExpiry = created.info.expiresAt;
    o = run<ApiKey>(c->updateApiKey(id, QStringLiteral("ci-renamed"), 90));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    QCOMPARE(value<ApiKey>(o).name, QStringLiteral("ci-renamed"));
    QVERIFY(value<ApiKey>(o).expiresAt > oldExpiry);
    QCOMPARE(value<ApiKey>(o).permissionLevel, QStringLiteral("read_only"));

    // Revoke: permanent and immediate.
    o = run<RevokedApiKey>(c->revokeApiKey(id));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    QCOMPARE(value<RevokedApiKey>(o).status, QStringLiteral("revoked"));
    o = run<User>(c->getUserWith(Credential::apiKey(created.key)));
    QCOMPARE(o.error.code(), QStringLiteral("revoked_key"));
    o = run<ApiKeyPage>(c->listApiKeys(QStringLiteral("revoked"), 100, 0));
    bool listed = false;
    for (const ApiKey &k : value<ApiKeyPage>(o).keys)
        listed = listed || k.keyId == id;
    QVERIFY(listed);
    created.wipe();
    QVERIFY(created.key.isEmpty());

    // Unknown id: 404 with a message.
    o = run<ApiKey>(c->getApiKey(QStringLiteral("key_does/not exist")));
    QCOMPARE(o.error.httpStatus(), 404);
    QVERIFY(!o.error.userMessage().isEmpty());
}

void TestApiClientSandbox::models()
{
    auto c = client(m_sandbox);
    Outcome o = run<ModelPage>(c->listModels(5, 0));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    ModelPage page = value<ModelPage>(o);
    QCOMPARE(page.models.size(), 5);
    QCOMPARE(page.pagination.total, 12);
    QVERIFY(page.pagination.hasMore);
    o = run<ModelPage>(c->listModels(100, 0, {}, QStringLiteral("name"), QStringLiteral("asc")));
    page = value<ModelPage>(o);
    QCOMPARE(page.models.size(), 12);
    for (int i = 1; i < page.models.size(); ++i)
        QVERIFY(page.models.at(i - 1).name.compare(page.models.at(i).name, Qt::CaseInsensitive) <=
                0);
    QSet<ModelState> states;
    for (const Model &m : page.models) {
        QVERIFY(!m.modelName.isEmpty());
        states.insert(m.state);
    }
    QVERIFY2(states.size() >= 3, "the demo seeds models in every status");
    QVERIFY(!states.contains(ModelState::Unknown));
}

void TestApiClientSandbox::modelDetailsAndStatus()
{
    auto c = client(m_sandbox);
    Outcome o = run<ModelPage>(c->listModels(1, 0));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    const Model first = value<ModelPage>(o).models.value(0);
    o = run<ModelDetails>(c->getModel(first.modelName));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    QCOMPARE(value<ModelDetails>(o).model.modelName, first.modelName);
    o = run<ModelStatus>(c->getModelStatus(first.modelName, first.modelVersion));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    QCOMPARE(value<ModelStatus>(o).modelName, first.modelName);
    QCOMPARE(value<ModelStatus>(o).state, first.state);
    o = run<ModelDetails>(c->getModel(QStringLiteral("no-such-model")));
    QCOMPARE(o.error.httpStatus(), 404);
}

void TestApiClientSandbox::keyErrorsAreDistinctAndNotRetried()
{
    const struct
    {
        QByteArray key;
        const char *code;
    } cases[] = {
        {"plx_sk_thisKeyDoesNotExistAtAllxxxxxxxxxxxxxxxxxxxxxxxxx", "invalid_key"},
        {m_sandbox.seedValue(QStringLiteral("expired_api_key")).toLatin1(), "expired_key"},
        {m_sandbox.seedValue(QStringLiteral("revoked_api_key")).toLatin1(), "revoked_key"},
    };
    QSet<QString> messages;
    for (const auto &c : cases) {
        QVERIFY(!c.key.isEmpty());
        auto api = client(m_sandbox, true, c.key);
        const Outcome o = run<User>(api->getUser());
        QCOMPARE(o.error.httpStatus(), 401);
        QCOMPARE(o.error.code(), QString::fromLatin1(c.code));
        QCOMPARE(o.attempts, 1);
        QCOMPARE(o.retries, 0);
        QVERIFY(!o.error.requestId().isEmpty());
        messages.insert(o.error.userMessage());
    }
    QCOMPARE(messages.size(), 3);
    QVERIFY(messages.contains(QStringLiteral("This API key is not valid.")));
    QVERIFY(messages.contains(QStringLiteral("This API key was revoked.")));
    bool expired = false;
    for (const QString &m : messages)
        expired = expired || m.startsWith(QLatin1String("This API key expired on "));
    QVERIFY2(expired, qPrintable(QStringList(messages.values()).join(QLatin1Char('|'))));
}

void TestApiClientSandbox::readOnlyKeyGets403WithoutRetry()
{
    const QByteArray key = m_sandbox.seedValue(QStringLiteral("read_only_api_key")).toLatin1();
    QVERIFY(!key.isEmpty());
    auto api = client(m_sandbox, true, key);
    Outcome o =
        run<CreatedApiKey>(api->createApiKey(QStringLiteral("nope"), QStringLiteral("read_only")));
    QCOMPARE(o.error.httpStatus(), 403);
    QCOMPARE(o.error.code(), QStringLiteral("insufficient_permissions"));
    QVERIFY(o.error.isPermissionDenied());
    QCOMPARE(o.attempts, 1);
    o = run<ApiKeyPage>(api->listApiKeys());
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage())); // reading is fine
}

void TestApiClientSandbox::rateLimitWaitsForThatRequestOnly()
{
    SandboxProcess limited;
    SandboxProcess::Options options;
    options.rateLimit = 3; // per minute per credential
    QVERIFY2(limited.start(options), qPrintable(limited.errorString()));
    auto api = client(limited);
    for (int i = 0; i < 3; ++i) {
        const Outcome o = run<User>(api->getUser());
        QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    }
    // The 4th is limited: the call reports the deadline and waits (unscaled here, so it is
    // certainly still waiting while the other credential's request runs).
    ApiClient::RetryPolicy policy = api->retryPolicy();
    policy.timeScale = 1.0;
    api->setRetryPolicy(policy);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QPointer<ApiCall> waiting = api->getUser();
    auto limitedCall = watch<User>(waiting);
    QTRY_COMPARE_WITH_TIMEOUT(limitedCall->rateLimited.size(), 1, 2000);
    const qint64 ahead = before.msecsTo(limitedCall->rateLimited.first());
    QVERIFY2(ahead >= 1000 && ahead <= 61000, QByteArray::number(ahead));
    QVERIFY(!limitedCall->finished);

    // Another credential is not held up by that wait.
    auto other =
        client(limited, true, limited.seedValue(QStringLiteral("read_only_api_key")).toLatin1());
    Outcome o = run<User>(other->getUser());
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    QVERIFY(!limitedCall->finished);
    QVERIFY(waiting);
    waiting->abort(); // e.g. the user closed the pane during the countdown
    QVERIFY(limitedCall->finished);
    QCOMPARE(limitedCall->error.kind(), ApiError::Kind::Cancelled);
    QCOMPARE(limitedCall->attempts, 1);

    // Scaled down, the call waits and tries once more; the window has not really passed, so it
    // ends with a 429 that carries the deadline for the countdown.
    policy.timeScale = 0.001;
    api->setRetryPolicy(policy);
    o = run<User>(api->getUser());
    QCOMPARE(o.error.httpStatus(), 429);
    QCOMPARE(o.error.code(), QStringLiteral("rate_limit_exceeded"));
    QCOMPARE(o.rateLimited.size(), 1);
    QCOMPARE(o.attempts, 2);
    QVERIFY(o.error.retryAfter().isValid());
    QVERIFY(o.error.userMessage().contains(QLatin1String("Try again in")));
}

void TestApiClientSandbox::noCaIsTlsErrorAndSendsNothing()
{
    // A fresh key that has never been used: if any request reached the server with it,
    // its last_used_at would be set.
    auto trusted = client(m_sandbox);
    Outcome o = run<CreatedApiKey>(
        trusted->createApiKey(QStringLiteral("tls-probe"), QStringLiteral("read_only")));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    CreatedApiKey probe = value<CreatedApiKey>(o);

    auto untrusted = client(m_sandbox, false, probe.key);
    o = run<User>(untrusted->getUser());
    QCOMPARE(o.error.kind(), ApiError::Kind::Tls);
    QCOMPARE(o.attempts, 1);
    QVERIFY(o.error.userMessage().contains(QLatin1String("Nothing was sent")));

    // Switching back (a profile switch) must not reuse the failed, untrusting connection.
    QVERIFY(trusted->setEndpoint(trusted->endpoint()));
    o = run<ApiKey>(trusted->getApiKey(probe.info.keyId));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    QVERIFY2(!value<ApiKey>(o).lastUsedAt.isValid(), "a request reached the server");
    run<RevokedApiKey>(trusted->revokeApiKey(probe.info.keyId));
    probe.wipe();
}

void TestApiClientSandbox::badCertificates_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("expired") << "expired";
    QTest::newRow("wrong-host") << "wrong-host";
}

void TestApiClientSandbox::badCertificates()
{
    QFETCH(QString, kind);
    // The same data folder served first with a good certificate, to make a probe key that has
    // never been used, then with the bad one, then with a good one again to read the key back:
    // had any request reached the server with it, its last_used_at would be set.
    SandboxProcess bad;
    SandboxProcess::Options good;
    good.extraServeArgs = {QStringLiteral("--tls-test-cert"), QStringLiteral("valid")};
    QVERIFY2(bad.start(good), qPrintable(bad.errorString()));
    CreatedApiKey probe;
    {
        auto trusted = client(bad);
        const Outcome o = run<CreatedApiKey>(
            trusted->createApiKey(QStringLiteral("tls-probe"), QStringLiteral("read_only")));
        QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
        probe = value<CreatedApiKey>(o);
    }
    bad.stop();

    SandboxProcess::Options options;
    options.extraServeArgs = {QStringLiteral("--tls-test-cert"), kind};
    QVERIFY2(bad.start(options), qPrintable(bad.errorString()));
    {
        // Trusts the right CA: only the certificate itself is wrong.
        auto api = client(bad, true, probe.key);
        const Outcome o = run<User>(api->getUser());
        QCOMPARE(o.error.kind(), ApiError::Kind::Tls);
        QCOMPARE(o.attempts, 1);
        QVERIFY(o.error.userMessage().contains(QLatin1String("Nothing was sent")));
    }
    bad.stop();

    QVERIFY2(bad.start(good), qPrintable(bad.errorString()));
    auto trusted = client(bad);
    const Outcome o = run<ApiKey>(trusted->getApiKey(probe.info.keyId));
    QVERIFY2(!o.error.isError(), qPrintable(o.error.userMessage()));
    QCOMPARE(value<ApiKey>(o).keyId, probe.info.keyId);
    QVERIFY2(!value<ApiKey>(o).lastUsedAt.isValid(), "a request reached the server");
    probe.wipe();
}

QTEST_GUILESS_MAIN(TestApiClientSandbox)
#include "tst_apiclient_sandbox.moc"
