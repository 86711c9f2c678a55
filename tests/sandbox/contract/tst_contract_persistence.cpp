// security.md F.38: writes are transactional; a crash right after a 200 loses nothing.
#include "ContractChecks.h"
#include "ContractClient.h"
#include "SandboxProcess.h"

#include <QDirIterator>
#include <QFile>
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

} // namespace

// Acknowledged writes survive SIGKILL and a restart on the same data folder.
class TestContractPersistence : public QObject
{
    Q_OBJECT

private slots:
    void acknowledgedWritesSurviveSigkill();
    void burstOfCreatesSurvivesSigkill();
    void usageOfAnAcknowledgedRequestSurvivesSigkill();
    void noSecretAtRestInTheDataFolder();
};

void TestContractPersistence::acknowledgedWritesSurviveSigkill()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    const Credential admin = Credential::apiKey(sandbox.demoApiKey());
    QJsonObject kept, reader, revoked, renamed;
    {
        const ContractClient client(sandbox);
        kept = client.createKey(admin, QStringLiteral("kept"), QStringLiteral("read_write"), 30);
        reader = client.createKey(admin, QStringLiteral("reader"), QStringLiteral("read_only"));
        revoked = client.createKey(admin, QStringLiteral("revoked"));
        renamed = client.createKey(admin, QStringLiteral("before rename"));
        QVERIFY(!kept.isEmpty() && !reader.isEmpty() && !revoked.isEmpty() && !renamed.isEmpty());
        const Reply del = client.del(kKeys + u'/' + idOf(revoked), admin);
        QVERIFY2(del.status == 200, del.describe().constData());
        const Reply patch =
            client.patchJson(kKeys + u'/' + idOf(renamed), admin,
                             {{QStringLiteral("name"), QStringLiteral("after rename")},
                              {QStringLiteral("expiration_days"), 3}});
        QVERIFY2(patch.status == 200, patch.describe().constData());
        // A use, so that last_used_at is written.
        QCOMPARE(client
                     .get(QStringLiteral("/models"),
                          Credential::apiKey(kept.value(QLatin1String("key")).toString()))
                     .status,
                 200);
    }
    // Right after the last 200: no clean shutdown.
    sandbox.kill();
    QVERIFY2(sandbox.restart(), qPrintable(sandbox.errorString()));
    const ContractClient client(sandbox);

    // Listed, with the acknowledged values.
    QHash<QString, QJsonObject> listed;
    for (const QString &status : QStringList{QStringLiteral("active"), QStringLiteral("revoked")}) {
        const Reply list = client.get(kKeys + QStringLiteral("?limit=100&status=") + status, admin);
        QVERIFY2(list.status == 200, list.describe().constData());
        for (const QJsonValue &k : list.object().value(QLatin1String("keys")).toArray())
            listed.insert(idOf(k.toObject()), k.toObject());
    }
    for (const QJsonObject &k : {kept, reader, revoked, renamed})
        QVERIFY2(listed.contains(idOf(k)), qPrintable(k.value(QLatin1String("name")).toString()));
    QCOMPARE(listed[idOf(kept)].value(QLatin1String("name")).toString(), QStringLiteral("kept"));
    QCOMPARE(listed[idOf(kept)].value(QLatin1String("expires_at")),
             kept.value(QLatin1String("expires_at")));
    QCOMPARE(listed[idOf(reader)].value(QLatin1String("permission_level")).toString(),
             QStringLiteral("read_only"));
    QCOMPARE(listed[idOf(revoked)].value(QLatin1String("status")).toString(),
             QStringLiteral("revoked"));
    QCOMPARE(listed[idOf(renamed)].value(QLatin1String("name")).toString(),
             QStringLiteral("after rename"));
    QVERIFY(checks::isIsoUtc(listed[idOf(renamed)].value(QLatin1String("expires_at"))));

    // The new keys authenticate with their permissions; the revoked one stays revoked.
    const Reply use = client.get(QStringLiteral("/models"),
                                 Credential::apiKey(kept.value(QLatin1String("key")).toString()));
    QVERIFY2(use.status == 200, use.describe().constData());
    const Credential readerCred = Credential::apiKey(reader.value(QLatin1String("key")).toString());
    QCOMPARE(client.get(QStringLiteral("/models"), readerCred).status, 200);
    const QString forbidden = checks::errorShape(
        client.postJson(kKeys, readerCred,
                        {{QStringLiteral("name"), QStringLiteral("x")},
                         {QStringLiteral("permission_level"), QStringLiteral("read_only")}}),
        403, QStringLiteral("insufficient_permissions"));
    QVERIFY2(forbidden.isEmpty(), qPrintable(forbidden));
    const QString stillRevoked = checks::errorShape(
        client.get(QStringLiteral("/models"),
                   Credential::apiKey(revoked.value(QLatin1String("key")).toString())),
        401, QStringLiteral("revoked_key"));
    QVERIFY2(stillRevoked.isEmpty(), qPrintable(stillRevoked));
    const Reply revokedItem = client.get(kKeys + u'/' + idOf(revoked), admin);
    QCOMPARE(revokedItem.object().value(QLatin1String("status")).toString(),
             QStringLiteral("revoked"));
    QCOMPARE(client.get(QStringLiteral("/models"), admin).status, 200);
}

