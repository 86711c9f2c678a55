// Tests for the plexe-console client and loopback redirect-URI rules (RFC 8252 §7.3).
#include "auth/RedirectUriPolicy.h"

#include <QTest>

using namespace plexe::sandbox;
using V = RedirectUriPolicy::Verdict;

Q_DECLARE_METATYPE(RedirectUriPolicy::Verdict)

class TestRedirectUriPolicy : public QObject
{
    Q_OBJECT
private slots:
    void client()
    {
        QCOMPARE(RedirectUriPolicy::clientId(), QStringLiteral("plexe-console"));
        QVERIFY(RedirectUriPolicy::isKnownClient(QStringLiteral("plexe-console")));
        QVERIFY(!RedirectUriPolicy::isKnownClient(QStringLiteral("Plexe-Console")));
        QVERIFY(!RedirectUriPolicy::isKnownClient(QStringLiteral("plexe-console ")));
        QVERIFY(!RedirectUriPolicy::isKnownClient(QString()));
        QVERIFY(!RedirectUriPolicy::isKnownClient(QStringLiteral("other")));
    }

    void verdicts_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<V>("verdict");
        auto row = [](const char *uri, V v) {
            QTest::newRow(uri) << QString::fromUtf8(uri) << v;
        };
        // Accepted: IP literals, any port, any clean path.
        row("http://127.0.0.1:8080/callback", V::Ok);
        row("http://127.0.0.1:1/", V::Ok);
        row("http://127.0.0.1:65535/callback", V::Ok);
        row("http://[::1]:49152/callback", V::Ok);
        row("http://127.0.0.1:5000/a/b/c", V::Ok);
        row("http://127.0.0.1:5000/cb%20x", V::Ok);
        row("http://127.0.0.1:5000/a:b@c!$&'()*+,;=-._~", V::Ok);
        // Scheme.
        row("https://127.0.0.1:8080/callback", V::NotHttp);
        row("HTTP://127.0.0.1:8080/callback", V::NotHttp);
        row("com.plexe.console:/callback", V::NotHttp);
        row("//127.0.0.1:8080/callback", V::NotHttp);
        row("http:/127.0.0.1:8080/callback", V::NotHttp);
        row(" http://127.0.0.1:8080/callback", V::NotHttp);
        // Hosts.
        row("http://localhost:8080/callback", V::NotLoopbackIp);
        row("http://LOCALHOST:8080/callback", V::NotLoopbackIp);
        row("http://127.0.0.2:8080/callback", V::NotLoopbackIp);
        row("http://127.1:8080/callback", V::NotLoopbackIp);
        row("http://0.0.0.0:8080/callback", V::NotLoopbackIp);
        row("http://2130706433:8080/callback", V::NotLoopbackIp);
        row("http://[0:0:0:0:0:0:0:1]:8080/callback", V::NotLoopbackIp);
        row("http://[::ffff:127.0.0.1]:8080/callback", V::NotLoopbackIp);
        row("http://127.0.0.1.evil.example:8080/callback", V::NotLoopbackIp);
        row("http://evil.example:8080/callback", V::NotLoopbackIp);
        row("http://127.0.0.1.:8080/callback", V::NotLoopbackIp);
        row("http://::1:8080/callback", V::NotLoopbackIp);
        // User info.
        row("http://user@127.0.0.1:8080/callback", V::UserInfo);
        row("http://127.0.0.1:8080@evil.example/callback", V::UserInfo);
        row("http://evil.example@127.0.0.1:8080/callback", V::UserInfo);
        // Ports.
        row("http://127.0.0.1/callback", V::MissingPort);
        row("http://[::1]/callback", V::MissingPort);
        row("http://127.0.0.1:/callback", V::MissingPort);
        row("http://127.0.0.1:0/callback", V::BadPort);
        row("http://127.0.0.1:08080/callback", V::BadPort);
        row("http://127.0.0.1:65536/callback", V::BadPort);
        row("http://127.0.0.1:99999/callback", V::BadPort);
        row("http://127.0.0.1:123456/callback", V::BadPort);
        row("http://127.0.0.1:+80/callback", V::BadPort);
        row("http://127.0.0.1:-80/callback", V::BadPort);
        row("http://127.0.0.1:80a/callback", V::BadPort);
        row("http://127.0.0.1:8 0/callback", V::BadPort);
        // Paths, queries, fragments.
        row("http://127.0.0.1:8080", V::BadPath);
        row("http://127.0.0.1:8080?x=1", V::HasQuery);
        row("http://127.0.0.1:8080/callback?x=1", V::HasQuery);
        row("http://127.0.0.1:8080/callback?", V::HasQuery);
        row("http://127.0.0.1:8080/callback#frag", V::HasFragment);
        row("http://127.0.0.1:8080#frag", V::HasFragment);
        row("http://127.0.0.1:8080/call back", V::BadPath);
        row("http://127.0.0.1:8080/call\\back", V::BadPath);
        row("http://127.0.0.1:8080/call<b>", V::BadPath);
        row("http://127.0.0.1:8080/cb%2", V::BadPath);
        row("http://127.0.0.1:8080/cb%zz", V::BadPath);
        row("http://127.0.0.1:8080/a/../b", V::BadPath);
        row("http://127.0.0.1:8080/./b", V::BadPath);
        row("http://127.0.0.1:8080/..", V::BadPath);
        row("http://127.0.0.1:8080/caf\u00e9", V::BadPath);
        row("http://127.0.0.1:8080/cb\n", V::BadPath);
        row("", V::Empty);
    }

    void verdicts()
    {
        QFETCH(QString, uri);
        QFETCH(V, verdict);
        QCOMPARE(RedirectUriPolicy::check(uri), verdict);
        QCOMPARE(RedirectUriPolicy::isAllowed(uri), verdict == V::Ok);
        QVERIFY(!RedirectUriPolicy::describe(verdict).isEmpty());
    }

    void nulAndLengthLimits()
    {
        QString withNul = QStringLiteral("http://127.0.0.1:8080/cb");
        withNul.append(QChar(0));
        QCOMPARE(RedirectUriPolicy::check(withNul), V::BadPath);
        const QString base = QStringLiteral("http://127.0.0.1:8080/");
        const QString atLimit =
            base + QString(RedirectUriPolicy::kMaxUriLength - base.size(), QLatin1Char('a'));
        QCOMPARE(RedirectUriPolicy::check(atLimit), V::Ok);
        QCOMPARE(RedirectUriPolicy::check(atLimit + QLatin1Char('a')), V::TooLong);
    }

    void describeNeverEchoesTheUri()
    {
        for (V v : {V::NotHttp, V::NotLoopbackIp, V::BadPath, V::HasQuery})
            QVERIFY(!RedirectUriPolicy::describe(v).contains(QLatin1String("<")));
    }

    void tokenRequestMustMatchExactly()
    {
        const QString a = QStringLiteral("http://127.0.0.1:8080/callback");
        QVERIFY(RedirectUriPolicy::matchesAuthorizeRequest(a, a));
        QVERIFY(!RedirectUriPolicy::matchesAuthorizeRequest(
            a, QStringLiteral("http://127.0.0.1:8081/callback")));
        QVERIFY(!RedirectUriPolicy::matchesAuthorizeRequest(
            a, QStringLiteral("http://127.0.0.1:8080/callback/")));
        QVERIFY(!RedirectUriPolicy::matchesAuthorizeRequest(
            a, QStringLiteral("http://127.0.0.1:8080/Callback")));
        QVERIFY(!RedirectUriPolicy::matchesAuthorizeRequest(
            a, QStringLiteral("http://[::1]:8080/callback")));
        QVERIFY(!RedirectUriPolicy::matchesAuthorizeRequest(a, QString()));
        // Equal but not allowed: still refused.
        const QString bad = QStringLiteral("http://localhost:8080/callback");
        QVERIFY(!RedirectUriPolicy::matchesAuthorizeRequest(bad, bad));
    }

    void buildRedirectEncodesValues()
    {
        const QString uri = RedirectUriPolicy::buildRedirect(
            QStringLiteral("http://127.0.0.1:8080/callback"),
            {{QStringLiteral("code"), QStringLiteral("plx_code_abc-_")},
             {QStringLiteral("state"), QStringLiteral("a&b=c #d/é")},
             {QStringLiteral("iss"), QStringLiteral("https://127.0.0.1:8443")}});
        QCOMPARE(uri, QStringLiteral("http://127.0.0.1:8080/callback?code=plx_code_abc-_"
                                     "&state=a%26b%3Dc%20%23d%2F%C3%A9"
                                     "&iss=https%3A%2F%2F127.0.0.1%3A8443"));
        QCOMPARE(RedirectUriPolicy::buildRedirect(QStringLiteral("http://[::1]:1/"), {}),
                 QStringLiteral("http://[::1]:1/"));
    }
};

QTEST_GUILESS_MAIN(TestRedirectUriPolicy)
#include "tst_redirecturipolicy.moc"
