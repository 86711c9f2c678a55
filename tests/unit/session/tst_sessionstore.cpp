// SessionStore against the real Secret Service (gnome-keyring, unlocked, private D-Bus).
#include "../auth/LogCapture.h"
#include "KeychainTestSupport.h"

#include <QDirIterator>
#include <QSignalSpy>

using namespace plexe;
using Status = SessionStore::Status;

namespace {

// Canary secrets: recognisable so that a leak anywhere can be grepped for.
StoredSession canarySession(const QString &profile)
{
    StoredSession s;
    s.profile = profile;
    s.accessToken = "CANARY-ACCESS-" + profile.toUtf8();
    s.refreshToken = "CANARY-REFRESH-" + profile.toUtf8();
    s.apiKey = "CANARY-APIKEY-" + profile.toUtf8();
    const QDateTime t(QDate(2026, 3, 4), QTime(5, 6, 7, 890), Qt::UTC);
    s.meta.authTime = t;
    s.meta.createdAt = t;
    s.meta.lastActivity = t.addSecs(60);
    s.meta.expiresAt = t.addSecs(900);
    s.meta.kind = QStringLiteral("oauth");
    return s;
}

QString itemsOf(const QString &service)
{
    // QtKeychain's libsecret backend files entries under schema org.qt.keychain with the
    // attributes server=<service> and user=<key>.
    return test::secretToolSearch({QStringLiteral("server"), service});
}

} // namespace

class TestSessionStore : public QObject
{
    Q_OBJECT

private:
    const QString m_service = QStringLiteral("ai.plexe.console.test");

private slots:
    void initTestCase() { test::LogCapture::install(); }

    void init()
    {
        // Every test starts from an empty keychain for the test service.
        SessionStore store(m_service);
        for (const QString &profile :
             {QStringLiteral("prod"), QStringLiteral("staging"), QStringLiteral("big")})
            QCOMPARE(test::removeAll(store, profile).outcome.status, Status::Ok);
        QCOMPARE(itemsOf(m_service), QString());
    }

    void saveLoadRemoveRoundTrip()
    {
        SessionStore store(m_service);
        QCOMPARE(store.mode(), SessionStore::Mode::Keychain);
        QCOMPARE(store.backendName(), QStringLiteral("Secret Service"));
        const StoredSession session = canarySession(QStringLiteral("prod"));
        const auto saved = test::save(store, session);
        QVERIFY(saved.finished);
        QCOMPARE(saved.outcome.status, Status::Ok);

        const QString items = itemsOf(m_service);
        for (const char *name : {"access_token", "refresh_token", "api_key", "session_meta"})
            QVERIFY2(items.contains(QLatin1String("attribute.user = prod/") + QLatin1String(name)),
                     qPrintable(items));

        const auto loaded = test::load(store, QStringLiteral("prod"));
        QCOMPARE(loaded.outcome.status, Status::Ok);
        QCOMPARE(loaded.session.profile, QStringLiteral("prod"));
        QCOMPARE(loaded.session.accessToken, session.accessToken);
        QCOMPARE(loaded.session.refreshToken, session.refreshToken);
        QCOMPARE(loaded.session.apiKey, session.apiKey);
        QVERIFY(loaded.session.meta == session.meta);

        QCOMPARE(test::removeAll(store, QStringLiteral("prod")).outcome.status, Status::Ok);
        QCOMPARE(itemsOf(m_service), QString());
        const auto after = test::load(store, QStringLiteral("prod"));
        QCOMPARE(after.outcome.status, Status::SignedOut);
        QVERIFY(after.session.accessToken.isEmpty());
    }

    void metaHoldsNoSecret()
    {
        const QByteArray json = canarySession(QStringLiteral("prod")).meta.toJson();
        QVERIFY(!json.contains("CANARY"));
        for (const char *key : {"auth_time", "last_activity", "created_at", "expires_at", "kind"})
            QVERIFY(json.contains(key));
    }

    void loadWithoutSessionIsSignedOut()
    {
        SessionStore store(m_service);
        const auto loaded = test::load(store, QStringLiteral("prod"));
        QVERIFY(loaded.finished);
        QCOMPARE(loaded.outcome.status, Status::SignedOut);
    }

    void twoProfilesNeverCollide()
    {
        SessionStore store(m_service);
        QCOMPARE(test::save(store, canarySession(QStringLiteral("prod"))).outcome.status,
                 Status::Ok);
        QCOMPARE(test::save(store, canarySession(QStringLiteral("staging"))).outcome.status,
                 Status::Ok);
        QCOMPARE(test::load(store, QStringLiteral("prod")).session.accessToken,
                 QByteArray("CANARY-ACCESS-prod"));
        QCOMPARE(test::load(store, QStringLiteral("staging")).session.accessToken,
                 QByteArray("CANARY-ACCESS-staging"));
        QCOMPARE(test::removeAll(store, QStringLiteral("prod")).outcome.status, Status::Ok);
        QCOMPARE(test::load(store, QStringLiteral("prod")).outcome.status, Status::SignedOut);
        const auto staging = test::load(store, QStringLiteral("staging"));
        QCOMPARE(staging.outcome.status, Status::Ok);
        QCOMPARE(staging.session.refreshToken, QByteArray("CANARY-REFRESH-staging"));
        QVERIFY(!itemsOf(m_service).contains(QLatin1String("prod/")));
        QVERIFY(itemsOf(m_service).contains(QLatin1String("staging/")));
    }

