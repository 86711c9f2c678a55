// UnixSignalQuitter: SIGTERM and SIGINT reach the event loop as signalReceived() + quit(), and
// the previous handlers come back when it is destroyed.
#include "core/UnixSignalQuitter.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace plexe;

class TestUnixSignalQuitter : public QObject
{
    Q_OBJECT

private slots:
    void turnsSignalsIntoQuit_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
    }

    void turnsSignalsIntoQuit()
    {
        QFETCH(int, signalNumber);
        UnixSignalQuitter quitter;
        QVERIFY(quitter.isActive());
        QSignalSpy received(&quitter, &UnixSignalQuitter::signalReceived);
        // exec() returns only if quit() is called.
        QTimer::singleShot(0, this, [signalNumber] { ::raise(signalNumber); });
        QTimer failSafe;
        failSafe.setSingleShot(true);
        connect(&failSafe, &QTimer::timeout, qApp, [] { QCoreApplication::exit(1); });
        failSafe.start(2000);
        QCOMPARE(QCoreApplication::exec(), 0);
        QCOMPARE(received.count(), 1);
        QCOMPARE(received.first().first().toInt(), signalNumber);
    }

    void restoresTheOldHandlers()
    {
        struct sigaction before = {};
        ::sigaction(SIGTERM, nullptr, &before);
        {
            UnixSignalQuitter quitter;
            UnixSignalQuitter second; // one owner at a time
            QVERIFY(quitter.isActive());
            QVERIFY(!second.isActive());
        }
        struct sigaction after = {};
        ::sigaction(SIGTERM, nullptr, &after);
        QCOMPARE(reinterpret_cast<void *>(after.sa_handler),
                 reinterpret_cast<void *>(before.sa_handler));
    }
};

QTEST_GUILESS_MAIN(TestUnixSignalQuitter)
#include "tst_unixsignalquitter.moc"
