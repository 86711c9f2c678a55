// Contract §5 password sign-in against a live plexe-sandbox: POST /auth/login, the TOTP step
// (POST /auth/login/mfa), the lockout and its expiry, and the session token on [Plexe] routes.
#include "ContractChecks.h"
#include "ContractClient.h"
#include "SandboxProcess.h"
#include "SignInSupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace plexe::test;
using namespace plexe::test::signin;

class TestContractLogin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rightPasswordGivesTokenAnswer();
    void sessionTokenWorksOnPlexeRoutes();
    void wrongPasswordAndUnknownEmailAnswerAlike();
    void unknownEmailTakesAsLongAsWrongPassword();
    void oauthOnlyAccountHasNoPassword();
    void missingFieldsAre422();
    void unknownOrExpiredSessionTokenIsInvalidToken();
    void totpRightCode();
    void totpWrongCode();
    void totpReplayedCodeRefused();
    void mfaTokenIsSingleUse();
    void signInEventsAreLogged();
    void lockoutAndItsExpiry(); // a second sandbox with small limits and a movable clock

private:
    Reply mfaStart();

    SandboxProcess m_sandbox;
    std::unique_ptr<ContractClient> m_client;
    QString m_usedMfaToken;
    QString m_totpSession;
};

void TestContractLogin::initTestCase()
{
    // Every failure below comes from one address; the lockout has its own sandbox and test.
    SandboxProcess::Options options;
    options.extraServeArgs = {QStringLiteral("--login-failure-limit"), QStringLiteral("1000")};
    QVERIFY2(m_sandbox.start(options), qPrintable(m_sandbox.errorString()));
    m_client = std::make_unique<ContractClient>(m_sandbox);
    for (const char *name :
         {"email", "password", "oauth_email", "totp_email", "totp_password", "totp_secret"})
        QVERIFY2(!m_sandbox.seedValue(QLatin1String(name)).isEmpty(),
                 qPrintable(QStringLiteral("seed printed no %1: line").arg(QLatin1String(name))));
}

