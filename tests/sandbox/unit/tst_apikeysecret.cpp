#include "keys/ApiKeySecret.h"

#include <QtTest>

#include <set>

using plexe::sandbox::ApiKeySecret;

class TestApiKeySecret : public QObject
{
    Q_OBJECT
private slots:
    void formatIsPrefixAnd43Base62Characters()
    {
        for (int i = 0; i < 200; ++i) {
            const std::string key = ApiKeySecret::generate();
            QCOMPARE(key.substr(0, 7), std::string("plx_sk_"));
            QCOMPARE(key.size(), size_t(7 + 43));
            QVERIFY(ApiKeySecret::looksValid(key));
        }
    }
    void keysAreUnique()
    {
        std::set<std::string> seen;
        for (int i = 0; i < 1000; ++i)
            QVERIFY(seen.insert(ApiKeySecret::generate()).second);
    }
    void displayPartsAreShort()
    {
        const std::string key = "plx_sk_9f3aXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXc21d";
        QCOMPARE(ApiKeySecret::displayPrefix(key), std::string("plx_sk_9f3a"));
        QCOMPARE(ApiKeySecret::displaySuffix(key), std::string("c21d"));
    }
    void hashIsSha256Hex()
    {
        QCOMPARE(ApiKeySecret::hash("abc"),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
    void malformedKeysAreRejected_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("empty") << QString();
        QTest::newRow("prefix only") << QStringLiteral("plx_sk_");
        QTest::newRow("wrong prefix")
            << QStringLiteral("plx_pk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("too short") << QStringLiteral("plx_sk_AAAA");
        QTest::newRow("bad char") << QStringLiteral("plx_sk_AAAAAAAAAAAAAAAAAAAA-AAAAAAAAAAAAAA");
        QTest::newRow("space") << QStringLiteral("plx_sk_AAAAAAAAAAAAAAAAAAAA AAAAAAAAAAAAAA");
        QTest::newRow("too long") << QStringLiteral("plx_sk_") + QString(300, QLatin1Char('A'));
    }
    void malformedKeysAreRejected()
    {
        QFETCH(QString, key);
        QVERIFY(!ApiKeySecret::looksValid(key.toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestApiKeySecret)
#include "tst_apikeysecret.moc"
