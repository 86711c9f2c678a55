// ModelListLoader and ModelStatusPoller through a real SessionManager against a scripted
// loopback server: a bare array, an envelope without pagination, every page of a long list;
// a building model asked with growing delays until it settles, never again after; nothing
// while inactive; a model the server no longer knows is dropped; polling never counts as user
// activity (B16).
#include "ModelFixtures.h"
#include "ScriptedHttpServer.h"
#include "api/ApiClient.h"
#include "auth/SignInResult.h"
#include "models/ModelListLoader.h"
#include "models/ModelStatusPoller.h"
#include "session/ManualClock.h"
#include "session/SessionManager.h"
#include "session/SessionPolicy.h"
#include "session/SessionStore.h"
#include "session/UserActivityFilter.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QUrlQuery>
#include <QtTest>

using namespace plexe;
using namespace plexe::test;
using namespace std::chrono_literals;

namespace {

QUrl requestUrl(const QByteArray &request)
{
    const QList<QByteArray> parts = request.left(request.indexOf("\r\n")).split(' ');
    return QUrl(QString::fromLatin1(parts.value(1)));
}

QByteArray item(int i, const char *status)
{
    return QStringLiteral(R"({"model_name":"m%1","model_version":"1","name":"Model %1",)"
                          R"("intent":"i","status":"%2","created_at":"2026-01-01T00:00:00Z"})")
        .arg(i)
        .arg(QLatin1String(status))
        .toUtf8();
}

QByteArray items(int from, int to, const char *status = "completed")
{
    QByteArrayList out;
    for (int i = from; i < to; ++i)
        out << item(i, status);
    return '[' + out.join(',') + ']';
}

} // namespace

class TestModelNetwork : public QObject
{
    Q_OBJECT

    ManualClock m_clock{fixedNow()};
    SessionStore m_store;
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<SessionManager> m_session;

    void startSession(ScriptedHttpServer::Handler handler)
    {
        m_server = std::make_unique<ScriptedHttpServer>(std::move(handler));
        ApiEndpoint ep;
        ep.baseUrl = QUrl(m_server->origin());
        m_session =
            std::make_unique<SessionManager>(QStringLiteral("models-unit"), ep, &m_store, &m_clock);
        ApiClient::RetryPolicy policy;
        policy.timeScale = 0.01;
        m_session->apiClient()->setRetryPolicy(policy);
        SignInResult r;
        r.kind = SignInResult::Kind::ApiKey;
        r.apiKey = "plx_sk_unitTESTkeyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        m_session->beginSession(r);
        QVERIFY(m_session->isSignedIn());
    }

    QList<Model> load(int *pages = nullptr, bool *complete = nullptr)
    {
        ModelListLoader loader(m_session.get());
        QSignalSpy finished(&loader, &ModelListLoader::finished);
        QSignalSpy failed(&loader, &ModelListLoader::failed);
        loader.start();
        if (!QTest::qWaitFor([&] { return finished.size() + failed.size() > 0; }, 5000))
            return {};
        if (!failed.isEmpty())
            qWarning() << failed.first().first().value<ApiError>().userMessage();
        if (pages)
            *pages = loader.pagesFetched();
        if (finished.isEmpty())
            return {};
        if (complete)
            *complete = finished.first().at(1).toBool();
        return finished.first().first().value<QList<Model>>();
    }

private slots:
    void initTestCase() { m_store.useMemoryOnly(QStringLiteral("unit test")); }

    void cleanup()
    {
        m_session.reset();
        m_server.reset();
    }

    void bareArrayIsTheWholeList()
    {
        startSession([](int, const QByteArray &) {
            return ScriptedHttpServer::response(200, items(0, 3, "processing"));
        });
        int pages = 0;
        bool complete = false;
        const QList<Model> models = load(&pages, &complete);
        QCOMPARE(models.size(), 3);
        QCOMPARE(pages, 1);
        QVERIFY(complete);
        QCOMPARE(models.first().state, ModelState::Building);
    }

