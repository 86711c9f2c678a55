// LaunchOptions: the command line is refused up front with the same address rules a profile
// obeys, so `--api-url http://example.com` never reaches a sign-in page.
#include "core/LaunchOptions.h"

#include <QTest>

using namespace plexe;

class TestLaunchOptions : public QObject
{
    Q_OBJECT

private slots:
    void apiUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << "https://api.plexe.ai" << true;
        QTest::newRow("http loopback literal") << "http://127.0.0.1:8443" << true;
        QTest::newRow("http remote") << "http://example.com" << false;
        QTest::newRow("http localhost name") << "http://localhost:8443" << false;
        QTest::newRow("user info") << "https://me:pw@api.plexe.ai" << false;
        QTest::newRow("ftp") << "ftp://api.plexe.ai" << false;
        QTest::newRow("no host") << "https://" << false;
    }

    void apiUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        const LaunchOptions options = LaunchOptions::parse(
            {QStringLiteral("plexe-console"), QStringLiteral("--api-url"), url});
        QCOMPARE(options.error.isEmpty(), accepted);
        if (!accepted)
            QVERIFY(!options.error.contains(QStringLiteral("pw"))); // no echo of a credential
    }

    void sandboxAndProfile()
    {
        const LaunchOptions options =
            LaunchOptions::parse({QStringLiteral("plexe-console"), QStringLiteral("--sandbox"),
                                  QStringLiteral("--profile"), QStringLiteral("Work")});
        QVERIFY(options.error.isEmpty());
        QVERIFY(options.sandbox);
        QCOMPARE(options.profile, QStringLiteral("Work"));
    }

    void unknownOptionIsAnError()
    {
        const LaunchOptions options =
            LaunchOptions::parse({QStringLiteral("plexe-console"), QStringLiteral("--nope")});
        QVERIFY(!options.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLaunchOptions)
#include "tst_launchoptions.moc"
