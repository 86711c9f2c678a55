// SessionStore with the login keyring locked on a real X display (Xvfb), where gnome-keyring
// would ask gcr-prompter for the password: the job must end within the store's own timeout.
#include "KeychainTestSupport.h"

#include <QSignalSpy>

using namespace plexe;
using Status = SessionStore::Status;
using namespace std::chrono_literals;

namespace {

QString collectionLocked()
{
    QProcess busctl;
    busctl.start(QStringLiteral("dbus-send"),
                 {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                  QStringLiteral("--dest=org.freedesktop.secrets"),
                  QStringLiteral("/org/freedesktop/secrets/collection/login"),
                  QStringLiteral("org.freedesktop.DBus.Properties.Get"),
                  QStringLiteral("string:org.freedesktop.Secret.Collection"),
                  QStringLiteral("string:Locked")});
    busctl.waitForFinished(5000);
    return QString::fromUtf8(busctl.readAllStandardOutput()).simplified();
}

} // namespace

class TestSessionStoreLocked : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DISPLAY"), "needs the harness' Xvfb (XVFB)");
        // Something stored while unlocked, so that reads have an item to unlock.
        SessionStore store;
        StoredSession s;
        s.profile = QStringLiteral("prod");
        s.accessToken = "CANARY-ACCESS-locked";
        s.meta.createdAt = QDateTime::currentDateTimeUtc();
        s.meta.lastActivity = s.meta.createdAt;
        QCOMPARE(test::save(store, s).outcome.status, Status::Ok);

        QVERIFY(collectionLocked().endsWith(QLatin1String("boolean false")));
        // org.freedesktop.Secret.Service.Lock on the login collection (Debian 12's
        // `secret-tool lock` hangs or crashes on a collection path, so D-Bus directly).
        QProcess lock;
        lock.start(QStringLiteral("dbus-send"),
                   {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                    QStringLiteral("--dest=org.freedesktop.secrets"),
                    QStringLiteral("/org/freedesktop/secrets"),
                    QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                    QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
        QVERIFY(lock.waitForFinished(5000));
        QCOMPARE(lock.exitCode(), 0);
        QVERIFY2(collectionLocked().endsWith(QLatin1String("boolean true")),
                 qPrintable(collectionLocked()));
    }

    void loadFromALockedKeyringEndsInTime()
    {
        SessionStore store;
        store.setJobTimeout(1500ms);
        const auto loaded = test::load(store, QStringLiteral("prod"), 2500);
        QVERIFY2(loaded.finished, "the keychain job hung past the store's own timeout");
        QVERIFY(loaded.elapsedMs <= 2000);
        qInfo() << "locked keyring, load:" << loaded.outcome.status << "after" << loaded.elapsedMs
                << "ms:" << loaded.outcome.message;
        QCOMPARE(loaded.outcome.status, Status::NeedsUnlock);
        QVERIFY(loaded.session.accessToken.isEmpty());
    }

    void saveToALockedKeyringEndsInTime()
    {
        SessionStore store;
        store.setJobTimeout(1500ms);
        StoredSession s;
        s.profile = QStringLiteral("staging");
        s.accessToken = "CANARY-ACCESS-locked-2";
        s.meta.createdAt = QDateTime::currentDateTimeUtc();
        s.meta.lastActivity = s.meta.createdAt;
        const auto saved = test::save(store, s, 2500);
        QVERIFY2(saved.finished, "the keychain job hung past the store's own timeout");
        QVERIFY(saved.elapsedMs <= 2000);
        qInfo() << "locked keyring, save:" << saved.outcome.status << "after" << saved.elapsedMs
                << "ms:" << saved.outcome.message;
        QCOMPARE(saved.outcome.status, Status::NeedsUnlock);
        QCOMPARE(store.mode(), SessionStore::Mode::Keychain); // locked is not "no keychain"
    }
};

QTEST_GUILESS_MAIN(TestSessionStoreLocked)
#include "tst_sessionstore_locked.moc"
