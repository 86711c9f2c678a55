// Contract §5 step-up against a live plexe-sandbox: key create/revoke/patch with a session whose
// sign-in is older than 10 minutes is 403 reauthentication_required; POST /auth/reauthenticate
// gives a fresh session; API keys are never asked. The clock moves with --clock-offset-file.
#include "ContractChecks.h"
#include "ContractClient.h"
#include "SandboxProcess.h"
#include "SignInSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace plexe::test;
using namespace plexe::test::signin;

class TestContractStepUp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void freshSessionMayChangeKeys();
    void oldSessionIsAskedToReauthenticate();
    void reauthenticateThenRetry();
    void reauthenticateWrongPassword();
    void reauthenticateNeedsASession();
    void apiKeyIsNotAsked();
    void pathVariantsAreNoBypass();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerClock> m_clock;
    SandboxProcess m_sandbox;
    std::unique_ptr<ContractClient> m_client;
    Credential m_apiKey;
};

void TestContractStepUp::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_clock = std::make_unique<ServerClock>(m_dir.filePath(QStringLiteral("offset")));
    SandboxProcess::Options options;
    options.extraServeArgs = m_clock->serveArgs();
    QVERIFY2(m_sandbox.start(options), qPrintable(m_sandbox.errorString()));
    m_client = std::make_unique<ContractClient>(m_sandbox);
    m_apiKey = Credential::apiKey(m_sandbox.demoApiKey());
}

void TestContractStepUp::init()
{
    QVERIFY(m_clock->set(0));
}

static Credential sessionOf(const Reply &reply)
{
    return Credential::bearer(reply.object().value(QLatin1String("access_token")).toString());
}

static QJsonObject keyBody(const QString &name)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("permission_level"), QStringLiteral("read_only")}};
}

void TestContractStepUp::freshSessionMayChangeKeys()
{
    const Credential session =
        sessionOf(login(*m_client, m_sandbox.demoEmail(), m_sandbox.demoPassword()));
    QVERIFY(m_clock->set(590)); // just under 10 minutes (with slack for a second boundary)
    const Reply created = m_client->postJson(QStringLiteral("/auth/api-keys"), session,
                                             keyBody(QStringLiteral("fresh")));
    QVERIFY2(created.status == 200, created.describe().constData());
    const QString id = field(created, "key_id");
    QCOMPARE(m_client
                 ->patchJson(QStringLiteral("/auth/api-keys/") + id, session,
                             {{QStringLiteral("name"), QStringLiteral("fresh 2")}})
                 .status,
             200);
    QCOMPARE(m_client->del(QStringLiteral("/auth/api-keys/") + id, session).status, 200);
}

