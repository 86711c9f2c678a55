// SessionManager with the real Secret Service (the harness's private gnome-keyring) against a
// scripted loopback server: every end of session leaves no keychain entry (B17), also after the
// store fell back to memory-only (B13); a removal cut short never leaves tokens without their
// metadata, and orphans are cleaned up at start; a restored session without auth_time needs a
// step-up (B19); a step-up saves the new tokens before revoking the old family; replaceApiKey
// (rotating the console's own key) saves the new key before the session uses it.
#include "FlowTestSupport.h"
#include "KeychainTestSupport.h"
#include "ScriptedHttpServer.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ApiKey.h"
#include "session/ManualClock.h"
#include "session/SessionManager.h"
#include "session/SessionOrigin.h"
#include "session/SessionPolicy.h"

#include <QTemporaryDir>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

namespace {

const QString kProfile = QStringLiteral("kc");
const QStringList kEntries{QStringLiteral("access_token"), QStringLiteral("refresh_token"),
                           QStringLiteral("session_meta")};

// A service name of its own per test, so that no test sees another's entries.
QString freshService()
{
    static int n = 0;
    return QStringLiteral("ai.plexe.console.test%1").arg(++n);
}

// The keychain entries (by name) that exist for `service`/kProfile.
QStringList entriesIn(const QString &service)
{
    const QString listing = secretToolSearch({QStringLiteral("server"), service});
    QStringList found;
    for (const QString &name : kEntries + QStringList{QStringLiteral("api_key")}) {
        if (listing.contains(SessionStore::entryKey(kProfile, name)))
            found << name;
    }
    return found;
}

QByteArray answer(const QByteArray &request)
{
    const QByteArray path = requestPath(request);
    if (path == "/oauth/revoke")
        return ScriptedHttpServer::response(200, "{}");
    if (path == "/oauth/token")
        return ScriptedHttpServer::response(400, "{\"error\":\"invalid_grant\"}");
    if (path == "/auth/reauthenticate")
        return ScriptedHttpServer::response(200, tokenAnswer("acc-stepped", "ref-stepped"));
    return ScriptedHttpServer::response(
        401, "{\"error\":{\"code\":\"invalid_token\",\"message\":\"expired\"}}");
}

struct Fixture
{
    ScriptedHttpServer server{[](int, const QByteArray &request) {
        return answer(request);
    }};
    ManualClock clock;
    QString service = freshService();
    SessionStore store{service};
    SessionManager manager{kProfile, endpoint(), &store, &clock};

    ApiEndpoint endpoint() const
    {
        ApiEndpoint ep;
        ep.baseUrl = QUrl(server.origin());
        ep.transferTimeoutMs = 2000;
        return ep;
    }
    // Signs in with a password session and waits until it reached the keychain.
    void signIn()
    {
        QSignalSpy saved(&manager, &SessionManager::sessionSaved);
        SignInResult r;
        r.kind = SignInResult::Kind::Password;
        r.tokens.accessToken = "acc-0";
        r.tokens.refreshToken = "ref-0";
        r.authTime = clock.now();
        manager.beginSession(r);
        QVERIFY(saved.wait(2000));
        QCOMPARE(saved.first().first().toBool(), true);
        QCOMPARE(store.mode(), SessionStore::Mode::Keychain);
        QCOMPARE(entriesIn(service), kEntries);
    }
    // What the next start would find: a fresh store's load.
    SessionStore::Status loadFromAFreshStore() const
    {
        SessionStore fresh(service);
        return load(fresh, kProfile, 2000).outcome.status;
    }
};

} // namespace

class TestSessionManagerKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signOutDeletesEveryKeychainEntry()
    {
        Fixture f;
        f.signIn();
        QSignalSpy cleared(&f.manager, &SessionManager::keychainCleared);
        f.manager.signOut();
        QVERIFY(cleared.wait(2000));
        QCOMPARE(cleared.first().first().toBool(), true);
        QCOMPARE(entriesIn(f.service), QStringList());
        QCOMPARE(f.loadFromAFreshStore(), SessionStore::Status::SignedOut);
    }

    void invalidGrantDeletesEveryKeychainEntry()
    {
        Fixture f;
        f.signIn();
        QSignalSpy cleared(&f.manager, &SessionManager::keychainCleared);
        f.manager.run([](ApiClient &c) { return c.getUser(); }); // 401, then invalid_grant
        QVERIFY(cleared.wait(2000));
        QCOMPARE(cleared.first().first().toBool(), true);
        QVERIFY(!f.manager.isSignedIn());
        QCOMPARE(entriesIn(f.service), QStringList());
        QCOMPARE(f.loadFromAFreshStore(), SessionStore::Status::SignedOut);
    }

    // Defect 1: one keychain hiccup switches the store to memory-only; the sign-out must still
    // delete what was written to the keychain, or the next start restores the session.
    void memoryOnlySignOutStillDeletesTheKeychainEntries()
    {
        Fixture f;
        f.signIn();
        f.store.useMemoryOnly(QStringLiteral("a keychain job timed out"));
        QSignalSpy cleared(&f.manager, &SessionManager::keychainCleared);
        f.manager.signOut();
        QVERIFY(cleared.wait(2000));
        QCOMPARE(cleared.first().first().toBool(), true);
        QCOMPARE(entriesIn(f.service), QStringList());
        QCOMPARE(f.loadFromAFreshStore(), SessionStore::Status::SignedOut);
    }

    // Defect 6: a removal that stops after its first keychain job (here: the store's own
    // timeout wins the race) must never leave tokens without their metadata, because without
    // the metadata nothing finds them again.
    void cutShortRemovalNeverOrphansTokens()
    {
        Fixture f;
        f.signIn();
        f.store.setJobTimeout(1ms);
        const StoreResult removed = removeAll(f.store, kProfile, 2000);
        QVERIFY(removed.finished);
        // The job our timeout abandoned still lands; wait for it.
        QTRY_VERIFY_WITH_TIMEOUT(entriesIn(f.service) != kEntries, 2000);
        const QStringList left = entriesIn(f.service);
        QVERIFY2(left.isEmpty() || left.contains(QStringLiteral("session_meta")),
                 qPrintable(left.join(QLatin1Char(','))));
    }

    // Defect 6: tokens without metadata (left by an older console, or a crash during a save)
    // are deleted at the next start.
    void orphanedTokensAreDeletedAtStart()
    {
        Fixture f;
        f.signIn();
        QProcess::execute(QStringLiteral("secret-tool"),
                          {QStringLiteral("clear"), QStringLiteral("server"), f.service,
                           QStringLiteral("user"),
                           SessionStore::entryKey(kProfile, QStringLiteral("session_meta"))});
        QCOMPARE(entriesIn(f.service),
                 QStringList({QStringLiteral("access_token"), QStringLiteral("refresh_token")}));
        SessionStore store(f.service);
        SessionManager next(kProfile, f.endpoint(), &store, &f.clock);
        QSignalSpy restored(&next, &SessionManager::restoreFinished);
        next.restore();
        QVERIFY(restored.wait(2000));
        QCOMPARE(restored.first().first().toBool(), false);
        QTRY_COMPARE_WITH_TIMEOUT(entriesIn(f.service), QStringList(), 2000);
    }

    // Issue 21 item 2: a stored session is restored only against the origin it was made for
    // (scheme, host, port, CA, issuer). Anything else deletes it without a request: neither
    // the server it was made for nor the new one receives a byte.
    void storedSessionStaysWithItsOrigin_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("same origin (control)") << QString();
        QTest::newRow("another port") << QStringLiteral("port");
        QTest::newRow("another CA") << QStringLiteral("ca");
        QTest::newRow("another issuer") << QStringLiteral("issuer");
        QTest::newRow("stored without an origin") << QStringLiteral("unrecorded");
    }

    void storedSessionStaysWithItsOrigin()
    {
        QFETCH(QString, change);
        Fixture f;
        ScriptedHttpServer other([](int, const QByteArray &request) { return answer(request); });
        if (change == QLatin1String("unrecorded")) {
            // What a console before origins stored: the same session, no origin.
            StoredSession s;
            s.profile = kProfile;
            s.apiKey = "plx_sk_stored_by_an_older_console";
            s.meta.kind = QStringLiteral("api_key");
            s.meta.createdAt = f.clock.now();
            s.meta.lastActivity = f.clock.now();
            s.meta.authTime = f.clock.now();
            QCOMPARE(save(f.store, s, 2000).outcome.status, SessionStore::Status::Ok);
        } else {
            f.signIn();
        }
        QTemporaryDir dir;
        ApiEndpoint next = f.endpoint();
        if (change == QLatin1String("port")) {
            next.baseUrl = QUrl(other.origin());
        } else if (change == QLatin1String("ca")) {
            QFile ca(dir.filePath(QStringLiteral("ca.pem")));
            QVERIFY(ca.open(QIODevice::WriteOnly));
            ca.write("-----BEGIN CERTIFICATE-----\nnot one\n-----END CERTIFICATE-----\n");
            ca.close();
            next.extraCaFile = ca.fileName();
        } else if (change == QLatin1String("issuer")) {
            next.identityIssuer = QUrl(QStringLiteral("https://idp.example"));
        }
        const int requestsBefore = int(f.server.requests().size());

        SessionStore store(f.service);
        SessionManager restarted(kProfile, next, &store, &f.clock);
        QSignalSpy restored(&restarted, &SessionManager::restoreFinished);
        QSignalSpy refused(&restarted, &SessionManager::storedSessionRefused);
        restarted.restore();
        QVERIFY(restored.wait(2000));
        if (change.isEmpty()) {
            QCOMPARE(restored.first().first().toBool(), true);
            QVERIFY(restarted.isSignedIn());
            QCOMPARE(refused.count(), 0);
            return;
        }
        QCOMPARE(restored.first().first().toBool(), false);
        QVERIFY(!restarted.isSignedIn());
        QCOMPARE(refused.count(), 1);
        const QString why = refused.first().first().toString();
        QVERIFY2(why.contains(QStringLiteral("signed out")), qPrintable(why));
        // Deleted from the real keychain, locally.
        QTRY_COMPARE_WITH_TIMEOUT(entriesIn(f.service), QStringList(), 2000);
        QCOMPARE(f.loadFromAFreshStore(), SessionStore::Status::SignedOut);
        // A request of the restarted manager now carries no credential anywhere.
        ApiCall *call = restarted.apiClient()->getUser();
        QSignalSpy done(call, &ApiCall::finished);
        QVERIFY(done.wait(3000));
        for (const ScriptedHttpServer *server : {&f.server, &other}) {
            for (const QByteArray &request : server->requests()) {
                QVERIFY2(!request.toLower().contains("authorization:") &&
                             !request.toLower().contains("x-api-key:"),
                         request.constData());
            }
        }
        // Signed out without a request: no revocation reached the server it was made for.
        for (int i = requestsBefore; i < f.server.requests().size(); ++i)
            QVERIFY(!f.server.requests().at(i).contains("/oauth/revoke"));
    }

    // Defect 5: a stored session without auth_time gets no fresh step-up window.
    void restoredSessionWithoutAuthTimeNeedsStepUp()
    {
        Fixture f;
        StoredSession s;
        s.profile = kProfile;
        s.accessToken = "acc-0";
        s.refreshToken = "ref-0";
        s.meta.kind = QStringLiteral("password");
        s.meta.createdAt = f.clock.now();
        s.meta.lastActivity = f.clock.now();
        s.meta.origin = SessionOrigin::of(f.endpoint());
        QVERIFY(!s.meta.authTime.isValid());
        QCOMPARE(save(f.store, s, 2000).outcome.status, SessionStore::Status::Ok);
        QSignalSpy restored(&f.manager, &SessionManager::restoreFinished);
        f.manager.restore();
        QVERIFY(restored.wait(2000));
        QCOMPARE(restored.first().first().toBool(), true);
        QVERIFY(f.manager.policy()->needsStepUp());
    }

    // Defect 7: the step-up's new tokens reach the keychain before the old family is revoked,
    // so that a crash in between never leaves only revoked tokens stored.
    void stepUpSavesBeforeRevokingTheOldFamily()
    {
        Fixture f;
        f.signIn();
        QList<QByteArray> order;
        connect(&f.server, &ScriptedHttpServer::requestReceived, this, [&](int index) {
            if (requestPath(f.server.requests().at(index)) == "/oauth/revoke")
                order << "revoke";
        });
        int revokeCallsAtStepUp = -1;
        connect(&f.manager, &SessionManager::stepUpCompleted, this, [&] {
            revokeCallsAtStepUp = 0;
            for (ApiCall *call : f.manager.apiClient()->findChildren<ApiCall *>())
                revokeCallsAtStepUp +=
                    call->request().absoluteUrl.path() == QLatin1String("/oauth/revoke");
        });
        connect(&f.manager, &SessionManager::sessionSaved, this, [&] { order << "saved"; });
        QSignalSpy revoked(&f.manager, &SessionManager::revocationFinished);
        bool ok = false;
        f.manager.requestStepUp(this, [&ok](bool done) { ok = done; });
        QByteArray password = "right";
        f.manager.reauthenticate(password);
        QVERIFY(revoked.wait(2000));
        QVERIFY(ok);
        QCOMPARE(revokeCallsAtStepUp, 0);
        QCOMPARE(order, QList<QByteArray>({"saved", "revoke"}));
        SessionStore fresh(f.service);
        QCOMPARE(load(fresh, kProfile, 2000).session.refreshToken, QByteArray("ref-stepped"));
    }

    // Key rotation of the console's own credential: the keychain gets the new key before the
    // session uses it; after a restart the new key is what is restored.
    void replaceApiKeySavesBeforeAdopting()
    {
        Fixture f;
        QSignalSpy saved(&f.manager, &SessionManager::sessionSaved);
        SignInResult r;
        r.kind = SignInResult::Kind::ApiKey;
        r.apiKey = "plx_sk_oldAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAold1";
        r.authTime = f.clock.now();
        f.manager.beginSession(r);
        QVERIFY(saved.wait(2000));
        ApiKey listed;
        listed.keyPrefix = QStringLiteral("plx_sk_oldA");
        listed.keySuffix = QStringLiteral("old1");
        QVERIFY(f.manager.isOwnApiKey(listed));
        listed.keySuffix = QStringLiteral("new1");
        QVERIFY(!f.manager.isOwnApiKey(listed));

        QByteArray next = "plx_sk_newBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBnew1";
        int answers = 0;
        bool ok = false;
        QByteArray credentialAtAnswer;
        f.manager.replaceApiKey(next, &f.manager, [&](bool saved) {
            ++answers;
            ok = saved;
            credentialAtAnswer = f.manager.apiClient()->credential().secret();
        });
        QVERIFY(next.isEmpty()); // wiped at once
        // Not adopted before the store has it.
        QVERIFY(f.manager.apiClient()->credential().secret().endsWith("old1"));
        QVERIFY(QTest::qWaitFor([&] { return answers > 0; }, 4000));
        QVERIFY(ok);
        QVERIFY(credentialAtAnswer.endsWith("new1"));
        listed.keyPrefix = QStringLiteral("plx_sk_newB");
        QVERIFY(f.manager.isOwnApiKey(listed));

        SessionStore fresh(f.service);
        const StoreResult loaded = load(fresh, kProfile, 2000);
        QCOMPARE(loaded.outcome.status, SessionStore::Status::Ok);
        QVERIFY(loaded.session.apiKey.endsWith("new1"));
        QCOMPARE(answers, 1);
    }

    void replaceApiKeyRefusedForTokenSessions()
    {
        Fixture f;
        f.signIn();
        QByteArray next = "plx_sk_newBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBnew1";
        int answers = 0;
        bool ok = true;
        f.manager.replaceApiKey(next, &f.manager, [&](bool saved) {
            ++answers;
            ok = saved;
        });
        QVERIFY(next.isEmpty());
        QCOMPARE(answers, 0); // asynchronous, like the store
        QVERIFY(QTest::qWaitFor([&] { return answers > 0; }, 2000));
        QVERIFY(!ok);
        QCOMPARE(entriesIn(f.service), kEntries); // no api_key entry appeared
    }

    void replaceApiKeyAfterSignOutSavesNothing()
    {
        Fixture f;
        QSignalSpy saved(&f.manager, &SessionManager::sessionSaved);
        SignInResult r;
        r.kind = SignInResult::Kind::ApiKey;
        r.apiKey = "plx_sk_oldAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAold1";
        f.manager.beginSession(r);
        QVERIFY(saved.wait(2000));
        QByteArray next = "plx_sk_newBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBnew1";
        int answers = 0;
        bool ok = true;
        f.manager.replaceApiKey(next, &f.manager, [&](bool s) {
            ++answers;
            ok = s;
        });
        QSignalSpy cleared(&f.manager, &SessionManager::keychainCleared);
        f.manager.signOut(); // while the save is under way
        QVERIFY(QTest::qWaitFor([&] { return answers > 0 && !cleared.isEmpty(); }, 4000));
        QVERIFY(!ok);
        QCOMPARE(entriesIn(f.service), QStringList()); // the sign-out's removal came last
    }
};

QTEST_GUILESS_MAIN(TestSessionManagerKeychain)
#include "tst_sessionmanager_keychain.moc"