    void profileNamesCannotForgeKeys()
    {
        SessionStore store(m_service);
        StoredSession s = canarySession(QStringLiteral("prod/access_token"));
        QCOMPARE(test::save(store, s).outcome.status, Status::Refused);
        s.profile.clear();
        QCOMPARE(test::save(store, s).outcome.status, Status::Refused);
        QCOMPARE(itemsOf(m_service), QString());
    }

    void oversizeValueIsRefused()
    {
        SessionStore store(m_service);
        StoredSession s = canarySession(QStringLiteral("big"));
        s.refreshToken = QByteArray(2560, 'r');
        const auto refused = test::save(store, s);
        QCOMPARE(refused.outcome.status, Status::Refused);
        QCOMPARE(itemsOf(m_service), QString()); // nothing at all was written
        s.refreshToken = QByteArray(SessionStore::kMaxValueBytes, 'r');
        QCOMPARE(test::save(store, s).outcome.status, Status::Ok);
        QCOMPARE(test::load(store, QStringLiteral("big")).session.refreshToken.size(), 2559);
    }

    void emptySecretRemovesTheStaleEntry()
    {
        SessionStore store(m_service);
        QCOMPARE(test::save(store, canarySession(QStringLiteral("prod"))).outcome.status,
                 Status::Ok);
        StoredSession s = canarySession(QStringLiteral("prod"));
        s.apiKey.clear();
        QCOMPARE(test::save(store, s).outcome.status, Status::Ok);
        QVERIFY(!itemsOf(m_service).contains(QLatin1String("prod/api_key")));
        QVERIFY(test::load(store, QStringLiteral("prod")).session.apiKey.isEmpty());
    }

    void operationsKeepCallOrder()
    {
        // A sign-out issued while a save is still running must win.
        SessionStore store(m_service);
        bool saved = false;
        store.save(canarySession(QStringLiteral("prod")), this,
                   [&](const SessionStore::Outcome &) { saved = true; });
        const auto removed = test::removeAll(store, QStringLiteral("prod"));
        QVERIFY(saved);
        QCOMPARE(removed.outcome.status, Status::Ok);
        QCOMPARE(test::load(store, QStringLiteral("prod")).outcome.status, Status::SignedOut);
        QCOMPARE(itemsOf(m_service), QString());
    }

    void answersAreAsynchronousAndRespectTheContext()
    {
        SessionStore store(m_service);
        bool called = false;
        auto *context = new QObject;
        store.load(QStringLiteral("prod"), context,
                   [&](const SessionStore::Outcome &, const StoredSession &) { called = true; });
        QVERIFY(!called); // never before returning
        delete context;
        QCOMPARE(test::load(store, QStringLiteral("prod")).outcome.status, Status::SignedOut);
        QVERIFY(!called);
    }

    void memoryOnlyPersistsNothing()
    {
        SessionStore store(m_service);
        QSignalSpy modeChanged(&store, &SessionStore::modeChanged);
        store.useMemoryOnly(QStringLiteral("user chose this session only"));
        QCOMPARE(store.mode(), SessionStore::Mode::MemoryOnly);
        QCOMPARE(store.backendName(), QStringLiteral("memory only"));
        QCOMPARE(modeChanged.count(), 1);
        QCOMPARE(test::save(store, canarySession(QStringLiteral("prod"))).outcome.status,
                 Status::Ok);
        QCOMPARE(itemsOf(m_service), QString());
        QCOMPARE(test::load(store, QStringLiteral("prod")).session.accessToken,
                 QByteArray("CANARY-ACCESS-prod"));
        SessionStore other(m_service); // a new process would find nothing
        QCOMPARE(test::load(other, QStringLiteral("prod")).outcome.status, Status::SignedOut);
        QCOMPARE(test::removeAll(store, QStringLiteral("prod")).outcome.status, Status::Ok);
        QCOMPARE(test::load(store, QStringLiteral("prod")).outcome.status, Status::SignedOut);
    }

    void noPlaintextSecretOnDisk()
    {
        SessionStore store(m_service);
        QCOMPARE(test::save(store, canarySession(QStringLiteral("prod"))).outcome.status,
                 Status::Ok);
        const QString root = qEnvironmentVariable("PLEXE_TEST_TMP");
        QVERIFY2(!root.isEmpty(), "run through tests/harness/isolate.sh");
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++files;
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains("CANARY-") && !bytes.contains("Q0FOQVJZL"),
                     qPrintable(file.fileName()));
        }
        QVERIFY(files > 0); // the keyring file itself is there, encrypted
    }

    void cleanupTestCase()
    {
        const QStringList leaks = test::LogCapture::containing({QStringLiteral("CANARY")});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
        SessionStore store(m_service);
        for (const QString &profile :
             {QStringLiteral("prod"), QStringLiteral("staging"), QStringLiteral("big")})
            test::removeAll(store, profile);
    }
};

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
