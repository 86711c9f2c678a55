#include "auth/LoopbackRequestParser.h"

#include <QtTest>

using namespace plexe;
using State = LoopbackRequestParser::State;

class TestLoopbackRequestParser : public QObject
{
    Q_OBJECT

private:
    static QByteArray request(const QByteArray &target, const QByteArray &method = "GET")
    {
        return method + ' ' + target +
               " HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n"
               "User-Agent: test\r\nAccept: text/html\r\n\r\n";
    }

private slots:
    void validCallback()
    {
        const auto r = LoopbackRequestParser::parse(
            request("/callback?code=abc%2F1&state=s+t&iss=http%3A%2F%2F127.0.0.1%3A8443"));
        QCOMPARE(r.state, State::Complete);
        QCOMPARE(r.request.path, QByteArray("/callback"));
        QCOMPARE(r.request.host, QByteArray("127.0.0.1:5000"));
        QCOMPARE(r.request.query.size(), 3);
        QCOMPARE(r.request.query.at(0), qMakePair(QStringLiteral("code"), QStringLiteral("abc/1")));
        QCOMPARE(r.request.query.at(1), qMakePair(QStringLiteral("state"), QStringLiteral("s t")));
        QCOMPARE(r.request.query.at(2).second, QStringLiteral("http://127.0.0.1:8443"));
    }

    void utf8Values()
    {
        const auto r =
            LoopbackRequestParser::parse(request("/callback?error_description=%C3%A9t%C3%A9"));
        QCOMPARE(r.state, State::Complete);
        QCOMPARE(r.request.query.at(0).second, QString::fromUtf8("\xc3\xa9t\xc3\xa9"));
    }

    void http10WithoutHost()
    {
        const auto r = LoopbackRequestParser::parse("GET /callback?code=1 HTTP/1.0\r\n\r\n");
        QCOMPARE(r.state, State::Complete);
        QVERIFY(r.request.host.isEmpty());
    }

