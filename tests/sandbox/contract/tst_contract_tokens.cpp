// Contract §5 tokens against a live plexe-sandbox: POST /oauth/token with refresh_token
// (rotation, reuse detection that kills the whole family), POST /oauth/revoke (RFC 7009), and
// the lifetimes of access and refresh tokens (moved with `serve --clock-offset-file`).
#include "ContractChecks.h"
#include "ContractClient.h"
#include "SandboxProcess.h"
#include "SignInSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace plexe::test;
using namespace plexe::test::signin;

class TestContractTokens : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void refreshRotates();
    void reusedRefreshTokenKillsTheWholeFamily();
    void otherSessionsSurviveReuse();
    void revokeRefreshTokenEndsTheSession();
    void revokeAccessToken();
    void revokeAlwaysAnswers200();
    void tokenRequestErrors();
    void refreshAndLogoutEventsAreLogged();
    void accessTokenExpires();  // moves the clock
    void refreshTokenExpires(); // moves the clock further

private:
    QJsonObject signIn();

    QTemporaryDir m_dir;
    std::unique_ptr<ServerClock> m_clock;
    SandboxProcess m_sandbox;
    std::unique_ptr<ContractClient> m_client;
};

void TestContractTokens::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_clock = std::make_unique<ServerClock>(m_dir.filePath(QStringLiteral("offset")));
    SandboxProcess::Options options;
    // Short, configured lifetimes: 60 s access tokens, 1-day refresh tokens.
    options.extraServeArgs =
        m_clock->serveArgs() +
        QStringList{QStringLiteral("--access-token-seconds"), QStringLiteral("60"),
                    QStringLiteral("--refresh-token-days"), QStringLiteral("1")};
    QVERIFY2(m_sandbox.start(options), qPrintable(m_sandbox.errorString()));
    m_client = std::make_unique<ContractClient>(m_sandbox);
}

QJsonObject TestContractTokens::signIn()
{
    const Reply reply = login(*m_client, m_sandbox.demoEmail(), m_sandbox.demoPassword());
    return reply.status == 200 ? reply.object() : QJsonObject();
}

static Credential bearerOf(const QJsonObject &tokens)
{
    return Credential::bearer(tokens.value(QLatin1String("access_token")).toString());
}

static QString refreshOf(const QJsonObject &tokens)
{
    return tokens.value(QLatin1String("refresh_token")).toString();
}

void TestContractTokens::refreshRotates()
{
    const QJsonObject first = signIn();
    QCOMPARE(first.value(QLatin1String("expires_in")).toInt(), 60);
    const Reply rotated = refresh(*m_client, refreshOf(first));
    QVERIFY2(rotated.status == 200, rotated.describe().constData());
    QCOMPARE(rotated.header("Cache-Control"), QStringLiteral("no-store"));
    const QJsonObject second = rotated.object();
    QVERIFY(refreshOf(second).startsWith(QLatin1String("plx_rt_")));
    QVERIFY(refreshOf(second) != refreshOf(first));
    QVERIFY(second.value(QLatin1String("access_token")) !=
            first.value(QLatin1String("access_token")));
    // A refresh is not a new sign-in: auth_time stays.
    QCOMPARE(second.value(QLatin1String("auth_time")), first.value(QLatin1String("auth_time")));
    QCOMPARE(m_client->get(QStringLiteral("/models"), bearerOf(second)).status, 200);
    // The successor rotates again.
    QCOMPARE(refresh(*m_client, refreshOf(second)).status, 200);
}

