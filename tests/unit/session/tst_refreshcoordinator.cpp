#include "session/RefreshCoordinator.h"

#include <QSignalSpy>
#include <QStringList>
#include <QtTest>

using namespace plexe;
using Response = RefreshCoordinator::RefreshResponse;
using Outcome = RefreshCoordinator::Outcome;

namespace {

// A controllable fake token endpoint and keychain: calls are held until the test answers them.
struct FakeBackend
{
    QStringList journal; // what happened, in order
    QList<std::function<void(const Response &)>> pendingRefreshes;
    QList<QByteArray> refreshTokensSeen;
    QList<std::function<void(bool)>> pendingSaves;
    QList<Response> saved;

    RefreshCoordinator::RefreshFunction refreshFunction()
    {
        return [this](const QByteArray &token, std::function<void(const Response &)> done) {
            journal << QStringLiteral("refresh");
            refreshTokensSeen << token;
            pendingRefreshes << std::move(done);
        };
    }
    RefreshCoordinator::SaveFunction saveFunction()
    {
        return [this](const Response &tokens, std::function<void(bool)> done) {
            journal << QStringLiteral("save ") + QString::fromLatin1(tokens.refreshToken);
            saved << tokens;
            pendingSaves << std::move(done);
        };
    }
};

Response success(const QByteArray &access, const QByteArray &refresh)
{
    Response r;
    r.kind = Response::Kind::Success;
    r.accessToken = access;
    r.refreshToken = refresh;
    r.expiresInSeconds = 900;
    return r;
}

} // namespace

