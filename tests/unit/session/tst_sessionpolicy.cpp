#include "session/ManualClock.h"
#include "session/SessionPolicy.h"

#include <QSignalSpy>

#include <QtTest>
#include <memory>

using namespace plexe;
using namespace std::chrono_literals;
using Reason = SessionPolicy::ExpiryReason;

class TestSessionPolicy : public QObject
{
    Q_OBJECT

private:
    SessionMeta freshMeta(const ManualClock &clock)
    {
        SessionMeta meta;
        meta.authTime = clock.now();
        meta.createdAt = clock.now();
        meta.lastActivity = clock.now();
        meta.kind = QStringLiteral("password");
        return meta;
    }

private slots:
    void idleTimeoutRange()
    {
        ManualClock clock;
        SessionPolicy policy(&clock);
        QCOMPARE(policy.idleTimeoutMinutes(), 15);
        policy.setIdleTimeoutMinutes(0);
        QCOMPARE(policy.idleTimeoutMinutes(), 1);
        policy.setIdleTimeoutMinutes(500);
        QCOMPARE(policy.idleTimeoutMinutes(), 120);
        policy.setIdleTimeoutMinutes(30);
        QCOMPARE(policy.idleTimeoutMinutes(), 30);
    }

    void idleExpiresWithWarningFirst()
    {
        ManualClock clock;
        SessionPolicy policy(&clock);
        QSignalSpy warning(&policy, &SessionPolicy::idleWarning);
        QSignalSpy expired(&policy, &SessionPolicy::expired);
        policy.begin(freshMeta(clock));
        clock.advance(14min - 1s);
        policy.tick();
        QCOMPARE(warning.count(), 0);
        clock.advance(1s); // exactly 60 s left
        policy.tick();
        QCOMPARE(warning.count(), 1);
        QCOMPARE(warning.at(0).at(0).toInt(), 60);
        clock.advance(30s);
        policy.tick();
        QCOMPARE(warning.count(), 1); // once
        QCOMPARE(expired.count(), 0);
        clock.advance(30s);
        policy.tick();
        QCOMPARE(expired.count(), 1);
        QCOMPARE(expired.at(0).at(0).value<Reason>(), Reason::Idle);
        QVERIFY(!policy.isActive());
        clock.advance(1h);
        policy.tick();
        QCOMPARE(expired.count(), 1);
    }

    void userInputResetsIdle()
    {
        ManualClock clock;
        SessionPolicy policy(&clock);
        QSignalSpy expired(&policy, &SessionPolicy::expired);
        policy.begin(freshMeta(clock));
        for (int i = 0; i < 10; ++i) {
            clock.advance(10min);
            policy.recordUserActivity();
            policy.tick();
        }
        QCOMPARE(expired.count(), 0);
        QCOMPARE(policy.meta().lastActivity, clock.now());
        clock.advance(15min);
        policy.tick();
        QCOMPARE(expired.count(), 1);
    }

    void staySignedInClearsTheWarning()
    {
        ManualClock clock;
        SessionPolicy policy(&clock);
        QSignalSpy warning(&policy, &SessionPolicy::idleWarning);
        QSignalSpy cleared(&policy, &SessionPolicy::idleWarningCleared);
        QSignalSpy expired(&policy, &SessionPolicy::expired);
        policy.begin(freshMeta(clock));
        clock.advance(14min + 30s);
        policy.tick();
        QCOMPARE(warning.count(), 1);
        QCOMPARE(warning.at(0).at(0).toInt(), 30);
        policy.staySignedIn();
        QCOMPARE(cleared.count(), 1);
        clock.advance(13min);
        policy.tick();
        QCOMPARE(expired.count(), 0);
        QCOMPARE(warning.count(), 1);
        clock.advance(1min);
        policy.tick();
        QCOMPARE(warning.count(), 2); // a new warning for the new deadline
        QCOMPARE(expired.count(), 0);
    }

    void configuredIdleTimeout()
    {
        ManualClock clock;
        SessionPolicy policy(&clock);
        policy.setIdleTimeoutMinutes(2);
        QSignalSpy expired(&policy, &SessionPolicy::expired);
        policy.begin(freshMeta(clock));
        clock.advance(119s);
        policy.tick();
        QCOMPARE(expired.count(), 0);
        clock.advance(1s);
        policy.tick();
        QCOMPARE(expired.count(), 1);
    }

    void absoluteLifetimeCapsAnActiveSession()
    {
        ManualClock clock;
        SessionPolicy policy(&clock);
        QSignalSpy expired(&policy, &SessionPolicy::expired);
        policy.begin(freshMeta(clock));
        for (int i = 0; i < 12 * 6 - 1; ++i) { // busy every 10 minutes for 11 h 50 min
            clock.advance(10min);
            policy.recordUserActivity();
            policy.tick();
        }
        QCOMPARE(expired.count(), 0);
        clock.advance(10min);
        policy.recordUserActivity();
        policy.tick();
        QCOMPARE(expired.count(), 1);
        QCOMPARE(expired.at(0).at(0).value<Reason>(), Reason::Absolute);
    }

