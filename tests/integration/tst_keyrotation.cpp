// KeyRotation and ScheduledRevocations against a real plexe-sandbox over TLS and the real
// Secret Service of the harness: rotation with revocation now (the old key then gets 401
// revoked_key, the new one works), scheduled with a ManualClock (not revoked before it is due,
// revoked by the tick after), the console's own API-key credential (the keychain holds the new
// key before the old one is revoked; a restart restores the new key and it works), a step-up
// when the sign-in is older than the server's window, and cancel before revocation (both keys
// work). The run logs every category at debug level; the last test greps the logs, stderr and
// the temp HOME/XDG folders for every key the run saw (security.md E31, C22).
#include "SandboxProcess.h"
#include "SecretCanaries.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ApiKey.h"
#include "api/User.h"
#include "auth/PasswordSignIn.h"
#include "keys/KeyRotation.h"
#include "keys/ScheduledRevocations.h"
#include "session/ManualClock.h"
#include "session/SessionManager.h"
#include "session/SystemClock.h"

#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

namespace {

// One keychain entry of a profile, straight from the Secret Service (blocking). QtKeychain's
// libsecret backend may keep binary values base64-encoded: both forms are returned decoded.
QByteArray keychainValue(const QString &profile, const QString &entry)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"), QStringLiteral("server"), SessionStore::defaultService(),
                QStringLiteral("user"), profile + QLatin1Char('/') + entry});
    tool.waitForFinished(5000);
    const QByteArray raw = tool.readAllStandardOutput().trimmed();
    if (raw.startsWith("plx_sk_"))
        return raw;
    return QByteArray::fromBase64(raw);
}

} // namespace

