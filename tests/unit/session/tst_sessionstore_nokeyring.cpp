// SessionStore with no D-Bus session at all: memory-only mode within the timeout, never a hang.
#include "KeychainTestSupport.h"

#include <QSignalSpy>

using namespace plexe;
using Status = SessionStore::Status;
using namespace std::chrono_literals;

class TestSessionStoreNoKeyring : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Before the first keychain use: no bus to talk to, and no way to autolaunch one.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    }

    void saveReportsMemoryOnlyWithinTheTimeout()
    {
        SessionStore store;
        store.setJobTimeout(1500ms);
        QSignalSpy modeChanged(&store, &SessionStore::modeChanged);
        StoredSession s;
        s.profile = QStringLiteral("prod");
        s.accessToken = "CANARY-ACCESS-nobus";
        s.meta.createdAt = QDateTime::currentDateTimeUtc();
        s.meta.lastActivity = s.meta.createdAt;
        const auto saved = test::save(store, s, 2500);
        QVERIFY2(saved.finished, "the keychain job hung past the store's own timeout");
        QVERIFY(saved.elapsedMs <= 1500 + 500);
        QCOMPARE(saved.outcome.status, Status::Degraded);
        qInfo() << "no D-Bus: degraded after" << saved.elapsedMs << "ms:" << saved.outcome.message;
        QCOMPARE(store.mode(), SessionStore::Mode::MemoryOnly);
        QCOMPARE(store.backendName(), QStringLiteral("memory only"));
        QCOMPARE(modeChanged.count(), 1);
        QCOMPARE(modeChanged.at(0).at(1).toString(), QStringLiteral("memory only"));

        // The session is kept for this run only.
        const auto loaded = test::load(store, QStringLiteral("prod"), 2000);
        QCOMPARE(loaded.outcome.status, Status::Ok);
        QCOMPARE(loaded.session.accessToken, QByteArray("CANARY-ACCESS-nobus"));
        QVERIFY(loaded.elapsedMs < 500);
    }

    void loadOnAFreshStoreDegradesToo()
    {
        SessionStore store;
        store.setJobTimeout(1500ms);
        const auto loaded = test::load(store, QStringLiteral("prod"), 2500);
        QVERIFY(loaded.finished);
        QVERIFY(loaded.elapsedMs <= 2000);
        QCOMPARE(loaded.outcome.status, Status::Degraded);
        QCOMPARE(store.mode(), SessionStore::Mode::MemoryOnly);
    }
};

QTEST_GUILESS_MAIN(TestSessionStoreNoKeyring)
#include "tst_sessionstore_nokeyring.moc"
