// Tests for the sign-in failure throttle: per account, per address, sliding window, Retry-After.
#include "auth/LoginThrottle.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace plexe::sandbox;

namespace {
const QString kIp = QStringLiteral("192.0.2.1");
const QString kOtherIp = QStringLiteral("192.0.2.2");
const QString kAda = QStringLiteral("ada@example.com");
const QString kBob = QStringLiteral("bob@example.com");
constexpr qint64 kSecond = 1000;
} // namespace

class TestLoginThrottle : public QObject
{
    Q_OBJECT
private:
    qint64 m_now = 1'700'000'000'000;
    LoginThrottle make(int max = 10, qint64 window = 900)
    {
        return LoginThrottle(max, window, [this] { return m_now; });
    }

private slots:
    void init() { m_now = 1'700'000'000'000; }

    void tenFailuresPerAccountLock()
    {
        LoginThrottle throttle = make();
        for (int i = 0; i < 9; ++i) {
            // Each from a different address, so only the account counter can trip.
            throttle.recordFailure(kAda, QStringLiteral("198.51.100.%1").arg(i));
            m_now += kSecond;
        }
        QVERIFY(!throttle.check(kAda, kIp).locked);
        throttle.recordFailure(kAda, QStringLiteral("198.51.100.99"));
        const auto verdict = throttle.check(kAda, kIp);
        QVERIFY(verdict.locked);
        // The first failure leaves the window 900 s after it happened, 9 s ago.
        QCOMPARE(verdict.retryAfterSeconds, qint64(891));
        QVERIFY(!throttle.check(kBob, kIp).locked);
        QCOMPARE(throttle.accountFailures(kAda), 10);
    }

    void tenFailuresPerAddressLockEveryAccountFromIt()
    {
        LoginThrottle throttle = make();
        for (int i = 0; i < 10; ++i)
            throttle.recordFailure(QStringLiteral("user%1@example.com").arg(i), kIp);
        QVERIFY(throttle.check(kAda, kIp).locked);
        QCOMPARE(throttle.check(kAda, kIp).retryAfterSeconds, qint64(900));
        QVERIFY(!throttle.check(kAda, kOtherIp).locked);
        QCOMPARE(throttle.addressFailures(kIp), 10);
    }

    void lockExpiresWithTheWindow()
    {
        LoginThrottle throttle = make();
        for (int i = 0; i < 10; ++i)
            throttle.recordFailure(kAda, kIp);
        m_now += 899 * kSecond;
        QVERIFY(throttle.check(kAda, kIp).locked);
        QCOMPARE(throttle.check(kAda, kIp).retryAfterSeconds, qint64(1));
        m_now += 999;
        QVERIFY(throttle.check(kAda, kIp).locked);
        m_now += 1;
        QVERIFY(!throttle.check(kAda, kIp).locked);
        QCOMPARE(throttle.accountFailures(kAda), 0);
    }

    void slidingWindowRetryAfter()
    {
        LoginThrottle throttle = make(3, 60);
        throttle.recordFailure(kAda, kIp); // t=0
        m_now += 10 * kSecond;
        throttle.recordFailure(kAda, kIp); // t=10
        m_now += 10 * kSecond;
        throttle.recordFailure(kAda, kIp); // t=20 → locked until the t=0 failure leaves (t=60)
        QCOMPARE(throttle.check(kAda, kIp).retryAfterSeconds, qint64(40));
        m_now += 40 * kSecond; // t=60: two in window
        QVERIFY(!throttle.check(kAda, kIp).locked);
        throttle.recordFailure(kAda, kIp); // t=60 → locked until t=70
        QCOMPARE(throttle.check(kAda, kIp).retryAfterSeconds, qint64(10));
        m_now += 500; // fractions round up
        QCOMPARE(throttle.check(kAda, kIp).retryAfterSeconds, qint64(10));
    }

    void successClearsTheAccountButNotTheAddress()
    {
        LoginThrottle throttle = make();
        for (int i = 0; i < 9; ++i)
            throttle.recordFailure(kAda, kIp);
        throttle.recordSuccess(kAda, kIp);
        QCOMPARE(throttle.accountFailures(kAda), 0);
        QCOMPARE(throttle.addressFailures(kIp), 9);
        // An attacker who signs in to their own account between guesses is still locked out.
        throttle.recordFailure(kBob, kIp);
        QVERIFY(throttle.check(kBob, kIp).locked);
        QVERIFY(throttle.check(kAda, kIp).locked);
        // The account itself, from elsewhere, is fine.
        QVERIFY(!throttle.check(kAda, kOtherIp).locked);
    }

    void accountKeyIgnoresCaseAndSpaces()
    {
        LoginThrottle throttle = make(2, 60);
        throttle.recordFailure(QStringLiteral("Ada@Example.com"), kIp);
        throttle.recordFailure(QStringLiteral(" ada@example.COM "), kOtherIp);
        QVERIFY(throttle.check(kAda, QStringLiteral("203.0.113.9")).locked);
    }

    void clockGoingBackDoesNotBreakTheWindow()
    {
        LoginThrottle throttle = make(2, 60);
        throttle.recordFailure(kAda, kIp);
        m_now -= 30 * kSecond;
        throttle.recordFailure(kAda, kIp);
        const auto verdict = throttle.check(kAda, kIp);
        QVERIFY(verdict.locked);
        QVERIFY(verdict.retryAfterSeconds >= 1 && verdict.retryAfterSeconds <= 90);
    }

    void oddInputsNeverCrash()
    {
        LoginThrottle throttle = make(0, 0); // clamped to 1 failure, 1 s
        QVERIFY(!throttle.check(QString(), QString()).locked);
        throttle.recordFailure(QString(), QString());
        QVERIFY(throttle.check(QString(), QStringLiteral("x")).locked);
        throttle.recordSuccess(QString(), QString());
        QVERIFY(throttle.check(QString(), QString()).locked); // the address still counts
        m_now += kSecond;
        QVERIFY(!throttle.check(QString(), QString()).locked);
    }

    void manyDistinctEmailsArePruned()
    {
        LoginThrottle throttle = make(10, 1);
        for (int i = 0; i < 5000; ++i) {
            m_now += kSecond;
            throttle.recordFailure(QStringLiteral("u%1@x").arg(i), QStringLiteral("a%1").arg(i));
        }
        // Keys whose failures left the window are dropped every 1024 failures, so memory stays
        // bounded (10,000 keys were seen); recent ones still count.
        QVERIFY2(throttle.trackedKeyCount() <= 2 * 1024,
                 qPrintable(QString::number(throttle.trackedKeyCount())));
        QCOMPARE(throttle.accountFailures(QStringLiteral("u0@x")), 0);
        QCOMPARE(throttle.accountFailures(QStringLiteral("u4999@x")), 1);
    }

    void concurrentFailuresAreAllCounted()
    {
        LoginThrottle throttle(1000000, 900);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&throttle] {
                for (int i = 0; i < 500; ++i) {
                    throttle.recordFailure(QStringLiteral("ada@example.com"),
                                           QStringLiteral("192.0.2.1"));
                    throttle.check(QStringLiteral("ada@example.com"), QStringLiteral("192.0.2.1"));
                }
            });
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(throttle.accountFailures(kAda), 2000);
        QCOMPARE(throttle.addressFailures(kIp), 2000);
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