void TestContractTokens::reusedRefreshTokenKillsTheWholeFamily()
{
    const QJsonObject first = signIn();
    const QJsonObject second = refresh(*m_client, refreshOf(first)).object();
    const QJsonObject third = refresh(*m_client, refreshOf(second)).object();
    QVERIFY(!refreshOf(third).isEmpty());
    QCOMPARE(m_client->get(QStringLiteral("/models"), bearerOf(third)).status, 200);

    // The first token shows up again: someone holds a copy.
    const Reply reuse = refresh(*m_client, refreshOf(first));
    QCOMPARE(reuse.status, 400);
    QCOMPARE(field(reuse, "error"), QStringLiteral("invalid_grant"));
    // Every token of the family is dead now: the newest refresh token and every access token.
    QCOMPARE(field(refresh(*m_client, refreshOf(third)), "error"), QStringLiteral("invalid_grant"));
    for (const QJsonObject &tokens : {first, second, third}) {
        const Reply r = m_client->get(QStringLiteral("/models"), bearerOf(tokens));
        const QString msg = checks::errorShape(r, 401, QStringLiteral("invalid_token"));
        QVERIFY2(msg.isEmpty(), qPrintable(msg));
    }
}

void TestContractTokens::otherSessionsSurviveReuse()
{
    const QJsonObject mine = signIn();
    const QJsonObject other = signIn();
    refresh(*m_client, refreshOf(mine));
    QCOMPARE(refresh(*m_client, refreshOf(mine)).status, 400); // reuse: mine dies
    QCOMPARE(m_client->get(QStringLiteral("/models"), bearerOf(other)).status, 200);
    QCOMPARE(refresh(*m_client, refreshOf(other)).status, 200);
}

void TestContractTokens::revokeRefreshTokenEndsTheSession()
{
    const QJsonObject tokens = signIn();
    const Reply revoked =
        postForm(*m_client, QStringLiteral("/oauth/revoke"),
                 {{QStringLiteral("token"), refreshOf(tokens)},
                  {QStringLiteral("token_type_hint"), QStringLiteral("refresh_token")},
                  {QStringLiteral("client_id"), kClientId}});
    QCOMPARE(revoked.status, 200);
    QCOMPARE(field(refresh(*m_client, refreshOf(tokens)), "error"),
             QStringLiteral("invalid_grant"));
    QCOMPARE(m_client->get(QStringLiteral("/models"), bearerOf(tokens)).errorCode(),
             QStringLiteral("invalid_token"));
    // Revoking again is still 200.
    QCOMPARE(postForm(*m_client, QStringLiteral("/oauth/revoke"),
                      {{QStringLiteral("token"), refreshOf(tokens)}})
                 .status,
             200);
}

void TestContractTokens::revokeAccessToken()
{
    const QJsonObject tokens = signIn();
    QCOMPARE(
        postForm(*m_client, QStringLiteral("/oauth/revoke"),
                 {{QStringLiteral("token"), tokens.value(QLatin1String("access_token")).toString()},
                  {QStringLiteral("token_type_hint"), QStringLiteral("access_token")}})
            .status,
        200);
    QCOMPARE(m_client->get(QStringLiteral("/models"), bearerOf(tokens)).errorCode(),
             QStringLiteral("invalid_token"));
}