    void incomplete_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("half line") << QByteArray("GET /callb");
        QTest::newRow("line only") << QByteArray("GET /callback?code=1 HTTP/1.1\r\n");
        QTest::newRow("headers") << QByteArray("GET /callback HTTP/1.1\r\nHost: a\r\n");
        QTest::newRow("trailing CR") << QByteArray("GET /callback HTTP/1.1\r");
    }

    void incomplete()
    {
        QFETCH(QByteArray, bytes);
        QCOMPARE(LoopbackRequestParser::parse(bytes).state, State::Incomplete);
    }

    void rejected_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("POST") << request("/callback?code=1", "POST") << 405;
        QTest::newRow("HEAD") << request("/callback?code=1", "HEAD") << 405;
        QTest::newRow("lower-case get") << request("/callback?code=1", "get") << 405;
        QTest::newRow("other path") << request("/favicon.ico") << 404;
        QTest::newRow("path prefix") << request("/callbackx?code=1") << 404;
        QTest::newRow("encoded path") << request("/%63allback?code=1") << 404;
        QTest::newRow("absolute form") << request("http://127.0.0.1/callback") << 400;
        QTest::newRow("NUL in line")
            << QByteArray("GET /callback?code=1\0 HTTP/1.1\r\n\r\n", 35) << 400;
        QTest::newRow("NUL in half line") << QByteArray("GET /ca\0", 8) << 400;
        QTest::newRow("encoded NUL") << request("/callback?code=a%00b") << 400;
        QTest::newRow("encoded CRLF") << request("/callback?code=a%0D%0Ab") << 400;
        QTest::newRow("bad percent") << request("/callback?code=%zz") << 400;
        QTest::newRow("short percent") << request("/callback?code=%4") << 400;
        QTest::newRow("trailing percent") << request("/callback?code=%") << 400;
        QTest::newRow("invalid UTF-8 encoded") << request("/callback?code=%C3%28") << 400;
        QTest::newRow("overlong UTF-8") << request("/callback?code=%C0%AF") << 400;
        QTest::newRow("raw 8-bit target") << request("/callback?code=\xc3\xa9") << 400;
        QTest::newRow("invalid UTF-8 header")
            << QByteArray("GET /callback?code=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX: \xff\xfe\r\n\r\n")
            << 400;
        QTest::newRow("duplicate state") << request("/callback?state=a&state=b") << 400;
        QTest::newRow("empty name") << request("/callback?=x") << 400;
        QTest::newRow("fragment") << request("/callback?code=1#x") << 400;
        QTest::newRow("bare LF") << QByteArray("GET /callback HTTP/1.1\nHost: a\n\n") << 400;
        QTest::newRow("bare CR") << QByteArray("GET /callback HTTP/1.1\rHost: a\r\n\r\n") << 400;
        QTest::newRow("two spaces") << QByteArray("GET  /callback HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("no version") << QByteArray("GET /callback\r\n\r\n") << 400;
        QTest::newRow("HTTP/2") << QByteArray("GET /callback HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("junk") << QByteArray("\x16\x03\x01\x02\x00\r\n\r\n", 9) << 400;
        QTest::newRow("binary line") << QByteArray("\x16\x03\x01\x02\r\n\r\n") << 400;
        QTest::newRow("leading empty line")
            << QByteArray("\r\nGET /callback HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("no Host on 1.1") << QByteArray("GET /callback HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two Hosts")
            << QByteArray("GET /callback HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
        QTest::newRow("folded header")
            << QByteArray("GET /callback HTTP/1.1\r\nHost: a\r\n b\r\n\r\n") << 400;
        QTest::newRow("header without colon")
            << QByteArray("GET /callback HTTP/1.1\r\nHost: a\r\nbogus\r\n\r\n") << 400;
        QTest::newRow("body") << QByteArray("GET /callback HTTP/1.1\r\nHost: a\r\n"
                                            "Content-Length: 5\r\n\r\nhello")
                              << 400;
        QTest::newRow("chunked") << QByteArray("GET /callback HTTP/1.1\r\nHost: a\r\n"
                                               "Transfer-Encoding: chunked\r\n\r\n")
                                 << 400;
        QTest::newRow("long line, no end")
            << QByteArray("GET /callback?code=") + QByteArray(9000, 'a') << 414;
        QTest::newRow("long line") << request("/callback?code=" + QByteArray(9000, 'a')) << 414;
        QTest::newRow("long headers") << QByteArray("GET /callback HTTP/1.1\r\nHost: a\r\nX: ") +
                                             QByteArray(9000, 'a') + "\r\n\r\n"
                                      << 431;
        QTest::newRow("long headers, no end")
            << QByteArray("GET /callback HTTP/1.1\r\nX: ") + QByteArray(9000, 'a') << 431;
    }

    void rejected()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        const auto r = LoopbackRequestParser::parse(bytes);
        QCOMPARE(r.state, State::Rejected);
        QCOMPARE(r.httpStatus, status);
        QVERIFY(!r.reason.isEmpty());
    }

    void exactlyAtTheLimit()
    {
        QByteArray head = "GET /callback?code=1 HTTP/1.1\r\nHost: a\r\nX: ";
        const int fill = LoopbackRequestParser::kMaxRequestBytes - head.size() - 4;
        head += QByteArray(fill, 'a') + "\r\n\r\n";
        QCOMPARE(head.size(), LoopbackRequestParser::kMaxRequestBytes);
        QCOMPARE(LoopbackRequestParser::parse(head).state, State::Complete);
        head.insert(head.size() - 4, 'a');
        QCOMPARE(LoopbackRequestParser::parse(head).httpStatus, 431);
    }

    void reasonNeverEchoesInput()
    {
        const auto r = LoopbackRequestParser::parse(request("/callback?code=%zz<script>"));
        QCOMPARE(r.state, State::Rejected);
        QVERIFY(!r.reason.contains(QLatin1String("script")));
    }

    void parseQueryPlusAndEmptyPairs()
    {
        const auto q = LoopbackRequestParser::parseQuery("a=1+2&&b&c=%2B");
        QVERIFY(q.has_value());
        QCOMPARE(q->size(), 3);
        QCOMPARE(q->at(0).second, QStringLiteral("1 2"));
        QCOMPARE(q->at(1), qMakePair(QStringLiteral("b"), QString()));
        QCOMPARE(q->at(2).second, QStringLiteral("+"));
    }
};

QTEST_GUILESS_MAIN(TestLoopbackRequestParser)
#include "tst_loopbackrequestparser.moc"
