// PasswordSignIn against a scripted loopback server: the request, the caller's buffer wiped,
// the TOTP step, one message for a wrong email or password, a 429 that is not re-sent, and a
// stalled server that ends each step in a timeout (D27).
#include "FlowTestSupport.h"
#include "LogCapture.h"
#include "ScriptedHttpServer.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "auth/PasswordSignIn.h"
#include "session/ManualClock.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

namespace {

const QByteArray kPassword = "canary-Pa55word \"quoted\" \\ ünï";

QByteArray errorBody(const QByteArray &code, const QByteArray &message,
                     const QByteArray &details = "{}")
{
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message +
           "\",\"details\":" + details + "},\"request_id\":\"req_1\"}";
}

} // namespace

class TestPasswordSignIn : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        ScriptedHttpServer server;
        QNetworkAccessManager nam;
        ApiClient client{&nam};
        ManualClock clock;
        PasswordSignIn flow{&client, &clock};

        explicit Fixture(ScriptedHttpServer::Handler handler, int transferTimeoutMs = 2000)
            : server(std::move(handler))
        {
            ApiEndpoint ep;
            ep.baseUrl = QUrl(server.origin());
            ep.transferTimeoutMs = transferTimeoutMs;
            client.setEndpoint(ep);
        }
    };

    // A stalled step ended by the flow's own deadline: one failed() with a Timeout error and a
    // clear message, well before the (long) transfer timeout, and the connection closed.
    static void verifyTimedOut(Fixture &f, QSignalSpy &failed, const QElapsedTimer &since)
    {
        QVERIFY(failed.wait(1500));
        QVERIFY2(since.elapsed() < 1500, QByteArray::number(since.elapsed()).constData());
        const auto error = failed.first().first().value<ApiError>();
        QCOMPARE(error.kind(), ApiError::Kind::Timeout);
        QCOMPARE(error.code(), QStringLiteral("sign_in_timeout"));
        QVERIFY(failed.first().at(1).toString().contains(QLatin1String("timed out")));
        QCOMPARE(f.flow.state(), PasswordSignIn::State::Failed);
        QTRY_VERIFY_WITH_TIMEOUT(allConnectionsClosed(f.server), 1000);
        QCOMPARE(failed.size(), 1); // the abort did not add a second, Cancelled failure
    }

