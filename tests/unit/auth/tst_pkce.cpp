#include "auth/Pkce.h"

#include <QSet>
#include <QtTest>

using namespace plexe;

class TestPkce : public QObject
{
    Q_OBJECT

private slots:
    void rfc7636AppendixB()
    {
        const QByteArray verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        QCOMPARE(Pkce::challengeFor(verifier),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        QVERIFY(Pkce::isValidVerifier(verifier));
    }

    void verifierShape()
    {
        for (int i = 0; i < 10; ++i) {
            const QByteArray verifier = Pkce::generateVerifier();
            QCOMPARE(verifier.size(), 43);
            QVERIFY2(Pkce::isValidVerifier(verifier), verifier.constData());
            QVERIFY(!verifier.contains('='));
            const QByteArray challenge = Pkce::challengeFor(verifier);
            QCOMPARE(challenge.size(), 43); // SHA-256 in base64url without padding
            QVERIFY(!challenge.contains('=') && !challenge.contains('+') &&
                    !challenge.contains('/'));
        }
    }

    void tenAttemptsAreDistinct()
    {
        QSet<QByteArray> verifiers;
        QSet<QByteArray> states;
        for (int i = 0; i < 10; ++i) {
            verifiers.insert(Pkce::generateVerifier());
            states.insert(Pkce::generateState());
        }
        QCOMPARE(verifiers.size(), 10);
        QCOMPARE(states.size(), 10);
        QVERIFY(!verifiers.intersects(states));
    }

    void stateShape()
    {
        const QByteArray state = Pkce::generateState();
        QVERIFY(state.size() >= 43); // 256 bits
        QVERIFY(Pkce::isValidVerifier(state));
    }

    void verifierValidation_data()
    {
        QTest::addColumn<QByteArray>("verifier");
        QTest::addColumn<bool>("valid");
        QTest::newRow("42 chars") << QByteArray(42, 'a') << false;
        QTest::newRow("43 chars") << QByteArray(43, 'a') << true;
        QTest::newRow("128 chars") << QByteArray(128, '~') << true;
        QTest::newRow("129 chars") << QByteArray(129, 'a') << false;
        QTest::newRow("plus") << QByteArray(42, 'a') + '+' << false;
        QTest::newRow("slash") << QByteArray(42, 'a') + '/' << false;
        QTest::newRow("padding") << QByteArray(42, 'a') + '=' << false;
        QTest::newRow("unreserved") << QByteArray("AZaz09-._~") + QByteArray(33, 'x') << true;
    }

    void verifierValidation()
    {
        QFETCH(QByteArray, verifier);
        QFETCH(bool, valid);
        QCOMPARE(Pkce::isValidVerifier(verifier), valid);
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
