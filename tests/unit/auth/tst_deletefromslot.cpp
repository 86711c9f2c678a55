// The UI deletes sign-in flows and sessions from their own signals (issue 7, defects 2 and 3):
// each object here is deleted inside its finished/received/failed/signedOut slot, exactly where
// a Deny in the browser or a refused refresh ends up. The test passes when nothing touches freed
// memory afterwards; ASan sees our code, and ctest also runs this binary under valgrind
// (tst_deletefromslot_valgrind), which sees inside the uninstrumented Qt too.
#include "FlowTestSupport.h"
#include "ScriptedHttpServer.h"
#include "api/ApiClient.h"
#include "auth/ApiKeySignIn.h"
#include "auth/BrowserSignIn.h"
#include "auth/LoopbackReceiver.h"
#include "auth/PasswordSignIn.h"
#include "session/ManualClock.h"
#include "session/SessionManager.h"
#include "session/SessionStore.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTcpSocket>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;

namespace {

QString param(const QUrl &url, const QString &name)
{
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

// Sends one raw request to the loopback receiver, as a browser would.
void browserGet(QTcpSocket *socket, quint16 port, const QByteArray &target)
{
    socket->connectToHost(QHostAddress::LocalHost, port);
    socket->write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                  "\r\n\r\n");
}

// Waits until `object` is gone, then lets every deferred deletion and queued call run, which is
// where a use-after-free would show.
bool deletedAndSettled(const QPointer<QObject> &object)
{
    if (!QTest::qWaitFor([&] { return object.isNull(); }, 2000))
        return false;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
    return true;
}

QByteArray discoveryFor(const QString &origin)
{
    const QByteArray o = origin.toLatin1();
    return "{\"issuer\":\"" + o + "\",\"authorization_endpoint\":\"" + o +
           "/oauth/authorize\",\"token_endpoint\":\"" + o +
           "/oauth/token\",\"revocation_"
           "endpoint\":\"" +
           o + "/oauth/revoke\",\"code_challenge_methods_supported\":[\"S256\"]}";
}

} // namespace

class TestDeleteFromSlot : public QObject
{
    Q_OBJECT

private:
    void deleteReceiver(bool deny)
    {
        auto *receiver = new LoopbackReceiver;
        QPointer<QObject> guard(receiver);
        QVERIFY(receiver->start("the-state", QString()));
        connect(receiver, &LoopbackReceiver::received, this, [receiver] { delete receiver; });
        connect(receiver, &LoopbackReceiver::failed, this, [receiver] { delete receiver; });
        QTcpSocket browser;
        browserGet(&browser, receiver->port(),
                   deny ? "/callback?error=access_denied&state=the-state"
                        : "/callback?code=abc&state=the-state");
        QVERIFY(deletedAndSettled(guard));
    }

    void deleteBrowserSignIn(bool deny)
    {
        ScriptedHttpServer server;
        server.setHandler([&server](int, const QByteArray &request) {
            if (requestPath(request) == "/.well-known/openid-configuration")
                return ScriptedHttpServer::response(200, discoveryFor(server.origin()));
            return ScriptedHttpServer::response(200, tokenAnswer("acc", "ref"));
        });
        QNetworkAccessManager nam;
        ApiClient client(&nam);
        ApiEndpoint ep;
        ep.baseUrl = QUrl(server.origin());
        client.setEndpoint(ep);
        ManualClock clock;
        QTcpSocket browser;
        auto *flow = new BrowserSignIn(&client, &clock, [&](const QUrl &url) {
            const QUrl redirect(param(url, QStringLiteral("redirect_uri")));
            const QByteArray state = param(url, QStringLiteral("state")).toLatin1();
            QTimer::singleShot(0, &browser, [&browser, redirect, state, deny] {
                const QByteArray query =
                    deny ? QByteArray("error=access_denied") : QByteArray("code=abc");
                browserGet(&browser, quint16(redirect.port()),
                           "/callback?" + query + "&state=" + state);
            });
            return true;
        });
        QPointer<QObject> guard(flow);
        connect(flow, &BrowserSignIn::finished, this, [flow] { delete flow; });
        connect(flow, &BrowserSignIn::failed, this, [flow] { delete flow; });
        QVERIFY(flow->start());
        QVERIFY(deletedAndSettled(guard));
    }

private Q_SLOTS:
    void receiverDeletedFromFailed() { deleteReceiver(true); }
    void receiverDeletedFromReceived() { deleteReceiver(false); }
    void browserSignInDeletedFromFailed() { deleteBrowserSignIn(true); } // Deny in the browser
    void browserSignInDeletedFromFinished() { deleteBrowserSignIn(false); }

