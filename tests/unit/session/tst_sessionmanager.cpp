// SessionManager against a scripted loopback server and a memory-only SessionStore: sign-in
// saves the session, 5 concurrent 401s cause one refresh and one retry each, a network failure
// keeps the session, so does a stalled refresh (ended by its deadline, D27), invalid_grant ends it,
// step-up (server-driven and local) retries once and a cancelled step-up sends nothing, and every
// end of session does all of B17.
#include "FlowTestSupport.h"
#include "KeychainTestSupport.h"
#include "ScriptedHttpServer.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/User.h"
#include "session/ManualClock.h"
#include "session/RefreshCoordinator.h"
#include "session/SessionManager.h"
#include "session/SessionPolicy.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

namespace {

const QString kProfile = QStringLiteral("unit");

// A tiny stand-in for the server's session routes.
struct FakeServer
{
    ScriptedHttpServer http;
    QByteArray validAccess = "acc-0";
    QByteArray validRefresh = "ref-0";
    int generation = 0;
    bool refreshDown = false;     // the token endpoint answers 503
    bool refreshInvalid = false;  // invalid_grant
    bool needsStepUp = false;     // DELETE answers 403 reauthentication_required
    bool reauthStalls = false;    // POST /auth/reauthenticate never answers
    QList<QByteArray> log;        // "METHOD /path" per request
    QList<QByteArray> tokensSeen; // Authorization values of GET /auth/user
    // The manager's client, once there is one: token and revocation requests are captured from
    // it while in flight.
    const ApiClient *client = nullptr;
    struct Upload
    {
        QByteArray path;
        QByteArray buffer;      // another handle on the very buffer the network stack uploads
        bool hadSecret = false; // it held the refresh token this request carries
    };
    QList<Upload> uploads;

    FakeServer()
    {
        http.setHandler([this](int, const QByteArray &request) { return answer(request); });
    }

    QByteArray answer(const QByteArray &request)
    {
        const QByteArray path = requestPath(request);
        const QByteArray method = requestLine(request).split(' ').first();
        log << method + ' ' + path;
        const QByteArray auth = requestHeader(request, "authorization");
        if (client && (path == "/oauth/token" || path == "/oauth/revoke")) {
            const QByteArray body = requestBody(request);
            const QByteArray secret =
                formValue(body,
                          QString::fromLatin1(path == "/oauth/token" ? "refresh_token" : "token"))
                    .toLatin1();
            for (ApiCall *call : client->findChildren<ApiCall *>()) {
                if (call->request().body == body)
                    uploads << Upload{path, call->request().body,
                                      !secret.isEmpty() && call->request().body.contains(secret)};
            }
        }
        if (path == "/oauth/token") {
            if (refreshDown)
                return ScriptedHttpServer::response(503, "{}");
            const QString rt = formValue(requestBody(request), QStringLiteral("refresh_token"));
            if (refreshInvalid || rt.toLatin1() != validRefresh)
                return ScriptedHttpServer::response(400, "{\"error\":\"invalid_grant\"}");
            ++generation;
            validAccess = "acc-" + QByteArray::number(generation);
            validRefresh = "ref-" + QByteArray::number(generation);
            return ScriptedHttpServer::response(200, tokenAnswer(validAccess, validRefresh));
        }
        if (path == "/oauth/revoke")
            return ScriptedHttpServer::response(200, "{}");
        if (path == "/auth/reauthenticate" && reauthStalls)
            return QByteArray();
        if (path == "/auth/reauthenticate") {
            const QJsonObject body = QJsonDocument::fromJson(requestBody(request)).object();
            if (auth != "Bearer " + validAccess ||
                body.value(QLatin1String("password")).toString() != QLatin1String("right"))
                return ScriptedHttpServer::response(
                    401, "{\"error\":{\"code\":\"invalid_credentials\",\"message\":\"no\"}}");
            needsStepUp = false;
            validAccess = "acc-stepped";
            validRefresh = "ref-stepped";
            return ScriptedHttpServer::response(200, tokenAnswer(validAccess, validRefresh));
        }
        if (auth != "Bearer " + validAccess)
            return ScriptedHttpServer::response(
                401, "{\"error\":{\"code\":\"invalid_token\",\"message\":\"expired\"}}");
        if (path == "/auth/user") {
            tokensSeen << auth;
            return ScriptedHttpServer::response(200, "{\"user_id\":\"u\",\"email\":\"a@b.c\"}");
        }
        if (method == "DELETE" && needsStepUp)
            return ScriptedHttpServer::response(
                403, "{\"error\":{\"code\":\"reauthentication_required\",\"message\":\"x\"}}");
        if (method == "DELETE")
            return ScriptedHttpServer::response(
                200, "{\"key_id\":\"key_1\",\"status\":\"revoked\",\"revoked_at\":"
                     "\"2026-01-01T00:00:00Z\"}");
        if (path == "/stall")
            return QByteArray();
        if (path == "/forbidden")
            return ScriptedHttpServer::response(
                403, "{\"error\":{\"code\":\"insufficient_permissions\",\"message\":\"no\"}}");
        return ScriptedHttpServer::response(404, "{}");
    }
    int count(const QByteArray &line) const { return int(log.count(line)); }
};

struct Fixture
{
    FakeServer server;
    ManualClock clock;
    SessionStore store;
    SessionManager manager;

