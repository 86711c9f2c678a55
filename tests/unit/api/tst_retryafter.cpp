// RetryAfter: delay-seconds, the three HTTP-date forms, garbage, the one-hour cap.
#include "api/RetryAfter.h"

#include <QTest>

using namespace plexe;

class TestRetryAfter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
};

void TestRetryAfter::parse_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedMs"); // -1: nullopt

    QTest::newRow("seconds") << QByteArray("120") << qint64(120000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("spaces") << QByteArray("  7 ") << qint64(7000);
    QTest::newRow("cap seconds") << QByteArray("86400") << qint64(3600000);
    QTest::newRow("huge seconds") << QByteArray("99999999999999999999999") << qint64(3600000);
    QTest::newRow("imf-fixdate +90s")
        << QByteArray("Sun, 06 Nov 1994 08:50:30 GMT") << qint64(90000);
    QTest::newRow("rfc850 +90s") << QByteArray("Sunday, 06-Nov-94 08:50:30 GMT") << qint64(90000);
    QTest::newRow("asctime +90s") << QByteArray("Sun Nov  6 08:50:30 1994") << qint64(90000);
    QTest::newRow("date in the past") << QByteArray("Sun, 06 Nov 1994 08:00:00 GMT") << qint64(0);
    QTest::newRow("date cap") << QByteArray("Mon, 07 Nov 1994 08:49:00 GMT") << qint64(3600000);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("bad date") << QByteArray("Sun, 32 Nov 1994 08:49:37 GMT") << qint64(-1);
    QTest::newRow("binary") << QByteArray("\x00\xff\x10", 3) << qint64(-1);
}

void TestRetryAfter::parse()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedMs);
    const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 0), Qt::UTC);
    const std::optional<qint64> ms = RetryAfter::parse(value, now);
    if (expectedMs < 0) {
        QVERIFY(!ms.has_value());
    } else {
        QVERIFY(ms.has_value());
        QCOMPARE(*ms, expectedMs);
    }
}

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "tst_retryafter.moc"
