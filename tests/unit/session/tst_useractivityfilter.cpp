#include "session/ManualClock.h"
#include "session/SessionPolicy.h"
#include "session/UserActivityFilter.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>

using namespace plexe;
using namespace std::chrono_literals;

namespace {

// Records which event types reached it, to prove the filter never swallows anything.
class Receiver : public QObject
{
public:
    QList<int> types;
    bool event(QEvent *e) override
    {
        types.append(e->type());
        return QObject::event(e);
    }
};

} // namespace

class TestUserActivityFilter : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock;
    SessionPolicy *m_policy = nullptr;
    UserActivityFilter *m_filter = nullptr;

private slots:
    void init()
    {
        m_policy = new SessionPolicy(&m_clock, this);
        SessionMeta meta;
        meta.createdAt = meta.authTime = meta.lastActivity = m_clock.now();
        m_policy->begin(meta);
        m_filter = new UserActivityFilter(m_policy, this);
        QCoreApplication::instance()->installEventFilter(m_filter);
    }

    void cleanup()
    {
        QCoreApplication::instance()->removeEventFilter(m_filter);
        delete m_filter;
        delete m_policy;
    }

    void userInputCountsAndPassesThrough_data()
    {
        QTest::addColumn<int>("type");
        for (const auto type : {QEvent::KeyPress, QEvent::KeyRelease, QEvent::MouseButtonPress,
                                QEvent::MouseButtonRelease, QEvent::MouseButtonDblClick,
                                QEvent::MouseMove, QEvent::Wheel, QEvent::TouchBegin,
                                QEvent::TouchUpdate, QEvent::TouchEnd, QEvent::TabletPress})
            QTest::addRow("%d", int(type)) << int(type);
    }

    void userInputCountsAndPassesThrough()
    {
        QFETCH(int, type);
        Receiver target;
        m_clock.advance(5min);
        QEvent event(static_cast<QEvent::Type>(type));
        QCoreApplication::sendEvent(&target, &event);
        QCOMPARE(m_filter->inputEventCount(), 1);
        QCOMPARE(m_policy->meta().lastActivity, m_clock.now());
        QVERIFY(target.types.contains(type));
    }

    void backgroundEventsNeverCount()
    {
        const QDateTime before = m_policy->meta().lastActivity;
        m_clock.advance(5min);

        // Timers, queued calls, deferred deletes, a real network exchange.
        QTimer timer;
        int ticks = 0;
        connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
        timer.start(1);
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(server.waitForNewConnection(2000));
        QTcpSocket *peer = server.nextPendingConnection();
        QSignalSpy readyRead(peer, &QTcpSocket::readyRead);
        client.write("polling");
        QVERIFY(readyRead.wait(2000));
        bool called = false;
        QMetaObject::invokeMethod(
            this, [&] { called = true; }, Qt::QueuedConnection);
        (new QObject)->deleteLater();
        Receiver target;
        // Window-system events that are not input (real timer, socket and queued-call events
        // come from the live objects above).
        for (const auto type : {QEvent::UpdateRequest, QEvent::Paint, QEvent::Enter,
                                QEvent::FocusIn, QEvent::WindowActivate, QEvent::Show}) {
            QEvent event(type);
            QCoreApplication::sendEvent(&target, &event);
        }
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 3 && called, 2000);

        QCOMPARE(m_filter->inputEventCount(), 0);
        QCOMPARE(m_policy->meta().lastActivity, before);
    }

    void inputAfterSilenceStillPreventsExpiry()
    {
        QSignalSpy expired(m_policy, &SessionPolicy::expired);
        Receiver target;
        m_clock.advance(14min);
        QEvent key(QEvent::KeyPress);
        QCoreApplication::sendEvent(&target, &key);
        m_clock.advance(14min);
        m_policy->tick();
        QCOMPARE(expired.count(), 0);
        m_clock.advance(1min);
        m_policy->tick();
        QCOMPARE(expired.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestUserActivityFilter)
#include "tst_useractivityfilter.moc"