    explicit Fixture(int transferTimeoutMs = 2000)
        : manager(kProfile, endpointFor(server, transferTimeoutMs), &store, &clock)
    {
        store.useMemoryOnly(QStringLiteral("unit test"));
        server.client = manager.apiClient();
    }
    static ApiEndpoint endpointFor(const FakeServer &s, int transferTimeoutMs = 2000)
    {
        ApiEndpoint ep;
        ep.baseUrl = QUrl(s.http.origin());
        ep.transferTimeoutMs = transferTimeoutMs;
        return ep;
    }
    void signInWithTokens()
    {
        SignInResult r;
        r.kind = SignInResult::Kind::Password;
        r.tokens.accessToken = server.validAccess;
        r.tokens.refreshToken = server.validRefresh;
        r.tokens.expiresIn = 900;
        r.authTime = clock.now();
        manager.beginSession(r);
        QVERIFY(r.tokens.accessToken.isEmpty()); // wiped once adopted
    }
    static constexpr const char *kApiKey = "plx_sk_unitTestKey0123456789abcdef";
    void signInWithApiKey()
    {
        SignInResult r;
        r.kind = SignInResult::Kind::ApiKey;
        r.apiKey = kApiKey;
        manager.beginSession(r);
        QVERIFY(r.apiKey.isEmpty()); // wiped once adopted
    }
    SessionRequest *getUser()
    {
        return manager.run([](ApiClient &c) { return c.getUser(); });
    }
    SessionRequest *revokeKey()
    {
        return manager.run([](ApiClient &c) { return c.revokeApiKey(QStringLiteral("key_1")); },
                           true);
    }
};

struct Done
{
    bool finished = false;
    ApiError error;
    bool refreshed = false;
    int attempts = 0;
};

std::shared_ptr<Done> watch(SessionRequest *request)
{
    auto d = std::make_shared<Done>();
    QObject::connect(request, &SessionRequest::finished, request, [d, request] {
        d->finished = true;
        d->error = request->error();
        d->refreshed = request->wasRefreshed();
        d->attempts = request->attempts();
    });
    return d;
}

} // namespace

class TestSessionManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signInSavesTheSession()
    {
        Fixture f;
        QSignalSpy signedIn(&f.manager, &SessionManager::signedIn);
        f.signInWithTokens();
        QCOMPARE(signedIn.size(), 1);
        QVERIFY(f.manager.isSignedIn());
        QVERIFY(f.manager.usesSessionToken());
        QCOMPARE(f.manager.storageMode(), SessionStore::Mode::MemoryOnly);
        QCOMPARE(f.manager.storageBackend(), QStringLiteral("memory only"));
        const StoreResult loaded = load(f.store, kProfile);
        QCOMPARE(loaded.outcome.status, SessionStore::Status::Ok);
        QCOMPARE(loaded.session.accessToken, QByteArray("acc-0"));
        QCOMPARE(loaded.session.refreshToken, QByteArray("ref-0"));
        QCOMPARE(loaded.session.meta.kind, QStringLiteral("password"));
        auto d = watch(f.getUser());
        QTRY_VERIFY_WITH_TIMEOUT(d->finished, 2000);
        QVERIFY(!d->error.isError());
    }

    void concurrent401sCauseOneRefresh()
    {
        Fixture f;
        f.signInWithTokens();
        f.server.validAccess = "acc-server-side-expired"; // the session token is now stale
        QList<std::shared_ptr<Done>> done;
        for (int i = 0; i < 5; ++i)
            done << watch(f.getUser());
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(done.begin(), done.end(), [](const auto &d) { return d->finished; }), 2000);
        // The fake server only accepts the refresh token it issued: ref-0 -> acc-1/ref-1.
        QCOMPARE(f.server.count("POST /oauth/token"), 1);
        QCOMPARE(f.manager.refreshCoordinator()->refreshCount(), 1);
        for (const auto &d : done) {
            QVERIFY2(!d->error.isError(), qPrintable(d->error.logString()));
            QVERIFY(d->refreshed);
            QCOMPARE(d->attempts, 2); // retried once
        }
        QCOMPARE(f.server.count("GET /auth/user"), 10);
        QCOMPARE(f.server.tokensSeen, QList<QByteArray>(5, "Bearer acc-1"));
        // The rotated refresh token is in the store.
        QCOMPARE(load(f.store, kProfile).session.refreshToken, QByteArray("ref-1"));
    }

    void refreshAndRevocationBodiesAreWiped()
    {
        // The refresh token travels in the bodies of the refresh and the revocation: once each
        // reply finished, the one buffer that was uploaded holds zeros (a wipe of a copy, or
        // clear(), would leave the token in it).
        Fixture f;
        f.signInWithTokens();
        f.server.validAccess = "stale";
        auto d = watch(f.getUser());
        QTRY_VERIFY_WITH_TIMEOUT(d->finished, 2000);
        QVERIFY2(!d->error.isError(), qPrintable(d->error.logString()));
        QVERIFY(d->refreshed);
        QSignalSpy revoked(&f.manager, &SessionManager::revocationFinished);
        f.manager.signOut();
        QVERIFY(revoked.wait(2000));
        QCOMPARE(revoked.first().first().toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(f.manager.apiClient()->findChildren<ApiCall *>().isEmpty(), 2000);

        QCOMPARE(f.server.uploads.size(), 2);
        QCOMPARE(f.server.uploads.at(0).path, QByteArray("/oauth/token"));
        QCOMPARE(f.server.uploads.at(1).path, QByteArray("/oauth/revoke"));
        for (const auto &upload : std::as_const(f.server.uploads)) {
            QVERIFY2(upload.hadSecret, upload.path.constData());
            QVERIFY2(upload.buffer == QByteArray(upload.buffer.size(), '\0'),
                     upload.path.constData());
        }
    }

    void networkFailureDuringRefreshKeepsTheSession()
    {
        Fixture f;
        f.signInWithTokens();
        f.server.validAccess = "stale";
        f.server.refreshDown = true;
        QSignalSpy signedOut(&f.manager, &SessionManager::signedOut);
        auto d = watch(f.getUser());
        QTRY_VERIFY_WITH_TIMEOUT(d->finished, 2000);
        QVERIFY(d->error.isError());
        QCOMPARE(d->error.kind(), ApiError::Kind::Network);
        QVERIFY(f.manager.isSignedIn());
        QCOMPARE(signedOut.size(), 0);
        QCOMPARE(load(f.store, kProfile).outcome.status, SessionStore::Status::Ok);
    }

    void stalledRefreshTimesOutAndKeepsTheSession()
    {
        // The transfer timeout (30 s) would never end this test: only the deadline can.
        Fixture f(30000);
        f.manager.setAuthTimeout(300ms);
        f.signInWithTokens();
        // The token endpoint is a second server that never answers, so its connections are
        // exactly the refresh's.
        ScriptedHttpServer stalledToken([](int, const QByteArray &) { return QByteArray(); });
        OidcConfiguration oauth = f.manager.oauthConfiguration();
        const QUrl normalTokenEndpoint = oauth.tokenEndpoint;
        oauth.tokenEndpoint = QUrl(stalledToken.origin() + QStringLiteral("/oauth/token"));
        f.manager.setOAuthConfiguration(oauth);
        f.server.validAccess = "stale";
        QSignalSpy signedOut(&f.manager, &SessionManager::signedOut);
        QElapsedTimer since;
        since.start();
        auto d = watch(f.getUser());
        QTRY_VERIFY_WITH_TIMEOUT(d->finished, 1500);
        QVERIFY2(since.elapsed() < 1500, QByteArray::number(since.elapsed()).constData());
        QCOMPARE(stalledToken.requests().size(), 1);
        // Like a network failure (B18): this request fails, the session stays.
        QCOMPARE(d->error.kind(), ApiError::Kind::Network);
        QCOMPARE(d->error.code(), QStringLiteral("refresh_unavailable"));
        QVERIFY(d->error.message().contains(QLatin1String("timed out")));
        QVERIFY(f.manager.isSignedIn());
        QCOMPARE(signedOut.size(), 0);
        QVERIFY(!f.manager.refreshCoordinator()->isRefreshing());
        QCOMPARE(load(f.store, kProfile).session.refreshToken, QByteArray("ref-0"));
        QTRY_VERIFY_WITH_TIMEOUT(allConnectionsClosed(stalledToken), 1000);

        // The stall did not wedge the single-flight refresh: the next 401 refreshes normally.
        oauth.tokenEndpoint = normalTokenEndpoint;
        f.manager.setOAuthConfiguration(oauth);
        auto again = watch(f.getUser());
        QTRY_VERIFY_WITH_TIMEOUT(again->finished, 1500);
        QVERIFY2(!again->error.isError(), qPrintable(again->error.logString()));
        QVERIFY(again->refreshed);
        QCOMPARE(signedOut.size(), 0);
    }

    void invalidGrantEndsTheSession()
    {
        Fixture f;
        f.signInWithTokens();
        f.server.validAccess = "stale";
        f.server.refreshInvalid = true;
        QSignalSpy signedOut(&f.manager, &SessionManager::signedOut);
        QSignalSpy cleared(&f.manager, &SessionManager::keychainCleared);
        auto d = watch(f.getUser());
        QTRY_VERIFY_WITH_TIMEOUT(d->finished, 2000);
        QVERIFY(d->error.isError());
        QCOMPARE(signedOut.size(), 1);
        QCOMPARE(signedOut.first().first().value<SessionManager::EndReason>(),
                 SessionManager::EndReason::RefreshRejected);
        QVERIFY(cleared.wait(2000) || cleared.size() == 1);
        QVERIFY(!f.manager.isSignedIn());
        QVERIFY(f.manager.apiClient()->credential().isEmpty());
        QCOMPARE(load(f.store, kProfile).outcome.status, SessionStore::Status::SignedOut);
    }

    void serverStepUpRetriesOnce()
    {
        Fixture f;
        f.signInWithTokens();
        f.server.needsStepUp = true;
        QSignalSpy required(&f.manager, &SessionManager::stepUpRequired);
        QSignalSpy failedStep(&f.manager, &SessionManager::stepUpFailed);
        auto d = watch(f.revokeKey());
        QVERIFY(required.wait(2000));
        QCOMPARE(required.first().first().toBool(), true); // a password account
        QByteArray wrong = "wrong";
        f.manager.reauthenticate(wrong);
        QVERIFY(wrong.isEmpty());
        QVERIFY(failedStep.wait(2000));
        QVERIFY(!d->finished);
        QByteArray right = "right";
        f.manager.reauthenticate(right);
        QTRY_VERIFY_WITH_TIMEOUT(d->finished, 2000);
        QVERIFY2(!d->error.isError(), qPrintable(d->error.logString()));
        QCOMPARE(f.server.count("DELETE /auth/api-keys/key_1"), 2); // the original, then once
        QCOMPARE(required.size(), 1);
        // The new session's tokens are used and stored; the old refresh token is revoked.
        QCOMPARE(f.manager.apiClient()->credential().secret(), QByteArray("acc-stepped"));
        QCOMPARE(load(f.store, kProfile).session.refreshToken, QByteArray("ref-stepped"));
        QTRY_COMPARE_WITH_TIMEOUT(f.server.count("POST /oauth/revoke"), 1, 2000);
        QVERIFY(!f.manager.policy()->needsStepUp());
    }

    void stalledStepUpTimesOutAndCanBeRetried()
    {
        // The transfer timeout (30 s) would never end this test: only the deadline can.
        Fixture f(30000);
        f.manager.setAuthTimeout(300ms);
        f.signInWithTokens();
        f.server.needsStepUp = true;
        f.server.reauthStalls = true;
        QSignalSpy required(&f.manager, &SessionManager::stepUpRequired);
        QSignalSpy failedStep(&f.manager, &SessionManager::stepUpFailed);
        QSignalSpy signedOut(&f.manager, &SessionManager::signedOut);
        auto d = watch(f.revokeKey());
        QVERIFY(required.wait(1000));
        QElapsedTimer since;
        since.start();
        QByteArray password = "right";
        f.manager.reauthenticate(password);
        QVERIFY(failedStep.wait(1500));
        QVERIFY2(since.elapsed() < 1500, QByteArray::number(since.elapsed()).constData());
        QVERIFY(failedStep.first().first().toString().contains(QLatin1String("timed out")));
        QCOMPARE(f.server.count("POST /auth/reauthenticate"), 1);
        // Every request so far went over one connection, the one the abort closed.
        QTRY_VERIFY_WITH_TIMEOUT(allConnectionsClosed(f.server.http), 1000);
        QVERIFY(!d->finished); // still waiting for the step-up
        QVERIFY(f.manager.isSignedIn());
        QCOMPARE(signedOut.size(), 0);

        f.server.reauthStalls = false;
        QByteArray again = "right";
        f.manager.reauthenticate(again);
        QTRY_VERIFY_WITH_TIMEOUT(d->finished, 1500);
        QVERIFY2(!d->error.isError(), qPrintable(d->error.logString()));
        QCOMPARE(failedStep.size(), 1);
    }

    void browserStepUpForOAuthAccounts()
    {
        Fixture f;
        SignInResult first;
        first.kind = SignInResult::Kind::Browser;
        first.tokens.accessToken = f.server.validAccess;
        first.tokens.refreshToken = f.server.validRefresh;
        f.manager.beginSession(first);
        f.server.needsStepUp = true;
        QSignalSpy required(&f.manager, &SessionManager::stepUpRequired);
        auto d = watch(f.revokeKey());
        QVERIFY(required.wait(2000));
        QCOMPARE(required.first().first().toBool(), false); // run the browser with prompt=login
        // What a BrowserSignIn with Options::promptLogin would hand over.
        f.server.needsStepUp = false;
        f.server.validAccess = "acc-browser-2";
        SignInResult again;
        again.kind = SignInResult::Kind::Browser;
        again.tokens.accessToken = "acc-browser-2";
        again.tokens.refreshToken = "ref-browser-2";
        again.authTime = f.clock.now();
        f.manager.completeStepUp(again);
        QVERIFY(again.tokens.accessToken.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(d->finished, 2000);
        QVERIFY2(!d->error.isError(), qPrintable(d->error.logString()));
        QCOMPARE(f.server.count("DELETE /auth/api-keys/key_1"), 2);
        QCOMPARE(load(f.store, kProfile).session.refreshToken, QByteArray("ref-browser-2"));
    }

    void insufficientPermissionsNeitherRetriesNorSignsOut()
    {
        Fixture f;
        f.signInWithTokens();
        QSignalSpy signedOut(&f.manager, &SessionManager::signedOut);
        QSignalSpy required(&f.manager, &SessionManager::stepUpRequired);
        auto d = watch(f.manager.run([](ApiClient &c) {
            ApiRequest r;
            r.method = QByteArrayLiteral("POST");
            r.path = QStringLiteral("/forbidden");
            r.body = "{}";
            return c.send(r);
        }));
        QTRY_VERIFY_WITH_TIMEOUT(d->finished, 2000);
        QVERIFY(d->error.isPermissionDenied());
        QCOMPARE(d->attempts, 1);
        QCOMPARE(f.server.http.requests().size(), 1);
        QCOMPARE(signedOut.size(), 0);
        QCOMPARE(required.size(), 0);
        QVERIFY(f.manager.isSignedIn());
    }

    void cancelledStepUpSendsNothing()
    {
        Fixture f;
        f.signInWithTokens();
        f.clock.advance(11min); // outside the 10-minute window
        f.manager.policy()->recordUserActivity();
        QVERIFY(f.manager.policy()->needsStepUp());
        QSignalSpy required(&f.manager, &SessionManager::stepUpRequired);
        auto d = watch(f.revokeKey());
        QCOMPARE(required.size(), 1); // asked before anything is sent
        f.manager.cancelStepUp();
        QTRY_VERIFY_WITH_TIMEOUT(d->finished, 2000);
        QCOMPARE(d->error.code(), QStringLiteral("step_up_cancelled"));
        QVERIFY(!f.manager.isStepUpPending());
        // Nothing is left that could still send: every call has ended and been freed.
        QTRY_VERIFY_WITH_TIMEOUT(f.manager.apiClient()->findChildren<ApiCall *>().isEmpty(), 2000);
        QCOMPARE(f.server.http.requests().size(), 0); // B19: nothing sent
        QVERIFY(f.manager.isSignedIn());
    }

    void signOutDoesAllOfB17()
    {
        Fixture f;
        f.signInWithTokens();
        QList<QByteArray> order;
        for (auto signal :
             {&SessionManager::closeSecretDialogs, &SessionManager::clearSecretClipboard,
              &SessionManager::dropSessionData}) {
            connect(&f.manager, signal, this, [&order, signal] {
                order << QByteArray(signal == &SessionManager::closeSecretDialogs     ? "dialogs"
                                    : signal == &SessionManager::clearSecretClipboard ? "clipboard"
                                                                                      : "data");
            });
        }
        connect(&f.manager, &SessionManager::signedOut, this,
                [&order] { order << QByteArray("out"); });
        QSignalSpy revoked(&f.manager, &SessionManager::revocationFinished);
        QSignalSpy cleared(&f.manager, &SessionManager::keychainCleared);
        auto stalled = watch(f.manager.run([](ApiClient &c) {
            ApiRequest r;
            r.path = QStringLiteral("/stall");
            return c.send(r);
        }));
        QTRY_COMPARE_WITH_TIMEOUT(f.server.http.requests().size(), 1, 2000);

        f.manager.signOut();
        QCOMPARE(order, QList<QByteArray>({"dialogs", "clipboard", "data", "out"}));
        QVERIFY(stalled->finished); // aborted
        QCOMPARE(stalled->error.kind(), ApiError::Kind::Cancelled);
        QVERIFY(!f.manager.isSignedIn());
        QVERIFY(f.manager.apiClient()->credential().isEmpty());
        QVERIFY(f.manager.refreshCoordinator()->accessToken().isEmpty());
        QVERIFY(revoked.wait(2000));
        QCOMPARE(revoked.first().first().toBool(), true);
        const QByteArray revoke = f.server.http.requests().last();
        QCOMPARE(requestPath(revoke), QByteArray("/oauth/revoke"));
        QCOMPARE(formValue(requestBody(revoke), QStringLiteral("token")), QStringLiteral("ref-0"));
        QCOMPARE(formValue(requestBody(revoke), QStringLiteral("token_type_hint")),
                 QStringLiteral("refresh_token"));
        QTRY_COMPARE_WITH_TIMEOUT(cleared.size(), 1, 2000);
        QCOMPARE(load(f.store, kProfile).outcome.status, SessionStore::Status::SignedOut);
    }

    void signOutOfflineStillCleansUp()
    {
        auto f = std::make_unique<Fixture>();
        f->signInWithTokens();
        // The server goes away: its port now refuses connections.
        ApiEndpoint dead;
        dead.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        OidcConfiguration oauth = OidcConfiguration::defaultsFor(dead.baseUrl);
        f->manager.setOAuthConfiguration(oauth);
        QSignalSpy revoked(&f->manager, &SessionManager::revocationFinished);
        QSignalSpy signedOut(&f->manager, &SessionManager::signedOut);
        f->manager.signOut();
        QCOMPARE(signedOut.size(), 1);
        QCOMPARE(load(f->store, kProfile).outcome.status, SessionStore::Status::SignedOut);
        QVERIFY(revoked.wait(2000));
        QCOMPARE(revoked.first().first().toBool(), false);
    }

    void idleAndAbsoluteTimeoutsEndTheSession_data()
    {
        QTest::addColumn<bool>("absolute");
        QTest::newRow("idle") << false;
        QTest::newRow("absolute") << true;
    }
    void idleAndAbsoluteTimeoutsEndTheSession()
    {
        QFETCH(bool, absolute);
        Fixture f;
        f.signInWithTokens();
        QSignalSpy signedOut(&f.manager, &SessionManager::signedOut);
        if (absolute) {
            for (int i = 0; i < 12 * 6; ++i) { // active every 10 min for 12 h
                f.clock.advance(10min);
                f.manager.policy()->recordUserActivity();
                f.manager.policy()->tick();
            }
        } else {
            f.clock.advance(16min);
            f.manager.policy()->tick();
        }
        QCOMPARE(signedOut.size(), 1);
        QCOMPARE(signedOut.first().first().value<SessionManager::EndReason>(),
                 absolute ? SessionManager::EndReason::AbsoluteTimeout
                          : SessionManager::EndReason::IdleTimeout);
        QCOMPARE(load(f.store, kProfile).outcome.status, SessionStore::Status::SignedOut);
        QTRY_COMPARE_WITH_TIMEOUT(f.server.count("POST /oauth/revoke"), 1, 2000);
    }

    void restoreFollowsTheIdleRule_data()
    {
        QTest::addColumn<int>("minutesAway");
        QTest::addColumn<bool>("restored");
        QTest::newRow("fresh") << 5 << true;
        QTest::newRow("idle too long") << 16 << false;
    }
    void restoreFollowsTheIdleRule()
    {
        QFETCH(int, minutesAway);
        QFETCH(bool, restored);
        FakeServer server;
        ManualClock clock;
        SessionStore store;
        store.useMemoryOnly(QStringLiteral("unit test"));
        {
            SessionManager first(kProfile, Fixture::endpointFor(server), &store, &clock);
            SignInResult r;
            r.kind = SignInResult::Kind::Browser;
            r.tokens.accessToken = "acc-0";
            r.tokens.refreshToken = "ref-0";
            first.beginSession(r);
            QCOMPARE(load(store, kProfile).outcome.status, SessionStore::Status::Ok);
        }
        clock.advance(std::chrono::minutes(minutesAway));
        SessionManager second(kProfile, Fixture::endpointFor(server), &store, &clock);
        QSignalSpy finished(&second, &SessionManager::restoreFinished);
        second.restore();
        QVERIFY(finished.wait(2000));
        QCOMPARE(finished.first().first().toBool(), restored);
        QCOMPARE(second.isSignedIn(), restored);
        if (restored) {
            QCOMPARE(second.sessionKind(), QStringLiteral("oauth"));
            QCOMPARE(second.apiClient()->credential().secret(), QByteArray("acc-0"));
        } else {
            QCOMPARE(load(store, kProfile).outcome.status, SessionStore::Status::SignedOut);
        }
    }

    void apiKeySessionUsesTheKeyHeader()
    {
        Fixture f;
        f.signInWithApiKey();
        QCOMPARE(f.manager.apiClient()->credential().type(), Credential::Type::ApiKey);
        QVERIFY(!f.manager.usesSessionToken());
        const StoreResult loaded = load(f.store, kProfile);
        QCOMPARE(loaded.session.apiKey, QByteArray(Fixture::kApiKey));
        QVERIFY(loaded.session.accessToken.isEmpty());
        // A sensitive request with an API key needs no step-up (the server asks none).
        f.clock.advance(11min);
        f.manager.policy()->recordUserActivity();
        QSignalSpy required(&f.manager, &SessionManager::stepUpRequired);
        watch(f.revokeKey());
        QCOMPARE(required.size(), 0);
    }

    void rejectedApiKeyEndsTheSessionSayingSo()
    {
        // A revoked or expired key gets a 401 and has nothing to refresh: the session ends with
        // a reason of its own, so the window does not speak of a session "ended by the server".
        Fixture f;
        f.signInWithApiKey();
        QSignalSpy signedOut(&f.manager, &SessionManager::signedOut);
        auto d = watch(f.getUser()); // the scripted server accepts only its bearer token
        QTRY_VERIFY_WITH_TIMEOUT(d->finished, 2000);
        QVERIFY(d->error.isError());
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 2000);
        QCOMPARE(signedOut.first().first().value<SessionManager::EndReason>(),
                 SessionManager::EndReason::ApiKeyRejected);
        QVERIFY(!f.manager.isSignedIn());
        QCOMPARE(load(f.store, kProfile).outcome.status, SessionStore::Status::SignedOut);
    }
};

QTEST_GUILESS_MAIN(TestSessionManager)
#include "tst_sessionmanager.moc"
