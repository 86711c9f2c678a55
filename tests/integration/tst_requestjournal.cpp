// The console's request journal (contract §6 fallback): what a line holds, newest first, the size
// cap, Clear, one file per profile; and, fed by a real ApiClient over a scripted loopback server,
// that a secret in a query value or a path never reaches the file's bytes.
#include "ScriptedHttpServer.h"
#include "api/ApiClient.h"
#include "logs/RequestJournal.h"
#include "session/ManualClock.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace plexe;
using plexe::test::ScriptedHttpServer;

namespace {

const QByteArray kCanaryKey = "plx_sk_CANARYjournalAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const QByteArray kCanaryToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqb3VybmFsIn0.c2lnbmF0dXJlQ0FOQVJZ";
const QByteArray kCanaryEmail = "canary-person@example.invalid";

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestRequestJournal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void safePath_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "https://api.plexe.ai/auth/user"
                               << "/auth/user";
        QTest::newRow("query names only")
            << "https://h/auth/access-logs?q=secretword&limit=100&event=a&event=b"
            << "/auth/access-logs?q&limit&event";
        QTest::newRow("key id kept") << "https://h/auth/api-keys/key_AbCdEfGhIj0123456789"
                                     << "/auth/api-keys/key_AbCdEfGhIj0123456789";
        QTest::newRow("api key in path")
            << QStringLiteral("https://h/auth/api-keys/") + QString::fromLatin1(kCanaryKey)
            << "/auth/api-keys/[redacted]";
        QTest::newRow("jwt in path")
            << QStringLiteral("https://h/x/") + QString::fromLatin1(kCanaryToken)
            << "/x/[redacted]";
        QTest::newRow("opaque token")
            << "https://h/x/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A"
            << "/x/[redacted]";
        QTest::newRow("model name with words")
            << "https://h/models/churn-predictor-for-the-retail-team-2026/3/status"
            << "/models/churn-predictor-for-the-retail-team-2026/3/status";
        QTest::newRow("key as a parameter name")
            << QStringLiteral("https://h/x?") + QString::fromLatin1(kCanaryKey) << "/x?[redacted]";
        QTest::newRow("control characters") << "https://h/a%0Ab"
                                            << "/a%0Ab";
    }

    void safePath()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QCOMPARE(RequestJournal::safePath(QUrl(url)), expected);
    }

    void recordsNewestFirst()
    {
        QTemporaryDir dir;
        ManualClock clock(QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
        RequestJournal journal(dir.filePath(QStringLiteral("j/a.jsonl")), &clock);
        QSignalSpy changed(&journal, &RequestJournal::changed);
        journal.record("GET", QUrl(QStringLiteral("https://h/auth/user")), 200);
        clock.advance(std::chrono::seconds(5));
        journal.record("DELETE", QUrl(QStringLiteral("https://h/auth/api-keys/key_1")), 403);
        clock.advance(std::chrono::seconds(5));
        journal.record("GET", QUrl(QStringLiteral("https://h/models?limit=20")), 0);
        QCOMPARE(changed.size(), 3);
        const QList<JournalEntry> entries = journal.entries();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries[0].path, QStringLiteral("/models?limit"));
        QCOMPARE(entries[0].status, 0);
        QCOMPARE(entries[1].method, QStringLiteral("DELETE"));
        QCOMPARE(entries[1].status, 403);
        QCOMPARE(entries[2].time, QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
        // Only the owner may read it (paths and times are the user's business).
        QCOMPARE(QFile(journal.filePath()).permissions() &
                     (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
    }

    void capDropsTheOldest()
    {
        QTemporaryDir dir;
        ManualClock clock;
        const qint64 cap = 8 * 1024;
        RequestJournal journal(dir.filePath(QStringLiteral("a.jsonl")), &clock, cap);
        for (int i = 0; i < 1000; ++i) {
            journal.record("GET", QUrl(QStringLiteral("https://h/item/%1").arg(i)), 200);
            clock.advance(std::chrono::seconds(1));
            QVERIFY2(QFile(journal.filePath()).size() <= cap, "the file outgrew its cap");
        }
        const QList<JournalEntry> entries = journal.entries();
        QVERIFY(entries.size() > 50);
        QVERIFY(entries.size() < 1000);
        QCOMPARE(entries.first().path, QStringLiteral("/item/999"));
        // Contiguous: whole lines were dropped from the old end only.
        for (int i = 0; i < entries.size(); ++i)
            QCOMPARE(entries[i].path, QStringLiteral("/item/%1").arg(999 - i));
    }

    void clearEmpties()
    {
        QTemporaryDir dir;
        RequestJournal journal(dir.filePath(QStringLiteral("a.jsonl")), nullptr);
        journal.record("GET", QUrl(QStringLiteral("https://h/auth/user")), 200);
        QCOMPARE(journal.entries().size(), 1);
        QSignalSpy changed(&journal, &RequestJournal::changed);
        QVERIFY(journal.clear());
        QCOMPARE(changed.size(), 1);
        QVERIFY(journal.entries().isEmpty());
        QVERIFY(!QFile::exists(journal.filePath()));
    }

    void onePerProfile()
    {
        const QString a = RequestJournal::pathForProfile(QStringLiteral("Local sandbox"));
        const QString b = RequestJournal::pathForProfile(QStringLiteral("Plexe Cloud"));
        QVERIFY(a != b);
        QVERIFY(a.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(!a.contains(QStringLiteral("sandbox")));
        RequestJournal journal(a, nullptr);
        journal.record("GET", QUrl(QStringLiteral("https://h/auth/user")), 200);
        QVERIFY(QFile::exists(a));
        QVERIFY(RequestJournal::removeForProfile(QStringLiteral("Local sandbox")));
        QVERIFY(!QFile::exists(a));
    }

    // The hook in ApiClient feeds the journal; nothing secret that travelled in the request
    // (credential header, query values, a key pasted into a path) reaches the file.
    void fedByApiClientWithoutSecrets()
    {
        ScriptedHttpServer server([](int, const QByteArray &request) {
            if (request.startsWith("GET /auth/access-logs"))
                return ScriptedHttpServer::response(404, R"({"message":"Not Found"})");
            return ScriptedHttpServer::response(200, R"({"user_id":"u1","email":"a@b.c"})");
        });
        QNetworkAccessManager nam;
        ApiClient client(&nam);
        QVERIFY(client.setEndpoint(ApiEndpoint{QUrl(server.origin()), QString()}));
        client.setCredential(Credential::apiKey(kCanaryKey));
        QTemporaryDir dir;
        ManualClock clock;
        RequestJournal journal(dir.filePath(QStringLiteral("a.jsonl")), &clock);
        connect(&client, &ApiClient::requestFinished, &journal, &RequestJournal::record);
        QSignalSpy changed(&journal, &RequestJournal::changed);

        client.getUser();
        ApiRequest logs;
        logs.path = QStringLiteral("/auth/access-logs");
        logs.query.addQueryItem(QStringLiteral("q"), QString::fromLatin1(kCanaryToken));
        logs.query.addQueryItem(QStringLiteral("actor"), QString::fromLatin1(kCanaryEmail));
        client.send(logs);
        ApiRequest pasted;
        pasted.path = QStringLiteral("/auth/api-keys/") + QString::fromLatin1(kCanaryKey);
        client.send(pasted);
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 3, 5000);
        QCOMPARE(server.requests().size(), 3);
        // The secrets did travel (so the test means something)...
        QVERIFY(server.requests().join().contains(kCanaryKey));
        QVERIFY(server.requests().join().contains(kCanaryToken));
        // ...and none of them is in the file.
        const QByteArray bytes = fileBytes(journal.filePath());
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(kCanaryKey));
        QVERIFY(!bytes.contains(kCanaryKey.mid(7, 20))); // not even without its prefix
        QVERIFY(!bytes.contains(kCanaryToken));
        QVERIFY(!bytes.contains(kCanaryToken.left(20)));
        QVERIFY(!bytes.contains(kCanaryEmail));
        QVERIFY(!bytes.contains("canary-person"));
        const QList<JournalEntry> entries = journal.entries();
        QStringList paths;
        for (const JournalEntry &e : entries)
            paths << QStringLiteral("%1 %2 %3").arg(e.method, e.path).arg(e.status);
        QVERIFY2(paths.contains(QStringLiteral("GET /auth/access-logs?q&actor 404")),
                 qPrintable(paths.join(QLatin1Char('|'))));
        QVERIFY(paths.contains(QStringLiteral("GET /auth/user 200")));
        QVERIFY(paths.contains(QStringLiteral("GET /auth/api-keys/[redacted] 200")));
    }
};

QTEST_GUILESS_MAIN(TestRequestJournal)
#include "tst_requestjournal.moc"
