// KeyDecoder: envelope and bare array, missing pagination, optional fields, wrong types.
#include "api/KeyDecoder.h"

#include <QTest>

using namespace plexe;

class TestKeyDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void envelope();
    void bareArray();
    void missingOptionalFields();
    void wrongTypes_data();
    void wrongTypes();
    void details();
    void created();
    void createdRejectsNonKey();
    void revoked();
    void maskedKey();
};

static QJsonDocument doc(const QByteArray &json)
{
    return QJsonDocument::fromJson(json); // a null document for non-JSON rows
}

static const QByteArray kItem = R"({"key_id":"k1","name":"CI","key_prefix":"plx_sk_9f3a",
 "key_suffix":"c21d","permission_level":"read_only","created_at":"2026-01-02T03:04:05Z",
 "expires_at":null,"last_used_at":"2026-01-03T00:00:00.123Z","status":"ACTIVE",
 "created_by":"u1","future_field":{"x":1}})";

void TestKeyDecoder::envelope()
{
    ApiKeyPage page;
    QString error;
    QVERIFY2(KeyDecoder::page(doc("{\"keys\":[" + kItem +
                                  "],\"pagination\":{\"total\":41,"
                                  "\"limit\":20,\"offset\":20,\"has_more\":true}}"),
                              &page, &error),
             qPrintable(error));
    QCOMPARE(page.keys.size(), 1);
    const ApiKey &k = page.keys.first();
    QCOMPARE(k.keyId, QStringLiteral("k1"));
    QCOMPARE(k.name, QStringLiteral("CI"));
    QCOMPARE(k.permissionLevel, QStringLiteral("read_only"));
    QCOMPARE(k.status, QStringLiteral("active"));
    QCOMPARE(k.createdAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
    QVERIFY(!k.expiresAt.isValid());
    QCOMPARE(k.lastUsedAt.time().msec(), 123);
    QVERIFY(!k.usage.has_value());
    QVERIFY(page.pagination.present);
    QCOMPARE(page.pagination.total, 41);
    QCOMPARE(page.pagination.offset, 20);
    QVERIFY(page.pagination.hasMore);
}

void TestKeyDecoder::bareArray()
{
    ApiKeyPage page;
    QString error;
    QVERIFY2(KeyDecoder::page(doc("[" + kItem + "," + kItem + "]"), &page, &error),
             qPrintable(error));
    QCOMPARE(page.keys.size(), 2);
    QVERIFY(!page.pagination.present);
    QVERIFY(KeyDecoder::page(doc(R"({"keys":[]})"), &page, &error));
    QVERIFY(page.keys.isEmpty());
    QVERIFY(!page.pagination.present);
}

void TestKeyDecoder::missingOptionalFields()
{
    ApiKeyPage page;
    QString error;
    QVERIFY2(KeyDecoder::page(doc(R"({"keys":[{"key_id":"only-id"}]})"), &page, &error),
             qPrintable(error));
    const ApiKey &k = page.keys.first();
    QVERIFY(k.name.isEmpty());
    QVERIFY(!k.createdAt.isValid());
    QCOMPARE(k.maskedKey(), QStringLiteral("\u2014"));
    // An unreadable date string is "unknown", not an error.
    QVERIFY(KeyDecoder::page(doc(R"({"keys":[{"key_id":"a","created_at":"yesterday"}]})"), &page,
                             &error));
    QVERIFY(!page.keys.first().createdAt.isValid());
}

void TestKeyDecoder::wrongTypes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("root string") << QByteArray(R"("keys")");
    QTest::newRow("keys object") << QByteArray(R"({"keys":{}})");
    QTest::newRow("keys missing") << QByteArray(R"({"items":[]})");
    QTest::newRow("item not object") << QByteArray(R"({"keys":[1]})");
    QTest::newRow("id missing") << QByteArray(R"({"keys":[{"name":"x"}]})");
    QTest::newRow("id bool") << QByteArray(R"({"keys":[{"key_id":true}]})");
    QTest::newRow("name number") << QByteArray(R"({"keys":[{"key_id":"a","name":5}]})");
    QTest::newRow("date number") << QByteArray(R"({"keys":[{"key_id":"a","created_at":5}]})");
    QTest::newRow("pagination array") << QByteArray(R"({"keys":[],"pagination":[]})");
    QTest::newRow("total fraction") << QByteArray(R"({"keys":[],"pagination":{"total":1.5}})");
    QTest::newRow("total huge") << QByteArray(R"({"keys":[],"pagination":{"total":1e300}})");
    QTest::newRow("has_more string")
        << QByteArray(R"({"keys":[],"pagination":{"has_more":"yes"}})");
}

