// Tests for the signed double-submit CSRF token of the sign-in form.
#include "auth/CsrfToken.h"

#include <QTest>

using namespace plexe::sandbox;

namespace {
const QByteArray kSecret("0123456789abcdef0123456789abcdef");
const QByteArray kContext("plexe-console\nhttp://127.0.0.1:8080/callback\nstate\nchallenge");
constexpr qint64 kNow = 1'700'000'000;
} // namespace

class TestCsrfToken : public QObject
{
    Q_OBJECT
private slots:
    void issuedTokenVerifies()
    {
        const CsrfToken csrf(kSecret);
        const QByteArray nonce = CsrfToken::newNonce();
        QCOMPARE(nonce.size(), 43);
        const QByteArray token = csrf.issue(nonce, kContext, kNow);
        QVERIFY(token.startsWith(QByteArray::number(kNow) + '.'));
        QVERIFY(csrf.verify(token, nonce, kContext, kNow));
        QVERIFY(csrf.verify(token, nonce, kContext, kNow + 600));
        QVERIFY(!token.contains(nonce)); // the page never reveals the cookie's value
    }

    void tamperedTokensAreRefused()
    {
        const CsrfToken csrf(kSecret);
        const QByteArray nonce = CsrfToken::newNonce();
        const QByteArray token = csrf.issue(nonce, kContext, kNow);
        // Flip each character of the MAC in turn.
        const qsizetype dot = token.indexOf('.');
        for (qsizetype i = dot + 1; i < token.size(); ++i) {
            QByteArray bad = token;
            bad[i] = bad[i] == 'A' ? 'B' : 'A';
            QVERIFY2(!csrf.verify(bad, nonce, kContext, kNow), bad.constData());
        }
        // Move the issue time (to stretch its life): the MAC no longer matches.
        QVERIFY(!csrf.verify(QByteArray::number(kNow + 100) + token.mid(dot), nonce, kContext,
                             kNow + 100));
        QVERIFY(!csrf.verify(token + 'A', nonce, kContext, kNow));
        QVERIFY(!csrf.verify(token.left(token.size() - 1), nonce, kContext, kNow));
    }

    void otherNonceContextOrSecretIsRefused()
    {
        const CsrfToken csrf(kSecret);
        const QByteArray nonce = CsrfToken::newNonce();
        const QByteArray token = csrf.issue(nonce, kContext, kNow);
        QVERIFY(!csrf.verify(token, CsrfToken::newNonce(), kContext, kNow));
        QVERIFY(!csrf.verify(token, nonce, kContext + "x", kNow));
        QVERIFY(!csrf.verify(token, nonce, QByteArray(), kNow));
        const CsrfToken otherServer(QByteArray("fedcba9876543210fedcba9876543210"));
        QVERIFY(!otherServer.verify(token, nonce, kContext, kNow));
    }

    void expiryAndFutureTokens()
    {
        const CsrfToken csrf(kSecret, 600);
        const QByteArray nonce = CsrfToken::newNonce();
        const QByteArray token = csrf.issue(nonce, kContext, kNow);
        QVERIFY(csrf.verify(token, nonce, kContext, kNow + 600));
        QVERIFY(!csrf.verify(token, nonce, kContext, kNow + 601));
        QVERIFY(csrf.verify(token, nonce, kContext, kNow - CsrfToken::kClockSkewSeconds));
        QVERIFY(!csrf.verify(token, nonce, kContext, kNow - CsrfToken::kClockSkewSeconds - 1));
    }

    void malformedInputsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("nonce");
        const CsrfToken csrf(kSecret);
        const QByteArray nonce = CsrfToken::newNonce();
        const QByteArray good = csrf.issue(nonce, kContext, kNow);
        const QByteArray mac = good.mid(good.indexOf('.') + 1);
        QTest::newRow("empty token") << QByteArray() << nonce;
        QTest::newRow("empty nonce") << good << QByteArray();
        QTest::newRow("short nonce") << good << nonce.left(42);
        QTest::newRow("nonce bad alphabet") << good << (nonce.left(42) + '+');
        QTest::newRow("no dot") << mac << nonce;
        QTest::newRow("dot only") << QByteArray(".") << nonce;
        QTest::newRow("no time") << ('.' + mac) << nonce;
        QTest::newRow("negative time") << ("-1." + mac) << nonce;
        QTest::newRow("leading zero") << ('0' + good) << nonce;
        QTest::newRow("huge time") << ("99999999999999999999." + mac) << nonce;
        QTest::newRow("spaces") << (" " + good) << nonce;
        QTest::newRow("very long") << QByteArray(100000, 'A') << nonce;
        QTest::newRow("binary") << QByteArray("\0\x01.\xff", 4) << nonce;
    }

    void malformedInputsAreRefused()
    {
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, nonce);
        const CsrfToken csrf(kSecret);
        QVERIFY(!csrf.verify(token, nonce, kContext, kNow));
    }

    void cookieRoundTrip()
    {
        const CsrfToken csrf(kSecret, 600);
        const QByteArray nonce = CsrfToken::newNonce();
        const QByteArray setCookie = csrf.cookieHeader(nonce);
        QVERIFY(setCookie.startsWith("plexe_csrf=" + nonce + ';'));
        for (const char *attribute :
             {"HttpOnly", "Secure", "SameSite=Strict", "Path=/oauth/", "Max-Age=600"})
            QVERIFY2(setCookie.contains(attribute), attribute);
        QCOMPARE(CsrfToken::nonceFromCookieHeader("plexe_csrf=" + nonce),
                 std::optional<QByteArray>(nonce));
        QCOMPARE(CsrfToken::nonceFromCookieHeader("a=b; plexe_csrf=" + nonce + "; c=d"),
                 std::optional<QByteArray>(nonce));
        QCOMPARE(CsrfToken::nonceFromCookieHeader("a=b;plexe_csrf=" + nonce),
                 std::optional<QByteArray>(nonce));
    }

    void badCookiesAreRefused()
    {
        const QByteArray nonce = CsrfToken::newNonce();
        QVERIFY(!CsrfToken::nonceFromCookieHeader(QByteArray()));
        QVERIFY(!CsrfToken::nonceFromCookieHeader("other=" + nonce));
        QVERIFY(!CsrfToken::nonceFromCookieHeader("xplexe_csrf=" + nonce));
        QVERIFY(!CsrfToken::nonceFromCookieHeader("plexe_csrf="));
        QVERIFY(!CsrfToken::nonceFromCookieHeader("plexe_csrf=short"));
        // Two cookies of the name (one planted by a sibling origin): neither is trusted.
        QVERIFY(!CsrfToken::nonceFromCookieHeader("plexe_csrf=" + nonce +
                                                  "; plexe_csrf=" + CsrfToken::newNonce()));
    }
};

QTEST_GUILESS_MAIN(TestCsrfToken)
#include "tst_csrftoken.moc"
