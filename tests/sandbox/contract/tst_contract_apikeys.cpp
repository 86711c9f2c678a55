// Contract §2 (API keys) against a live plexe-sandbox, black-box over TLS.
#include "ContractChecks.h"
#include "ContractClient.h"
#include "SandboxProcess.h"

#include <QSet>
#include <QTest>

#include <memory>

using namespace plexe::test;

namespace {

const QString kKeys = QStringLiteral("/auth/api-keys");

QString idOf(const QJsonObject &object)
{
    const QJsonValue id = object.value(QLatin1String("key_id"));
    return id.isDouble() ? QString::number(qint64(id.toDouble())) : id.toString();
}

const QStringList kItemFields = {QStringLiteral("key_id"),           QStringLiteral("name"),
                                 QStringLiteral("key_prefix"),       QStringLiteral("key_suffix"),
                                 QStringLiteral("permission_level"), QStringLiteral("created_at"),
                                 QStringLiteral("expires_at"),       QStringLiteral("last_used_at"),
                                 QStringLiteral("status"),           QStringLiteral("created_by")};

} // namespace

// Every route of contract §2 and the key-related 401/403 codes.
class TestContractApiKeys : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void createReturnsAllFields_data();
    void createReturnsAllFields();
    void listEnvelopeItemsAndPagination();
    void listDefaultAndMaximumLimit();
    void listOffsetWalksEveryKeyOnce();
    void listStatusFilter();
    void fullKeyNeverInListOrGet();
    void getCarriesUsageStatsThatRise();
    void lastUsedAtSetAfterUse();
    void patchNameAndExpiry();
    void patchCannotChangePermission();
    void deleteRevokesAtOnce();
    void duplicateActiveNameIsConflict();
    void bothCredentialHeaders_data();
    void bothCredentialHeaders();
    void readOnlyKeyMayOnlyRead_data();
    void readOnlyKeyMayOnlyRead();
    void unauthorizedCodes_data();
    void unauthorizedCodes();
    void rotationRecipeEndToEnd();
    void expiredKeyIsRefused();

private:
    QJsonObject create(const QString &name,
                       const QString &permission = QStringLiteral("read_write"), int days = 0);
    QJsonObject item(const QString &keyId);
    QList<QJsonObject> listAll(const QString &status = {});

    SandboxProcess m_sandbox;
    std::unique_ptr<ContractClient> m_client;
    Credential m_admin;
};

void TestContractApiKeys::initTestCase()
{
    QVERIFY2(m_sandbox.start(), qPrintable(m_sandbox.errorString()));
    QVERIFY2(checks::isKeySecret(m_sandbox.demoApiKey()), "seed printed no plx_sk_ api_key");
    m_client = std::make_unique<ContractClient>(m_sandbox);
    m_admin = Credential::apiKey(m_sandbox.demoApiKey());
    const Reply health = m_client->get(QStringLiteral("/health"), Credential::none());
    QVERIFY2(health.status == 200, health.describe().constData());
}

QJsonObject TestContractApiKeys::create(const QString &name, const QString &permission, int days)
{
    return m_client->createKey(m_admin, name, permission, days);
}

QJsonObject TestContractApiKeys::item(const QString &keyId)
{
    const Reply reply = m_client->get(kKeys + u'/' + keyId, m_admin);
    if (reply.status != 200)
        qWarning() << "GET key" << keyId << reply.describe();
    return reply.object();
}

QList<QJsonObject> TestContractApiKeys::listAll(const QString &status)
{
    QList<QJsonObject> all;
    for (int offset = 0; offset < 100000; offset += 100) {
        QString path = kKeys + QStringLiteral("?limit=100&offset=%1").arg(offset);
        if (!status.isEmpty())
            path += QStringLiteral("&status=") + status;
        const Reply reply = m_client->get(path, m_admin);
        if (reply.status != 200) {
            qWarning() << "list failed" << reply.describe();
            return {};
        }
        const QJsonArray keys = reply.object().value(QLatin1String("keys")).toArray();
        for (const QJsonValue &k : keys)
            all << k.toObject();
        if (!reply.object()
                 .value(QLatin1String("pagination"))
                 .toObject()
                 .value(QLatin1String("has_more"))
                 .toBool())
            break;
    }
    return all;
}

void TestContractApiKeys::createReturnsAllFields_data()
{
    QTest::addColumn<QString>("permission");
    QTest::addColumn<int>("days");
    QTest::newRow("read_write, no expiry") << QStringLiteral("read_write") << 0;
    QTest::newRow("read_only, no expiry") << QStringLiteral("read_only") << 0;
    QTest::newRow("read_write, 30 days") << QStringLiteral("read_write") << 30;
    QTest::newRow("read_only, 1 day") << QStringLiteral("read_only") << 1;
}

