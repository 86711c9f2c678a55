// What the window says about the keychain: a locked login keyring at start offers Retry (and
// "this session only"), on a real X display where gnome-keyring would prompt.
#include "ConsoleFixture.h"

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

namespace {

bool lockLoginCollection()
{
    // org.freedesktop.Secret.Service.Lock on the login collection, as tst_sessionstore_locked.
    QProcess lock;
    lock.start(QStringLiteral("dbus-send"),
               {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                QStringLiteral("--dest=org.freedesktop.secrets"),
                QStringLiteral("/org/freedesktop/secrets"),
                QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
    return lock.waitForFinished(5000) && lock.exitCode() == 0;
}

} // namespace

class TestKeychainPages : public QObject
{
    Q_OBJECT

private slots:
    void lockedKeychainAsksToUnlockWithRetry()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DISPLAY"), "needs the harness' Xvfb (XVFB)");
        ConsoleFixture f;
        f.store.setJobTimeout(1500ms);
        QVERIFY(f.startSandbox());
        f.openWindow();
        QVERIFY(f.waitForPage(QStringLiteral("signInPage")));
        f.signInWithPassword(f.sandbox.demoEmail(), f.sandbox.demoPassword());
        QVERIFY(f.waitForPage(QStringLiteral("workspace")));
        QTRY_VERIFY_WITH_TIMEOUT(
            ConsoleFixture::keychainEntries().contains(QStringLiteral("Local sandbox/")), 5000);
        QVERIFY(lockLoginCollection());

        f.openWindow(); // a restart with the keyring locked
        QVERIFY(f.waitForPage(QStringLiteral("signInPage"), 10000));
        QVERIFY2(f.signInMessage().startsWith(QStringLiteral("Your keychain is locked")),
                 qPrintable(f.signInMessage()));
        QVERIFY(f.find<QWidget>(QStringLiteral("keychainRetryButton"))->isVisible());
        QVERIFY(f.find<QWidget>(QStringLiteral("memoryOnlyButton"))->isVisible());
        // The stored session is still there (locked is not signed out, B14).
        f.click(QStringLiteral("memoryOnlyButton"));
        QCOMPARE(f.window->statusLine()->storageText(),
                 QStringLiteral("Session stored in: memory only"));
    }
};

QTEST_MAIN(TestKeychainPages)
#include "tst_keychainpages.moc"
