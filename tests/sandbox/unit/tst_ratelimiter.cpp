#include "http/RateLimiter.h"

#include <QtTest>

using plexe::sandbox::RateLimiter;

class TestRateLimiter : public QObject
{
    Q_OBJECT
private slots:
    void allowsUpToTheLimitThenGivesRetryAfter()
    {
        RateLimiter limiter(3, 60);
        QVERIFY(!limiter.acquire("a", 1000));
        QVERIFY(!limiter.acquire("a", 1010));
        QVERIFY(!limiter.acquire("a", 1020));
        const auto retry = limiter.acquire("a", 1030);
        QVERIFY(retry);
        QCOMPARE(*retry, 30); // the event at 1000 leaves the window at 1060
    }
    void windowSlides()
    {
        RateLimiter limiter(2, 60);
        QVERIFY(!limiter.acquire("a", 0));
        QVERIFY(!limiter.acquire("a", 30));
        QVERIFY(limiter.acquire("a", 59));
        QVERIFY(!limiter.acquire("a", 60)); // the first event left
        QVERIFY(limiter.acquire("a", 61));
    }
    void refusedRequestsDoNotCount()
    {
        RateLimiter limiter(1, 10);
        QVERIFY(!limiter.acquire("a", 0));
        for (int t = 1; t < 10; ++t)
            QVERIFY(limiter.acquire("a", t));
        QVERIFY(!limiter.acquire("a", 10));
    }
    void keysAreIndependent()
    {
        RateLimiter limiter(1, 60);
        QVERIFY(!limiter.acquire("a", 0));
        QVERIFY(!limiter.acquire("b", 0));
        QVERIFY(limiter.acquire("a", 0));
    }
    void retryAfterIsAtLeastOneSecond()
    {
        RateLimiter limiter(1, 60);
        QVERIFY(!limiter.acquire("a", 0));
        QCOMPARE(*limiter.acquire("a", 59), 1);
    }
    void zeroMeansOff()
    {
        RateLimiter limiter(0, 60);
        QVERIFY(!limiter.enabled());
        for (int i = 0; i < 1000; ++i)
            QVERIFY(!limiter.acquire("a", 0));
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