void TestContractLogin::rightPasswordGivesTokenAnswer()
{
    const Reply reply = login(*m_client, m_sandbox.demoEmail(), m_sandbox.demoPassword());
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject o = reply.object();
    QVERIFY(o.value(QLatin1String("access_token")).toString().startsWith(QLatin1String("plx_at_")));
    QVERIFY(
        o.value(QLatin1String("refresh_token")).toString().startsWith(QLatin1String("plx_rt_")));
    QCOMPARE(o.value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(o.value(QLatin1String("expires_in")).toInt(), 900);
    QVERIFY(!o.value(QLatin1String("scope")).toString().isEmpty());
    const qint64 authTime = qint64(o.value(QLatin1String("auth_time")).toDouble());
    QVERIFY(qAbs(authTime - QDateTime::currentSecsSinceEpoch()) < 30);
    QCOMPARE(reply.header("Cache-Control"), QStringLiteral("no-store"));
}

void TestContractLogin::sessionTokenWorksOnPlexeRoutes()
{
    const Reply signedIn = login(*m_client, m_sandbox.demoEmail(), m_sandbox.demoPassword());
    QVERIFY2(signedIn.status == 200, signedIn.describe().constData());
    const Credential session = Credential::bearer(field(signedIn, "access_token"));
    const Reply user = m_client->get(QStringLiteral("/auth/user"), session);
    QVERIFY2(user.status == 200, user.describe().constData());
    QCOMPARE(field(user, "email"), m_sandbox.demoEmail());
    const Reply models = m_client->get(QStringLiteral("/models"), session);
    QVERIFY2(models.status == 200, models.describe().constData());
    QVERIFY(!models.object().value(QLatin1String("models")).toArray().isEmpty());
    const Reply keys = m_client->get(QStringLiteral("/auth/api-keys"), session);
    QVERIFY2(keys.status == 200, keys.describe().constData());
    QVERIFY(!keys.object().value(QLatin1String("keys")).toArray().isEmpty());
    // A fresh session may create a key (no step-up needed yet).
    const Reply created =
        m_client->postJson(QStringLiteral("/auth/api-keys"), session,
                           {{QStringLiteral("name"), QStringLiteral("from a session")},
                            {QStringLiteral("permission_level"), QStringLiteral("read_only")}});
    QVERIFY2(created.status == 200, created.describe().constData());
}

void TestContractLogin::wrongPasswordAndUnknownEmailAnswerAlike()
{
    const Reply wrong = login(*m_client, m_sandbox.demoEmail(), QStringLiteral("not-the-password"));
    const Reply unknown =
        login(*m_client, QStringLiteral("nobody@plexe.local"), QStringLiteral("whatever-123"));
    QString msg = checks::errorShape(wrong, 401, QStringLiteral("invalid_credentials"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    msg = checks::errorShape(unknown, 401, QStringLiteral("invalid_credentials"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    const auto message = [](const Reply &r) {
        return r.object().value(QLatin1String("error")).toObject().value(QLatin1String("message"));
    };
    QCOMPARE(message(wrong), message(unknown));
    QVERIFY(!wrong.object().contains(QLatin1String("access_token")));
}

void TestContractLogin::unknownEmailTakesAsLongAsWrongPassword()
{
    // The slow hash runs for unknown emails too; compare medians of three.
    const auto median = [this](const QString &email) {
        QList<qint64> times;
        for (int i = 0; i < 3; ++i) {
            QElapsedTimer timer;
            timer.start();
            const Reply r = login(*m_client, email, QStringLiteral("wrong-password-%1").arg(i));
            times << timer.elapsed();
            if (r.status != 401)
                return qint64(-1);
        }
        std::sort(times.begin(), times.end());
        return times.at(1);
    };
    const qint64 wrong = median(m_sandbox.demoEmail());
    const qint64 unknown = median(QStringLiteral("ghost@plexe.local"));
    QVERIFY(wrong > 0 && unknown > 0);
    QVERIFY2(
        unknown * 2 >= wrong && wrong * 2 >= unknown,
        qPrintable(
            QStringLiteral("wrong password %1 ms, unknown email %2 ms").arg(wrong).arg(unknown)));
}

void TestContractLogin::oauthOnlyAccountHasNoPassword()
{
    const Reply reply =
        login(*m_client, m_sandbox.seedValue(QStringLiteral("oauth_email")), QStringLiteral(""));
    QVERIFY(reply.status == 422 || reply.status == 401);
    const Reply guess = login(*m_client, m_sandbox.seedValue(QStringLiteral("oauth_email")),
                              QStringLiteral("any-password-1"));
    const QString msg = checks::errorShape(guess, 401, QStringLiteral("invalid_credentials"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
}

void TestContractLogin::missingFieldsAre422()
{
    const Reply reply = m_client->postJson(QStringLiteral("/auth/login"), Credential::none(),
                                           {{QStringLiteral("email"), m_sandbox.demoEmail()}});
    const QString msg = checks::validationFailed(reply, QStringLiteral("password"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
}

void TestContractLogin::unknownOrExpiredSessionTokenIsInvalidToken()
{
    for (const QString &token :
         {QStringLiteral("plx_at_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
          QStringLiteral("not-a-token")}) {
        const Reply reply = m_client->get(QStringLiteral("/models"), Credential::bearer(token));
        const QString msg = checks::errorShape(reply, 401, QStringLiteral("invalid_token"));
        QVERIFY2(msg.isEmpty(), qPrintable(msg));
    }
}

Reply TestContractLogin::mfaStart()
{
    return login(*m_client, m_sandbox.seedValue(QStringLiteral("totp_email")),
                 m_sandbox.seedValue(QStringLiteral("totp_password")));
}

static QString mfaTokenOf(const Reply &reply)
{
    return reply.object()
        .value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("details"))
        .toObject()
        .value(QLatin1String("mfa_token"))
        .toString();
}

static Reply sendCode(const ContractClient &client, const QString &mfaToken, const QString &code)
{
    return client.postJson(
        QStringLiteral("/auth/login/mfa"), Credential::none(),
        {{QStringLiteral("mfa_token"), mfaToken}, {QStringLiteral("code"), code}});
}

void TestContractLogin::totpRightCode()
{
    const Reply first = mfaStart();
    const QString msg = checks::errorShape(first, 401, QStringLiteral("mfa_required"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    const QString mfaToken = mfaTokenOf(first);
    QVERIFY(mfaToken.startsWith(QLatin1String("plx_mfa_")));
    QVERIFY(!first.object().contains(QLatin1String("access_token")));
    // One step back: allowed (±1 step), and leaves the current step for the replay test.
    const QString code = totpAt(m_sandbox.seedValue(QStringLiteral("totp_secret")),
                                QDateTime::currentSecsSinceEpoch() - 30);
    const Reply reply = sendCode(*m_client, mfaToken, code);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    m_usedMfaToken = mfaToken;
    m_totpSession = field(reply, "access_token");
    QVERIFY(field(reply, "access_token").startsWith(QLatin1String("plx_at_")));
    const Reply user = m_client->get(QStringLiteral("/auth/user"),
                                     Credential::bearer(field(reply, "access_token")));
    QCOMPARE(field(user, "email"), m_sandbox.seedValue(QStringLiteral("totp_email")));
}

void TestContractLogin::totpWrongCode()
{
    const QString mfaToken = mfaTokenOf(mfaStart());
    QVERIFY(!mfaToken.isEmpty());
    const QString right = totpAt(m_sandbox.seedValue(QStringLiteral("totp_secret")),
                                 QDateTime::currentSecsSinceEpoch());
    const QString wrong =
        right == QLatin1String("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
    const Reply reply = sendCode(*m_client, mfaToken, wrong);
    const QString msg = checks::errorShape(reply, 401, QStringLiteral("invalid_credentials"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    // A code far outside the ±1 window is wrong too.
    const Reply old = sendCode(*m_client, mfaToken,
                               totpAt(m_sandbox.seedValue(QStringLiteral("totp_secret")),
                                      QDateTime::currentSecsSinceEpoch() - 300));
    QCOMPARE(old.status, 401);
}

void TestContractLogin::totpReplayedCodeRefused()
{
    const QString secret = m_sandbox.seedValue(QStringLiteral("totp_secret"));
    const QString code = totpAt(secret, QDateTime::currentSecsSinceEpoch() + 30);
    const Reply first = sendCode(*m_client, mfaTokenOf(mfaStart()), code);
    QVERIFY2(first.status == 200, first.describe().constData());
    // The same code again, in a new sign-in attempt: refused (RFC 6238 §5.2).
    const Reply replay = sendCode(*m_client, mfaTokenOf(mfaStart()), code);
    const QString msg = checks::errorShape(replay, 401, QStringLiteral("invalid_credentials"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    // And an older (still in-window) code after a newer one was used: refused.
    const Reply older = sendCode(*m_client, mfaTokenOf(mfaStart()),
                                 totpAt(secret, QDateTime::currentSecsSinceEpoch()));
    QCOMPARE(older.status, 401);
}

void TestContractLogin::mfaTokenIsSingleUse()
{
    // The token that completed a sign-in cannot complete another, even with a good code.
    QVERIFY(!m_usedMfaToken.isEmpty());
    const Reply again = sendCode(*m_client, m_usedMfaToken,
                                 totpAt(m_sandbox.seedValue(QStringLiteral("totp_secret")),
                                        QDateTime::currentSecsSinceEpoch() + 30));
    QCOMPARE(again.status, 401);
    const Reply bogus =
        sendCode(*m_client, QStringLiteral("plx_mfa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                 QStringLiteral("123456"));
    const QString msg = checks::errorShape(bogus, 401, QStringLiteral("invalid_credentials"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
}

void TestContractLogin::signInEventsAreLogged()
{
    const QString wrongPassword = QStringLiteral("Wrong-Canary-3c9d");
    QCOMPARE(login(*m_client, m_sandbox.demoEmail(), wrongPassword).status, 401);
    const Reply ok = login(*m_client, m_sandbox.demoEmail(), m_sandbox.demoPassword());
    QVERIFY2(ok.status == 200, ok.describe().constData());
    const Credential session = Credential::bearer(field(ok, "access_token"));
    QJsonArray failed = events(*m_client, session, QStringLiteral("auth.login_failed"));
    QVERIFY(!failed.isEmpty());
    QString msg =
        checkEvent(failed.first(), QStringLiteral("auth.login_failed"), QStringLiteral("failure"),
                   QStringLiteral("/auth/login"), 401, QStringLiteral("invalid_credentials"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    QCOMPARE(failed.first().toObject().value(QLatin1String("actor")).toString(),
             m_sandbox.demoEmail());
    const QJsonArray logins = events(*m_client, session, QStringLiteral("auth.login"));
    QVERIFY(!logins.isEmpty());
    msg = checkEvent(logins.first(), QStringLiteral("auth.login"), QStringLiteral("success"),
                     QStringLiteral("/auth/login"), 200);
    QVERIFY2(msg.isEmpty(), qPrintable(msg));

    // The TOTP account's own log has auth.mfa for the step totpRightCode completed, and the
    // wrong codes as auth.login_failed on /auth/login/mfa.
    QVERIFY(!m_totpSession.isEmpty());
    const Credential totpSession = Credential::bearer(m_totpSession);
    const QJsonArray mfa = events(*m_client, totpSession, QStringLiteral("auth.mfa"));
    QVERIFY(!mfa.isEmpty());
    msg = checkEvent(mfa.last(), QStringLiteral("auth.mfa"), QStringLiteral("success"),
                     QStringLiteral("/auth/login/mfa"), 200);
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    bool wrongCodeLogged = false;
    for (const QJsonValue &e : events(*m_client, totpSession, QStringLiteral("auth.login_failed")))
        wrongCodeLogged = wrongCodeLogged ||
                          checkEvent(e, QStringLiteral("auth.login_failed"),
                                     QStringLiteral("failure"), QStringLiteral("/auth/login/mfa"),
                                     401, QStringLiteral("invalid_credentials"))
                              .isEmpty();
    QVERIFY(wrongCodeLogged);
    // No secret in what the log returns.
    const Reply all = m_client->get(QStringLiteral("/auth/access-logs?limit=1000"), session);
    QVERIFY2(all.status == 200, all.describe().constData());
    QVERIFY(!all.body.contains(wrongPassword.toUtf8()));
    QVERIFY(!all.body.contains(m_sandbox.demoPassword().toUtf8()));
    QVERIFY(!all.body.contains(field(ok, "access_token").toUtf8()));
    QVERIFY(!all.body.contains("plx_mfa_"));
}

void TestContractLogin::lockoutAndItsExpiry()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerClock clock(dir.filePath(QStringLiteral("offset")));
    SandboxProcess sandbox;
    SandboxProcess::Options options;
    options.extraServeArgs =
        clock.serveArgs() +
        QStringList{QStringLiteral("--login-failure-limit"), QStringLiteral("3"),
                    QStringLiteral("--login-window-seconds"), QStringLiteral("120")};
    QVERIFY2(sandbox.start(options), qPrintable(sandbox.errorString()));
    const ContractClient client(sandbox);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(login(client, sandbox.demoEmail(), QStringLiteral("wrong-%1").arg(i)).status, 401);
    // Locked: even the right password is not checked.
    const Reply locked = login(client, sandbox.demoEmail(), sandbox.demoPassword());
    QString msg = checks::errorShape(locked, 429, QStringLiteral("rate_limit_exceeded"));
    QVERIFY2(msg.isEmpty(), qPrintable(msg));
    bool ok = false;
    const int retryAfter = locked.header("Retry-After").toInt(&ok);
    QVERIFY2(ok && retryAfter >= 1 && retryAfter <= 120, qPrintable(locked.header("Retry-After")));
    // The address is locked too: another account from the same client is refused.
    QCOMPARE(login(client, sandbox.seedValue(QStringLiteral("totp_email")),
                   sandbox.seedValue(QStringLiteral("totp_password")))
                 .status,
             429);
    // Still locked a few seconds before the window ends; open after it.
    QVERIFY(retryAfter > 5 && clock.set(retryAfter - 5));
    QCOMPARE(login(client, sandbox.demoEmail(), sandbox.demoPassword()).status, 429);
    QVERIFY(clock.set(retryAfter + 1));
    const Reply after = login(client, sandbox.demoEmail(), sandbox.demoPassword());
    QVERIFY2(after.status == 200, after.describe().constData());
}

QTEST_GUILESS_MAIN(TestContractLogin)
#include "tst_contract_login.moc"
