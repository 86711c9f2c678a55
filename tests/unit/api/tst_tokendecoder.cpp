// TokenDecoder: the [Console] token answer, and rejection of anything not a Bearer answer.
#include "api/TokenDecoder.h"

#include <QTest>

using namespace plexe;

class TestTokenDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid();
    void minimal();
    void invalid_data();
    void invalid();
    void wipe();
};

void TestTokenDecoder::valid()
{
    TokenAnswer t;
    QString error;
    QVERIFY2(TokenDecoder::answer(QJsonDocument::fromJson(R"({"access_token":"AT","token_type":
      "Bearer","expires_in":900,"refresh_token":"RT","scope":"openid keys","id_token":"x"})"),
                                  &t, &error),
             qPrintable(error));
    QCOMPARE(t.accessToken, QByteArray("AT"));
    QCOMPARE(t.refreshToken, QByteArray("RT"));
    QCOMPARE(t.expiresIn.value_or(-1), 900);
    QCOMPARE(t.scope, QStringLiteral("openid keys"));
}

void TestTokenDecoder::minimal()
{
    TokenAnswer t;
    QString error;
    QVERIFY(TokenDecoder::answer(
        QJsonDocument::fromJson(R"({"access_token":"AT","token_type":"bearer"})"), &t, &error));
    QVERIFY(t.refreshToken.isEmpty());
    QVERIFY(!t.expiresIn);
}

void TestTokenDecoder::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("no access") << QByteArray(R"({"token_type":"Bearer"})");
    QTest::newRow("empty access") << QByteArray(R"({"access_token":"","token_type":"Bearer"})");
    QTest::newRow("no type") << QByteArray(R"({"access_token":"AT"})");
    QTest::newRow("mac type") << QByteArray(R"({"access_token":"AT","token_type":"mac"})");
    QTest::newRow("access number") << QByteArray(R"({"access_token":1,"token_type":"Bearer"})");
    QTest::newRow("expires string")
        << QByteArray(R"({"access_token":"A","token_type":"Bearer","expires_in":"900"})");
    QTest::newRow("expires negative")
        << QByteArray(R"({"access_token":"A","token_type":"Bearer","expires_in":-1})");
    QTest::newRow("expires nan-ish")
        << QByteArray(R"({"access_token":"A","token_type":"Bearer","expires_in":1e400})");
    QTest::newRow("refresh object")
        << QByteArray(R"({"access_token":"A","token_type":"Bearer","refresh_token":{}})");
    QTest::newRow("oauth error") << QByteArray(R"({"error":"invalid_grant"})");
}

void TestTokenDecoder::invalid()
{
    QFETCH(QByteArray, json);
    TokenAnswer t;
    QString error;
    QVERIFY(!TokenDecoder::answer(QJsonDocument::fromJson(json), &t, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(t.accessToken.isEmpty());
    QVERIFY(!error.contains(QLatin1String("\"A\""))); // the message does not echo tokens
}

void TestTokenDecoder::wipe()
{
    TokenAnswer t;
    t.accessToken = QByteArray("secret-access");
    t.refreshToken = QByteArray("secret-refresh");
    const char *data = t.accessToken.constData();
    t.wipe();
    QVERIFY(t.accessToken.isEmpty());
    QVERIFY(t.refreshToken.isEmpty());
    Q_UNUSED(data);
}

QTEST_GUILESS_MAIN(TestTokenDecoder)
#include "tst_tokendecoder.moc"
