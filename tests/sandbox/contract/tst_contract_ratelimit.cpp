// Contract §2 (key creation limit) and §4 (rate limits, 429 with Retry-After) against a live
// plexe-sandbox started with small limits.
#include "ContractChecks.h"
#include "ContractClient.h"
#include "SandboxProcess.h"

#include <QTest>

#include <memory>

using namespace plexe::test;

namespace {

constexpr int kRateLimit = 5;      // requests per minute per credential
constexpr int kKeyCreateLimit = 3; // key creations per hour per account

const QString kKeys = QStringLiteral("/auth/api-keys");

// A 429 rate_limit_exceeded in the error shape with Retry-After in whole seconds (1..max).
QString tooMany(const Reply &reply, int maxSeconds)
{
    const QString shape = checks::errorShape(reply, 429, QStringLiteral("rate_limit_exceeded"));
    if (!shape.isEmpty())
        return shape;
    const QString retryAfter = reply.header("Retry-After");
    bool numeric = false;
    const int seconds = retryAfter.toInt(&numeric);
    if (!numeric || retryAfter.trimmed() != retryAfter)
        return QStringLiteral("Retry-After is not a number of seconds: '%1'").arg(retryAfter);
    if (seconds < 1 || seconds > maxSeconds)
        return QStringLiteral("Retry-After %1 outside 1..%2").arg(seconds).arg(maxSeconds);
    return {};
}

} // namespace

// Rate limits per credential and the separate key-creation limit.
class TestContractRateLimit : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void requestLimitPerCredential();
    void limitedCredentialStaysLimited();
    void keyCreationLimitIsSeparate();
    void healthIsNotLimitedByAKey();

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<ContractClient> m_client;
    Credential m_admin;
};

void TestContractRateLimit::init()
{
    // A fresh server per test: counters start at zero.
    m_sandbox = std::make_unique<SandboxProcess>();
    SandboxProcess::Options options;
    options.rateLimit = kRateLimit;
    options.keyCreateLimit = kKeyCreateLimit;
    QVERIFY2(m_sandbox->start(options), qPrintable(m_sandbox->errorString()));
    m_client = std::make_unique<ContractClient>(*m_sandbox);
    m_admin = Credential::apiKey(m_sandbox->demoApiKey());
}

void TestContractRateLimit::cleanup()
{
    m_client.reset();
    m_sandbox.reset();
}

void TestContractRateLimit::requestLimitPerCredential()
{
    // Request 1 of the admin key creates a second key.
    const QJsonObject other = m_client->createKey(m_admin, QStringLiteral("second credential"));
    QVERIFY(!other.isEmpty());
    const Credential otherCred = Credential::apiKey(other.value(QLatin1String("key")).toString());

    // Requests 2..N pass, request N+1 is refused.
    for (int i = 2; i <= kRateLimit; ++i) {
        const Reply reply = m_client->get(QStringLiteral("/models"), m_admin);
        QVERIFY2(reply.status == 200, qPrintable(QStringLiteral("request %1: ").arg(i) +
                                                 QString::fromUtf8(reply.describe())));
    }
    const Reply refused = m_client->get(QStringLiteral("/models"), m_admin);
    const QString check = tooMany(refused, 60);
    QVERIFY2(check.isEmpty(),
             qPrintable(QStringLiteral("request %1: ").arg(kRateLimit + 1) + check));

    // The other key has its own budget, also when sent as a Bearer token.
    const Reply fine = m_client->get(QStringLiteral("/models"), otherCred);
    QVERIFY2(fine.status == 200, fine.describe().constData());
    const Reply bearer =
        m_client->get(QStringLiteral("/auth/user"),
                      Credential::bearer(other.value(QLatin1String("key")).toString()));
    QVERIFY2(bearer.status == 200, bearer.describe().constData());
}

