// Tests for RFC 4648 base32 (TOTP secrets).
#include "auth/Base32.h"

#include "auth/AuthCrypto.h"

#include <QTest>

using namespace plexe::sandbox;

class TestBase32 : public QObject
{
    Q_OBJECT
private slots:
    void rfc4648Vectors_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("padded");
        // RFC 4648 §10.
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("f") << QByteArray("f") << QStringLiteral("MY======");
        QTest::newRow("fo") << QByteArray("fo") << QStringLiteral("MZXQ====");
        QTest::newRow("foo") << QByteArray("foo") << QStringLiteral("MZXW6===");
        QTest::newRow("foob") << QByteArray("foob") << QStringLiteral("MZXW6YQ=");
        QTest::newRow("fooba") << QByteArray("fooba") << QStringLiteral("MZXW6YTB");
        QTest::newRow("foobar") << QByteArray("foobar") << QStringLiteral("MZXW6YTBOI======");
    }

    void rfc4648Vectors()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, padded);
        QCOMPARE(Base32::encode(data, true), padded);
        QString unpadded = padded;
        unpadded.remove(QLatin1Char('='));
        QCOMPARE(Base32::encode(data), unpadded);
        QCOMPARE(Base32::decode(padded), std::optional<QByteArray>(data));
        QCOMPARE(Base32::decode(unpadded), std::optional<QByteArray>(data));
        QCOMPARE(Base32::decode(unpadded.toLower()), std::optional<QByteArray>(data));
    }

    void rfc6238SecretEncodes()
    {
        QCOMPARE(Base32::encode("12345678901234567890"),
                 QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    }

    void randomRoundTrips()
    {
        for (int size = 0; size < 40; ++size) {
            const QByteArray data = authcrypto::randomBytes(size);
            QCOMPARE(Base32::decode(Base32::encode(data)), std::optional<QByteArray>(data));
        }
    }

    void typedGroupsAreAccepted()
    {
        QCOMPARE(Base32::decode(QStringLiteral("mzxw 6ytb-oi")),
                 std::optional<QByteArray>("foobar"));
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("digit 1") << QStringLiteral("MZXW1===");
        QTest::newRow("digit 8") << QStringLiteral("MZ8W6===");
        QTest::newRow("symbol") << QStringLiteral("MZ!W6===");
        QTest::newRow("padding inside") << QStringLiteral("MZ=XW6");
        QTest::newRow("one symbol") << QStringLiteral("M");
        QTest::newRow("three symbols") << QStringLiteral("MZX");
        QTest::newRow("six symbols") << QStringLiteral("MZXW6Y");
        QTest::newRow("non-zero tail bits") << QStringLiteral("MZ");
        QTest::newRow("non-ascii") << QStringLiteral("MZXW\u00c96===");
        QTest::newRow("nul") << QString(QChar(0));
    }

    void badInputIsRefused()
    {
        QFETCH(QString, text);
        QVERIFY(!Base32::decode(text));
    }
};

QTEST_GUILESS_MAIN(TestBase32)
#include "tst_base32.moc"