void TestContractApiKeys::createReturnsAllFields()
{
    QFETCH(QString, permission);
    QFETCH(int, days);
    const QString name = QStringLiteral("create %1 %2").arg(permission).arg(days);
    QJsonObject body{{QStringLiteral("name"), name},
                     {QStringLiteral("permission_level"), permission}};
    if (days > 0)
        body.insert(QStringLiteral("expiration_days"), days);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Reply reply = m_client->postJson(kKeys, m_admin, body);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject key = reply.object();
    const QString missing = checks::missingFields(
        key, {QStringLiteral("key_id"), QStringLiteral("name"), QStringLiteral("key"),
              QStringLiteral("permission_level"), QStringLiteral("created_at"),
              QStringLiteral("expires_at"), QStringLiteral("created_by")});
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    QVERIFY(!idOf(key).isEmpty());
    QCOMPARE(key.value(QLatin1String("name")).toString(), name);
    QCOMPARE(key.value(QLatin1String("permission_level")).toString(), permission);
    QVERIFY2(checks::isKeySecret(key.value(QLatin1String("key")).toString()),
             "key is not plx_sk_ + >= 40 base62 characters");
    QVERIFY(checks::isIsoUtc(key.value(QLatin1String("created_at"))));
    const QDateTime created = checks::parseTime(key.value(QLatin1String("created_at")));
    QVERIFY(qAbs(created.secsTo(before)) < 120);
    if (days == 0) {
        QVERIFY2(key.value(QLatin1String("expires_at")).isNull(), "expires_at must be null");
    } else {
        QVERIFY2(checks::isIsoUtc(key.value(QLatin1String("expires_at"))),
                 "expires_at must be ISO-8601 UTC");
        const QDateTime expires = checks::parseTime(key.value(QLatin1String("expires_at")));
        QVERIFY2(qAbs(created.addDays(days).secsTo(expires)) < 120,
                 "expires_at is not created_at + expiration_days");
    }

    // The list item for this key shows only prefix and suffix, consistent with the secret.
    const QString secret = key.value(QLatin1String("key")).toString();
    const QJsonObject listed = item(idOf(key));
    const QString itemMissing = checks::missingFields(listed, kItemFields);
    QVERIFY2(itemMissing.isEmpty(), qPrintable(itemMissing));
    QVERIFY2(listed.value(QLatin1String("key_prefix")).toString() == secret.left(11),
             "key_prefix is not plx_sk_ + the next 4 characters of the key");
    QVERIFY2(listed.value(QLatin1String("key_suffix")).toString() == secret.right(4),
             "key_suffix is not the last 4 characters of the key");
    QCOMPARE(listed.value(QLatin1String("status")).toString(), QStringLiteral("active"));
    QVERIFY2(listed.value(QLatin1String("last_used_at")).isNull(), "a new key was never used");
    QCOMPARE(listed.value(QLatin1String("expires_at")), key.value(QLatin1String("expires_at")));

    // The new key works.
    const Reply use = m_client->get(QStringLiteral("/models"), Credential::apiKey(secret));
    QVERIFY2(use.status == 200, use.describe().constData());
}

void TestContractApiKeys::listEnvelopeItemsAndPagination()
{
    const Reply reply = m_client->get(kKeys, m_admin);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QVERIFY(reply.object().value(QLatin1String("keys")).isArray());
    const QJsonArray keys = reply.object().value(QLatin1String("keys")).toArray();
    QVERIFY2(!keys.isEmpty(), "the seeded keys are missing");
    const QString page = checks::pagination(reply.object(), keys.size(), 20, 0);
    QVERIFY2(page.isEmpty(), qPrintable(page));
    const QSet<QString> statuses{QStringLiteral("active"), QStringLiteral("revoked"),
                                 QStringLiteral("expired")};
    for (const QJsonValue &value : keys) {
        const QJsonObject k = value.toObject();
        const QString missing = checks::missingFields(k, kItemFields);
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
        QVERIFY(statuses.contains(k.value(QLatin1String("status")).toString()));
        QVERIFY(k.value(QLatin1String("key_prefix")).toString().startsWith(u"plx_sk_"));
        QCOMPARE(k.value(QLatin1String("key_prefix")).toString().size(), 11);
        QCOMPARE(k.value(QLatin1String("key_suffix")).toString().size(), 4);
        QVERIFY(checks::isIsoUtc(k.value(QLatin1String("created_at"))));
        const QJsonValue expires = k.value(QLatin1String("expires_at"));
        QVERIFY(expires.isNull() || checks::isIsoUtc(expires));
        const QJsonValue used = k.value(QLatin1String("last_used_at"));
        QVERIFY(used.isNull() || checks::isIsoUtc(used));
    }
}

