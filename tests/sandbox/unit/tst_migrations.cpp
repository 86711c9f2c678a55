#include "db/Connection.h"
#include "db/Database.h"
#include "db/Migrations.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace plexe::sandbox;

class TestMigrations : public QObject
{
    Q_OBJECT
private slots:
    void freshDatabaseReachesTheLatestVersion()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("s.db")).toStdString());
        auto c = db.acquire();
        QCOMPARE(Migrations::currentVersion(*c), Migrations::steps().back().version);
        auto tables = c->prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND "
                                 "name IN ('accounts', 'api_keys', 'api_key_usage', 'models')");
        QVERIFY(tables.step());
        QCOMPARE(tables.integer(0), 4);
    }
    void reopeningAppliesNothingTwice()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("s.db")).toStdString();
        {
            Database first(path);
        }
        Database second(path);
        auto c = second.acquire();
        auto rows = c->prepare("SELECT COUNT(*) FROM schema_version");
        QVERIFY(rows.step());
        QCOMPARE(rows.integer(0), int64_t(Migrations::steps().size()));
    }
    void versionsAreStrictlyIncreasing()
    {
        int last = 0;
        for (const auto &step : Migrations::steps()) {
            QVERIFY(step.version > last);
            last = step.version;
        }
    }
    void usesWal()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("s.db")).toStdString());
        auto c = db.acquire();
        auto mode = c->prepare("PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), std::string("wal"));
    }
    void failedTransactionRollsBack()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("s.db")).toStdString());
        auto c = db.acquire();
        {
            Transaction t(*c);
            c->exec("INSERT INTO accounts (user_id, email, name, created_at) "
                    "VALUES ('u', 'a@b', 'A', 0)");
        } // no commit
        auto rows = c->prepare("SELECT COUNT(*) FROM accounts");
        QVERIFY(rows.step());
        QCOMPARE(rows.integer(0), 0);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