private Q_SLOTS:
    void initTestCase() { LogCapture::install(); }
    void cleanupTestCase()
    {
        // E31: the password, the MFA challenge, codes and tokens never reached a log.
        QVERIFY(!LogCapture::messages().isEmpty());
        QCOMPARE(LogCapture::containing(
                     {QString::fromUtf8(kPassword), QStringLiteral("canary-Pa55"),
                      QStringLiteral("mfa-challenge-1"), QStringLiteral("123456"),
                      QStringLiteral("acc-1"), QStringLiteral("ref-1"), QStringLiteral("acc-2")}),
                 QStringList());
    }

    void successSendsJsonAndWipesTheBuffer()
    {
        Fixture f([](int, const QByteArray &) {
            return ScriptedHttpServer::response(200, tokenAnswer("acc-1", "ref-1"));
        });
        QSignalSpy done(&f.flow, &PasswordSignIn::finished);
        QByteArray password = kPassword;
        password.detach();
        // Another handle on the caller's very buffer: a wipe must zero these bytes, not a copy.
        const QByteArray callersBuffer = password;
        QVERIFY(f.flow.start(QStringLiteral("demo@plexe.local"), password));
        QVERIFY(password.isEmpty()); // B11: wiped right after the request was handed over
        QCOMPARE(callersBuffer, QByteArray(kPassword.size(), '\0'));
        // The request body the network stack uploads: the one buffer that holds the password.
        const QList<ApiCall *> calls = f.client.findChildren<ApiCall *>();
        QCOMPARE(calls.size(), 1);
        const QByteArray uploadBuffer = calls.first()->request().body;
        QVERIFY(uploadBuffer.contains("canary-Pa55word")); // JSON-escaped in the body
        QVERIFY(done.wait(2000));
        // Once the reply finished, its bytes are zero, wherever the buffer is still shared.
        QCOMPARE(uploadBuffer, QByteArray(uploadBuffer.size(), '\0'));
        const auto result = done.first().first().value<SignInResult>();
        QCOMPARE(result.tokens.accessToken, QByteArray("acc-1"));
        QCOMPARE(result.tokens.refreshToken, QByteArray("ref-1"));
        QCOMPARE(result.kind, SignInResult::Kind::Password);
        QCOMPARE(result.authTime, f.clock.now());
        QCOMPARE(f.flow.state(), PasswordSignIn::State::Done);

        QCOMPARE(f.server.requests().size(), 1);
        const QByteArray request = f.server.requests().first();
        QCOMPARE(requestLine(request), QByteArray("POST /auth/login HTTP/1.1"));
        QVERIFY(requestHeader(request, "authorization").isEmpty());
        const QJsonObject body = QJsonDocument::fromJson(requestBody(request)).object();
        QCOMPARE(body.value(QLatin1String("email")).toString(), QStringLiteral("demo@plexe.local"));
        QCOMPARE(body.value(QLatin1String("password")).toString(), QString::fromUtf8(kPassword));
    }

    void totpStep()
    {
        Fixture f([](int index, const QByteArray &request) {
            if (index == 0)
                return ScriptedHttpServer::response(
                    401, errorBody("mfa_required", "Enter the code",
                                   "{\"mfa_token\":\"mfa-challenge-1\"}"));
            if (index == 1) // a wrong code
                return ScriptedHttpServer::response(
                    401, errorBody("invalid_credentials", "The code is not correct"));
            Q_UNUSED(request)
            return ScriptedHttpServer::response(200, tokenAnswer("acc-2", "ref-2"));
        });
        QSignalSpy needsCode(&f.flow, &PasswordSignIn::needsCode);
        QSignalSpy done(&f.flow, &PasswordSignIn::finished);
        QSignalSpy failed(&f.flow, &PasswordSignIn::failed);
        QVERIFY(!f.flow.submitCode(QStringLiteral("123456"))); // not asked yet
        QByteArray password = kPassword;
        f.flow.start(QStringLiteral("totp@plexe.local"), password);
        QVERIFY(needsCode.wait(2000));
        QCOMPARE(f.flow.state(), PasswordSignIn::State::NeedsCode);

        QVERIFY(f.flow.submitCode(QStringLiteral("000000")));
        QVERIFY(failed.wait(2000));
        QCOMPARE(f.flow.state(), PasswordSignIn::State::NeedsCode); // may type the next code
        QVERIFY(failed.first().at(1).toString().contains(QLatin1String("code")));

        QVERIFY(f.flow.submitCode(QStringLiteral(" 123456 ")));
        QVERIFY(done.wait(2000));
        QCOMPARE(done.first().first().value<SignInResult>().tokens.accessToken,
                 QByteArray("acc-2"));
        QCOMPARE(f.server.requests().size(), 3);
        for (int i : {1, 2}) {
            const QByteArray request = f.server.requests().at(i);
            QCOMPARE(requestPath(request), QByteArray("/auth/login/mfa"));
            const QJsonObject body = QJsonDocument::fromJson(requestBody(request)).object();
            QCOMPARE(body.value(QLatin1String("mfa_token")).toString(),
                     QStringLiteral("mfa-challenge-1"));
        }
        QCOMPARE(QJsonDocument::fromJson(requestBody(f.server.requests().at(2)))
                     .object()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("123456"));
    }

    void invalidCredentialsNeverSaysWhichField_data()
    {
        QTest::addColumn<QByteArray>("serverMessage");
        QTest::newRow("unknown email") << QByteArray("No account with this email");
        QTest::newRow("wrong password") << QByteArray("Wrong password");
    }
    void invalidCredentialsNeverSaysWhichField()
    {
        QFETCH(QByteArray, serverMessage);
        Fixture f([serverMessage](int, const QByteArray &) {
            return ScriptedHttpServer::response(401,
                                                errorBody("invalid_credentials", serverMessage));
        });
        QSignalSpy failed(&f.flow, &PasswordSignIn::failed);
        QByteArray password = kPassword;
        f.flow.start(QStringLiteral("x@plexe.local"), password);
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.first().at(1).toString(),
                 QStringLiteral("The email or password is not correct."));
        QCOMPARE(f.flow.state(), PasswordSignIn::State::Failed);
    }

    void rateLimitSurfacesTheDeadlineAndDoesNotResend()
    {
        Fixture f([](int, const QByteArray &) {
            return ScriptedHttpServer::response(
                429, errorBody("rate_limit_exceeded", "Too many failed sign-ins"),
                "Retry-After: 600\r\n");
        });
        QSignalSpy limited(&f.flow, &PasswordSignIn::rateLimited);
        QSignalSpy failed(&f.flow, &PasswordSignIn::failed);
        QByteArray password = kPassword;
        const QDateTime before = QDateTime::currentDateTimeUtc();
        f.flow.start(QStringLiteral("x@plexe.local"), password);
        QVERIFY(failed.wait(2000));
        QCOMPARE(limited.size(), 1);
        const QDateTime deadline = limited.first().first().toDateTime();
        QVERIFY(deadline >= before.addSecs(599));
        QVERIFY(deadline <= QDateTime::currentDateTimeUtc().addSecs(601));
        QCOMPARE(f.flow.retryDeadline(), deadline);
        // Nothing is left that could send the password again (no call waiting out the 429):
        // every call has ended and been freed.
        QTRY_VERIFY_WITH_TIMEOUT(f.client.findChildren<ApiCall *>().isEmpty(), 2000);
        QCOMPARE(f.server.requests().size(), 1); // the password was not sent again
    }

    void cancelEndsWithFailed()
    {
        Fixture f([](int, const QByteArray &) { return QByteArray(); }); // stalls
        QSignalSpy failed(&f.flow, &PasswordSignIn::failed);
        QByteArray password = kPassword;
        f.flow.start(QStringLiteral("x@plexe.local"), password);
        QTRY_COMPARE_WITH_TIMEOUT(f.server.requests().size(), 1, 2000);
        f.flow.cancel();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().kind(), ApiError::Kind::Cancelled);
    }

    void stalledPasswordStepTimesOut()
    {
        // The transfer timeout (30 s) would never end this test: only the deadline can.
        Fixture f([](int, const QByteArray &) { return QByteArray(); }, 30000);
        f.flow.setTimeout(300ms);
        QSignalSpy failed(&f.flow, &PasswordSignIn::failed);
        QElapsedTimer since;
        since.start();
        QByteArray password = kPassword;
        QVERIFY(f.flow.start(QStringLiteral("x@plexe.local"), password));
        verifyTimedOut(f, failed, since);
    }

    void stalledCodeStepTimesOut()
    {
        Fixture f(
            [](int index, const QByteArray &) {
                if (index == 0)
                    return ScriptedHttpServer::response(
                        401, errorBody("mfa_required", "Enter the code",
                                       "{\"mfa_token\":\"mfa-challenge-1\"}"));
                return QByteArray(); // the code step stalls
            },
            30000);
        f.flow.setTimeout(300ms);
        QSignalSpy needsCode(&f.flow, &PasswordSignIn::needsCode);
        QSignalSpy failed(&f.flow, &PasswordSignIn::failed);
        QByteArray password = kPassword;
        f.flow.start(QStringLiteral("totp@plexe.local"), password);
        QVERIFY(needsCode.wait(1000));
        // No deadline runs while the user types the code: only requests have one.
        QVERIFY(!failed.wait(500));
        QCOMPARE(f.flow.state(), PasswordSignIn::State::NeedsCode);
        QElapsedTimer since;
        since.start();
        QVERIFY(f.flow.submitCode(QStringLiteral("123456")));
        verifyTimedOut(f, failed, since);
        QCOMPARE(f.server.requests().size(), 2);
        QCOMPARE(requestPath(f.server.requests().at(1)), QByteArray("/auth/login/mfa"));
    }
};

QTEST_GUILESS_MAIN(TestPasswordSignIn)
#include "tst_passwordsignin.moc"
