// SessionStore against a Secret Service that never answers (a stalled or hung keyring): every
// job must end by the store's own timeout, and the late answer must be ignored.
// Runs on a private bus without gnome-keyring; this process owns org.freedesktop.secrets.
#include "KeychainTestSupport.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QSignalSpy>

using namespace plexe;
using Status = SessionStore::Status;
using namespace std::chrono_literals;

namespace {

// Swallows every call without a reply, like a keyring daemon stuck behind a prompt.
class StalledSecretService : public QDBusVirtualObject
{
public:
    QList<QDBusMessage> held;
    QString introspect(const QString &) const override { return QString(); }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &) override
    {
        held.append(message);
        return true; // "handled": the caller waits for a reply that does not come
    }
    void answerAllWithErrors()
    {
        for (const QDBusMessage &m : std::as_const(held))
            QDBusConnection::sessionBus().send(m.createErrorReply(
                QStringLiteral("org.freedesktop.DBus.Error.Failed"), QStringLiteral("late")));
        held.clear();
    }
};

} // namespace

class TestSessionStoreStalled : public QObject
{
    Q_OBJECT

private:
    StalledSecretService m_service;

private slots:
    void initTestCase()
    {
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY2(bus.isConnected(), "needs a session bus (run under dbus-run-session)");
        QVERIFY(bus.registerVirtualObject(QStringLiteral("/org/freedesktop/secrets"), &m_service,
                                          QDBusConnection::SubPath));
        QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.secrets")));
    }

    void stalledKeychainDegradesWithinTheTimeout()
    {
        SessionStore store;
        store.setJobTimeout(1000ms);
        QSignalSpy modeChanged(&store, &SessionStore::modeChanged);
        StoredSession s;
        s.profile = QStringLiteral("prod");
        s.accessToken = "CANARY-ACCESS-stalled";
        s.meta.createdAt = QDateTime::currentDateTimeUtc();
        s.meta.lastActivity = s.meta.createdAt;

        int calls = 0;
        SessionStore::Outcome outcome;
        QElapsedTimer timer;
        timer.start();
        store.save(s, this, [&](const SessionStore::Outcome &o) {
            ++calls;
            outcome = o;
        });
        QTRY_VERIFY_WITH_TIMEOUT(calls == 1, 2000);
        const qint64 elapsed = timer.elapsed();
        qInfo() << "stalled Secret Service: answered after" << elapsed << "ms:" << outcome.message;
        QVERIFY(elapsed >= 900 && elapsed <= 1600);
        QVERIFY2(!m_service.held.isEmpty(), "the keychain never reached the stalled service");
        QCOMPARE(outcome.status, Status::Degraded);
        QCOMPARE(store.mode(), SessionStore::Mode::MemoryOnly);
        QCOMPARE(modeChanged.count(), 1);

        // The stalled daemon finally answers: the late result changes nothing.
        m_service.answerAllWithErrors();
        QTest::qWait(200); // no signal to wait for: this checks that nothing happens
        QCOMPARE(calls, 1);
        QCOMPARE(store.mode(), SessionStore::Mode::MemoryOnly);
        QCOMPARE(modeChanged.count(), 1);

        // This session only: kept in memory.
        const auto loaded = test::load(store, QStringLiteral("prod"), 1000);
        QCOMPARE(loaded.outcome.status, Status::Ok);
        QCOMPARE(loaded.session.accessToken, QByteArray("CANARY-ACCESS-stalled"));
    }

    void storeDestroyedWhileAJobHangs()
    {
        auto *store = new SessionStore;
        store->setJobTimeout(1000ms);
        bool called = false;
        store->load(QStringLiteral("prod"), this,
                    [&](const SessionStore::Outcome &, const StoredSession &) { called = true; });
        QTest::qWait(100);
        delete store; // the pending job must not call into a dead store
        m_service.answerAllWithErrors();
        QTest::qWait(200);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestSessionStoreStalled)
#include "tst_sessionstore_stalled.moc"