void TestContractTokens::revokeAlwaysAnswers200()
{
    for (const QString &token :
         {QStringLiteral("plx_rt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
          QStringLiteral("garbage"), m_sandbox.demoApiKey()}) {
        const Reply r = postForm(*m_client, QStringLiteral("/oauth/revoke"),
                                 {{QStringLiteral("token"), token}});
        QVERIFY2(r.status == 200, r.describe().constData());
    }
    // Revoke never touches API keys.
    QCOMPARE(
        m_client->get(QStringLiteral("/models"), Credential::apiKey(m_sandbox.demoApiKey())).status,
        200);
}

void TestContractTokens::tokenRequestErrors()
{
    const QJsonObject tokens = signIn();
    const Reply wrongClient =
        postForm(*m_client, QStringLiteral("/oauth/token"),
                 {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                  {QStringLiteral("refresh_token"), refreshOf(tokens)},
                  {QStringLiteral("client_id"), QStringLiteral("someone-else")}});
    QCOMPARE(wrongClient.status, 401);
    QCOMPARE(field(wrongClient, "error"), QStringLiteral("invalid_client"));
    const Reply badGrant = postForm(*m_client, QStringLiteral("/oauth/token"),
                                    {{QStringLiteral("grant_type"), QStringLiteral("password")},
                                     {QStringLiteral("client_id"), kClientId}});
    QCOMPARE(badGrant.status, 400);
    QCOMPARE(field(badGrant, "error"), QStringLiteral("unsupported_grant_type"));
    const Reply json = m_client->send(QStringLiteral("POST"), QStringLiteral("/oauth/token"),
                                      Credential::none(), QByteArrayLiteral("{\"grant_type\":1}"));
    QCOMPARE(json.status, 400);
    QCOMPARE(field(json, "error"), QStringLiteral("invalid_request"));
    const Reply duplicate = m_client->send(
        QStringLiteral("POST"), QStringLiteral("/oauth/token"), Credential::none(),
        QByteArrayLiteral(
            "grant_type=refresh_token&grant_type=refresh_token&client_id=plexe-console"),
        QByteArrayLiteral("application/x-www-form-urlencoded"));
    QCOMPARE(field(duplicate, "error"), QStringLiteral("invalid_request"));
    // The refresh token survived all of that.
    QCOMPARE(refresh(*m_client, refreshOf(tokens)).status, 200);
}

void TestContractTokens::refreshAndLogoutEventsAreLogged()
{
    const QJsonObject first = signIn();
    const QJsonObject second = refresh(*m_client, refreshOf(first)).object();
    QCOMPARE(refresh(*m_client, refreshOf(first)).status, 400); // reuse
    const QJsonObject other = signIn();
    QCOMPARE(postForm(*m_client, QStringLiteral("/oauth/revoke"),
                      {{QStringLiteral("token"), refreshOf(other)}})
                 .status,
             200);
    const QJsonObject reader = signIn();
    const QJsonArray refreshes =
        events(*m_client, bearerOf(reader), QStringLiteral("auth.refresh"));
    QVERIFY(refreshes.size() >= 2);
    // Newest first: the reuse, then the rotation before it.
    QString msg =
        checkEvent(refreshes.at(0), QStringLiteral("auth.refresh"), QStringLiteral("failure"),
                   QStringLiteral("/oauth/token"), 400, QStringLiteral("refresh_token_reused"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    msg = checkEvent(refreshes.at(1), QStringLiteral("auth.refresh"), QStringLiteral("success"),
                     QStringLiteral("/oauth/token"), 200);
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    const QJsonArray logouts = events(*m_client, bearerOf(reader), QStringLiteral("auth.logout"));
    QVERIFY(!logouts.isEmpty());
    msg = checkEvent(logouts.at(0), QStringLiteral("auth.logout"), QStringLiteral("success"),
                     QStringLiteral("/oauth/revoke"), 200);
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    QCOMPARE(logouts.at(0).toObject().value(QLatin1String("actor")).toString(),
             m_sandbox.demoEmail());
    Q_UNUSED(second);
}

void TestContractTokens::accessTokenExpires()
{
    const QJsonObject tokens = signIn();
    QVERIFY(m_clock->set(50)); // slack for second boundaries
    QCOMPARE(m_client->get(QStringLiteral("/models"), bearerOf(tokens)).status, 200);
    QVERIFY(m_clock->set(61));
    const Reply expired = m_client->get(QStringLiteral("/models"), bearerOf(tokens));
    const QString msg = checks::errorShape(expired, 401, QStringLiteral("invalid_token"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    // The refresh token still works and gives a live access token.
    const Reply renewed = refresh(*m_client, refreshOf(tokens));
    QVERIFY2(renewed.status == 200, renewed.describe().constData());
    QCOMPARE(m_client->get(QStringLiteral("/models"), bearerOf(renewed.object())).status, 200);
}

void TestContractTokens::refreshTokenExpires()
{
    QVERIFY(m_clock->set(0));
    const QJsonObject tokens = signIn();
    QVERIFY(m_clock->set(86400 + 1));
    const Reply late = refresh(*m_client, refreshOf(tokens));
    QCOMPARE(late.status, 400);
    QCOMPARE(field(late, "error"), QStringLiteral("invalid_grant"));
}

QTEST_GUILESS_MAIN(TestContractTokens)
#include "tst_contract_tokens.moc"