    void envelopeWithoutPaginationIsTheWholeList()
    {
        startSession([](int, const QByteArray &) {
            return ScriptedHttpServer::response(200, "{\"models\":" + items(0, 2) + "}");
        });
        int pages = 0;
        QCOMPARE(load(&pages).size(), 2);
        QCOMPARE(pages, 1);
    }

    void everyPageArrives()
    {
        const int total = 250;
        startSession([total](int, const QByteArray &request) {
            const QUrlQuery q(requestUrl(request));
            const int offset = q.queryItemValue(QStringLiteral("offset")).toInt();
            const int limit = q.queryItemValue(QStringLiteral("limit")).toInt();
            const int end = std::min(total, offset + limit);
            const QByteArray pagination =
                QStringLiteral(R"({"total":%1,"limit":%2,"offset":%3,"has_more":%4})")
                    .arg(total)
                    .arg(limit)
                    .arg(offset)
                    .arg(end < total ? QStringLiteral("true") : QStringLiteral("false"))
                    .toUtf8();
            return ScriptedHttpServer::response(200, "{\"models\":" + items(offset, end) +
                                                         ",\"pagination\":" + pagination + "}");
        });
        int pages = 0;
        bool complete = false;
        const QList<Model> models = load(&pages, &complete);
        QCOMPARE(models.size(), total);
        QCOMPARE(pages, 3);
        QVERIFY(complete);
        QCOMPARE(models.last().modelName, QStringLiteral("m249"));
    }

    void aServerAlwaysSayingMoreCannotLoopOnEmptyPages()
    {
        startSession([](int, const QByteArray &) {
            return ScriptedHttpServer::response(
                200, R"({"models":[],"pagination":{"total":9,"has_more":true}})");
        });
        int pages = 0;
        QCOMPARE(load(&pages).size(), 0);
        QCOMPARE(pages, 1);
    }