void TestContractStepUp::oldSessionIsAskedToReauthenticate()
{
    const Credential session =
        sessionOf(login(*m_client, m_sandbox.demoEmail(), m_sandbox.demoPassword()));
    const QString id = field(m_client->postJson(QStringLiteral("/auth/api-keys"), m_apiKey,
                                                keyBody(QStringLiteral("target"))),
                             "key_id");
    QVERIFY(!id.isEmpty());
    QVERIFY(m_clock->set(601));
    const Reply create = m_client->postJson(QStringLiteral("/auth/api-keys"), session,
                                            keyBody(QStringLiteral("late")));
    QString msg = checks::errorShape(create, 403, QStringLiteral("reauthentication_required"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    const Reply patch = m_client->patchJson(QStringLiteral("/auth/api-keys/") + id, session,
                                            {{QStringLiteral("expiration_days"), 5}});
    msg = checks::errorShape(patch, 403, QStringLiteral("reauthentication_required"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    const Reply revoke = m_client->del(QStringLiteral("/auth/api-keys/") + id, session);
    msg = checks::errorShape(revoke, 403, QStringLiteral("reauthentication_required"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    // Nothing changed, and reading is still allowed.
    const Reply item = m_client->get(QStringLiteral("/auth/api-keys/") + id, session);
    QCOMPARE(item.status, 200);
    QCOMPARE(field(item, "status"), QStringLiteral("active"));
    QCOMPARE(item.object().value(QLatin1String("expires_at")), QJsonValue(QJsonValue::Null));
}

void TestContractStepUp::reauthenticateThenRetry()
{
    const Credential session =
        sessionOf(login(*m_client, m_sandbox.demoEmail(), m_sandbox.demoPassword()));
    QVERIFY(m_clock->set(700));
    QCOMPARE(
        m_client->postJson(QStringLiteral("/auth/api-keys"), session, keyBody(QStringLiteral("a")))
            .status,
        403);
    const Reply reauth =
        m_client->postJson(QStringLiteral("/auth/reauthenticate"), session,
                           {{QStringLiteral("password"), m_sandbox.demoPassword()}});
    QVERIFY2(reauth.status == 200, reauth.describe().constData());
    const qint64 authTime = qint64(reauth.object().value(QLatin1String("auth_time")).toDouble());
    QVERIFY(qAbs(authTime - (QDateTime::currentSecsSinceEpoch() + 700)) < 30);
    QVERIFY(field(reauth, "refresh_token").startsWith(QLatin1String("plx_rt_")));
    const QJsonArray logged =
        events(*m_client, sessionOf(reauth), QStringLiteral("auth.reauthenticate"));
    QVERIFY(!logged.isEmpty());
    const QString msg =
        checkEvent(logged.at(0), QStringLiteral("auth.reauthenticate"), QStringLiteral("success"),
                   QStringLiteral("/auth/reauthenticate"), 200);
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    const Reply retried = m_client->postJson(QStringLiteral("/auth/api-keys"), sessionOf(reauth),
                                             keyBody(QStringLiteral("after step-up")));
    QVERIFY2(retried.status == 200, retried.describe().constData());
}

void TestContractStepUp::reauthenticateWrongPassword()
{
    const Credential session =
        sessionOf(login(*m_client, m_sandbox.demoEmail(), m_sandbox.demoPassword()));
    const Reply reply =
        m_client->postJson(QStringLiteral("/auth/reauthenticate"), session,
                           {{QStringLiteral("password"), QStringLiteral("nope-nope")}});
    const QString msg = checks::errorShape(reply, 401, QStringLiteral("invalid_credentials"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    QVERIFY(!reply.object().contains(QLatin1String("access_token")));
}

void TestContractStepUp::reauthenticateNeedsASession()
{
    const Reply none =
        m_client->postJson(QStringLiteral("/auth/reauthenticate"), Credential::none(),
                           {{QStringLiteral("password"), m_sandbox.demoPassword()}});
    QCOMPARE(none.status, 401);
    const Reply key = m_client->postJson(QStringLiteral("/auth/reauthenticate"), m_apiKey,
                                         {{QStringLiteral("password"), m_sandbox.demoPassword()}});
    QCOMPARE(key.status, 403);
}

void TestContractStepUp::apiKeyIsNotAsked()
{
    QVERIFY(m_clock->set(86400));
    const Reply created = m_client->postJson(QStringLiteral("/auth/api-keys"), m_apiKey,
                                             keyBody(QStringLiteral("by key")));
    QVERIFY2(created.status == 200, created.describe().constData());
    QCOMPARE(m_client->del(QStringLiteral("/auth/api-keys/") + field(created, "key_id"), m_apiKey)
                 .status,
             200);
}

// Issue 8 defect 1: the router used to drop empty path segments while the step-up rule looked
// at the path text, so `//auth/api-keys` changed keys with an old session. Every variant of every
// key-changing route must either be refused as a path (404/400) or asked to re-authenticate;
// never may it change a key.
void TestContractStepUp::pathVariantsAreNoBypass()
{
    const Credential session =
        sessionOf(login(*m_client, m_sandbox.demoEmail(), m_sandbox.demoPassword()));
    const QString id = field(m_client->postJson(QStringLiteral("/auth/api-keys"), m_apiKey,
                                                keyBody(QStringLiteral("variant target"))),
                             "key_id");
    QVERIFY(!id.isEmpty());
    QVERIFY(m_clock->set(601));
    const QStringList collection{
        QStringLiteral("//auth/api-keys"),     QStringLiteral("/auth//api-keys"),
        QStringLiteral("/auth/api-keys/"),     QStringLiteral("/auth/api-keys//"),
        QStringLiteral("///auth///api-keys"),  QStringLiteral("/auth%2Fapi-keys"),
        QStringLiteral("/auth%2fapi-keys"),    QStringLiteral("/auth/%61pi-keys"),
        QStringLiteral("/auth/api-keys?x=1"),  QStringLiteral("/auth/./api-keys"),
        QStringLiteral("/auth/x/../api-keys"),
    };
    QStringList item;
    for (const QString &prefix : collection) {
        const QString base = prefix.section(QLatin1Char('?'), 0, 0);
        item << base + QLatin1Char('/') + id << base + QStringLiteral("//") + id;
    }
    item << QStringLiteral("/auth/api-keys/") + id + QLatin1Char('/')
         << QStringLiteral("/auth/api-keys%2F") + id;
    const QByteArray body = QJsonDocument(keyBody(QStringLiteral("minted"))).toJson();
    const QByteArray patch =
        QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("renamed")}}).toJson();
    auto refused = [](const Reply &reply) {
        return reply.status == 404 || reply.status == 400 ||
               (reply.status == 403 &&
                reply.errorCode() == QLatin1String("reauthentication_required"));
    };
    for (const QString &path : collection) {
        const Reply reply = m_client->send(QStringLiteral("POST"), path, session, body);
        QVERIFY2(refused(reply),
                 qPrintable(path + QLatin1Char(' ') + QString::fromUtf8(reply.describe())));
    }
    for (const QString &path : item) {
        const Reply p = m_client->send(QStringLiteral("PATCH"), path, session, patch);
        QVERIFY2(refused(p),
                 qPrintable(QStringLiteral("PATCH ") + path + QString::fromUtf8(p.describe())));
        const Reply d = m_client->send(QStringLiteral("DELETE"), path, session);
        QVERIFY2(refused(d),
                 qPrintable(QStringLiteral("DELETE ") + path + QString::fromUtf8(d.describe())));
    }
    // Nothing changed: no key was minted and the target keeps its name and status.
    const Reply list = m_client->get(QStringLiteral("/auth/api-keys?limit=100"), m_apiKey);
    QVERIFY(!list.body.contains("minted"));
    const Reply target = m_client->get(QStringLiteral("/auth/api-keys/") + id, m_apiKey);
    QCOMPARE(field(target, "status"), QStringLiteral("active"));
    QCOMPARE(field(target, "name"), QStringLiteral("variant target"));
    // Canonical paths still work, and non-canonical ones are refused for API keys too.
    QCOMPARE(m_client->get(QStringLiteral("//models"), m_apiKey).status, 404);
    QCOMPARE(m_client->get(QStringLiteral("/models/"), m_apiKey).status, 404);
    QCOMPARE(m_client->get(QStringLiteral("/models"), m_apiKey).status, 200);
}

QTEST_GUILESS_MAIN(TestContractStepUp)
#include "tst_contract_stepup.moc"
