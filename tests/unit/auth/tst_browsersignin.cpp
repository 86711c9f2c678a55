// BrowserSignIn against a scripted loopback server playing discovery and the token endpoint, and
// an injected "browser" that calls the loopback receiver: authorize URL, PKCE, state, the
// exchange, the paste fallback when no browser opens (port closed at once), timeouts, cancel,
// and token errors that store nothing.
#include "FlowTestSupport.h"
#include "KeychainTestSupport.h"
#include "LogCapture.h"
#include "ScriptedHttpServer.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "auth/BrowserSignIn.h"
#include "auth/Pkce.h"
#include "session/ManualClock.h"
#include "session/SessionManager.h"
#include "session/SessionStore.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

namespace {

bool connectionRefused(quint16 port)
{
    QTcpSocket socket;
    QSignalSpy errors(&socket, &QTcpSocket::errorOccurred);
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&] { return errors.count() + connected.count() > 0; }, 2000))
        return false;
    return socket.error() == QAbstractSocket::ConnectionRefusedError;
}

QString param(const QUrl &url, const QString &name)
{
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace

class TestBrowserSignIn : public QObject
{
    Q_OBJECT

private:
    // Discovery + token endpoint; `tokenAnswer` is the raw answer to POST /oauth/token.
    struct Fixture
    {
        ScriptedHttpServer server;
        QNetworkAccessManager nam;
        ApiClient client{&nam};
        ManualClock clock;
        QByteArray discovery;
        QByteArray tokenReply = ScriptedHttpServer::response(200, tokenAnswer("acc-b", "ref-b"));
        QList<QUrl> opened;
        bool openerResult = true;
        std::function<void(const QUrl &)> browser; // what the "browser" does with the URL
        // The body of each token request as the network stack uploads it: another handle on the
        // one real buffer (taken while the request is in flight), and whether it then held the
        // PKCE verifier.
        QList<QByteArray> uploadBuffers;
        QList<bool> uploadHadVerifier;
        BrowserSignIn flow{&client, &clock, [this](const QUrl &url) {
                               opened << url;
                               if (browser)
                                   browser(url);
                               return openerResult;
                           }};

        Fixture()
        {
            ApiEndpoint ep;
            ep.baseUrl = QUrl(server.origin());
            ep.transferTimeoutMs = 2000;
            client.setEndpoint(ep);
            const QByteArray o = server.origin().toLatin1();
            discovery = "{\"issuer\":\"" + o + "\",\"authorization_endpoint\":\"" + o +
                        "/oauth/authorize\",\"token_endpoint\":\"" + o +
                        "/oauth/token\",\"revocation_endpoint\":\"" + o +
                        "/oauth/revoke\",\"code_challenge_methods_supported\":[\"S256\"]}";
            server.setHandler([this](int, const QByteArray &request) {
                if (requestPath(request) == "/.well-known/openid-configuration")
                    return ScriptedHttpServer::response(200, discovery);
                if (requestPath(request) == "/oauth/token") {
                    const QByteArray verifier =
                        formValue(requestBody(request), QStringLiteral("code_verifier")).toLatin1();
                    for (ApiCall *call : client.findChildren<ApiCall *>()) {
                        if (call->request().body.contains("code_verifier")) {
                            uploadBuffers << call->request().body;
                            uploadHadVerifier
                                << (!verifier.isEmpty() && call->request().body.contains(verifier));
                        }
                    }
                    return tokenReply;
                }
                return ScriptedHttpServer::response(404, "{}");
            });
        }
        QList<QByteArray> tokenRequests() const
        {
            QList<QByteArray> out;
            for (const QByteArray &r : server.requests())
                if (requestPath(r) == "/oauth/token")
                    out << r;
            return out;
        }
    };

    // The browser coming back to the loopback receiver after a successful sign-in.
    static QNetworkReply *callBack(QNetworkAccessManager *nam, const QUrl &authorizeUrl,
                                   const QString &code, const QString &state, const QString &iss)
    {
        QUrl target(param(authorizeUrl, QStringLiteral("redirect_uri")));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("code"), code);
        q.addQueryItem(QStringLiteral("state"), state);
        q.addQueryItem(QStringLiteral("iss"), iss);
        target.setQuery(q);
        QNetworkReply *reply = nam->get(QNetworkRequest(target));
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        return reply;
    }

private Q_SLOTS:
    void initTestCase() { LogCapture::install(); }

    void fullFlow()
    {
        Fixture f;
        QNetworkAccessManager browserNam;
        // A wrong state first (A4: refused with a 400, no exchange); the genuine callback only
        // once the loopback has answered the wrong one.
        int wrongStateStatus = 0;
        int exchangesAfterWrongState = -1;
        f.browser = [&](const QUrl &url) {
            QTimer::singleShot(0, &browserNam, [&, url] {
                QNetworkReply *wrong = callBack(&browserNam, url, QStringLiteral("code-wrong"),
                                                QStringLiteral("not-the-state"), f.server.origin());
                connect(wrong, &QNetworkReply::finished, &browserNam, [&, url, wrong] {
                    wrongStateStatus =
                        wrong->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    exchangesAfterWrongState = int(f.tokenRequests().size());
                    callBack(&browserNam, url, QStringLiteral("code-123"),
                             param(url, QStringLiteral("state")), f.server.origin());
                });
            });
        };
        QSignalSpy waiting(&f.flow, &BrowserSignIn::waitingForBrowser);
        QSignalSpy done(&f.flow, &BrowserSignIn::finished);
        BrowserSignIn::Options options;
        options.provider = QStringLiteral("github");
        options.promptLogin = true;
        QVERIFY(f.flow.start(options));
        QVERIFY(done.wait(2000));
        QCOMPARE(wrongStateStatus, 400);
        QCOMPARE(exchangesAfterWrongState, 0);
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(f.flow.deadline(), f.clock.now().addSecs(300));

        const QUrl url = f.opened.first();
        QCOMPARE(url.toString(QUrl::RemoveQuery),
                 f.server.origin() + QStringLiteral("/oauth/authorize"));
        QCOMPARE(param(url, QStringLiteral("response_type")), QStringLiteral("code"));
        QCOMPARE(param(url, QStringLiteral("client_id")), QStringLiteral("plexe-console"));
        const QUrl redirect(param(url, QStringLiteral("redirect_uri")));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1")); // A2: the IP literal
        QCOMPARE(redirect.path(), QStringLiteral("/callback"));
        QCOMPARE(param(url, QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(param(url, QStringLiteral("provider")), QStringLiteral("github"));
        QCOMPARE(param(url, QStringLiteral("prompt")), QStringLiteral("login"));
        QVERIFY(!param(url, QStringLiteral("scope")).isEmpty());
        QCOMPARE(param(url, QStringLiteral("state")).size(), 43);

        // Exactly one exchange (A4), with the verifier that matches the challenge (A5).
        const QList<QByteArray> exchanges = f.tokenRequests();
        QCOMPARE(exchanges.size(), 1);
        const QByteArray body = requestBody(exchanges.first());
        QCOMPARE(requestHeader(exchanges.first(), "content-type"),
                 QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(formValue(body, QStringLiteral("grant_type")),
                 QStringLiteral("authorization_code"));
        QCOMPARE(formValue(body, QStringLiteral("code")), QStringLiteral("code-123"));
        QCOMPARE(formValue(body, QStringLiteral("client_id")), QStringLiteral("plexe-console"));
        QCOMPARE(formValue(body, QStringLiteral("redirect_uri")), redirect.toString());
        const QByteArray verifier = formValue(body, QStringLiteral("code_verifier")).toLatin1();
        QVERIFY(Pkce::isValidVerifier(verifier));
        QCOMPARE(QString::fromLatin1(Pkce::challengeFor(verifier)),
                 param(url, QStringLiteral("code_challenge")));
        QVERIFY(!requestLine(exchanges.first()).contains("code-123")); // not in the URL
        // The very buffer that was uploaded held the verifier, and is zero once the reply
        // finished (a wipe of a copy would leave it there).
        QCOMPARE(f.uploadBuffers.size(), 1);
        QCOMPARE(f.uploadHadVerifier, QList<bool>{true});
        QCOMPARE(f.uploadBuffers.first(), QByteArray(f.uploadBuffers.first().size(), '\0'));

        const auto result = done.first().first().value<SignInResult>();
        QCOMPARE(result.kind, SignInResult::Kind::Browser);
        QCOMPARE(result.tokens.accessToken, QByteArray("acc-b"));
        QVERIFY(connectionRefused(quint16(redirect.port()))); // A3: closed after the callback

        // E31: with plexe.* at debug level, no code, verifier, state or token was logged.
        QVERIFY(!LogCapture::messages().isEmpty());
        const QStringList secrets{QStringLiteral("code-123"), QString::fromLatin1(verifier),
                                  param(url, QStringLiteral("state")), QStringLiteral("acc-b"),
                                  QStringLiteral("ref-b")};
        QCOMPARE(LogCapture::containing(secrets), QStringList());
    }

    void freshStateAndVerifierPerAttempt()
    {
        Fixture f;
        f.openerResult = false;
        QSet<QString> states, challenges;
        for (int i = 0; i < 3; ++i) {
            QSignalSpy openFailed(&f.flow, &BrowserSignIn::browserOpenFailed);
            QVERIFY(f.flow.start());
            QVERIFY(openFailed.wait(2000));
            states << param(f.flow.authorizationUrl(), QStringLiteral("state"));
            challenges << param(f.flow.authorizationUrl(), QStringLiteral("code_challenge"));
            f.flow.cancel();
        }
        QCOMPARE(states.size(), 3);
        QCOMPARE(challenges.size(), 3);
    }

    void openerFailsThenPastedAddress()
    {
        Fixture f;
        f.openerResult = false;
        QSignalSpy openFailed(&f.flow, &BrowserSignIn::browserOpenFailed);
        QSignalSpy done(&f.flow, &BrowserSignIn::finished);
        QSignalSpy failed(&f.flow, &BrowserSignIn::failed);
        QVERIFY(f.flow.start());
        QVERIFY(openFailed.wait(2000));
        QCOMPARE(openFailed.first().first().toUrl(), f.flow.authorizationUrl());
        QCOMPARE(f.flow.state(), BrowserSignIn::State::WaitingForPaste);
        const QUrl redirect = f.flow.redirectUri();
        QVERIFY(connectionRefused(quint16(redirect.port()))); // A3: closed at once

        const QString state = param(f.flow.authorizationUrl(), QStringLiteral("state"));
        QUrl pasted = redirect;
        pasted.setQuery(QStringLiteral("code=pasted-code&state=wrong&iss=") + f.server.origin());
        QCOMPARE(f.flow.submitPastedAddress(pasted.toString()).kind,
                 CallbackOutcome::Kind::WrongState);
        QCOMPARE(
            f.flow.submitPastedAddress(QStringLiteral("https://evil.example/callback?code=x")).kind,
            CallbackOutcome::Kind::Malformed);
        QCOMPARE(f.tokenRequests().size(), 0);
        QCOMPARE(f.flow.state(), BrowserSignIn::State::WaitingForPaste);

        pasted.setQuery(QStringLiteral("code=pasted-code&state=") + state +
                        QStringLiteral("&iss=") + f.server.origin());
        QCOMPARE(f.flow.submitPastedAddress(pasted.toString()).kind, CallbackOutcome::Kind::Code);
        QVERIFY(done.wait(2000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(f.tokenRequests().size(), 1);
        QCOMPARE(formValue(requestBody(f.tokenRequests().first()), QStringLiteral("code")),
                 QStringLiteral("pasted-code"));
    }

    void issuerMismatchInCallbackEndsTheAttempt()
    {
        Fixture f;
        QNetworkAccessManager browserNam;
        f.browser = [&](const QUrl &url) {
            QTimer::singleShot(0, &browserNam, [&, url] {
                callBack(&browserNam, url, QStringLiteral("c"), param(url, QStringLiteral("state")),
                         QStringLiteral("https://evil.example"));
            });
        };
        QSignalSpy failed(&f.flow, &BrowserSignIn::failed);
        f.flow.start();
        QVERIFY(failed.wait(2000));
        QCOMPARE(f.tokenRequests().size(), 0); // A10
    }

    void discoveryChecks_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::newRow("no S256") << QByteArray("[\"S256\"]") << QByteArray("[\"plain\"]");
        QTest::newRow("other issuer")
            << QByteArray("\"issuer\":\"") << QByteArray("\"issuer\":\"https://evil.example#");
        QTest::newRow("insecure token endpoint")
            << QByteArray("\"token_endpoint\":\"http://127.0.0.1")
            << QByteArray("\"token_endpoint\":\"http://evil.example");
    }
    void discoveryChecks()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        Fixture f;
        f.discovery.replace(from, to);
        QSignalSpy failed(&f.flow, &BrowserSignIn::failed);
        f.flow.start();
        QVERIFY(failed.wait(2000));
        QVERIFY(f.opened.isEmpty()); // no browser, no loopback port
        QVERIFY(!failed.first().at(1).toString().isEmpty());
    }

    void tokenErrorsStoreNothing_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<bool>("stored");
        QTest::newRow("invalid_grant")
            << ScriptedHttpServer::response(
                   400, "{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}")
            << false;
        QTest::newRow("no access_token")
            << ScriptedHttpServer::response(200,
                                            "{\"token_type\":\"Bearer\",\"refresh_token\":\"r\"}")
            << false;
        // Control: the same wiring with a good answer does store a session, so the check of the
        // store above can fail.
        QTest::newRow("control: good answer")
            << ScriptedHttpServer::response(200, tokenAnswer("acc-c", "ref-c")) << true;
    }
    void tokenErrorsStoreNothing()
    {
        QFETCH(QByteArray, reply);
        QFETCH(bool, stored);
        Fixture f;
        f.tokenReply = reply;
        f.openerResult = false;
        // Wired as the console does: a finished flow begins the profile's session, which saves
        // it to the store (memory only here: this test runs without a keyring).
        SessionStore store;
        store.useMemoryOnly(QStringLiteral("test"));
        ApiEndpoint ep;
        ep.baseUrl = QUrl(f.server.origin());
        SessionManager manager(QStringLiteral("browser-test"), ep, &store, &f.clock);
        connect(&f.flow, &BrowserSignIn::finished, &manager,
                [&manager](SignInResult result) { manager.beginSession(result); });
        QSignalSpy openFailed(&f.flow, &BrowserSignIn::browserOpenFailed);
        QSignalSpy done(&f.flow, &BrowserSignIn::finished);
        QSignalSpy failed(&f.flow, &BrowserSignIn::failed);
        f.flow.start();
        QVERIFY(openFailed.wait(2000));
        QUrl pasted = f.flow.redirectUri();
        pasted.setQuery(QStringLiteral("code=c&state=") +
                        param(f.flow.authorizationUrl(), QStringLiteral("state")));
        f.flow.submitPastedAddress(pasted.toString());
        // The store runs its operations in call order: this load answers after any save the
        // flow's end caused.
        if (stored) {
            QVERIFY(done.wait(2000));
            const StoreResult loaded = test::load(store, manager.profile(), 2000);
            QCOMPARE(loaded.outcome.status, SessionStore::Status::Ok);
            QCOMPARE(loaded.session.accessToken, QByteArray("acc-c"));
            return;
        }
        QVERIFY(failed.wait(2000));
        QCOMPARE(done.size(), 0); // A8: nothing handed over to be stored
        QVERIFY(!failed.first().at(1).toString().isEmpty());
        QCOMPARE(f.flow.state(), BrowserSignIn::State::Failed);
        QVERIFY(!manager.isSignedIn());
        const StoreResult loaded = test::load(store, manager.profile(), 2000);
        QCOMPARE(loaded.outcome.status, SessionStore::Status::SignedOut);
        QVERIFY(loaded.session.accessToken.isEmpty());
        QVERIFY(loaded.session.refreshToken.isEmpty());
    }

    void timeoutClosesThePort()
    {
        Fixture f;
        f.flow.setTimeout(300ms);
        QSignalSpy waiting(&f.flow, &BrowserSignIn::waitingForBrowser);
        QSignalSpy failed(&f.flow, &BrowserSignIn::failed);
        f.flow.start();
        QVERIFY(waiting.wait(2000));
        const quint16 port = quint16(f.flow.redirectUri().port());
        QVERIFY(!connectionRefused(port));
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.first().first().value<ApiError>().kind(), ApiError::Kind::Timeout);
        QVERIFY(connectionRefused(port));
    }

    void cancelClosesThePort()
    {
        Fixture f;
        QSignalSpy waiting(&f.flow, &BrowserSignIn::waitingForBrowser);
        QSignalSpy failed(&f.flow, &BrowserSignIn::failed);
        f.flow.start();
        QVERIFY(waiting.wait(2000));
        const quint16 port = quint16(f.flow.redirectUri().port());
        f.flow.cancel();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<ApiError>().kind(), ApiError::Kind::Cancelled);
        QVERIFY(connectionRefused(port));
        f.flow.cancel();
        QCOMPARE(failed.size(), 1); // once
    }
};

QTEST_GUILESS_MAIN(TestBrowserSignIn)
#include "tst_browsersignin.moc"
