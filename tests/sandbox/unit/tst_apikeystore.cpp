#include "accounts/AccountStore.h"
#include "db/Database.h"
#include "keys/ApiKeyStore.h"
#include "keys/UsageRecorder.h"

#include <QTemporaryDir>
#include <QtTest>

#include <thread>
#include <vector>

using namespace plexe::sandbox;

namespace {
constexpr int64_t kNow = 1800000000;
}

// ApiKeyStore's filters and usage sums, and UsageRecorder writing into them.
class TestApiKeyStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    int64_t m_account = 0;
    int m_next = 0;

    ApiKey add(const std::string &name, std::optional<int64_t> expires,
               std::optional<int64_t> revoked)
    {
        ApiKey key;
        key.keyId = "key_" + std::to_string(++m_next);
        key.accountId = m_account;
        key.name = name;
        key.keyHash = "hash" + std::to_string(m_next);
        key.keyPrefix = "plx_sk_abcd";
        key.keySuffix = "wxyz";
        key.permissionLevel = "read_write";
        key.createdAt = kNow - 1000 + m_next;
        key.expiresAt = expires;
        key.revokedAt = revoked;
        key.createdBy = "t@example.org";
        auto c = m_db->acquire();
        return ApiKeyStore::insert(*c, key);
    }

private slots:
    void init()
    {
        m_db = std::make_unique<Database>(
            m_dir.filePath(QStringLiteral("k%1.db").arg(++m_next)).toStdString());
        auto c = m_db->acquire();
        Account a;
        a.userId = "usr_" + std::to_string(m_next);
        a.email = "t@example.org";
        a.name = "T";
        m_account = AccountStore::insert(*c, a).id;
    }

    void statusFiltersAndPagination()
    {
        add("active", std::nullopt, std::nullopt);
        add("future", kNow + 10, std::nullopt);
        add("expired", kNow, std::nullopt); // expires_at == now counts as expired
        add("revoked", kNow + 10, kNow - 1);
        auto c = m_db->acquire();
        QCOMPARE(ApiKeyStore::list(*c, m_account, "", 20, 0, kNow).total, 4);
        QCOMPARE(ApiKeyStore::list(*c, m_account, "active", 20, 0, kNow).total, 2);
        QCOMPARE(ApiKeyStore::list(*c, m_account, "expired", 20, 0, kNow).total, 1);
        QCOMPARE(ApiKeyStore::list(*c, m_account, "revoked", 20, 0, kNow).total, 1);
        const auto page = ApiKeyStore::list(*c, m_account, "", 2, 1, kNow);
        QCOMPARE(page.total, 4);
        QCOMPARE(page.keys.size(), size_t(2));
        QCOMPARE(page.keys[0].name, std::string("expired")); // newest first, offset 1
        QCOMPARE(ApiKeyStore::list(*c, m_account + 1, "", 20, 0, kNow).total, 0);
    }
    void activeNamesOnlyBlockActiveKeys()
    {
        const ApiKey active = add("dup", std::nullopt, std::nullopt);
        add("old", kNow - 1, std::nullopt);
        add("gone", std::nullopt, kNow - 1);
        auto c = m_db->acquire();
        QVERIFY(ApiKeyStore::activeNameTaken(*c, m_account, "dup", 0, kNow));
        QVERIFY(!ApiKeyStore::activeNameTaken(*c, m_account, "dup", active.row, kNow));
        QVERIFY(!ApiKeyStore::activeNameTaken(*c, m_account, "Dup", 0, kNow));
        QVERIFY(!ApiKeyStore::activeNameTaken(*c, m_account, "old", 0, kNow));
        QVERIFY(!ApiKeyStore::activeNameTaken(*c, m_account, "gone", 0, kNow));
    }
    void usageWindows()
    {
        const ApiKey key = add("used", std::nullopt, std::nullopt);
        const int64_t hour = kNow / 3600;
        auto c = m_db->acquire();
        ApiKeyStore::addUsage(*c, key.row, hour, 1, kNow);
        ApiKeyStore::addUsage(*c, key.row, hour - 23, 2, kNow);
        ApiKeyStore::addUsage(*c, key.row, hour - 24, 4, kNow);
        ApiKeyStore::addUsage(*c, key.row, hour - 167, 8, kNow);
        ApiKeyStore::addUsage(*c, key.row, hour - 719, 16, kNow);
        ApiKeyStore::addUsage(*c, key.row, hour - 720, 32, kNow);
        const auto usage = ApiKeyStore::usage(*c, key.row, kNow);
        QCOMPARE(usage.last24h, 3);
        QCOMPARE(usage.last7d, 15);
        QCOMPARE(usage.last30d, 31);
    }
    void recorderCommitsBeforeReturning()
    {
        const ApiKey key = add("recorded", std::nullopt, std::nullopt);
        UsageRecorder recorder(*m_db);
        // Not started: each use commits in the calling thread.
        recorder.record(key.row, kNow - 5);
        recorder.record(key.row, kNow);
        recorder.record(key.row, kNow - 3);
        {
            auto c = m_db->acquire();
            QCOMPARE(ApiKeyStore::usage(*c, key.row, kNow).last24h, 3);
            QCOMPARE(*ApiKeyStore::find(*c, m_account, key.keyId)->lastUsedAt, kNow);
        }
        // Started: concurrent uses are grouped, and each record() returns only once its use
        // is committed (a SIGKILL after the answer loses nothing).
        recorder.start();
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&recorder, &key] {
                for (int i = 0; i < 25; ++i)
                    recorder.record(key.row, kNow);
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        auto c = m_db->acquire();
        QCOMPARE(ApiKeyStore::usage(*c, key.row, kNow).last24h, 103);
        recorder.stop();
        recorder.record(key.row, kNow); // after stop: synchronous again
        QCOMPARE(ApiKeyStore::usage(*c, key.row, kNow).last24h, 104);
    }
};

QTEST_GUILESS_MAIN(TestApiKeyStore)
#include "tst_apikeystore.moc"