class TestKeyRotation : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    QTemporaryDir m_clockDir;
    SystemClock m_clock;
    SecretCanaries m_canaries; // every secret the run saw
    int m_profileCounter = 0;
    std::unique_ptr<SessionStore> m_probeStore;
    std::unique_ptr<SessionManager> m_probe; // never signed in: its client checks keys

    struct Session
    {
        SessionStore store;
        std::unique_ptr<SessionManager> manager;
    };

    // A key as the rotation gets it (listed) and its secret, for the checks.
    struct Key
    {
        ApiKey listed;
        QByteArray secret;
    };

    void setServerClockOffset(int seconds)
    {
        QFile f(m_clockDir.filePath(QStringLiteral("offset")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray::number(seconds));
    }

    void canary(const QByteArray &secret) { m_canaries.add(secret); }

    ApiEndpoint endpoint() const
    {
        ApiEndpoint ep;
        ep.baseUrl = m_sandbox.baseUrl();
        ep.extraCaFile = m_sandbox.caPath();
        ep.transferTimeoutMs = 10000;
        return ep;
    }

    std::unique_ptr<Session> newSession(const QString &profile = {})
    {
        auto s = std::make_unique<Session>();
        s->manager = std::make_unique<SessionManager>(
            profile.isEmpty() ? QStringLiteral("rot-%1").arg(++m_profileCounter) : profile,
            endpoint(), &s->store, &m_clock);
        return s;
    }

    void begin(Session &s, SignInResult &result)
    {
        QSignalSpy saved(s.manager.get(), &SessionManager::sessionSaved);
        s.manager->beginSession(result);
        QVERIFY(saved.wait(5000));
        QCOMPARE(saved.first().first().toBool(), true);
        QCOMPARE(s.manager->storageMode(), SessionStore::Mode::Keychain);
    }

    void passwordSignIn(Session &s)
    {
        PasswordSignIn flow(s.manager->apiClient(), &m_clock);
        QSignalSpy done(&flow, &PasswordSignIn::finished);
        QSignalSpy failed(&flow, &PasswordSignIn::failed);
        QByteArray password = m_sandbox.demoPassword().toUtf8();
        QVERIFY(flow.start(m_sandbox.demoEmail(), password));
        QVERIFY(QTest::qWaitFor([&] { return done.size() + failed.size() > 0; }, 10000));
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        auto result = done.first().first().value<SignInResult>();
        canary(result.tokens.accessToken);
        canary(result.tokens.refreshToken);
        begin(s, result);
    }

    void apiKeySignIn(Session &s, const QByteArray &key)
    {
        SignInResult result;
        result.kind = SignInResult::Kind::ApiKey;
        result.apiKey = key;
        result.apiKey.detach();
        begin(s, result);
    }

    // Runs a request for the session and waits for it; `out` receives the decoded value.
    template <typename T>
    ApiError run(Session &s, SessionRequest::Factory factory, T *out = nullptr,
                 bool sensitive = false)
    {
        bool finished = false;
        ApiError error;
        SessionRequest *r = s.manager->run(std::move(factory), sensitive);
        connect(r, &SessionRequest::finished, this, [&, r] {
            finished = true;
            error = r->error();
            if (T *value = r->template result<T>(); value && out)
                *out = *value;
        });
        if (!QTest::qWaitFor([&] { return finished; }, 10000))
            return ApiError(ApiError::Kind::Timeout, QStringLiteral("test: no answer"));
        return error;
    }

    // A new read & write key made through the session, listed as the pane would list it.
    Key createKey(Session &s, const QString &label)
    {
        Key key;
        CreatedApiKey created;
        const QString name =
            QStringLiteral("%1 %2").arg(label).arg(QDateTime::currentMSecsSinceEpoch());
        const ApiError e = run<CreatedApiKey>(
            s, [name](ApiClient &c) { return c.createApiKey(name, QStringLiteral("read_write")); },
            &created, true);
        if (e.isError()) {
            qWarning("key creation failed: %s", qPrintable(e.logString()));
            return key;
        }
        key.secret = created.key;
        key.secret.detach();
        canary(key.secret);
        created.wipe();
        const QString id = created.info.keyId;
        const ApiError got = run<ApiKey>(
            s, [id](ApiClient &c) { return c.getApiKey(id); }, &key.listed);
        if (got.isError())
            qWarning("key listing failed: %s", qPrintable(got.logString()));
        return key;
    }

    // "ok", or the error code GET /auth/user gets with `key` alone.
    QString check(const QByteArray &key)
    {
        ApiCall *call = m_probe->apiClient()->getUserWith(Credential::apiKey(key));
        bool finished = false;
        QString code;
        connect(call, &ApiCall::finished, this, [&, call] {
            finished = true;
            code = call->isOk() ? QStringLiteral("ok") : call->error().code();
        });
        if (!QTest::qWaitFor([&] { return finished; }, 10000))
            return QStringLiteral("no answer");
        return code;
    }

    // Starts the rotation of `old` and waits until it is ready to revoke; the replacement's
    // secret (handed out once) lands in `newKey`.
    void rotateToReady(KeyRotation &rotation, const ApiKey &old, QByteArray *newKey)
    {
        int handouts = 0;
        connect(&rotation, &KeyRotation::replacementCreated, this, [&](CreatedApiKey &created) {
            ++handouts;
            *newKey = created.key;
            newKey->detach();
            canary(*newKey);
            created.wipe(); // as the reveal dialog does
        });
        QSignalSpy finished(&rotation, &KeyRotation::finished);
        QString error;
        QVERIFY2(rotation.start(old, &error), qPrintable(error));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return rotation.state() == KeyRotation::State::ReadyToRevoke || !finished.isEmpty();
            },
            10000));
        QVERIFY2(finished.isEmpty(),
                 finished.isEmpty() ? "" : qPrintable(finished.first().at(1).toString()));
        QCOMPARE(handouts, 1);
        QVERIFY(newKey->startsWith("plx_sk_"));
        QCOMPARE(rotation.newKey().permissionLevel, old.permissionLevel);
        QVERIFY(rotation.newKey().name.startsWith(old.name.left(20)));
        QVERIFY(rotation.newKey().name.contains(QStringLiteral("(rotated ")));
    }

    // Waits for the rotation's end and returns its state.
    KeyRotation::State waitForEnd(KeyRotation &rotation, QString *message = nullptr)
    {
        QSignalSpy finished(&rotation, &KeyRotation::finished);
        if (!finished.wait(10000))
            return rotation.state();
        if (message)
            *message = finished.first().at(1).toString();
        return finished.first().first().value<KeyRotation::State>();
    }

    void signOut(Session &s)
    {
        QSignalSpy cleared(s.manager.get(), &SessionManager::keychainCleared);
        s.manager->signOut();
        QVERIFY(cleared.wait(5000));
    }

    QString settingsPath(const QString &name) const
    {
        return QDir(qEnvironmentVariable("PLEXE_TEST_TMP", QDir::tempPath())).filePath(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_canaries.begin(QStringLiteral("keyrotation-stderr.txt")));

        QVERIFY(m_clockDir.isValid());
        setServerClockOffset(0);
        SandboxProcess::Options options;
        options.extraServeArgs = {QStringLiteral("--clock-offset-file"),
                                  m_clockDir.filePath(QStringLiteral("offset"))};
        QVERIFY2(m_sandbox.start(options), qPrintable(m_sandbox.errorString()));
        canary(m_sandbox.demoPassword().toUtf8());
        canary(m_sandbox.demoApiKey().toUtf8());
        m_probeStore = std::make_unique<SessionStore>();
        m_probe = std::make_unique<SessionManager>(QStringLiteral("probe"), endpoint(),
                                                   m_probeStore.get(), &m_clock);
    }

    void init() { setServerClockOffset(0); }

    void revokeNow()
    {
        auto s = newSession();
        passwordSignIn(*s);
        const Key old = createKey(*s, QStringLiteral("ci"));
        QVERIFY(!old.listed.keyId.isEmpty());
        KeyRotation rotation(s->manager.get(), nullptr, &m_clock);
        QByteArray newKey;
        rotateToReady(rotation, old.listed, &newKey);
        QVERIFY(!rotation.rotatesOwnCredential());
        QCOMPARE(check(old.secret), QStringLiteral("ok")); // nothing revoked before asked
        rotation.revokeNow();
        QString message;
        QCOMPARE(waitForEnd(rotation, &message), KeyRotation::State::Revoked);
        QVERIFY(message.contains(old.listed.maskedKey()));
        QVERIFY(!message.contains(QString::fromUtf8(newKey)));
        QCOMPARE(check(old.secret), QStringLiteral("revoked_key"));
        QCOMPARE(check(newKey), QStringLiteral("ok"));
        signOut(*s);
    }

    void scheduledRevocation()
    {
        auto s = newSession();
        passwordSignIn(*s);
        const Key old = createKey(*s, QStringLiteral("nightly"));
        QVERIFY(!old.listed.keyId.isEmpty());
        ManualClock manual(QDateTime::currentDateTimeUtc());
        QSettings settings(settingsPath(QStringLiteral("keyrotation.ini")), QSettings::IniFormat);
        ScheduledRevocations schedule(&settings, s->manager.get(), &manual);
        KeyRotation rotation(s->manager.get(), &schedule, &manual);
        QByteArray newKey;
        rotateToReady(rotation, old.listed, &newKey);
        QString error;
        QVERIFY(!rotation.scheduleRevocation(manual.now().addSecs(-1), &error));
        QVERIFY(rotation.scheduleRevocation(manual.now().addSecs(3600), &error));
        QCOMPARE(rotation.state(), KeyRotation::State::Scheduled);
        QCOMPARE(schedule.entries().size(), 1);

        QSignalSpy revoked(&schedule, &ScheduledRevocations::revoked);
        QSignalSpy reminders(&schedule, &ScheduledRevocations::reminder);
        schedule.start(1h); // the real timer never fires in this test: ticks are by hand
        manual.advance(59min);
        schedule.tick();
        QCOMPARE(revoked.size(), 0);
        QCOMPARE(check(old.secret), QStringLiteral("ok")); // not before it is due
        manual.advance(2min);
        schedule.tick();
        QVERIFY(revoked.wait(10000));
        QCOMPARE(revoked.first().first().value<ScheduledRevocation>().keyId, old.listed.keyId);
        QCOMPARE(reminders.size(), 0);
        QVERIFY(schedule.entries().isEmpty());
        QCOMPARE(check(old.secret), QStringLiteral("revoked_key"));
        QCOMPARE(check(newKey), QStringLiteral("ok"));
        signOut(*s);
    }

    void rotatesTheConsolesOwnApiKey()
    {
        auto admin = newSession();
        passwordSignIn(*admin);
        const Key old = createKey(*admin, QStringLiteral("console"));
        QVERIFY(!old.listed.keyId.isEmpty());

        // The console signed in with that key.
        const QString profile = QStringLiteral("own-%1").arg(++m_profileCounter);
        auto s = newSession(profile);
        apiKeySignIn(*s, old.secret);
        QVERIFY(s->manager->isOwnApiKey(old.listed));
        QCOMPARE(keychainValue(profile, QStringLiteral("api_key")), old.secret);

        KeyRotation rotation(s->manager.get(), nullptr, &m_clock);
        // At the moment the revocation is sent, the keychain and the session must already hold
        // the new key.
        QByteArray keychainAtRevoke;
        QByteArray credentialAtRevoke;
        connect(&rotation, &KeyRotation::stateChanged, this, [&](KeyRotation::State state) {
            if (state != KeyRotation::State::Revoking)
                return;
            keychainAtRevoke = keychainValue(profile, QStringLiteral("api_key"));
            credentialAtRevoke = s->manager->apiClient()->credential().secret();
            credentialAtRevoke.detach();
        });
        QByteArray newKey;
        rotateToReady(rotation, old.listed, &newKey);
        QVERIFY(rotation.rotatesOwnCredential());
        QCOMPARE(check(old.secret), QStringLiteral("ok"));
        rotation.revokeNow();
        QCOMPARE(waitForEnd(rotation), KeyRotation::State::Revoked);
        QCOMPARE(keychainAtRevoke, newKey);
        QCOMPARE(credentialAtRevoke, newKey);
        QCOMPARE(check(old.secret), QStringLiteral("revoked_key"));

        // The session goes on with the new key.
        QVERIFY(s->manager->isSignedIn());
        User user;
        ApiError e = run<User>(
            *s, [](ApiClient &c) { return c.getUser(); }, &user);
        QVERIFY2(!e.isError(), qPrintable(e.logString()));
        QCOMPARE(user.email, m_sandbox.demoEmail());
        QCOMPARE(keychainValue(profile, QStringLiteral("api_key")), newKey);

        // A restart (a new store and manager on the same profile) restores the new key.
        s->manager->persistActivity();
        QSignalSpy saved(s->manager.get(), &SessionManager::sessionSaved);
        QVERIFY(saved.wait(5000));
        s->manager.reset();
        auto restarted = newSession(profile);
        QSignalSpy restored(restarted->manager.get(), &SessionManager::restoreFinished);
        restarted->manager->restore();
        QVERIFY(restored.wait(5000));
        QVERIFY2(restored.first().first().toBool(), qPrintable(restored.first().at(1).toString()));
        QCOMPARE(restarted->manager->apiClient()->credential().secret(), newKey);
        e = run<User>(
            *restarted, [](ApiClient &c) { return c.getUser(); }, &user);
        QVERIFY2(!e.isError(), qPrintable(e.logString()));
        signOut(*restarted);
        signOut(*admin);
    }

    void stepUpWhenTheSignInIsOld()
    {
        auto s = newSession();
        passwordSignIn(*s);
        const Key old = createKey(*s, QStringLiteral("step-up"));
        QVERIFY(!old.listed.keyId.isEmpty());
        setServerClockOffset(700); // past the server's 10-minute step-up window
        QSignalSpy required(s->manager.get(), &SessionManager::stepUpRequired);
        KeyRotation rotation(s->manager.get(), nullptr, &m_clock);
        QByteArray newKey;
        connect(&rotation, &KeyRotation::replacementCreated, this, [&](CreatedApiKey &created) {
            newKey = created.key;
            newKey.detach();
            canary(newKey);
            created.wipe();
        });
        QVERIFY(rotation.start(old.listed));
        QVERIFY(required.wait(10000));
        QCOMPARE(required.first().first().toBool(), true); // a password account
        QCOMPARE(rotation.state(), KeyRotation::State::Creating);
        QVERIFY(newKey.isEmpty()); // nothing created before the step-up
        QByteArray password = m_sandbox.demoPassword().toUtf8();
        s->manager->reauthenticate(password);
        QVERIFY(QTest::qWaitFor(
            [&] { return rotation.state() == KeyRotation::State::ReadyToRevoke; }, 10000));
        rotation.revokeNow();
        QCOMPARE(waitForEnd(rotation), KeyRotation::State::Revoked);
        QCOMPARE(required.size(), 1); // the revocation came within the new window
        QCOMPARE(check(old.secret), QStringLiteral("revoked_key"));
        QCOMPARE(check(newKey), QStringLiteral("ok"));
        signOut(*s);
    }

    void cancelBeforeRevocationKeepsTheOldKey()
    {
        auto s = newSession();
        passwordSignIn(*s);
        const Key old = createKey(*s, QStringLiteral("cancel"));
        QVERIFY(!old.listed.keyId.isEmpty());
        KeyRotation rotation(s->manager.get(), nullptr, &m_clock);
        QByteArray newKey;
        rotateToReady(rotation, old.listed, &newKey);
        QSignalSpy finished(&rotation, &KeyRotation::finished);
        rotation.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<KeyRotation::State>(),
                 KeyRotation::State::Cancelled);
        const QString message = finished.first().at(1).toString();
        QVERIFY2(message.contains(rotation.newKey().maskedKey()), qPrintable(message));
        QVERIFY(message.contains(old.listed.maskedKey()));
        QCOMPARE(check(old.secret), QStringLiteral("ok"));
        QCOMPARE(check(newKey), QStringLiteral("ok"));
        ApiKey listed;
        const QString id = old.listed.keyId;
        QVERIFY(!run<ApiKey>(
                     *s, [id](ApiClient &c) { return c.getApiKey(id); }, &listed)
                     .isError());
        QCOMPARE(listed.status, QStringLiteral("active"));
        signOut(*s);
    }

    // Last: E31 and C22 over everything this run logged and wrote.
    void canaryCheck()
    {
        QVERIFY(m_canaries.count() >= 12); // the old and new keys of five rotations, and more
        m_canaries.end();
        const QStringList logs = m_canaries.messages();
        QVERIFY(std::any_of(logs.begin(), logs.end(), [](const QString &m) {
            return m.startsWith(QLatin1String("plexe.keys"));
        }));
        int files = 0;
        const QStringList leaks = m_canaries.leaks(&files);
        QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("a secret in: ") + leaks.join(u", ")));
        QVERIFY(files >= 2); // at least the stderr capture and the scheduled-revocation settings
    }

    void cleanupTestCase()
    {
        m_canaries.end();
        m_probe.reset();
        m_sandbox.stop();
    }
};

QTEST_GUILESS_MAIN(TestKeyRotation)
#include "tst_keyrotation.moc"
