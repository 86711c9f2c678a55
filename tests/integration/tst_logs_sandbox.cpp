// The Access Logs engine against a real plexe-sandbox over TLS, seeded with a few thousand
// events: LogLoader reads every page into the store (no duplicates, the right order), server-side
// filters narrow the load, a second load racing the first adds nothing twice, and LogTail picks
// up a sign-in made by a second client during the test without counting as user activity.
#include "SandboxProcess.h"
#include "api/ApiClient.h"
#include "auth/PasswordSignIn.h"
#include "auth/SignInResult.h"
#include "logs/LogLoader.h"
#include "logs/LogStore.h"
#include "logs/LogTail.h"
#include "logs/QueryEngine.h"
#include "session/ManualClock.h"
#include "session/SessionManager.h"
#include "session/SessionPolicy.h"
#include "session/SessionRequest.h"
#include "session/SessionStore.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace plexe;
using plexe::test::SandboxProcess;

namespace {
constexpr int kSeeded = 3500;
}

class TestLogsSandbox : public QObject
{
    Q_OBJECT

    SandboxProcess m_sandbox;
    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<SessionStore> m_sessionStore;
    std::unique_ptr<SessionManager> m_session;

    ApiEndpoint endpoint() const
    {
        ApiEndpoint ep;
        ep.baseUrl = m_sandbox.baseUrl();
        ep.extraCaFile = m_sandbox.caPath();
        ep.transferTimeoutMs = 20000;
        return ep;
    }

    // Loads with `filters` into `store`; true when every page was read.
    bool load(LogStore &store, const AccessLogFilters &filters = {}, LogLoader **out = nullptr)
    {
        auto *loader = new LogLoader(m_session.get(), &store, this);
        QSignalSpy finished(loader, &LogLoader::finished);
        QSignalSpy failed(loader, &LogLoader::failed);
        QSignalSpy progress(loader, &LogLoader::progress);
        loader->start(filters);
        if (!QTest::qWaitFor([&] { return finished.size() + failed.size() > 0; }, 60000))
            return false;
        if (!failed.isEmpty())
            qWarning() << "load failed:" << failed.first().first().value<ApiError>().userMessage();
        const bool ok = !finished.isEmpty() && finished.first().first().toBool();
        if (ok && progress.size() < 2)
            return false; // progress after each page
        if (out)
            *out = loader;
        else
            loader->deleteLater();
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SandboxProcess::Options options;
        options.extraSeedArgs = {QStringLiteral("--log-events"), QString::number(kSeeded)};
        QVERIFY2(m_sandbox.start(options), qPrintable(m_sandbox.errorString()));
        m_sessionStore = std::make_unique<SessionStore>(QStringLiteral("plexe-test-logs"));
        m_sessionStore->useMemoryOnly(QStringLiteral("test"));
        m_session = std::make_unique<SessionManager>(QStringLiteral("logs"), endpoint(),
                                                     m_sessionStore.get(), &m_clock);
        SignInResult result;
        result.kind = SignInResult::Kind::ApiKey;
        result.apiKey = m_sandbox.demoApiKey().toUtf8();
        result.authTime = m_clock.now();
        m_session->beginSession(result);
        QVERIFY(m_session->isSignedIn());
    }