void TestContractPersistence::burstOfCreatesSurvivesSigkill()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    const Credential admin = Credential::apiKey(sandbox.demoApiKey());
    QList<QJsonObject> created;
    {
        const ContractClient client(sandbox);
        for (int i = 0; i < 15; ++i) {
            const QJsonObject k = client.createKey(admin, QStringLiteral("burst %1").arg(i));
            QVERIFY(!k.isEmpty());
            created << k;
        }
    }
    sandbox.kill();
    QVERIFY2(sandbox.restart(), qPrintable(sandbox.errorString()));
    const ContractClient client(sandbox);
    for (const QJsonObject &k : std::as_const(created)) {
        const Reply use = client.get(QStringLiteral("/auth/user"),
                                     Credential::apiKey(k.value(QLatin1String("key")).toString()));
        QVERIFY2(use.status == 200, qPrintable(k.value(QLatin1String("name")).toString() + u' ' +
                                               QString::fromUtf8(use.describe())));
    }
    // And a second crash and restart changes nothing.
    sandbox.kill();
    QVERIFY2(sandbox.restart(), qPrintable(sandbox.errorString()));
    const ContractClient again(sandbox);
    QCOMPARE(again
                 .get(QStringLiteral("/models"),
                      Credential::apiKey(created.last().value(QLatin1String("key")).toString()))
                 .status,
             200);
}

void TestContractPersistence::usageOfAnAcknowledgedRequestSurvivesSigkill()
{
    // last_used_at and usage_stats are written by requests the server answered 200; F.38 says a
    // crash loses nothing acknowledged.
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    const Credential admin = Credential::apiKey(sandbox.demoApiKey());
    QJsonObject used;
    {
        const ContractClient client(sandbox);
        used = client.createKey(admin, QStringLiteral("used just before the crash"));
        QVERIFY(!used.isEmpty());
        const Reply use =
            client.get(QStringLiteral("/models"),
                       Credential::apiKey(used.value(QLatin1String("key")).toString()));
        QCOMPARE(use.status, 200);
    }
    sandbox.kill();
    QVERIFY2(sandbox.restart(), qPrintable(sandbox.errorString()));
    const ContractClient client(sandbox);
    const Reply item = client.get(kKeys + u'/' + idOf(used), admin);
    QVERIFY2(item.status == 200, item.describe().constData());
    QVERIFY2(checks::isIsoUtc(item.object().value(QLatin1String("last_used_at"))),
             "last_used_at of the acknowledged request was lost");
    QVERIFY2(item.object()
                     .value(QLatin1String("usage_stats"))
                     .toObject()
                     .value(QLatin1String("requests_last_24h"))
                     .toInt() >= 1,
             "usage_stats of the acknowledged request were lost");
}

void TestContractPersistence::noSecretAtRestInTheDataFolder()
{
    // security.md F.36: keys stored only as SHA-256 hashes, passwords through a slow KDF. So no
    // file of the data folder (database, journal, WAL) holds a key or the password in clear.
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start(), qPrintable(sandbox.errorString()));
    const Credential admin = Credential::apiKey(sandbox.demoApiKey());
    QStringList secrets;
    {
        const ContractClient client(sandbox);
        for (const QString &permission :
             QStringList{QStringLiteral("read_write"), QStringLiteral("read_only")}) {
            const QJsonObject k =
                client.createKey(admin, QStringLiteral("at rest ") + permission, permission);
            QVERIFY(!k.isEmpty());
            secrets << k.value(QLatin1String("key")).toString();
            QCOMPARE(
                client.get(QStringLiteral("/models"), Credential::apiKey(secrets.last())).status,
                200);
        }
    }
    QVERIFY(!sandbox.demoPassword().isEmpty());
    // Inspect both while running (WAL not yet checkpointed) and after a crash.
    for (int round = 0; round < 2; ++round) {
        if (round == 1)
            sandbox.kill();
        QDirIterator it(sandbox.dataDir(), QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            const QByteArray content = file.readAll();
            ++files;
            for (const QString &secret : std::as_const(secrets)) {
                QVERIFY2(!content.contains(secret.toUtf8()),
                         qPrintable(QStringLiteral("an API key in clear in ") + file.fileName()));
                // Nor the part after the shown prefix (a key stored in two halves, say).
                QVERIFY2(!content.contains(secret.mid(11, 16).toUtf8()),
                         qPrintable(QStringLiteral("part of an API key in clear in ") +
                                    file.fileName()));
            }
            QVERIFY2(
                !content.contains(sandbox.demoApiKey().toUtf8()),
                qPrintable(QStringLiteral("the seeded API key in clear in ") + file.fileName()));
            QVERIFY2(
                !content.contains(sandbox.demoPassword().toUtf8()),
                qPrintable(QStringLiteral("the demo password in clear in ") + file.fileName()));
        }
        QVERIFY(files > 0);
    }
}

QTEST_GUILESS_MAIN(TestContractPersistence)
#include "tst_contract_persistence.moc"
