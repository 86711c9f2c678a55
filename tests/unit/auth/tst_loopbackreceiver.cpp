#include "auth/LoopbackReceiver.h"

#include "LogCapture.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

#include <memory>
#include <vector>

using namespace plexe;
using namespace std::chrono_literals;

namespace {

const QByteArray kState = "test-state-0123456789-abcdefghijklmnopqrstuv";
const QString kIssuer = QStringLiteral("https://127.0.0.1:8443");

// Sends raw bytes, waits for the server to close, returns everything it answered.
QByteArray exchange(quint16 port, const QByteArray &bytes)
{
    QTcpSocket socket;
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(2000))
        return "NO CONNECTION";
    socket.write(bytes);
    QByteArray answer;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { answer += socket.readAll(); });
    if (socket.state() != QAbstractSocket::UnconnectedState && !closed.wait(2000))
        return "NO CLOSE";
    answer += socket.readAll();
    return answer;
}

QByteArray callbackRequest(const QByteArray &query, quint16 port)
{
    return "GET /callback?" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
           "\r\nAccept: text/html\r\n\r\n";
}

bool connectionRefused(quint16 port)
{
    QTcpSocket socket;
    QSignalSpy errors(&socket, &QTcpSocket::errorOccurred);
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&] { return errors.count() + connected.count() > 0; }, 2000))
        return false;
    return socket.error() == QAbstractSocket::ConnectionRefusedError;
}

// Listening TCP sockets owned by this process, as "hexaddr:hexport" from /proc/net/tcp{,6}.
QStringList ownListeningSockets()
{
    QSet<QString> inodes;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &fd : fds.entryList(QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = QFile::symLinkTarget(fds.filePath(fd));
        if (target.contains(QLatin1String("socket:[")))
            inodes.insert(target.section(QLatin1Char('['), 1).chopped(1));
    }
    QStringList result;
    for (const char *table : {"/proc/self/net/tcp", "/proc/self/net/tcp6"}) {
        QFile file(QString::fromLatin1(table));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine(); // header
        while (!file.atEnd()) {
            const QStringList f =
                QString::fromLatin1(file.readLine()).simplified().split(QLatin1Char(' '));
            if (f.size() > 9 && f.at(3) == QLatin1String("0A") && inodes.contains(f.at(9)))
                result << f.at(1);
        }
    }
    return result;
}

} // namespace