void TestContractRateLimit::limitedCredentialStaysLimited()
{
    for (int i = 1; i <= kRateLimit; ++i)
        QCOMPARE(m_client->get(QStringLiteral("/models"), m_admin).status, 200);
    // Every route and method is refused for the rest of the window, and the same key sent in the
    // other header is the same credential.
    const QString paths[] = {QStringLiteral("/models"), kKeys, QStringLiteral("/auth/user")};
    for (const QString &path : paths) {
        const QString check = tooMany(m_client->get(path, m_admin), 60);
        QVERIFY2(check.isEmpty(), qPrintable(path + QStringLiteral(": ") + check));
    }
    const QString asBearer = tooMany(
        m_client->get(QStringLiteral("/models"), Credential::bearer(m_sandbox->demoApiKey())), 60);
    QVERIFY2(asBearer.isEmpty(), qPrintable(QStringLiteral("Bearer: ") + asBearer));
    const Reply create =
        m_client->postJson(kKeys, m_admin,
                           {{QStringLiteral("name"), QStringLiteral("late")},
                            {QStringLiteral("permission_level"), QStringLiteral("read_only")}});
    const QString check = tooMany(create, 3600);
    QVERIFY2(check.isEmpty(), qPrintable(QStringLiteral("POST: ") + check));
}

void TestContractRateLimit::keyCreationLimitIsSeparate()
{
    // Creations 1..3 of the account pass (3 requests of the admin key).
    QList<QJsonObject> created;
    for (int i = 1; i <= kKeyCreateLimit; ++i) {
        const Reply reply = m_client->postJson(
            kKeys, m_admin,
            {{QStringLiteral("name"), QStringLiteral("k%1").arg(i)},
             {QStringLiteral("permission_level"), QStringLiteral("read_write")}});
        QVERIFY2(reply.status == 200, qPrintable(QStringLiteral("creation %1: ").arg(i) +
                                                 QString::fromUtf8(reply.describe())));
        created << reply.object();
    }
    // Creation 4 is refused (request 4 of the admin key, within its request budget of 5)...
    const Reply refused =
        m_client->postJson(kKeys, m_admin,
                           {{QStringLiteral("name"), QStringLiteral("k4")},
                            {QStringLiteral("permission_level"), QStringLiteral("read_only")}});
    QString check = tooMany(refused, 3600);
    QVERIFY2(check.isEmpty(), qPrintable(QStringLiteral("creation 4: ") + check));

    // ...for the whole account, whichever key asks...
    const Credential other =
        Credential::apiKey(created.first().value(QLatin1String("key")).toString());
    const Reply viaOther =
        m_client->postJson(kKeys, other,
                           {{QStringLiteral("name"), QStringLiteral("k5")},
                            {QStringLiteral("permission_level"), QStringLiteral("read_only")}});
    check = tooMany(viaOther, 3600);
    QVERIFY2(check.isEmpty(), qPrintable(QStringLiteral("creation via another key: ") + check));

    // ...while other requests of the same key still pass: the limits are separate.
    const Reply read = m_client->get(QStringLiteral("/models"), m_admin);
    QVERIFY2(read.status == 200, read.describe().constData());
    const Reply patch = m_client->patchJson(
        kKeys + u'/' + created.last().value(QLatin1String("key_id")).toVariant().toString(), other,
        {{QStringLiteral("name"), QStringLiteral("renamed")}});
    QVERIFY2(patch.status == 200, patch.describe().constData());

    // Nothing was created by the refused requests.
    const Reply list = m_client->get(kKeys + QStringLiteral("?limit=100"), other);
    QVERIFY2(list.status == 200, list.describe().constData());
    for (const QJsonValue &k : list.object().value(QLatin1String("keys")).toArray()) {
        const QString name = k.toObject().value(QLatin1String("name")).toString();
        QVERIFY2(name != QStringLiteral("k4") && name != QStringLiteral("k5"),
                 "a refused creation created a key");
    }
}

void TestContractRateLimit::healthIsNotLimitedByAKey()
{
    for (int i = 0; i <= kRateLimit; ++i)
        m_client->get(QStringLiteral("/models"), m_admin);
    QCOMPARE(m_client->get(QStringLiteral("/models"), m_admin).status, 429);
    const Reply health = m_client->get(QStringLiteral("/health"), Credential::none());
    QVERIFY2(health.status == 200, health.describe().constData());
}

QTEST_GUILESS_MAIN(TestContractRateLimit)
#include "tst_contract_ratelimit.moc"
