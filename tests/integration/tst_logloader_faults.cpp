// LogLoader and LogTail against a scripted loopback server, for what the sandbox does not do on
// demand: overlapping pages and an empty page with a cursor, a route answered 403/404 (the
// real API today: "unsupported"), a 5xx beyond the retries, a page that is not JSON, stop()
// while a page stalls, the tail's backoff. Checks the query each request sends.
#include "../unit/logs/LogFixtures.h"
#include "ScriptedHttpServer.h"
#include "api/ApiClient.h"
#include "auth/SignInResult.h"
#include "logs/LogLoader.h"
#include "logs/LogStore.h"
#include "logs/LogTail.h"
#include "session/ManualClock.h"
#include "session/SessionManager.h"
#include "session/SessionStore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace plexe;
using namespace plexe::test;

namespace {

QUrlQuery queryOf(const QByteArray &request)
{
    const QByteArray target = request.split(' ').value(1);
    return QUrlQuery(QUrl(QString::fromLatin1(target)));
}

} // namespace

class TestLogLoaderFaults : public QObject
{
    Q_OBJECT

    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<SessionStore> m_store;
    std::unique_ptr<SessionManager> m_session;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        ApiEndpoint ep;
        ep.baseUrl = QUrl(m_server->origin());
        ep.transferTimeoutMs = 10000;
        m_store = std::make_unique<SessionStore>(QStringLiteral("plexe-test-logloader"));
        m_store->useMemoryOnly(QStringLiteral("test"));
        m_session =
            std::make_unique<SessionManager>(QStringLiteral("faults"), ep, m_store.get(), &m_clock);
        ApiClient::RetryPolicy fast;
        fast.timeScale = 0.001; // no test waits for a backoff
        m_session->apiClient()->setRetryPolicy(fast);
        SignInResult result;
        result.kind = SignInResult::Kind::ApiKey;
        result.apiKey = QByteArrayLiteral("plx_sk_test0000000000000000000000000000");
        result.authTime = m_clock.now();
        m_session->beginSession(result);
        QVERIFY(m_session->isSignedIn());
    }

    void cleanup()
    {
        m_session.reset();
        m_store.reset();
        m_server.reset();
    }

    void pagesWithOverlapsAndAnEmptyPage()
    {
        m_server->setHandler([](int, const QByteArray &request) {
            const QString cursor = queryOf(request).queryItemValue(QStringLiteral("cursor"));
            if (cursor.isEmpty())
                return ScriptedHttpServer::response(
                    200, fixturePageJson(fixturePage(201, 300), QStringLiteral("c1")));
            if (cursor == QLatin1String("c1")) // overlaps the first page by ten events
                return ScriptedHttpServer::response(
                    200, fixturePageJson(fixturePage(101, 210), QStringLiteral("c2")));
            if (cursor == QLatin1String("c2")) // a bounded server scan found nothing here
                return ScriptedHttpServer::response(200, fixturePageJson({}, QStringLiteral("c3")));
            return ScriptedHttpServer::response(200,
                                                fixturePageJson(fixturePage(1, 100), QString()));
        });
        LogStore store;
        LogLoader loader(m_session.get(), &store);
        QSignalSpy finished(&loader, &LogLoader::finished);
        QSignalSpy progress(&loader, &LogLoader::progress);
        AccessLogFilters filters;
        filters.events = {QStringLiteral("auth.login"), QStringLiteral("auth.mfa")};
        filters.outcome = QStringLiteral("failure");
        filters.ip = QStringLiteral("203.0.113.7");
        loader.start(filters);
        QVERIFY(loader.isRunning());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(store.size(), 300u);
        QCOMPARE(loader.eventsLoaded(), 310u);
        QCOMPARE(loader.pagesLoaded(), 4);
        QCOMPARE(progress.last().at(1).toULongLong(), 300u);
        QCOMPARE(m_server->requests().size(), 4);
        const QUrlQuery first = queryOf(m_server->requests().first());
        QCOMPARE(first.queryItemValue(QStringLiteral("limit")), QStringLiteral("1000"));
        QCOMPARE(first.allQueryItemValues(QStringLiteral("event")), filters.events);
        QCOMPARE(first.queryItemValue(QStringLiteral("outcome")), QStringLiteral("failure"));
        QCOMPARE(first.queryItemValue(QStringLiteral("ip")), QStringLiteral("203.0.113.7"));
        QVERIFY(m_server->requests().first().toLower().contains("x-api-key: plx_sk_test"));
        QCOMPARE(queryOf(m_server->requests().at(3)).queryItemValue(QStringLiteral("cursor")),
                 QStringLiteral("c3"));
    }

    void routeMissingIsUnsupported_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("404") << 404;
        QTest::newRow("403") << 403;
    }

    void routeMissingIsUnsupported()
    {
        QFETCH(int, status);
        m_server->setHandler([status](int, const QByteArray &) {
            return ScriptedHttpServer::response(status, "{\"detail\":\"Not Found\"}");
        });
        LogStore store;
        LogLoader loader(m_session.get(), &store);
        QSignalSpy unsupported(&loader, &LogLoader::unsupported);
        QSignalSpy failed(&loader, &LogLoader::failed);
        QSignalSpy finished(&loader, &LogLoader::finished);
        loader.start();
        QVERIFY(unsupported.wait(10000));
        QCOMPARE(unsupported.first().first().toInt(), status);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(finished.size(), 0);
        QVERIFY(!loader.isRunning());

        LogTail tail(m_session.get(), &store);
        QSignalSpy tailUnsupported(&tail, &LogTail::unsupported);
        tail.start();
        QVERIFY(tailUnsupported.wait(10000));
        QCOMPARE(tail.state(), LogTail::State::Stopped);
    }

    void serverErrorAndBadPageFail()
    {
        m_server->setHandler([](int, const QByteArray &) {
            return ScriptedHttpServer::response(503, "{\"detail\":\"down\"}");
        });
        LogStore store;
        LogLoader loader(m_session.get(), &store);
        QSignalSpy failed(&loader, &LogLoader::failed);
        loader.start();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<ApiError>().httpStatus(), 503);
        QCOMPARE(m_server->requests().size(), 3); // two retries, then the error

        m_server->setHandler([](int, const QByteArray &) {
            return ScriptedHttpServer::response(200, "{\"events\": [{\"id\": 1,");
        });
        failed.clear();
        loader.start();
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<ApiError>().kind(), ApiError::Kind::Parse);
        QCOMPARE(store.size(), 0u);
    }

    void stopWhileAPageStalls()
    {
        m_server->setHandler([](int index, const QByteArray &) {
            if (index == 0)
                return ScriptedHttpServer::response(
                    200, fixturePageJson(fixturePage(51, 100), QStringLiteral("c1")));
            return QByteArray(); // never answers
        });
        LogStore store;
        LogLoader loader(m_session.get(), &store);
        QSignalSpy finished(&loader, &LogLoader::finished);
        QSignalSpy request(m_server.get(), &ScriptedHttpServer::requestReceived);
        loader.start();
        QTRY_COMPARE(request.size(), 2);
        QTRY_COMPARE(store.size(), 50u);
        loader.stop();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!loader.isRunning());
    }

    void tailAsksAfterTheNewestAndBacksOff()
    {
        LogStore store;
        store.ingest(fixturePage(1, 40), store.epoch());
        m_server->setHandler([](int index, const QByteArray &request) {
            const QUrlQuery q = queryOf(request);
            if (index == 0 && q.queryItemValue(QStringLiteral("after")) == QLatin1String("40")) {
                QList<AccessEvent> newer = fixturePage(38, 45); // overlaps what the store holds
                std::reverse(newer.begin(), newer.end());       // oldest first
                return ScriptedHttpServer::response(200, fixturePageJson(newer, QString()));
            }
            return ScriptedHttpServer::response(500, "{}");
        });
        ApiClient::RetryPolicy noRetry;
        noRetry.maxServerRetries = 0;
        m_session->apiClient()->setRetryPolicy(noRetry);
        LogTail tail(m_session.get(), &store);
        tail.setInterval(50);
        QSignalSpy arrived(&tail, &LogTail::eventsArrived);
        QSignalSpy failed(&tail, &LogTail::failed);
        tail.start();
        QVERIFY(arrived.wait(10000));
        QCOMPARE(arrived.first().first().toUInt(), 5u);
        QCOMPARE(store.size(), 45u);
        QCOMPARE(store.table()->newestId(), QStringLiteral("45"));
        QTRY_VERIFY(failed.size() >= 2);
        QVERIFY(tail.nextDelayMs() >= 200); // doubled at least twice
        QCOMPARE(queryOf(m_server->requests().at(1)).queryItemValue(QStringLiteral("after")),
                 QStringLiteral("45"));
        QCOMPARE(tail.state(), LogTail::State::Running);
        tail.stop();
    }
};

QTEST_GUILESS_MAIN(TestLogLoaderFaults)
#include "tst_logloader_faults.moc"
