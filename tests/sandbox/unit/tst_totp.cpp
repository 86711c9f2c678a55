// Tests for RFC 6238 TOTP: Appendix B vectors, the ±1 step window, replay refusal, URIs.
#include "auth/Totp.h"

#include "auth/Base32.h"

#include <QSet>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace plexe::sandbox;

namespace {
const QByteArray kRfcSecret("12345678901234567890"); // RFC 6238 Appendix B, SHA-1 seed
}

class TestTotp : public QObject
{
    Q_OBJECT
private slots:
    void rfc6238AppendixB_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("eightDigits");
        QTest::newRow("59") << qint64(59) << QStringLiteral("94287082");
        QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("07081804");
        QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("14050471");
        QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("89005924");
        QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("69279037");
        QTest::newRow("20000000000") << qint64(20000000000) << QStringLiteral("65353130");
    }

    void rfc6238AppendixB()
    {
        QFETCH(qint64, time);
        QFETCH(QString, eightDigits);
        // 6-digit truncation is the same value mod 10^6: the last six digits.
        const QString expected = eightDigits.right(6);
        QCOMPARE(Totp::codeAt(kRfcSecret, time), expected);
        const auto step = Totp::verify(kRfcSecret, expected, time);
        QCOMPARE(step, std::optional<qint64>(time / 30));
    }

    void windowEdges()
    {
        const qint64 t = 1111111111; // step 37037037, 1 s into it
        const qint64 step = Totp::timeStep(t);
        QCOMPARE(step, qint64(37037037));
        const QString previous = Totp::codeForStep(kRfcSecret, step - 1);
        const QString next = Totp::codeForStep(kRfcSecret, step + 1);
        const QString twoBack = Totp::codeForStep(kRfcSecret, step - 2);
        const QString twoAhead = Totp::codeForStep(kRfcSecret, step + 2);
        QCOMPARE(Totp::verify(kRfcSecret, previous, t), std::optional<qint64>(step - 1));
        QCOMPARE(Totp::verify(kRfcSecret, next, t), std::optional<qint64>(step + 1));
        QVERIFY(!Totp::verify(kRfcSecret, twoBack, t));
        QVERIFY(!Totp::verify(kRfcSecret, twoAhead, t));
        // The last and first seconds of a step.
        const qint64 stepStart = step * 30;
        const QString current = Totp::codeForStep(kRfcSecret, step);
        QCOMPARE(Totp::verify(kRfcSecret, current, stepStart), std::optional<qint64>(step));
        QCOMPARE(Totp::verify(kRfcSecret, current, stepStart + 29), std::optional<qint64>(step));
        // One step later the current code is "previous" and still accepted; two steps, not.
        QCOMPARE(Totp::verify(kRfcSecret, current, stepStart + 59), std::optional<qint64>(step));
        QVERIFY(!Totp::verify(kRfcSecret, current, stepStart + 60));
        QCOMPARE(Totp::verify(kRfcSecret, current, stepStart - 30), std::optional<qint64>(step));
        QVERIFY(!Totp::verify(kRfcSecret, current, stepStart - 31));
    }

    void replayIsRefused()
    {
        const qint64 t = 2000000000;
        const QString code = Totp::codeAt(kRfcSecret, t);
        const auto used = Totp::verify(kRfcSecret, code, t);
        QVERIFY(used);
        // The same code again, in the same or the next step: refused.
        QVERIFY(!Totp::verify(kRfcSecret, code, t, *used));
        QVERIFY(!Totp::verify(kRfcSecret, code, t + 30, *used));
        // An older (still in-window) code after a newer one was used: refused too.
        const QString older = Totp::codeForStep(kRfcSecret, *used - 1);
        QVERIFY(!Totp::verify(kRfcSecret, older, t, *used));
        // The next step's code is fine.
        const QString later = Totp::codeForStep(kRfcSecret, *used + 1);
        QCOMPARE(Totp::verify(kRfcSecret, later, t + 30, *used), std::optional<qint64>(*used + 1));
    }

    void wrongAndMalformedCodes_data()
    {
        QTest::addColumn<QString>("code");
        const QString right = Totp::codeAt(kRfcSecret, 59); // "287082"
        QString wrong = right;
        wrong[5] = right[5] == QLatin1Char('9') ? QLatin1Char('0') : QChar(right[5].unicode() + 1);
        QTest::newRow("wrong digit") << wrong;
        QTest::newRow("empty") << QString();
        QTest::newRow("five digits") << right.left(5);
        QTest::newRow("seven digits") << right + QLatin1Char('0');
        QTest::newRow("eight digit RFC form") << QStringLiteral("94287082");
        QTest::newRow("spaces") << QStringLiteral("287 082");
        QTest::newRow("letters") << QStringLiteral("28708a");
        QTest::newRow("arabic-indic digits")
            << QStringLiteral("\u0662\u0668\u0667\u0660\u0668\u0662");
        QTest::newRow("sign") << QStringLiteral("+87082");
    }

    void wrongAndMalformedCodes()
    {
        QFETCH(QString, code);
        QVERIFY(!Totp::verify(kRfcSecret, code, 59));
    }

    void emptySecretNeverVerifies()
    {
        QVERIFY(!Totp::verify(QByteArray(), Totp::codeAt(QByteArray(), 59), 59));
    }

    void earlyTimesDoNotUnderflow()
    {
        QCOMPARE(Totp::timeStep(-100), qint64(0));
        const QString code = Totp::codeForStep(kRfcSecret, 0);
        QCOMPARE(Totp::verify(kRfcSecret, code, 0), std::optional<qint64>(0));
        QCOMPARE(Totp::verify(kRfcSecret, code, -5), std::optional<qint64>(0));
    }

    void secretsAreRandom20Bytes()
    {
        QSet<QByteArray> seen;
        for (int i = 0; i < 20; ++i) {
            const QByteArray secret = Totp::generateSecret();
            QCOMPARE(secret.size(), 20);
            seen.insert(secret);
        }
        QCOMPARE(seen.size(), 20);
    }

    void provisioningUri()
    {
        const QString uri = Totp::provisioningUri(QStringLiteral("ada@example.com"), kRfcSecret);
        QCOMPARE(uri, QStringLiteral("otpauth://totp/Plexe%20Sandbox:ada%40example.com"
                                     "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                                     "&issuer=Plexe%20Sandbox&algorithm=SHA1&digits=6&period=30"));
        // The secret in the URI decodes back to the stored secret.
        const QUrlQuery query(QUrl(uri).query());
        QCOMPARE(Base32::decode(query.queryItemValue(QStringLiteral("secret"))),
                 std::optional<QByteArray>(kRfcSecret));
    }

    void provisioningUriEscapesHostileEmails()
    {
        const QString uri =
            Totp::provisioningUri(QStringLiteral("a?secret=EVIL&b#c d@x"), kRfcSecret);
        QVERIFY(!uri.contains(QStringLiteral("secret=EVIL")));
        QCOMPARE(uri.count(QLatin1Char('?')), 1);
        QVERIFY(!uri.contains(QLatin1Char('#')));
        QVERIFY(!uri.contains(QLatin1Char(' ')));
        QVERIFY(uri.contains(QStringLiteral("a%3Fsecret%3DEVIL%26b%23c%20d%40x")));
    }
};

QTEST_GUILESS_MAIN(TestTotp)
#include "tst_totp.moc"