class TestRefreshCoordinator : public QObject
{
    Q_OBJECT

private slots:
    void fiveConcurrentCallersOneRefresh()
    {
        FakeBackend backend;
        RefreshCoordinator coordinator(backend.refreshFunction(), backend.saveFunction());
        coordinator.setTokens("AT-1", "RT-1");
        QList<Outcome> outcomes;
        for (int i = 0; i < 5; ++i) {
            coordinator.requestRefresh("AT-1", this, [&](const Outcome &o) {
                backend.journal << QStringLiteral("use ") + QString::fromLatin1(o.accessToken);
                outcomes << o;
            });
        }
        QVERIFY(coordinator.isRefreshing());
        QCOMPARE(backend.pendingRefreshes.size(), 1);
        QCOMPARE(backend.refreshTokensSeen, QList<QByteArray>{"RT-1"});
        backend.pendingRefreshes.takeFirst()(success("AT-2", "RT-2"));
        QCoreApplication::processEvents();
        QCOMPARE(outcomes.size(), 0); // not before the rotated refresh token is saved
        QCOMPARE(backend.pendingSaves.size(), 1);
        backend.pendingSaves.takeFirst()(true);
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 5, 1000);
        for (const Outcome &o : std::as_const(outcomes)) {
            QCOMPARE(o.kind, Outcome::Kind::Refreshed);
            QCOMPARE(o.accessToken, QByteArray("AT-2"));
            QVERIFY(o.persisted);
        }
        QCOMPARE(coordinator.refreshCount(), 1);
        QCOMPARE(coordinator.accessToken(), QByteArray("AT-2"));
        QCOMPARE(backend.journal.first(), QStringLiteral("refresh"));
        QCOMPARE(backend.journal.at(1), QStringLiteral("save RT-2"));
        QCOMPARE(backend.journal.at(2), QStringLiteral("use AT-2"));
    }

    void lateFourOhOneForAnOldTokenGetsTheNewOne()
    {
        FakeBackend backend;
        RefreshCoordinator coordinator(backend.refreshFunction(), backend.saveFunction());
        coordinator.setTokens("AT-1", "RT-1");
        coordinator.requestRefresh("AT-1", this, [](const Outcome &) {});
        backend.pendingRefreshes.takeFirst()(success("AT-2", "RT-2"));
        backend.pendingSaves.takeFirst()(true);
        // A request that was sent with AT-1 comes back 401 after the refresh finished.
        Outcome late;
        bool called = false;
        coordinator.requestRefresh("AT-1", this, [&](const Outcome &o) {
            late = o;
            called = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(called, 1000);
        QCOMPARE(late.accessToken, QByteArray("AT-2"));
        QCOMPARE(coordinator.refreshCount(), 1);
        QVERIFY(backend.pendingRefreshes.isEmpty());
        // The next refresh uses the rotated refresh token.
        coordinator.requestRefresh("AT-2", this, [](const Outcome &) {});
        QCOMPARE(backend.refreshTokensSeen.last(), QByteArray("RT-2"));
    }

    void networkFailureKeepsTheSession()
    {
        FakeBackend backend;
        RefreshCoordinator coordinator(backend.refreshFunction(), backend.saveFunction());
        QSignalSpy ended(&coordinator, &RefreshCoordinator::sessionEnded);
        coordinator.setTokens("AT-1", "RT-1");
        QList<Outcome> outcomes;
        for (int i = 0; i < 3; ++i)
            coordinator.requestRefresh("AT-1", this, [&](const Outcome &o) { outcomes << o; });
        Response offline;
        offline.kind = Response::Kind::RetryLater;
        offline.message = QStringLiteral("Network unreachable");
        backend.pendingRefreshes.takeFirst()(offline);
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 3, 1000);
        for (const Outcome &o : std::as_const(outcomes))
            QCOMPARE(o.kind, Outcome::Kind::RetryLater);
        QCOMPARE(ended.count(), 0);
        QVERIFY(backend.pendingSaves.isEmpty());
        QCOMPARE(coordinator.accessToken(), QByteArray("AT-1"));
        // Later, a retry works with the same refresh token.
        coordinator.requestRefresh("AT-1", this, [](const Outcome &) {});
        QCOMPARE(backend.refreshTokensSeen, (QList<QByteArray>{"RT-1", "RT-1"}));
    }

    void invalidGrantEndsTheSession()
    {
        FakeBackend backend;
        RefreshCoordinator coordinator(backend.refreshFunction(), backend.saveFunction());
        QSignalSpy ended(&coordinator, &RefreshCoordinator::sessionEnded);
        coordinator.setTokens("AT-1", "RT-1");
        QList<Outcome> outcomes;
        for (int i = 0; i < 2; ++i)
            coordinator.requestRefresh("AT-1", this, [&](const Outcome &o) { outcomes << o; });
        Response dead;
        dead.kind = Response::Kind::InvalidGrant;
        backend.pendingRefreshes.takeFirst()(dead);
        QCOMPARE(ended.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 2, 1000);
        for (const Outcome &o : std::as_const(outcomes)) {
            QCOMPARE(o.kind, Outcome::Kind::SessionEnded);
            QVERIFY(o.accessToken.isEmpty());
        }
        QVERIFY(backend.pendingSaves.isEmpty());
        QVERIFY(coordinator.accessToken().isEmpty());
    }

    void answerWithoutAccessTokenEndsTheSession()
    {
        FakeBackend backend;
        RefreshCoordinator coordinator(backend.refreshFunction(), backend.saveFunction());
        QSignalSpy ended(&coordinator, &RefreshCoordinator::sessionEnded);
        coordinator.setTokens("AT-1", "RT-1");
        coordinator.requestRefresh("AT-1", this, [](const Outcome &) {});
        backend.pendingRefreshes.takeFirst()(success(QByteArray(), "RT-2"));
        QCOMPARE(ended.count(), 1);
        QVERIFY(backend.pendingSaves.isEmpty());
    }

    void failedSaveStillHandsOutAfterTheAttempt()
    {
        FakeBackend backend;
        RefreshCoordinator coordinator(backend.refreshFunction(), backend.saveFunction());
        coordinator.setTokens("AT-1", "RT-1");
        Outcome outcome;
        bool called = false;
        coordinator.requestRefresh("AT-1", this, [&](const Outcome &o) {
            outcome = o;
            called = true;
        });
        backend.pendingRefreshes.takeFirst()(success("AT-2", "RT-2"));
        backend.pendingSaves.takeFirst()(false);
        QTRY_VERIFY_WITH_TIMEOUT(called, 1000);
        QCOMPARE(outcome.kind, Outcome::Kind::Refreshed);
        QVERIFY(!outcome.persisted);
    }

    void signOutDuringRefreshDropsTheAnswer()
    {
        FakeBackend backend;
        RefreshCoordinator coordinator(backend.refreshFunction(), backend.saveFunction());
        coordinator.setTokens("AT-1", "RT-1");
        QList<Outcome> outcomes;
        coordinator.requestRefresh("AT-1", this, [&](const Outcome &o) { outcomes << o; });
        coordinator.clear();
        backend.pendingRefreshes.takeFirst()(success("AT-2", "RT-2"));
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 1000);
        QCOMPARE(outcomes.first().kind, Outcome::Kind::SessionEnded);
        QVERIFY(backend.pendingSaves.isEmpty()); // nothing stored after sign-out
        QVERIFY(coordinator.accessToken().isEmpty());
    }

    void destroyedContextIsNotCalled()
    {
        FakeBackend backend;
        RefreshCoordinator coordinator(backend.refreshFunction(), backend.saveFunction());
        coordinator.setTokens("AT-1", "RT-1");
        bool called = false;
        auto *context = new QObject;
        coordinator.requestRefresh("AT-1", context, [&](const Outcome &) { called = true; });
        delete context;
        backend.pendingRefreshes.takeFirst()(success("AT-2", "RT-2"));
        backend.pendingSaves.takeFirst()(true);
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestRefreshCoordinator)
#include "tst_refreshcoordinator.moc"