void TestContractApiKeys::listDefaultAndMaximumLimit()
{
    // Enough keys that a default page (20) is full.
    for (int i = 0; i < 22; ++i)
        QVERIFY(!create(QStringLiteral("bulk %1").arg(i)).isEmpty());

    const Reply byDefault = m_client->get(kKeys, m_admin);
    QVERIFY2(byDefault.status == 200, byDefault.describe().constData());
    const QJsonArray firstPage = byDefault.object().value(QLatin1String("keys")).toArray();
    QCOMPARE(firstPage.size(), 20);
    QString page = checks::pagination(byDefault.object(), firstPage.size(), 20, 0);
    QVERIFY2(page.isEmpty(), qPrintable(page));
    QVERIFY(byDefault.object()
                .value(QLatin1String("pagination"))
                .toObject()
                .value(QLatin1String("has_more"))
                .toBool());

    const Reply hundred = m_client->get(kKeys + QStringLiteral("?limit=100"), m_admin);
    QVERIFY2(hundred.status == 200, hundred.describe().constData());
    const int total = hundred.object()
                          .value(QLatin1String("pagination"))
                          .toObject()
                          .value(QLatin1String("total"))
                          .toInt();
    QVERIFY(total >= 22);
    page = checks::pagination(
        hundred.object(), hundred.object().value(QLatin1String("keys")).toArray().size(), 100, 0);
    QVERIFY2(page.isEmpty(), qPrintable(page));

    const Reply five = m_client->get(kKeys + QStringLiteral("?limit=5"), m_admin);
    QVERIFY2(five.status == 200, five.describe().constData());
    QCOMPARE(five.object().value(QLatin1String("keys")).toArray().size(), 5);
    page = checks::pagination(five.object(), 5, 5, 0);
    QVERIFY2(page.isEmpty(), qPrintable(page));
}

void TestContractApiKeys::listOffsetWalksEveryKeyOnce()
{
    for (int i = 0; i < 8; ++i)
        QVERIFY(!create(QStringLiteral("walk %1").arg(i)).isEmpty());
    const Reply all = m_client->get(kKeys + QStringLiteral("?limit=100"), m_admin);
    QVERIFY2(all.status == 200, all.describe().constData());
    const int total = all.object()
                          .value(QLatin1String("pagination"))
                          .toObject()
                          .value(QLatin1String("total"))
                          .toInt();
    QVERIFY(total > 7);

    QSet<QString> seen;
    int pages = 0;
    for (int offset = 0; offset < total + 7; offset += 7) {
        const Reply reply =
            m_client->get(kKeys + QStringLiteral("?limit=7&offset=%1").arg(offset), m_admin);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        const QJsonArray keys = reply.object().value(QLatin1String("keys")).toArray();
        const QString page = checks::pagination(reply.object(), keys.size(), 7, offset);
        QVERIFY2(page.isEmpty(), qPrintable(page));
        for (const QJsonValue &k : keys) {
            const QString id = idOf(k.toObject());
            QVERIFY2(!seen.contains(id), "a key appears on two pages");
            seen.insert(id);
        }
        ++pages;
    }
    QCOMPARE(seen.size(), total);
    QVERIFY(pages >= 2);

    // Past the end: an empty page, has_more false.
    const Reply past =
        m_client->get(kKeys + QStringLiteral("?limit=7&offset=%1").arg(total + 50), m_admin);
    QVERIFY2(past.status == 200, past.describe().constData());
    QVERIFY(past.object().value(QLatin1String("keys")).toArray().isEmpty());
    QVERIFY(!past.object()
                 .value(QLatin1String("pagination"))
                 .toObject()
                 .value(QLatin1String("has_more"))
                 .toBool());
}

void TestContractApiKeys::listStatusFilter()
{
    const QJsonObject revoked = create(QStringLiteral("to be revoked for filter"));
    QVERIFY(!revoked.isEmpty());
    const Reply del = m_client->del(kKeys + u'/' + idOf(revoked), m_admin);
    QVERIFY2(del.status == 200, del.describe().constData());
    const QJsonObject active = create(QStringLiteral("stays active for filter"));
    QVERIFY(!active.isEmpty());

    for (const QString &status : QStringList{QStringLiteral("active"), QStringLiteral("revoked")}) {
        const QList<QJsonObject> keys = listAll(status);
        QVERIFY(!keys.isEmpty());
        QSet<QString> ids;
        for (const QJsonObject &k : keys) {
            QCOMPARE(k.value(QLatin1String("status")).toString(), status);
            ids.insert(idOf(k));
        }
        QCOMPARE(ids.contains(idOf(revoked)), status == QStringLiteral("revoked"));
        QCOMPARE(ids.contains(idOf(active)), status == QStringLiteral("active"));
    }
}