    void apiClientDecodesAPage()
    {
        // The decoded form (not raw bytes), for callers on the GUI thread with small pages.
        AccessLogFilters filters;
        filters.events = {QStringLiteral("auth.login_failed")};
        bool done = false;
        AccessLogPage page;
        ApiError error;
        SessionRequest *r = m_session->run(
            [filters](ApiClient &c) { return c.listAccessLogs(filters, QString(), 5); });
        connect(r, &SessionRequest::finished, this, [&, r] {
            done = true;
            error = r->error();
            if (const AccessLogPage *p = r->result<AccessLogPage>())
                page = *p;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QCOMPARE(page.events.size(), 5);
        QVERIFY(!page.nextCursor.isEmpty());
        for (const AccessEvent &e : page.events)
            QCOMPARE(e.event, QStringLiteral("auth.login_failed"));
        QVERIFY(page.events.first().timestamp >= page.events.last().timestamp);
    }

    void loadsEveryPage()
    {
        LogStore store;
        LogLoader *loader = nullptr;
        QVERIFY(load(store, {}, &loader));
        // Seeded events, plus the demo account's own (the key's use by this very load).
        QVERIFY2(store.size() >= quint32(kSeeded), qPrintable(QString::number(store.size())));
        QVERIFY(loader->pagesLoaded() >= (kSeeded + 999) / 1000);
        QCOMPARE(loader->eventsLoaded(), quint64(store.size()));
        delete loader;
        // Newest first, no id twice (the table refuses duplicates; the ids are the server's).
        const auto table = store.table();
        const auto order = table->timeOrder();
        QCOMPARE(order->size(), size_t(store.size()));
        QSet<QString> ids;
        for (size_t i = 0; i < order->size(); ++i) {
            ids.insert(table->id((*order)[i]));
            if (i > 0)
                QVERIFY(table->timestampMs((*order)[i - 1]) >= table->timestampMs((*order)[i]));
        }
        QCOMPARE(ids.size(), int(store.size()));

        // Loading again into the same store adds only what is new since (this load's own
        // requests show up as api_key.used events).
        const quint32 before = store.size();
        QVERIFY(load(store));
        QVERIFY(store.size() >= before);
        QVERIFY2(store.size() - before < 20, qPrintable(QString::number(store.size() - before)));

        // A server-side filter: the store holds exactly the filtered events, the same ones the
        // local query finds in the full load.
        LogQuery q;
        q.events = {QStringLiteral("auth.login_failed")};
        q.outcome = LogQuery::Outcome::Failure;
        LogStore filtered;
        QVERIFY(load(filtered, q.serverFilters()));
        QVERIFY(filtered.size() > 0);
        const auto local = QueryEngine::evaluate(store.table(), q);
        QCOMPARE(size_t(filtered.size()), local->rows.size());
        const auto ft = filtered.table();
        for (quint32 r = 0; r < ft->size(); ++r)
            QCOMPARE(ft->text(r, LogTable::Text::Event), QStringLiteral("auth.login_failed"));
    }

    void racingLoadsAddNothingTwice()
    {
        LogStore store;
        auto *a = new LogLoader(m_session.get(), &store, this);
        auto *b = new LogLoader(m_session.get(), &store, this);
        QSignalSpy doneA(a, &LogLoader::finished);
        QSignalSpy doneB(b, &LogLoader::finished);
        a->start();
        b->start();
        QVERIFY(QTest::qWaitFor([&] { return doneA.size() && doneB.size(); }, 60000));
        QVERIFY(doneA.first().first().toBool() && doneB.first().first().toBool());
        const auto table = store.table();
        QSet<QString> ids;
        for (quint32 r = 0; r < table->size(); ++r)
            ids.insert(table->id(r));
        QCOMPARE(ids.size(), int(table->size()));
        QVERIFY(b->eventsLoaded() + a->eventsLoaded() > table->size()); // there were duplicates
        delete a;
        delete b;
    }

    void newerThanHeldEndsWhereTheStoreBegins()
    {
        // An empty store: every page is new, so the catch-up mode reads them all.
        LogStore store;
        LogLoader loader(m_session.get(), &store);
        QSignalSpy finished(&loader, &LogLoader::finished);
        loader.start({}, LogLoader::Mode::NewerThanHeld);
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.first().first().toBool());
        const int fullPages = loader.pagesLoaded();
        QVERIFY2(fullPages > 1, QByteArray::number(fullPages).constData());
        const quint64 held = store.size();

        // The store holds that complete load: one page, then it has reached what is held.
        finished.clear();
        loader.start({}, LogLoader::Mode::NewerThanHeld);
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(loader.pagesLoaded(), 1);
        QVERIFY(store.size() >= held); // only what arrived meanwhile, if anything

        // The same load in the ordinary mode reads every page again (and adds nothing twice).
        QVERIFY(load(store));
        const auto t = store.table();
        QSet<QString> ids;
        for (quint32 r = 0; r < t->size(); ++r)
            ids.insert(t->id(r));
        QCOMPARE(ids.size(), int(t->size()));
    }

    void tailPicksUpASecondClientsSignIn()
    {
        LogStore store;
        QVERIFY(load(store));
        const QString newestBefore = store.table()->newestId();
        m_clock.advance(std::chrono::minutes(2));
        const QDateTime idleBefore = m_session->policy()->idleDeadline();

        LogTail tail(m_session.get(), &store);
        tail.setInterval(200);
        QSignalSpy arrived(&tail, &LogTail::eventsArrived);
        QSignalSpy failed(&tail, &LogTail::failed);
        tail.start();
        QCOMPARE(tail.state(), LogTail::State::Running);

        // A second client signs in with the demo password: an auth.login event for the account.
        QNetworkAccessManager nam;
        ApiClient second(&nam);
        QVERIFY(second.setEndpoint(endpoint()));
        PasswordSignIn flow(&second, &m_clock);
        QSignalSpy signedIn(&flow, &PasswordSignIn::finished);
        QSignalSpy signInFailed(&flow, &PasswordSignIn::failed);
        QByteArray password = m_sandbox.demoPassword().toUtf8();
        QVERIFY(flow.start(m_sandbox.demoEmail(), password));
        QVERIFY(QTest::qWaitFor([&] { return signedIn.size() + signInFailed.size() > 0; }, 20000));
        QCOMPARE(signInFailed.size(), 0);

        // The tail brings it in: an auth.login newer than everything loaded before.
        const auto hasNewLogin = [&] {
            const auto t = store.table();
            for (quint32 r = 0; r < t->size(); ++r) {
                if (t->text(r, LogTable::Text::Event) == QLatin1String("auth.login") &&
                    t->id(r).toLongLong() > newestBefore.toLongLong())
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasNewLogin(), 20000);
        QVERIFY(arrived.size() > 0);
        QCOMPARE(failed.size(), 0);

        // Pause: no polls; resume: polling again.
        tail.pause();
        QCOMPARE(tail.state(), LogTail::State::Paused);
        tail.resume();
        QCOMPARE(tail.state(), LogTail::State::Running);
        const int polls = arrived.size();
        QTRY_VERIFY_WITH_TIMEOUT(arrived.size() > polls, 20000); // its own api_key.used events
        tail.stop();
        QCOMPARE(tail.state(), LogTail::State::Stopped);

        // Polling is not user activity (B16): the idle deadline did not move.
        QCOMPARE(m_session->policy()->idleDeadline(), idleBefore);

        // Duplicates: ids are unique after the tail raced nothing but itself.
        const auto t = store.table();
        QSet<QString> ids;
        for (quint32 r = 0; r < t->size(); ++r)
            ids.insert(t->id(r));
        QCOMPARE(ids.size(), int(t->size()));
    }

    void endOfSessionDropsRowsAndStopsTheTail()
    {
        LogStore store;
        QVERIFY(load(store));
        LogTail tail(m_session.get(), &store);
        tail.setInterval(200);
        tail.start();
        std::weak_ptr<LogTable> rows = store.table();
        store.clear(); // what the pane does on SessionManager::dropSessionData (B17)
        QCOMPARE(store.size(), 0u);
        QCOMPARE(tail.state(), LogTail::State::Stopped);
        QVERIFY(rows.expired());
    }

    void cleanupTestCase()
    {
        if (m_session)
            m_session->signOut();
    }
};

QTEST_GUILESS_MAIN(TestLogsSandbox)
#include "tst_logs_sandbox.moc"