    void restoreRule()
    {
        ManualClock clock;
        SessionPolicy policy(&clock);
        SessionMeta meta = freshMeta(clock);
        clock.advance(14min);
        QVERIFY(policy.canRestore(meta));
        clock.advance(1min); // last activity exactly the idle timeout ago
        QVERIFY(!policy.canRestore(meta));

        // Recent activity but past the absolute lifetime.
        meta.createdAt = clock.now().addSecs(-12 * 3600);
        meta.lastActivity = clock.now().addSecs(-60);
        QVERIFY(!policy.canRestore(meta));
        meta.createdAt = clock.now().addSecs(-12 * 3600 + 60);
        QVERIFY(policy.canRestore(meta));

        // The configured idle timeout applies.
        policy.setIdleTimeoutMinutes(1);
        meta.lastActivity = clock.now().addSecs(-61);
        QVERIFY(!policy.canRestore(meta));

        // Activity "in the future" (clock moved back) or missing times are not trusted.
        meta.lastActivity = clock.now().addSecs(3600);
        QVERIFY(!policy.canRestore(meta));
        QVERIFY(!policy.canRestore(SessionMeta()));
    }

    void restoredSessionKeepsItsDeadlines()
    {
        ManualClock clock;
        SessionPolicy policy(&clock);
        QSignalSpy expired(&policy, &SessionPolicy::expired);
        SessionMeta meta = freshMeta(clock);
        clock.advance(10min);
        QVERIFY(policy.canRestore(meta));
        policy.begin(meta); // restored: last activity stays 10 min ago
        clock.advance(5min);
        policy.tick();
        QCOMPARE(expired.count(), 1);
    }

    void stepUpWindow()
    {
        ManualClock clock;
        SessionPolicy policy(&clock);
        policy.begin(freshMeta(clock));
        QVERIFY(!policy.needsStepUp());
        clock.advance(10min - 1s);
        QVERIFY(!policy.needsStepUp());
        clock.advance(1s);
        QVERIFY(policy.needsStepUp());
        policy.recordUserActivity(); // activity is not authentication
        QVERIFY(policy.needsStepUp());
        policy.setAuthTime(clock.now());
        QVERIFY(!policy.needsStepUp());
    }

    void endStopsEverything()
    {
        ManualClock clock;
        SessionPolicy policy(&clock);
        QSignalSpy expired(&policy, &SessionPolicy::expired);
        policy.begin(freshMeta(clock));
        policy.end();
        clock.advance(13h);
        policy.tick();
        QCOMPARE(expired.count(), 0);
    }

    void internalTickerDrivesTheChecks()
    {
        ManualClock clock;
        SessionPolicy policy(&clock);
        QSignalSpy expired(&policy, &SessionPolicy::expired);
        policy.begin(freshMeta(clock));
        clock.advance(16min);
        policy.startTicking(10ms);
        QVERIFY(expired.wait(1000));
    }

    // Issue 21, item 9: a one-time secret on screen holds the idle sign-out; the absolute
    // lifetime does not wait.
    void holdKeepsTheSessionPastTheIdleDeadlineUntilReleased()
    {
        ManualClock clock;
        SessionPolicy policy(&clock);
        QSignalSpy expired(&policy, &SessionPolicy::expired);
        QSignalSpy held(&policy, &SessionPolicy::idleSignOutHeld);
        policy.begin(freshMeta(clock));
        auto dialog = std::make_unique<QObject>();
        policy.holdIdleSignOut(dialog.get());
        QVERIFY(policy.isIdleSignOutHeld());
        clock.advance(std::chrono::minutes(16));
        policy.tick();
        policy.tick();
        QCOMPARE(expired.size(), 0);
        QCOMPARE(held.size(), 1); // once
        QVERIFY(policy.isActive());

        // Released (here: destroyed with its window): a fresh idle period from then.
        dialog.reset();
        QVERIFY(!policy.isIdleSignOutHeld());
        policy.tick();
        QCOMPARE(expired.size(), 0);
        clock.advance(std::chrono::minutes(15));
        policy.tick();
        QCOMPARE(expired.size(), 1);
        QCOMPARE(expired.first().first().value<SessionPolicy::ExpiryReason>(),
                 SessionPolicy::ExpiryReason::Idle);
    }

    void holdDoesNotStopTheAbsoluteLifetime()
    {
        ManualClock clock;
        SessionPolicy policy(&clock);
        QSignalSpy expired(&policy, &SessionPolicy::expired);
        policy.begin(freshMeta(clock));
        QObject dialog;
        policy.holdIdleSignOut(&dialog);
        clock.advance(SessionPolicy::kAbsoluteLifetime);
        policy.tick();
        QCOMPARE(expired.size(), 1);
        QCOMPARE(expired.first().first().value<SessionPolicy::ExpiryReason>(),
                 SessionPolicy::ExpiryReason::Absolute);
        policy.releaseIdleSignOut(&dialog);
    }
};

QTEST_GUILESS_MAIN(TestSessionPolicy)
#include "tst_sessionpolicy.moc"