void TestContractApiKeys::fullKeyNeverInListOrGet()
{
    const QJsonObject created = create(QStringLiteral("secret never listed"));
    QVERIFY(!created.isEmpty());
    const QByteArray secret = created.value(QLatin1String("key")).toString().toUtf8();
    const QByteArray demo = m_sandbox.demoApiKey().toUtf8();
    const QByteArray afterPrefix = secret.mid(11, 12); // a run of the secret beyond key_prefix
    QVERIFY(afterPrefix.size() == 12);
    for (const QString &path :
         QStringList{kKeys, kKeys + QStringLiteral("?limit=100"),
                     kKeys + QStringLiteral("?status=active"), kKeys + u'/' + idOf(created)}) {
        const Reply reply = m_client->get(path, m_admin);
        QVERIFY2(reply.status == 200, reply.describe().constData());
        QVERIFY2(!reply.body.contains(secret), "a full key appears in a list or get answer");
        QVERIFY2(!reply.body.contains(demo), "the seeded key appears in a list or get answer");
        QVERIFY2(!reply.body.contains(afterPrefix), "more than prefix/suffix of a key is shown");
        QVERIFY2(!reply.body.contains("\"key\""), "a list or get answer carries a \"key\" field");
    }
}

void TestContractApiKeys::getCarriesUsageStatsThatRise()
{
    const QJsonObject created = create(QStringLiteral("usage stats"));
    QVERIFY(!created.isEmpty());
    const Credential key = Credential::apiKey(created.value(QLatin1String("key")).toString());
    const QJsonObject before = item(idOf(created));
    const QString missing =
        checks::missingFields(before, kItemFields + QStringList{QStringLiteral("usage_stats")});
    QVERIFY2(missing.isEmpty(), qPrintable(missing));
    const QStringList windows = {QStringLiteral("requests_last_24h"),
                                 QStringLiteral("requests_last_7d"),
                                 QStringLiteral("requests_last_30d")};
    const QJsonObject stats0 = before.value(QLatin1String("usage_stats")).toObject();
    const QString statsMissing = checks::missingFields(stats0, windows);
    QVERIFY2(statsMissing.isEmpty(), qPrintable(statsMissing));

    for (int i = 0; i < 3; ++i) {
        const Reply use = m_client->get(QStringLiteral("/models"), key);
        QVERIFY2(use.status == 200, use.describe().constData());
    }
    const QJsonObject stats1 = item(idOf(created)).value(QLatin1String("usage_stats")).toObject();
    for (const QString &w : windows) {
        QVERIFY2(stats0.value(w).isDouble() && stats1.value(w).isDouble(), qPrintable(w));
        QVERIFY2(stats1.value(w).toInt() >= stats0.value(w).toInt() + 3,
                 qPrintable(w + QStringLiteral(" did not rise by the 3 requests made")));
    }
    QVERIFY(stats1.value(windows[1]).toInt() >= stats1.value(windows[0]).toInt());
    QVERIFY(stats1.value(windows[2]).toInt() >= stats1.value(windows[1]).toInt());

    // Uses of another key do not count for this one.
    const QJsonObject other = item(idOf(created)).value(QLatin1String("usage_stats")).toObject();
    QVERIFY(m_client->get(QStringLiteral("/models"), m_admin).status == 200);
    const QJsonObject after = item(idOf(created)).value(QLatin1String("usage_stats")).toObject();
    QCOMPARE(after.value(windows[0]).toInt(), other.value(windows[0]).toInt());
}

void TestContractApiKeys::lastUsedAtSetAfterUse()
{
    const QJsonObject created = create(QStringLiteral("last used"));
    QVERIFY(!created.isEmpty());
    QVERIFY(item(idOf(created)).value(QLatin1String("last_used_at")).isNull());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Reply use =
        m_client->get(QStringLiteral("/models"),
                      Credential::apiKey(created.value(QLatin1String("key")).toString()));
    QVERIFY2(use.status == 200, use.describe().constData());
    const QJsonValue used = item(idOf(created)).value(QLatin1String("last_used_at"));
    QVERIFY2(checks::isIsoUtc(used), "last_used_at not set after a use");
    QVERIFY(qAbs(checks::parseTime(used).secsTo(before)) < 120);
}