class TestLoopbackReceiver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::LogCapture::install(); }

    void cleanupTestCase()
    {
        // Every test above ran with plexe.* at debug level: no code or state may show up.
        QVERIFY(!test::LogCapture::messages().isEmpty());
        const QStringList leaks =
            test::LogCapture::containing({QStringLiteral("SECRET-CODE-123"),
                                          QString::fromLatin1(kState), QStringLiteral("code=")});
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }

    void redirectUriIsTheIpLiteral()
    {
        LoopbackReceiver receiver;
        QVERIFY(receiver.redirectUri().isEmpty());
        QVERIFY(receiver.start(kState, kIssuer));
        const QUrl uri = receiver.redirectUri();
        QCOMPARE(uri.scheme(), QStringLiteral("http"));
        QCOMPARE(uri.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(uri.path(), QStringLiteral("/callback"));
        QVERIFY(uri.port() > 0);
        QCOMPARE(uri.toString(),
                 QStringLiteral("http://127.0.0.1:%1/callback").arg(receiver.port()));
    }

    void listensOnLoopbackOnly()
    {
        QVERIFY(ownListeningSockets().isEmpty());
        LoopbackReceiver receiver;
        QVERIFY(receiver.start(kState, kIssuer));
        const QString expected =
            QStringLiteral("0100007F:%1").arg(receiver.port(), 4, 16, QLatin1Char('0')).toUpper();
        QCOMPARE(ownListeningSockets(), QStringList{expected});
        receiver.cancel();
        QVERIFY(ownListeningSockets().isEmpty());
    }

    void validCallbackThenPortClosed()
    {
        LoopbackReceiver receiver;
        QSignalSpy received(&receiver, &LoopbackReceiver::received);
        QSignalSpy failed(&receiver, &LoopbackReceiver::failed);
        QVERIFY(receiver.start(kState, kIssuer));
        const quint16 port = receiver.port();
        const QByteArray answer =
            exchange(port, callbackRequest("code=SECRET-CODE-123&state=" + kState +
                                               "&iss=https%3A%2F%2F127."
                                               "0.0.1%3A8443",
                                           port));
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
        QVERIFY(answer.contains("\r\nConnection: close\r\n"));
        QVERIFY(answer.contains("Content-Type: text/html; charset=utf-8"));
        QVERIFY(!answer.contains("SECRET-CODE-123"));
        QVERIFY(!answer.contains(kState));
        QCOMPARE(received.count(), 1);
        QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("SECRET-CODE-123"));
        QCOMPARE(failed.count(), 0);
        QVERIFY(!receiver.isListening());
        QVERIFY(connectionRefused(port));
        receiver.cancel(); // after the result: no second signal
        QCOMPARE(failed.count(), 0);
    }

    void badStateThenGoodState()
    {
        LoopbackReceiver receiver;
        QSignalSpy received(&receiver, &LoopbackReceiver::received);
        QSignalSpy failed(&receiver, &LoopbackReceiver::failed);
        QVERIFY(receiver.start(kState, kIssuer));
        const quint16 port = receiver.port();
        QByteArray answer = exchange(port, callbackRequest("code=EVIL&state=wrong", port));
        QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
        answer = exchange(port, callbackRequest("code=EVIL", port));
        QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
        answer = exchange(port, callbackRequest("error=access_denied&state=wrong", port));
        QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
        QCOMPARE(received.count(), 0);
        QCOMPARE(failed.count(), 0);
        QVERIFY(receiver.isListening());
        answer = exchange(port, callbackRequest("code=GOOD&state=" + kState, port));
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        QCOMPARE(received.count(), 1);
        QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("GOOD"));
        QVERIFY(connectionRefused(port)); // the good state cannot be replayed either
        QCOMPARE(received.count(), 1);
        QCOMPARE(failed.count(), 0);
    }

    void junkIsAnsweredAndReceiverStaysUsable_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("POST") << QByteArray("POST /callback?code=1 HTTP/1.1\r\nHost: x\r\n\r\n")
                              << QByteArray("405");
        QTest::newRow("other path")
            << QByteArray("GET /admin HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("404");
        QTest::newRow("NUL") << QByteArray("GET /callback?\0 HTTP/1.1\r\n\r\n", 29)
                             << QByteArray("400");
        QTest::newRow("invalid UTF-8")
            << QByteArray("GET /callback?code=%FF%FE HTTP/1.1\r\n\r\n") << QByteArray("400");
        QTest::newRow("bad percent")
            << QByteArray("GET /callback?code=%G1 HTTP/1.1\r\n\r\n") << QByteArray("400");
        QTest::newRow("over 8 KiB")
            << "GET /callback?code=" + QByteArray(10000, 'a') << QByteArray("414");
        QTest::newRow("TLS hello")
            << QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03", 11) << QByteArray("400");
    }

    void junkIsAnsweredAndReceiverStaysUsable()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        LoopbackReceiver receiver;
        QSignalSpy received(&receiver, &LoopbackReceiver::received);
        QSignalSpy failed(&receiver, &LoopbackReceiver::failed);
        QVERIFY(receiver.start(kState, kIssuer));
        const quint16 port = receiver.port();
        const QByteArray answer = exchange(port, request);
        QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + status + ' ')),
                 answer.left(80).constData());
        QVERIFY(answer.contains("Connection: close"));
        QCOMPARE(received.count() + failed.count(), 0);
        QVERIFY(receiver.isListening());
        QVERIFY(exchange(port, callbackRequest("code=1&state=" + kState, port))
                    .startsWith("HTTP/1.1 200 "));
        QCOMPARE(received.count(), 1);
    }

    void silentAndHalfConnectionsTimeOut()
    {
        LoopbackReceiver receiver;
        receiver.setReadTimeout(150ms);
        QSignalSpy received(&receiver, &LoopbackReceiver::received);
        QVERIFY(receiver.start(kState, kIssuer));
        const quint16 port = receiver.port();
        QElapsedTimer timer;
        timer.start();
        QVERIFY(exchange(port, QByteArray()).startsWith("HTTP/1.1 408 "));
        QVERIFY(exchange(port, "GET /callb").startsWith("HTTP/1.1 408 "));
        QVERIFY(timer.elapsed() < 1500);
        QVERIFY(exchange(port, callbackRequest("code=1&state=" + kState, port))
                    .startsWith("HTTP/1.1 200 "));
        QCOMPARE(received.count(), 1);
    }

    // Issue 21 item 8: sixteen connections that never send a byte (any local process can open
    // them) filled the limit, and the browser's redirect was refused. Now the oldest silent one
    // makes room; a connection in the middle of a request is never the one that goes.
    void idleConnectionsMakeRoomForTheRedirect()
    {
        LoopbackReceiver receiver;
        receiver.setIdleTimeout(1min); // eviction alone lets the redirect in, not the idle drop
        QSignalSpy received(&receiver, &LoopbackReceiver::received);
        QVERIFY(receiver.start(kState, kIssuer));
        const quint16 port = receiver.port();
        const auto accepted = [&] {
            return receiver.findChildren<QTcpSocket *>().size();
        };
        QTcpSocket busy; // a request under way: never evicted
        QSignalSpy busyClosed(&busy, &QTcpSocket::disconnected);
        busy.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(busy.waitForConnected(2000));
        busy.write("GET /callback?code=1");
        QVERIFY(busy.waitForBytesWritten(2000));
        QTRY_COMPARE_WITH_TIMEOUT(accepted(), 1, 2000);

        std::vector<std::unique_ptr<QTcpSocket>> idle;
        std::vector<std::unique_ptr<QSignalSpy>> closed;
        const auto openIdle = [&] {
            idle.push_back(std::make_unique<QTcpSocket>());
            closed.push_back(
                std::make_unique<QSignalSpy>(idle.back().get(), &QTcpSocket::disconnected));
            idle.back()->connectToHost(QHostAddress::LocalHost, port);
            return idle.back()->waitForConnected(2000);
        };
        for (int i = 1; i < 16; ++i) { // up to the limit, one at a time
            QVERIFY(openIdle());
            QTRY_COMPARE_WITH_TIMEOUT(accepted(), i + 1, 2000);
        }
        // Four more: each pushes out the oldest silent connection, in order.
        for (int i = 0; i < 4; ++i) {
            QVERIFY(openIdle());
            QTRY_VERIFY_WITH_TIMEOUT(closed.at(size_t(i))->size() == 1, 2000);
        }
        for (size_t i = 4; i < idle.size(); ++i)
            QCOMPARE(idle.at(i)->state(), QAbstractSocket::ConnectedState);
        QCOMPARE(busy.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(busyClosed.size(), 0);

        const QByteArray answer =
            exchange(port, callbackRequest("code=REDIRECT&state=" + kState, port));
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("REDIRECT"));
        QCOMPARE(closed.at(4)->size(), 1); // the next oldest made room for it
    }

    // The other half: connections that send nothing within the idle timeout are dropped, so
    // the limit is never held for long; one that has begun its request gets its 408 instead.
    void silentConnectionsAreDropped()
    {
        LoopbackReceiver receiver;
        receiver.setIdleTimeout(100ms);
        receiver.setReadTimeout(1min); // not the 408 of an unfinished request: the idle drop
        QSignalSpy received(&receiver, &LoopbackReceiver::received);
        QVERIFY(receiver.start(kState, kIssuer));
        const quint16 port = receiver.port();
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        std::vector<std::unique_ptr<QSignalSpy>> closed;
        for (int i = 0; i < 16; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            closed.push_back(
                std::make_unique<QSignalSpy>(idle.back().get(), &QTcpSocket::disconnected));
            idle.back()->connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(idle.back()->waitForConnected(2000));
        }
        for (size_t i = 0; i < idle.size(); ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(closed.at(i)->size() == 1, 2000);
            QCOMPARE(idle.at(i)->readAll(), QByteArray()); // dropped without an answer
        }
        receiver.setReadTimeout(300ms); // for the connections from here on
        QVERIFY(exchange(port, "GET /callb").startsWith("HTTP/1.1 408 "));
        QVERIFY(exchange(port, callbackRequest("code=1&state=" + kState, port))
                    .startsWith("HTTP/1.1 200 "));
        QCOMPARE(received.size(), 1);
    }

    void authorizationErrorIsEscapedAndFails()
    {
        LoopbackReceiver receiver;
        QSignalSpy received(&receiver, &LoopbackReceiver::received);
        QSignalSpy failed(&receiver, &LoopbackReceiver::failed);
        QVERIFY(receiver.start(kState, kIssuer));
        const quint16 port = receiver.port();
        const QByteArray answer = exchange(
            port, callbackRequest("error=invalid_scope&error_description=%3Cscript%3Ealert(%27x%27)"
                                  "%3C%2Fscript%3E%22&state=" +
                                      kState,
                                  port));
        QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
        QVERIFY(!answer.contains("<script>"));
        QVERIFY(answer.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;"));
        QCOMPARE(received.count(), 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).value<LoopbackReceiver::Failure>(),
                 LoopbackReceiver::Failure::AuthorizationError);
        QVERIFY(failed.at(0).at(1).toString().contains(QLatin1String("invalid_scope")));
        QVERIFY(connectionRefused(port));
    }

    void accessDenied()
    {
        LoopbackReceiver receiver;
        QSignalSpy failed(&receiver, &LoopbackReceiver::failed);
        QVERIFY(receiver.start(kState, kIssuer));
        exchange(receiver.port(),
                 callbackRequest("error=access_denied&state=" + kState, receiver.port()));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).value<LoopbackReceiver::Failure>(),
                 LoopbackReceiver::Failure::AuthorizationError);
    }

    void issuerMismatchFails()
    {
        LoopbackReceiver receiver;
        QSignalSpy received(&receiver, &LoopbackReceiver::received);
        QSignalSpy failed(&receiver, &LoopbackReceiver::failed);
        QVERIFY(receiver.start(kState, kIssuer));
        const quint16 port = receiver.port();
        exchange(port, callbackRequest("code=1&state=" + kState + "&iss=https%3A%2F%2Fevil", port));
        QCOMPARE(received.count(), 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).value<LoopbackReceiver::Failure>(),
                 LoopbackReceiver::Failure::IssuerMismatch);
    }

    void foreignHostHeaderIsRefused()
    {
        LoopbackReceiver receiver;
        QSignalSpy received(&receiver, &LoopbackReceiver::received);
        QVERIFY(receiver.start(kState, kIssuer));
        const QByteArray rebinding =
            "GET /callback?code=1&state=" + kState +
            " HTTP/1.1\r\nHost: attacker.example:" + QByteArray::number(receiver.port()) +
            "\r\n\r\n";
        QVERIFY(exchange(receiver.port(), rebinding).startsWith("HTTP/1.1 400 "));
        QCOMPARE(received.count(), 0);
        QVERIFY(receiver.isListening());
    }

    void cancelClosesThePort()
    {
        LoopbackReceiver receiver;
        QSignalSpy failed(&receiver, &LoopbackReceiver::failed);
        QVERIFY(receiver.start(kState, kIssuer));
        const quint16 port = receiver.port();
        QTcpSocket idle; // a browser's speculative connection must not keep anything open
        idle.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(idle.waitForConnected(2000));
        QSignalSpy idleClosed(&idle, &QTcpSocket::disconnected);
        QTRY_VERIFY_WITH_TIMEOUT(receiver.findChildren<QTcpSocket *>().size() == 1, 2000);
        receiver.cancel();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).value<LoopbackReceiver::Failure>(),
                 LoopbackReceiver::Failure::Cancelled);
        QVERIFY(connectionRefused(port));
        QVERIFY(idleClosed.count() == 1 || idleClosed.wait(2000));
        receiver.cancel();
        QCOMPARE(failed.count(), 1);
    }

    void timeoutClosesThePort()
    {
        LoopbackReceiver receiver;
        receiver.setTimeout(200ms);
        QSignalSpy failed(&receiver, &LoopbackReceiver::failed);
        QVERIFY(receiver.start(kState, kIssuer));
        const quint16 port = receiver.port();
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).value<LoopbackReceiver::Failure>(),
                 LoopbackReceiver::Failure::TimedOut);
        QVERIFY(connectionRefused(port));
    }

    void destructionClosesThePort()
    {
        quint16 port = 0;
        {
            LoopbackReceiver receiver;
            QVERIFY(receiver.start(kState, kIssuer));
            port = receiver.port();
            QVERIFY(!connectionRefused(port));
        }
        QVERIFY(connectionRefused(port));
    }

    void pastedAddressFallback()
    {
        LoopbackReceiver receiver;
        QSignalSpy received(&receiver, &LoopbackReceiver::received);
        QVERIFY(receiver.start(kState, kIssuer));
        const quint16 port = receiver.port();
        const QString base = receiver.redirectUri().toString();
        auto outcome = receiver.acceptPastedAddress(base + QStringLiteral("?code=P&state=bad"));
        QCOMPARE(outcome.kind, CallbackOutcome::Kind::WrongState);
        outcome = receiver.acceptPastedAddress(QStringLiteral("http://localhost:%1/callback?code=P"
                                                              "&state=")
                                                   .arg(port) +
                                               QString::fromLatin1(kState));
        QCOMPARE(outcome.kind, CallbackOutcome::Kind::Malformed);
        QVERIFY(receiver.isListening());
        QCOMPARE(received.count(), 0);
        outcome = receiver.acceptPastedAddress(base + QStringLiteral("?code=P&state=") +
                                               QString::fromLatin1(kState));
        QCOMPARE(outcome.kind, CallbackOutcome::Kind::Code);
        QCOMPARE(received.count(), 1);
        QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("P"));
        QVERIFY(connectionRefused(port));
    }

    void startTwiceIsRefused()
    {
        LoopbackReceiver receiver;
        QVERIFY(receiver.start(kState, kIssuer));
        QVERIFY(!receiver.start(kState, kIssuer));
        QVERIFY(!LoopbackReceiver().start(QByteArray(), kIssuer));
    }
};

QTEST_GUILESS_MAIN(TestLoopbackReceiver)
#include "tst_loopbackreceiver.moc"