    void passwordSignInDeletedFromFinishedAndFailed_data()
    {
        QTest::addColumn<bool>("ok");
        QTest::newRow("finished") << true;
        QTest::newRow("failed") << false;
    }
    void passwordSignInDeletedFromFinishedAndFailed()
    {
        QFETCH(bool, ok);
        ScriptedHttpServer server([ok](int, const QByteArray &) {
            return ok ? ScriptedHttpServer::response(200, tokenAnswer("acc", "ref"))
                      : ScriptedHttpServer::response(
                            401,
                            "{\"error\":{\"code\":\"invalid_credentials\",\"message\":\"x\"}}");
        });
        QNetworkAccessManager nam;
        ApiClient client(&nam);
        ApiEndpoint ep;
        ep.baseUrl = QUrl(server.origin());
        client.setEndpoint(ep);
        ManualClock clock;
        auto *flow = new PasswordSignIn(&client, &clock);
        QPointer<QObject> guard(flow);
        connect(flow, &PasswordSignIn::finished, this, [flow] { delete flow; });
        connect(flow, &PasswordSignIn::failed, this, [flow] { delete flow; });
        QByteArray password = "pw";
        QVERIFY(flow->start(QStringLiteral("a@b.c"), password));
        QVERIFY(deletedAndSettled(guard));
    }

    void apiKeySignInDeletedFromFinished()
    {
        ScriptedHttpServer server([](int, const QByteArray &) {
            return ScriptedHttpServer::response(200, "{\"user_id\":\"u\",\"email\":\"a@b.c\"}");
        });
        QNetworkAccessManager nam;
        ApiClient client(&nam);
        ApiEndpoint ep;
        ep.baseUrl = QUrl(server.origin());
        client.setEndpoint(ep);
        ManualClock clock;
        auto *flow = new ApiKeySignIn(&client, &clock);
        QPointer<QObject> guard(flow);
        connect(flow, &ApiKeySignIn::finished, this, [flow] { delete flow; });
        connect(flow, &ApiKeySignIn::failed, this, [flow] { delete flow; });
        QByteArray key = "plx_sk_deleteFromSlotTestKey0123456789";
        flow->start(key);
        QVERIFY(deletedAndSettled(guard));
    }

    // Defect 2: a refresh answered invalid_grant ends the session; the owner deletes the
    // manager (its client, network manager, coordinator and the finishing call) in signedOut().
    void managerDeletedFromSignedOutAfterInvalidGrant()
    {
        ScriptedHttpServer server([](int, const QByteArray &request) {
            if (requestPath(request) == "/oauth/token")
                return ScriptedHttpServer::response(400, "{\"error\":\"invalid_grant\"}");
            if (requestPath(request) == "/oauth/revoke")
                return ScriptedHttpServer::response(200, "{}");
            return ScriptedHttpServer::response(
                401, "{\"error\":{\"code\":\"invalid_token\",\"message\":\"expired\"}}");
        });
        ManualClock clock;
        SessionStore store;
        store.useMemoryOnly(QStringLiteral("unit test"));
        ApiEndpoint ep;
        ep.baseUrl = QUrl(server.origin());
        auto *manager = new SessionManager(QStringLiteral("unit"), ep, &store, &clock);
        QPointer<QObject> guard(manager);
        SignInResult r;
        r.kind = SignInResult::Kind::Password;
        r.tokens.accessToken = "acc-0";
        r.tokens.refreshToken = "ref-0";
        manager->beginSession(r);
        connect(manager, &SessionManager::signedOut, this, [manager] { delete manager; });
        manager->run([](ApiClient &c) { return c.getUser(); });
        QVERIFY(deletedAndSettled(guard));
    }

    void managerDeletedFromSignedOutAfterSignOut()
    {
        ManualClock clock;
        SessionStore store;
        store.useMemoryOnly(QStringLiteral("unit test"));
        ApiEndpoint ep;
        ep.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        auto *manager = new SessionManager(QStringLiteral("unit"), ep, &store, &clock);
        QPointer<QObject> guard(manager);
        SignInResult r;
        r.kind = SignInResult::Kind::Password;
        r.tokens.accessToken = "acc-0";
        r.tokens.refreshToken = "ref-0";
        manager->beginSession(r);
        connect(manager, &SessionManager::signedOut, this, [manager] { delete manager; });
        manager->signOut();
        QVERIFY(deletedAndSettled(guard));
    }
};

QTEST_GUILESS_MAIN(TestDeleteFromSlot)
#include "tst_deletefromslot.moc"
