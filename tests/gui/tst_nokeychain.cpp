// Without any Secret Service (no D-Bus session at all): the sign-in page says the session
// cannot be saved, offers "this session only", and a sign-in then keeps it in memory only.
#include "ConsoleFixture.h"
#include "shell/StatusLine.h"

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

class TestNoKeychain : public QObject
{
    Q_OBJECT

private slots:
    void offersThisSessionOnlyAndSavesNothing()
    {
        QVERIFY2(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "needs the harness without a keyring (NO_KEYRING)");
        ConsoleFixture f;
        f.store.setJobTimeout(1500ms);
        QVERIFY(f.startSandbox());
        f.openWindow();
        QVERIFY(f.waitForPage(QStringLiteral("signInPage"), 10000));
        QVERIFY2(f.signInMessage().startsWith(QStringLiteral("No keychain is available")),
                 qPrintable(f.signInMessage()));
        QCOMPARE(f.window->statusLine()->storageText(),
                 QStringLiteral("Session stored in: memory only"));
        f.click(QStringLiteral("memoryOnlyButton"));
        QVERIFY(f.signInMessage().isEmpty());
        f.signInWithPassword(f.sandbox.demoEmail(), f.sandbox.demoPassword());
        QVERIFY(f.waitForPage(QStringLiteral("workspace")));
        QCOMPARE(f.window->statusLine()->storageText(),
                 QStringLiteral("Session stored in: memory only"));
        // Nothing was written anywhere under the test's HOME or XDG folders.
        const QByteArray tmp = qgetenv("PLEXE_TEST_TMP");
        QVERIFY(!tmp.isEmpty());
        QProcess grep;
        grep.start(QStringLiteral("grep"),
                   {QStringLiteral("-rlF"), f.sandbox.demoPassword(),
                    QString::fromLocal8Bit(tmp + "/home"), QString::fromLocal8Bit(tmp + "/config"),
                    QString::fromLocal8Bit(tmp + "/data")});
        QVERIFY(grep.waitForFinished(10000));
        QCOMPARE(grep.exitCode(), 1); // 1: no match
    }
};

QTEST_MAIN(TestNoKeychain)
#include "tst_nokeychain.moc"
