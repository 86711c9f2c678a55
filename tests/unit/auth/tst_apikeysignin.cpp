// ApiKeySignIn: the key is checked with GET /auth/user in x-api-key (never in the URL), errors
// keep their distinct messages, a string that is no key sends nothing, and a stalled server
// ends the check in a timeout (D27).
#include "FlowTestSupport.h"
#include "ScriptedHttpServer.h"
#include "api/ApiClient.h"
#include "auth/ApiKeySignIn.h"
#include "session/ManualClock.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

namespace {
const QByteArray kKey = "plx_sk_CanaryKey0123456789abcdefghijklmnopqrstuvwxyzAB";
}

class TestApiKeySignIn : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        ScriptedHttpServer server;
        QNetworkAccessManager nam;
        ApiClient client{&nam};
        ManualClock clock;
        ApiKeySignIn flow{&client, &clock};

        explicit Fixture(ScriptedHttpServer::Handler handler, int transferTimeoutMs = 2000)
            : server(std::move(handler))
        {
            ApiEndpoint ep;
            ep.baseUrl = QUrl(server.origin());
            ep.transferTimeoutMs = transferTimeoutMs;
            client.setEndpoint(ep);
        }
    };

private Q_SLOTS:
    void acceptedKeyBecomesTheCredential()
    {
        Fixture f([](int, const QByteArray &) {
            return ScriptedHttpServer::response(
                200, "{\"user_id\":\"u1\",\"email\":\"demo@plexe.local\",\"name\":\"Demo\"}");
        });
        QSignalSpy done(&f.flow, &ApiKeySignIn::finished);
        QByteArray key = "  " + kKey + "\n";
        QVERIFY(f.flow.start(key));
        QVERIFY(key.isEmpty());
        QVERIFY(done.wait(2000));
        const auto result = done.first().first().value<SignInResult>();
        QCOMPARE(result.kind, SignInResult::Kind::ApiKey);
        QCOMPARE(result.apiKey, kKey);
        QCOMPARE(result.user.email, QStringLiteral("demo@plexe.local"));
        const QByteArray request = f.server.requests().first();
        QCOMPARE(requestLine(request), QByteArray("GET /auth/user HTTP/1.1"));
        QCOMPARE(requestHeader(request, "x-api-key"), kKey);
        QVERIFY(!requestLine(request).contains("plx_sk_"));
        QVERIFY(f.client.credential().isEmpty()); // the flow does not touch the client's own
    }

    void rejectedKeyKeepsItsDistinctMessage_data()
    {
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("invalid") << QByteArray("invalid_key")
                                 << QStringLiteral("This API key is not valid.");
        QTest::newRow("revoked") << QByteArray("revoked_key")
                                 << QStringLiteral("This API key was revoked.");
    }
    void rejectedKeyKeepsItsDistinctMessage()
    {
        QFETCH(QByteArray, code);
        QFETCH(QString, message);
        Fixture f([code](int, const QByteArray &) {
            return ScriptedHttpServer::response(401, "{\"error\":{\"code\":\"" + code +
                                                         "\",\"message\":\"no\"}}");
        });
        QSignalSpy failed(&f.flow, &ApiKeySignIn::failed);
        QByteArray key = kKey;
        f.flow.start(key);
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.first().at(1).toString(), message);
        QCOMPARE(f.server.requests().size(), 1); // never retried
    }

    void notAKeySendsNothing()
    {
        Fixture f([](int, const QByteArray &) { return QByteArray(); });
        QSignalSpy failed(&f.flow, &ApiKeySignIn::failed);
        QByteArray key = "hunter2";
        f.flow.start(key);
        QVERIFY(failed.wait(1000));
        QCOMPARE(f.server.requests().size(), 0);
        QVERIFY(!ApiKeySignIn::looksLikeKey("plx_sk_short"));
        QVERIFY(ApiKeySignIn::looksLikeKey(kKey));
    }

    void stalledServerTimesOut()
    {
        // The transfer timeout (30 s) would never end this test: only the deadline can.
        Fixture f([](int, const QByteArray &) { return QByteArray(); }, 30000);
        f.flow.setTimeout(300ms);
        QSignalSpy failed(&f.flow, &ApiKeySignIn::failed);
        QSignalSpy done(&f.flow, &ApiKeySignIn::finished);
        QElapsedTimer since;
        since.start();
        QByteArray key = kKey;
        QVERIFY(f.flow.start(key));
        QVERIFY(failed.wait(1500));
        QVERIFY2(since.elapsed() < 1500, QByteArray::number(since.elapsed()).constData());
        const auto error = failed.first().first().value<ApiError>();
        QCOMPARE(error.kind(), ApiError::Kind::Timeout);
        QCOMPARE(error.code(), QStringLiteral("sign_in_timeout"));
        QVERIFY(failed.first().at(1).toString().contains(QLatin1String("timed out")));
        QVERIFY(!f.flow.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(allConnectionsClosed(f.server), 1000);
        QCOMPARE(failed.size(), 1); // the abort did not add a second, Cancelled failure
        QCOMPARE(done.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestApiKeySignIn)
#include "tst_apikeysignin.moc"
