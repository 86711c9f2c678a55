// Tests for the OpenSSL wrappers under every sign-in building block.
#include "auth/AuthCrypto.h"

#include <QSet>
#include <QTest>

using namespace plexe::sandbox;

class TestAuthCrypto : public QObject
{
    Q_OBJECT
private slots:
    void randomBytesHaveTheSizeAndDiffer()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 100; ++i) {
            const QByteArray bytes = authcrypto::randomBytes(16);
            QCOMPARE(bytes.size(), 16);
            seen.insert(bytes);
        }
        QCOMPARE(seen.size(), 100);
        QVERIFY(authcrypto::randomBytes(0).isEmpty());
    }

    void sha256KnownVector()
    {
        // FIPS 180-2 "abc".
        QCOMPARE(authcrypto::sha256("abc").toHex(),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void hmacKnownVectors()
    {
        // RFC 4231 test case 2 and RFC 2202 test case 2.
        QCOMPARE(authcrypto::hmacSha256("Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        QCOMPARE(authcrypto::hmacSha1("Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"));
        QCOMPARE(authcrypto::hmacSha256(QByteArray(), "x").size(), 32);
    }

    void constantTimeEquals()
    {
        QVERIFY(authcrypto::constantTimeEquals("abc", "abc"));
        QVERIFY(!authcrypto::constantTimeEquals("abc", "abd"));
        QVERIFY(!authcrypto::constantTimeEquals("abc", "abcd"));
        QVERIFY(!authcrypto::constantTimeEquals("", "a"));
        QVERIFY(authcrypto::constantTimeEquals("", ""));
    }

    void base64UrlRoundTripAndStrictness()
    {
        const QByteArray data("\xfb\xff\xfe\x00\x01", 5);
        const QByteArray text = authcrypto::toBase64Url(data);
        QCOMPARE(text, QByteArray("-__-AAE"));
        bool ok = false;
        QCOMPARE(authcrypto::fromBase64Url(text, &ok), data);
        QVERIFY(ok);
        for (const QByteArray &bad : {QByteArray("ab+c"), QByteArray("ab/c"), QByteArray("abc="),
                                      QByteArray("a"), QByteArray("ab c"), QByteArray("é")}) {
            ok = true;
            QVERIFY(authcrypto::fromBase64Url(bad, &ok).isEmpty());
            QVERIFY2(!ok, bad.constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestAuthCrypto)
#include "tst_authcrypto.moc"