    void buildingModelBacksOffUntilSettled()
    {
        // processing (20 %), building (0.6 as a ratio), then completed.
        QList<QByteArray> answers = {
            R"({"model_name":"m1","model_version":"1","status":"processing","build_progress":20})",
            R"({"status":"building","build_progress":0.6})",
            R"({"model_name":"m1","model_version":"1","status":"completed","build_progress":100})"};
        QStringList paths;
        startSession([&answers, &paths](int, const QByteArray &request) {
            paths << requestUrl(request).path();
            return ScriptedHttpServer::response(200, answers.isEmpty() ? QByteArray("{}")
                                                                       : answers.takeFirst());
        });
        // Real input counts (as the window installs it); polling must not.
        auto *filter = new UserActivityFilter(m_session->policy(), m_session.get());
        qApp->installEventFilter(filter);
        m_clock.advance(5min);
        const QDateTime idleDeadline = m_session->policy()->idleDeadline();

        ModelStatusPoller poller;
        poller.setBackoff({20ms, 2.0, 1s});
        poller.setSession(m_session.get());
        QSignalSpy statuses(&poller, &ModelStatusPoller::statusReceived);
        QSignalSpy settled(&poller, &ModelStatusPoller::settled);
        poller.sync(
            {makeModel(QStringLiteral("m1"), QStringLiteral("M1"), QStringLiteral("pending"), 1),
             makeModel(QStringLiteral("m2"), QStringLiteral("M2"), QStringLiteral("READY"), 1)});
        QCOMPARE(poller.followedCount(), 1); // the settled model is never asked
        QVERIFY(!poller.isScheduled());      // inactive until the pane shows
        poller.setActive(true);
        QVERIFY(poller.isScheduled());
        QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), 1, 2000);
        QCOMPARE(poller.currentDelayMs(QStringLiteral("m1"), QStringLiteral("1")), 40);
        QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), 2, 2000);
        QCOMPARE(poller.currentDelayMs(QStringLiteral("m1"), QStringLiteral("1")), 80);
        // An answer without name and version is about the model asked for.
        const auto second = statuses.at(1).first().value<ModelStatus>();
        QCOMPARE(second.modelName, QStringLiteral("m1"));
        QCOMPARE(second.buildProgress.value_or(-1), 0.6);
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 1, 2000);
        QCOMPARE(statuses.last().first().value<ModelStatus>().state, ModelState::Ready);
        QCOMPARE(poller.followedCount(), 0);
        QVERIFY(!poller.isScheduled()); // nothing more will be sent
        QCOMPARE(poller.requestsSent(), 3);
        QCOMPARE(paths, QStringList(3, QStringLiteral("/models/m1/1/status")));
        QCOMPARE(filter->inputEventCount(), 0);
        QCOMPARE(m_session->policy()->idleDeadline(), idleDeadline);
        delete filter;
    }

    void nothingWhileInactive()
    {
        int requests = 0;
        startSession([&requests](int, const QByteArray &) {
            ++requests;
            return ScriptedHttpServer::response(200, R"({"status":"BUILDING"})");
        });
        ModelStatusPoller poller;
        poller.setBackoff({10ms, 1.0, 10ms});
        poller.setSession(m_session.get());
        QSignalSpy statuses(&poller, &ModelStatusPoller::statusReceived);
        poller.setActive(true);
        poller.sync(
            {makeModel(QStringLiteral("m1"), QStringLiteral("M1"), QStringLiteral("BUILDING"), 1)});
        QTRY_VERIFY_WITH_TIMEOUT(statuses.size() >= 2, 2000);
        poller.setActive(false);
        QVERIFY(!poller.isScheduled());
        const int sent = poller.requestsSent();
        QCoreApplication::processEvents();
        QCOMPARE(poller.requestsSent(), sent);
        QVERIFY(poller.isFollowing(QStringLiteral("m1"), QStringLiteral("1")));
        poller.setActive(true); // shown again: it goes on
        QTRY_VERIFY_WITH_TIMEOUT(poller.requestsSent() > sent, 2000);
        // The session ended: nothing is followed any more.
        poller.setSession(nullptr);
        QCOMPARE(poller.followedCount(), 0);
        QVERIFY(!poller.isScheduled());
    }

    void unknownModelOrRouteStopsFollowing_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("404") << 404 << QByteArray(R"({"detail":"Model not found"})");
        QTest::newRow("gateway 403")
            << 403 << QByteArray(R"({"message":"Missing Authentication Token"})");
    }

    void unknownModelOrRouteStopsFollowing()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        startSession([status, body](int, const QByteArray &) {
            return ScriptedHttpServer::response(status, body);
        });
        ModelStatusPoller poller;
        poller.setBackoff({10ms, 2.0, 1s});
        poller.setSession(m_session.get());
        poller.setActive(true);
        poller.sync(
            {makeModel(QStringLiteral("m1"), QStringLiteral("M1"), QStringLiteral("building"), 1)});
        QTRY_COMPARE_WITH_TIMEOUT(poller.followedCount(), 0, 2000);
        QVERIFY(!poller.isScheduled());
        QCOMPARE(poller.requestsSent(), 1);
    }

    void serverErrorsBackOff()
    {
        startSession([](int, const QByteArray &) {
            return ScriptedHttpServer::response(503, R"({"detail":"busy"})");
        });
        ModelStatusPoller poller;
        poller.setBackoff({10ms, 3.0, 100ms});
        poller.setSession(m_session.get());
        poller.setActive(true);
        poller.sync(
            {makeModel(QStringLiteral("m1"), QStringLiteral("M1"), QStringLiteral("building"), 1)});
        // Still followed, with the delay growing to its cap.
        QTRY_COMPARE_WITH_TIMEOUT(poller.currentDelayMs(QStringLiteral("m1"), QStringLiteral("1")),
                                  qint64(100), 5000);
        QVERIFY(poller.isFollowing(QStringLiteral("m1"), QStringLiteral("1")));
    }
};

QTEST_GUILESS_MAIN(TestModelNetwork)
#include "tst_modelnetwork.moc"
