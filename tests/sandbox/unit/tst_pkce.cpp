// Tests for the server side of PKCE: S256 only, verifier shape, RFC 7636 Appendix B.
#include "auth/Pkce.h"

#include <QTest>

using namespace plexe::sandbox;

namespace {
// RFC 7636 Appendix B.
const QByteArray kVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
const QByteArray kChallenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
} // namespace

class TestPkce : public QObject
{
    Q_OBJECT
private slots:
    void rfc7636AppendixB()
    {
        QCOMPARE(Pkce::challengeFor(kVerifier), kChallenge);
        QVERIFY(Pkce::verify(kVerifier, kChallenge));
    }

    void onlyS256()
    {
        QVERIFY(Pkce::isSupportedMethod(QStringLiteral("S256")));
        QVERIFY(!Pkce::isSupportedMethod(QStringLiteral("plain")));
        QVERIFY(!Pkce::isSupportedMethod(QString())); // absent would mean plain
        QVERIFY(!Pkce::isSupportedMethod(QStringLiteral("s256")));
        QVERIFY(!Pkce::isSupportedMethod(QStringLiteral("S256 ")));
        QVERIFY(!Pkce::isSupportedMethod(QStringLiteral("S512")));
    }

    void plainStyleVerifierDoesNotPass()
    {
        // A client using "plain" sends the verifier as the challenge: it must not verify.
        QVERIFY(!Pkce::verify(kVerifier, kVerifier));
    }

    void wrongVerifierFails()
    {
        QByteArray other = kVerifier;
        other[0] = 'e';
        QVERIFY(!Pkce::verify(other, kChallenge));
        QByteArray otherChallenge = kChallenge;
        otherChallenge[42] = 'd';
        QVERIFY(!Pkce::verify(kVerifier, otherChallenge));
    }

    void verifierShape_data()
    {
        QTest::addColumn<QByteArray>("verifier");
        QTest::addColumn<bool>("valid");
        QTest::newRow("42 chars") << QByteArray(42, 'a') << false;
        QTest::newRow("43 chars") << QByteArray(43, 'a') << true;
        QTest::newRow("128 chars") << QByteArray(128, 'a') << true;
        QTest::newRow("129 chars") << QByteArray(129, 'a') << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("all unreserved") << QByteArray("ABCXYZabcxyz0189-._~").repeated(3) << true;
        QTest::newRow("plus") << (QByteArray(42, 'a') + '+') << false;
        QTest::newRow("slash") << (QByteArray(42, 'a') + '/') << false;
        QTest::newRow("equals") << (QByteArray(42, 'a') + '=') << false;
        QTest::newRow("space") << (QByteArray(42, 'a') + ' ') << false;
        QTest::newRow("percent") << (QByteArray(42, 'a') + '%') << false;
        QTest::newRow("nul") << (QByteArray(42, 'a') + QByteArray(1, '\0')) << false;
        QTest::newRow("utf-8") << (QByteArray(41, 'a') + "\xc3\xa9") << false;
    }

    void verifierShape()
    {
        QFETCH(QByteArray, verifier);
        QFETCH(bool, valid);
        QCOMPARE(Pkce::isValidVerifier(verifier), valid);
        // verify() never accepts a malformed verifier, even with its own challenge.
        QCOMPARE(Pkce::verify(verifier, Pkce::challengeFor(verifier)), valid);
    }

    void challengeShape()
    {
        QVERIFY(Pkce::isValidChallenge(kChallenge));
        QVERIFY(!Pkce::isValidChallenge(kChallenge.left(42)));
        QVERIFY(!Pkce::isValidChallenge(kChallenge + 'A'));
        QVERIFY(!Pkce::isValidChallenge(kChallenge + '='));
        QVERIFY(!Pkce::isValidChallenge(QByteArray(kChallenge).replace('-', '+')));
        QVERIFY(!Pkce::isValidChallenge(kVerifier + "x")); // 44 chars
        QVERIFY(!Pkce::isValidChallenge(QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