void TestContractApiKeys::patchNameAndExpiry()
{
    const QJsonObject created = create(QStringLiteral("before patch"));
    QVERIFY(!created.isEmpty());
    const QString path = kKeys + u'/' + idOf(created);

    Reply reply = m_client->patchJson(path, m_admin,
                                      {{QStringLiteral("name"), QStringLiteral("after patch")}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.object().value(QLatin1String("name")).toString(), QStringLiteral("after patch"));
    QCOMPARE(idOf(reply.object()), idOf(created));
    QVERIFY2(reply.object().value(QLatin1String("expires_at")).isNull(),
             "a name change must not set an expiry");
    QVERIFY(!reply.body.contains(created.value(QLatin1String("key")).toString().toUtf8()));
    QCOMPARE(item(idOf(created)).value(QLatin1String("name")).toString(),
             QStringLiteral("after patch"));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    reply = m_client->patchJson(path, m_admin, {{QStringLiteral("expiration_days"), 7}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QVERIFY2(checks::isIsoUtc(reply.object().value(QLatin1String("expires_at"))),
             "expires_at not set by expiration_days");
    const QDateTime expires = checks::parseTime(reply.object().value(QLatin1String("expires_at")));
    const QDateTime created0 = checks::parseTime(created.value(QLatin1String("created_at")));
    QVERIFY2(expires >= created0.addDays(7).addSecs(-120) && expires <= now.addDays(7).addSecs(120),
             "expires_at is not 7 days out");
    QCOMPARE(reply.object().value(QLatin1String("name")).toString(), QStringLiteral("after patch"));
    QCOMPARE(item(idOf(created)).value(QLatin1String("expires_at")),
             reply.object().value(QLatin1String("expires_at")));

    // Still the same working key.
    const Reply use =
        m_client->get(QStringLiteral("/models"),
                      Credential::apiKey(created.value(QLatin1String("key")).toString()));
    QVERIFY2(use.status == 200, use.describe().constData());
}

void TestContractApiKeys::patchCannotChangePermission()
{
    const QJsonObject created =
        create(QStringLiteral("fixed permission"), QStringLiteral("read_only"));
    QVERIFY(!created.isEmpty());
    const QString path = kKeys + u'/' + idOf(created);
    const Reply reply = m_client->patchJson(
        path, m_admin, {{QStringLiteral("permission_level"), QStringLiteral("read_write")}});
    // Either refused or ignored; never applied.
    QVERIFY2(reply.status == 200 || reply.status == 400 || reply.status == 422,
             reply.describe().constData());
    if (reply.status == 200)
        QCOMPARE(reply.object().value(QLatin1String("permission_level")).toString(),
                 QStringLiteral("read_only"));
    QCOMPARE(item(idOf(created)).value(QLatin1String("permission_level")).toString(),
             QStringLiteral("read_only"));
    const Reply write = m_client->postJson(
        kKeys, Credential::apiKey(created.value(QLatin1String("key")).toString()),
        {{QStringLiteral("name"), QStringLiteral("escalated")},
         {QStringLiteral("permission_level"), QStringLiteral("read_write")}});
    const QString shape =
        checks::errorShape(write, 403, QStringLiteral("insufficient_permissions"));
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
}

void TestContractApiKeys::deleteRevokesAtOnce()
{
    const QJsonObject created = create(QStringLiteral("to revoke"));
    QVERIFY(!created.isEmpty());
    const Credential key = Credential::apiKey(created.value(QLatin1String("key")).toString());
    QCOMPARE(m_client->get(QStringLiteral("/models"), key).status, 200);

    const Reply reply = m_client->del(kKeys + u'/' + idOf(created), m_admin);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(idOf(reply.object()), idOf(created));
    QCOMPARE(reply.object().value(QLatin1String("status")).toString(), QStringLiteral("revoked"));
    QVERIFY2(checks::isIsoUtc(reply.object().value(QLatin1String("revoked_at"))),
             "revoked_at is not ISO-8601 UTC");

    const Reply refused = m_client->get(QStringLiteral("/models"), key);
    const QString shape = checks::errorShape(refused, 401, QStringLiteral("revoked_key"));
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
    QCOMPARE(item(idOf(created)).value(QLatin1String("status")).toString(),
             QStringLiteral("revoked"));

    // Permanent: no later change brings it back.
    const Reply patch = m_client->patchJson(kKeys + u'/' + idOf(created), m_admin,
                                            {{QStringLiteral("expiration_days"), 30},
                                             {QStringLiteral("name"), QStringLiteral("revived?")}});
    QVERIFY2(patch.transportOk && patch.status < 500, patch.describe().constData());
    const Reply again = m_client->del(kKeys + u'/' + idOf(created), m_admin);
    QVERIFY2(again.transportOk && again.status < 500, again.describe().constData());
    const QString still = checks::errorShape(m_client->get(QStringLiteral("/models"), key), 401,
                                             QStringLiteral("revoked_key"));
    QVERIFY2(still.isEmpty(), qPrintable(QStringLiteral("after PATCH/DELETE: ") + still));
    QCOMPARE(item(idOf(created)).value(QLatin1String("status")).toString(),
             QStringLiteral("revoked"));
}

void TestContractApiKeys::duplicateActiveNameIsConflict()
{
    const QJsonObject first = create(QStringLiteral("only once"));
    QVERIFY(!first.isEmpty());
    const Reply second =
        m_client->postJson(kKeys, m_admin,
                           {{QStringLiteral("name"), QStringLiteral("only once")},
                            {QStringLiteral("permission_level"), QStringLiteral("read_only")}});
    const QString shape = checks::errorShape(second, 409, QStringLiteral("conflict"));
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
    // A rename onto an active name is the same duplicate.
    const QJsonObject other = create(QStringLiteral("not yet a duplicate"));
    QVERIFY(!other.isEmpty());
    const Reply rename =
        m_client->patchJson(kKeys + u'/' + idOf(other), m_admin,
                            {{QStringLiteral("name"), QStringLiteral("only once")}});
    const QString renameShape = checks::errorShape(rename, 409, QStringLiteral("conflict"));
    QVERIFY2(renameShape.isEmpty(), qPrintable(QStringLiteral("PATCH: ") + renameShape));
    QCOMPARE(item(idOf(other)).value(QLatin1String("name")).toString(),
             QStringLiteral("not yet a duplicate"));
}

void TestContractApiKeys::bothCredentialHeaders_data()
{
    QTest::addColumn<bool>("bearer");
    QTest::addColumn<QString>("path");
    QTest::newRow("x-api-key /models") << false << QStringLiteral("/models");
    QTest::newRow("Bearer /models") << true << QStringLiteral("/models");
    QTest::newRow("x-api-key /auth/api-keys") << false << kKeys;
    QTest::newRow("Bearer /auth/api-keys") << true << kKeys;
    QTest::newRow("x-api-key /auth/user") << false << QStringLiteral("/auth/user");
    QTest::newRow("Bearer /auth/user") << true << QStringLiteral("/auth/user");
}

void TestContractApiKeys::bothCredentialHeaders()
{
    QFETCH(bool, bearer);
    QFETCH(QString, path);
    const QString secret = m_sandbox.demoApiKey();
    const Reply reply =
        m_client->get(path, bearer ? Credential::bearer(secret) : Credential::apiKey(secret));
    QVERIFY2(reply.status == 200, reply.describe().constData());

    // Writes work with either header as well.
    const Credential cred = bearer ? Credential::bearer(secret) : Credential::apiKey(secret);
    const QJsonObject created =
        m_client->createKey(cred, QStringLiteral("via ") + QLatin1String(QTest::currentDataTag()));
    QVERIFY(!created.isEmpty());
}

void TestContractApiKeys::readOnlyKeyMayOnlyRead_data()
{
    QTest::addColumn<bool>("bearer");
    QTest::newRow("x-api-key") << false;
    QTest::newRow("Bearer") << true;
}

void TestContractApiKeys::readOnlyKeyMayOnlyRead()
{
    QFETCH(bool, bearer);
    const QString tag = QLatin1String(QTest::currentDataTag());
    const QJsonObject readOnly =
        create(QStringLiteral("reader ") + tag, QStringLiteral("read_only"));
    QVERIFY(!readOnly.isEmpty());
    const QJsonObject target = create(QStringLiteral("target of a reader ") + tag);
    QVERIFY(!target.isEmpty());
    const QString secret = readOnly.value(QLatin1String("key")).toString();
    const Credential cred = bearer ? Credential::bearer(secret) : Credential::apiKey(secret);

    for (const QString &path :
         QStringList{QStringLiteral("/models"), kKeys, kKeys + u'/' + idOf(target),
                     QStringLiteral("/auth/user")}) {
        const Reply reply = m_client->get(path, cred);
        QVERIFY2(reply.status == 200,
                 QByteArray(path.toUtf8() + ": " + reply.describe()).constData());
    }
    const Reply head =
        m_client->send(QStringLiteral("HEAD"), QStringLiteral("/models"), cred, {}, {});
    QVERIFY2(head.status == 200, head.describe().constData());

    const Reply post =
        m_client->postJson(kKeys, cred,
                           {{QStringLiteral("name"), QStringLiteral("nope")},
                            {QStringLiteral("permission_level"), QStringLiteral("read_only")}});
    QString shape = checks::errorShape(post, 403, QStringLiteral("insufficient_permissions"));
    QVERIFY2(shape.isEmpty(), qPrintable(QStringLiteral("POST: ") + shape));

    const Reply patch = m_client->patchJson(kKeys + u'/' + idOf(target), cred,
                                            {{QStringLiteral("name"), QStringLiteral("renamed")}});
    shape = checks::errorShape(patch, 403, QStringLiteral("insufficient_permissions"));
    QVERIFY2(shape.isEmpty(), qPrintable(QStringLiteral("PATCH: ") + shape));

    const Reply patchSelf = m_client->patchJson(kKeys + u'/' + idOf(readOnly), cred,
                                                {{QStringLiteral("name"), QStringLiteral("self")}});
    shape = checks::errorShape(patchSelf, 403, QStringLiteral("insufficient_permissions"));
    QVERIFY2(shape.isEmpty(), qPrintable(QStringLiteral("PATCH self: ") + shape));

    const Reply del = m_client->del(kKeys + u'/' + idOf(target), cred);
    shape = checks::errorShape(del, 403, QStringLiteral("insufficient_permissions"));
    QVERIFY2(shape.isEmpty(), qPrintable(QStringLiteral("DELETE: ") + shape));

    // Nothing changed.
    const QJsonObject after = item(idOf(target));
    QCOMPARE(after.value(QLatin1String("name")).toString(),
             QStringLiteral("target of a reader ") + tag);
    QCOMPARE(after.value(QLatin1String("status")).toString(), QStringLiteral("active"));
    QCOMPARE(item(idOf(readOnly)).value(QLatin1String("name")).toString(),
             QStringLiteral("reader ") + tag);
}

void TestContractApiKeys::unauthorizedCodes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("no credentials") << QStringLiteral("none") << QStringLiteral("unauthorized");
    QTest::newRow("unknown well-formed key")
        << QStringLiteral("unknown") << QStringLiteral("invalid_key");
    QTest::newRow("malformed key") << QStringLiteral("malformed") << QStringLiteral("invalid_key");
    QTest::newRow("bare prefix") << QStringLiteral("prefix") << QStringLiteral("invalid_key");
    QTest::newRow("demo key with a changed character")
        << QStringLiteral("tampered") << QStringLiteral("invalid_key");
    QTest::newRow("revoked key") << QStringLiteral("revoked") << QStringLiteral("revoked_key");
    QTest::newRow("revoked key as Bearer")
        << QStringLiteral("revokedBearer") << QStringLiteral("revoked_key");
}

void TestContractApiKeys::unauthorizedCodes()
{
    QFETCH(QString, kind);
    QFETCH(QString, code);
    Credential cred;
    if (kind == QStringLiteral("unknown")) {
        cred = Credential::apiKey(QStringLiteral("plx_sk_") + QString(43, u'Z'));
    } else if (kind == QStringLiteral("malformed")) {
        cred = Credential::apiKey(QStringLiteral("not-a-key"));
    } else if (kind == QStringLiteral("prefix")) {
        cred = Credential::apiKey(QStringLiteral("plx_sk_"));
    } else if (kind == QStringLiteral("tampered")) {
        QString k = m_sandbox.demoApiKey();
        k[k.size() - 1] = k.at(k.size() - 1) == u'a' ? u'b' : u'a';
        cred = Credential::apiKey(k);
    } else if (kind.startsWith(QStringLiteral("revoked"))) {
        const QJsonObject created = create(QStringLiteral("revoked for 401"));
        QVERIFY(!created.isEmpty());
        QCOMPARE(m_client->del(kKeys + u'/' + idOf(created), m_admin).status, 200);
        const QString secret = created.value(QLatin1String("key")).toString();
        cred = kind == QStringLiteral("revoked") ? Credential::apiKey(secret)
                                                 : Credential::bearer(secret);
    }
    for (const QString &path :
         QStringList{QStringLiteral("/models"), kKeys, QStringLiteral("/auth/user")}) {
        const Reply reply = m_client->get(path, cred);
        const QString shape = checks::errorShape(reply, 401, code);
        QVERIFY2(shape.isEmpty(), qPrintable(path + QStringLiteral(": ") + shape));
    }
    const Reply write =
        m_client->postJson(kKeys, cred,
                           {{QStringLiteral("name"), QStringLiteral("x")},
                            {QStringLiteral("permission_level"), QStringLiteral("read_only")}});
    const QString shape = checks::errorShape(write, 401, code);
    QVERIFY2(shape.isEmpty(), qPrintable(QStringLiteral("POST: ") + shape));
}

void TestContractApiKeys::rotationRecipeEndToEnd()
{
    // The old key: a read_write key the caller holds.
    const QJsonObject old = create(QStringLiteral("rotate me"));
    QVERIFY(!old.isEmpty());
    const Credential oldCred = Credential::apiKey(old.value(QLatin1String("key")).toString());

    // 1. With the old key, create the replacement with the same permission level.
    const QJsonObject fresh =
        m_client->createKey(oldCred, QStringLiteral("rotate me (new)"),
                            old.value(QLatin1String("permission_level")).toString());
    QVERIFY(!fresh.isEmpty());
    QCOMPARE(fresh.value(QLatin1String("permission_level")).toString(),
             QStringLiteral("read_write"));
    const Credential newCred = Credential::apiKey(fresh.value(QLatin1String("key")).toString());
    QVERIFY(fresh.value(QLatin1String("key")).toString() !=
            old.value(QLatin1String("key")).toString());

    // 2. Verify it with a GET using the new key.
    const Reply verify = m_client->get(QStringLiteral("/models"), newCred);
    QVERIFY2(verify.status == 200, verify.describe().constData());

    // 3. Both are listed as active.
    QSet<QString> active;
    for (const QJsonObject &k : listAll(QStringLiteral("active")))
        active.insert(idOf(k));
    QVERIFY(active.contains(idOf(old)));
    QVERIFY(active.contains(idOf(fresh)));

    // 4. Revoke the old one, as the script now holding the new key would.
    const Reply revoke = m_client->del(kKeys + u'/' + idOf(old), newCred);
    QVERIFY2(revoke.status == 200, revoke.describe().constData());

    // 5. The old key is refused as revoked; the new one works, for reads and writes.
    const Reply refused = m_client->get(QStringLiteral("/models"), oldCred);
    const QString shape = checks::errorShape(refused, 401, QStringLiteral("revoked_key"));
    QVERIFY2(shape.isEmpty(), qPrintable(shape));
    QCOMPARE(m_client->get(QStringLiteral("/models"), newCred).status, 200);
    const Reply listed = m_client->get(kKeys + u'/' + idOf(old), newCred);
    QVERIFY2(listed.status == 200, listed.describe().constData());
    QCOMPARE(listed.object().value(QLatin1String("status")).toString(), QStringLiteral("revoked"));
    const Reply patch = m_client->patchJson(kKeys + u'/' + idOf(fresh), newCred,
                                            {{QStringLiteral("name"), QStringLiteral("rotated")}});
    QVERIFY2(patch.status == 200, patch.describe().constData());
}

void TestContractApiKeys::expiredKeyIsRefused()
{
    // seed makes a key that expired five days ago and prints its secret once.
    const QString expired = m_sandbox.seedValue(QStringLiteral("expired_api_key"));
    QVERIFY2(checks::isKeySecret(expired), "seed printed no expired_api_key");
    const Credential expiredCred = Credential::apiKey(expired);

    for (const QString &path :
         QStringList{QStringLiteral("/models"), kKeys, QStringLiteral("/auth/user")}) {
        const QString shape = checks::errorShape(m_client->get(path, expiredCred), 401,
                                                 QStringLiteral("expired_key"));
        QVERIFY2(shape.isEmpty(), qPrintable(path + QStringLiteral(": ") + shape));
    }
    const QString asBearer =
        checks::errorShape(m_client->get(QStringLiteral("/models"), Credential::bearer(expired)),
                           401, QStringLiteral("expired_key"));
    QVERIFY2(asBearer.isEmpty(), qPrintable(asBearer));
    const QString write = checks::errorShape(
        m_client->postJson(kKeys, expiredCred,
                           {{QStringLiteral("name"), QStringLiteral("from an expired key")},
                            {QStringLiteral("permission_level"), QStringLiteral("read_only")}}),
        401, QStringLiteral("expired_key"));
    QVERIFY2(write.isEmpty(), qPrintable(write));

    // The owner still sees it, listed as expired, with the secret's display prefix.
    const Reply list = m_client->get(kKeys + QStringLiteral("?status=expired&limit=100"), m_admin);
    QVERIFY2(list.status == 200, list.describe().constData());
    QJsonObject item;
    for (const QJsonValue &k : list.object().value(QLatin1String("keys")).toArray()) {
        if (expired.startsWith(k.toObject().value(QLatin1String("key_prefix")).toString()) &&
            expired.endsWith(k.toObject().value(QLatin1String("key_suffix")).toString()))
            item = k.toObject();
    }
    QVERIFY2(!item.isEmpty(), "the seeded expired key is not listed with status=expired");
    QCOMPARE(item.value(QLatin1String("status")).toString(), QStringLiteral("expired"));
    QVERIFY(checks::parseTime(item.value(QLatin1String("expires_at"))) <
            QDateTime::currentDateTimeUtc());
    QCOMPARE(m_client->get(QStringLiteral("/models"), m_admin).status, 200);
}

QTEST_GUILESS_MAIN(TestContractApiKeys)
#include "tst_contract_apikeys.moc"