void TestKeyDecoder::wrongTypes()
{
    QFETCH(QByteArray, json);
    ApiKeyPage page;
    page.keys.append(ApiKey{});
    QString error;
    QVERIFY(!KeyDecoder::page(doc(json), &page, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(page.keys.size(), 1); // output untouched on failure
}

void TestKeyDecoder::details()
{
    QByteArray json = kItem;
    json.chop(1);
    json +=
        R"(,"usage_stats":{"requests_last_24h":3,"requests_last_7d":40,"requests_last_30d":null}})";
    ApiKey k;
    QString error;
    QVERIFY2(KeyDecoder::key(doc(json), &k, &error), qPrintable(error));
    QVERIFY(k.usage.has_value());
    QCOMPARE(k.usage->last24h.value_or(-1), 3);
    QCOMPARE(k.usage->last7d.value_or(-1), 40);
    QVERIFY(!k.usage->last30d.has_value());
    QVERIFY(!KeyDecoder::key(doc(R"({"key_id":"a","usage_stats":[]})"), &k, &error));
}

void TestKeyDecoder::created()
{
    const QByteArray secret = "plx_sk_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop";
    CreatedApiKey c;
    QString error;
    QVERIFY2(KeyDecoder::created(doc(R"({"key_id":"n1","name":"new","key":")" + secret +
                                     R"(","permission_level":"read_write","created_at":
                                     "2026-01-01T00:00:00Z","expires_at":null,"created_by":"u"})"),
                                 &c, &error),
             qPrintable(error));
    QCOMPARE(c.key, secret);
    QCOMPARE(c.info.maskedKey(), QStringLiteral("plx_sk_ABCD\u2026mnop"));
    QCOMPARE(c.info.status, QStringLiteral("active"));
    c.wipe();
    QVERIFY(c.key.isEmpty());
}

void TestKeyDecoder::createdRejectsNonKey()
{
    CreatedApiKey c;
    QString error;
    QVERIFY(!KeyDecoder::created(doc(R"({"key_id":"n1","key":"hello"})"), &c, &error));
    QVERIFY(!KeyDecoder::created(doc(R"({"key_id":"n1"})"), &c, &error));
    QVERIFY(!KeyDecoder::created(doc(R"({"key_id":"n1","key":7})"), &c, &error));
    QVERIFY(c.key.isEmpty());
}

void TestKeyDecoder::revoked()
{
    RevokedApiKey r;
    QString error;
    QVERIFY(KeyDecoder::revoked(
        doc(R"({"key_id":"k","status":"revoked","revoked_at":"2026-02-02T00:00:00Z"})"), &r,
        &error));
    QCOMPARE(r.status, QStringLiteral("revoked"));
    QVERIFY(r.revokedAt.isValid());
    QVERIFY(!KeyDecoder::revoked(doc("[]"), &r, &error));
}

void TestKeyDecoder::maskedKey()
{
    ApiKey k;
    k.keyPrefix = QStringLiteral("plx_sk_9f3aEXTRA"); // a server sending too much is cut
    k.keySuffix = QStringLiteral("XXc21d");
    QCOMPARE(k.maskedKey(), QStringLiteral("plx_sk_9f3a\u2026c21d"));
}

QTEST_GUILESS_MAIN(TestKeyDecoder)
#include "tst_keydecoder.moc"
