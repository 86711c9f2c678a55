// AccessLogDecoder: a page of events, the cursor, optional fields, wrong types.
#include "api/AccessLogDecoder.h"

#include <QTest>

using namespace plexe;

class TestAccessLogDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void page();
    void lastPage();
    void invalid_data();
    void invalid();
};

void TestAccessLogDecoder::page()
{
    AccessLogPage p;
    QString error;
    QVERIFY2(AccessLogDecoder::page(QJsonDocument::fromJson(R"({"events":[
      {"id":"e2","timestamp":"2026-05-01T10:00:00Z","event":"api_key.used","outcome":"success",
       "actor":"demo@plexe.test","key_id":"k1","key_prefix":"plx_sk_9f3a","ip":"127.0.0.1",
       "user_agent":"curl/8","method":"GET","path":"/models","status":200,"error_code":null},
      {"id":"e1","timestamp":"2026-05-01T09:00:00Z","event":"auth.login_failed",
       "outcome":"failure","actor":"x","key_id":null,"key_prefix":null,"ip":"::1",
       "user_agent":"","method":"POST","path":"/auth/login","status":401,
       "error_code":"invalid_credentials","new":true}],"next_cursor":"c-2"})"),
                                    &p, &error),
             qPrintable(error));
    QCOMPARE(p.events.size(), 2);
    QCOMPARE(p.nextCursor, QStringLiteral("c-2"));
    QCOMPARE(p.events.at(0).status, 200);
    QCOMPARE(p.events.at(0).keyPrefix, QStringLiteral("plx_sk_9f3a"));
    QCOMPARE(p.events.at(1).errorCode, QStringLiteral("invalid_credentials"));
    QVERIFY(p.events.at(1).keyId.isEmpty());
    QCOMPARE(p.events.at(1).timestamp, QDateTime(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC));
}

void TestAccessLogDecoder::lastPage()
{
    AccessLogPage p;
    QString error;
    QVERIFY(AccessLogDecoder::page(QJsonDocument::fromJson(R"({"events":[],"next_cursor":null})"),
                                   &p, &error));
    QVERIFY(p.events.isEmpty());
    QVERIFY(p.nextCursor.isEmpty());
    QVERIFY(
        AccessLogDecoder::page(QJsonDocument::fromJson(R"({"events":[{"id":7}]})"), &p, &error));
    QCOMPARE(p.events.first().id, QStringLiteral("7"));
}

void TestAccessLogDecoder::invalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("array root") << QByteArray(R"([{"id":"a"}])");
    QTest::newRow("no events") << QByteArray(R"({"next_cursor":"x"})");
    QTest::newRow("events object") << QByteArray(R"({"events":{}})");
    QTest::newRow("event string") << QByteArray(R"({"events":["x"]})");
    QTest::newRow("no id") << QByteArray(R"({"events":[{"event":"auth.login"}]})");
    QTest::newRow("status string") << QByteArray(R"({"events":[{"id":"a","status":"200"}]})");
    QTest::newRow("status huge") << QByteArray(R"({"events":[{"id":"a","status":1e12}]})");
    QTest::newRow("cursor object") << QByteArray(R"({"events":[],"next_cursor":{}})");
    QTest::newRow("garbage") << QByteArray("\xff\xfe");
}

void TestAccessLogDecoder::invalid()
{
    QFETCH(QByteArray, json);
    AccessLogPage p;
    QString error;
    QVERIFY(!AccessLogDecoder::page(QJsonDocument::fromJson(json), &p, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestAccessLogDecoder)
#include "tst_accesslogdecoder.moc"
