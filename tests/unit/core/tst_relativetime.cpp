// RelativeTime: the cells' relative dates ("3 min ago", "in 29 days", "Never") and the
// tooltips' absolute ones.
#include "core/RelativeTime.h"

#include <QtTest>

using namespace plexe;

class TestRelativeTime : public QObject
{
    Q_OBJECT

private slots:
    void format_data()
    {
        QTest::addColumn<qint64>("offset"); // seconds from now
        QTest::addColumn<QString>("text");
        QTest::newRow("now") << qint64(0) << QStringLiteral("just now");
        QTest::newRow("soon") << qint64(10) << QStringLiteral("in a few seconds");
        QTest::newRow("3 min ago") << qint64(-180) << QStringLiteral("3 min ago");
        QTest::newRow("in 2 h") << qint64(7200) << QStringLiteral("in 2 h");
        QTest::newRow("yesterday") << qint64(-86400) << QStringLiteral("yesterday");
        QTest::newRow("in 29 days") << qint64(29 * 86400) << QStringLiteral("in 29 days");
        QTest::newRow("a year ago") << qint64(-400 * 86400) << QStringLiteral("a year ago");
        QTest::newRow("3 years") << qint64(3 * 366 * 86400) << QStringLiteral("in 3 years");
    }

    void format()
    {
        QFETCH(qint64, offset);
        QFETCH(QString, text);
        const QDateTime now(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
        QCOMPARE(RelativeTime::format(now.addSecs(offset), now), text);
    }

    void neverForNull()
    {
        QCOMPARE(RelativeTime::format(QDateTime(), QDateTime::currentDateTimeUtc()),
                 QStringLiteral("Never"));
        QCOMPARE(RelativeTime::absolute(QDateTime()), QStringLiteral("Never"));
    }

    void absoluteInUtc()
    {
        const QDateTime when(QDate(2026, 11, 27), QTime(7, 23, 5), Qt::UTC);
        QCOMPARE(RelativeTime::absolute(when, true), QStringLiteral("2026-11-27 07:23:05 UTC"));
    }
};

QTEST_GUILESS_MAIN(TestRelativeTime)
#include "tst_relativetime.moc"
