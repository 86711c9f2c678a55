// LogTableModel: QAbstractItemModelTester, cells and header, time zones across the DST edges,
// rows added at the top by a tail, copy row, and the rows dropped with the store (B17).
#include "LogFixtures.h"
#include "logs/LogFormat.h"
#include "logs/LogStore.h"
#include "logs/LogTableModel.h"
#include "logs/QueryEngine.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace plexe;
using namespace plexe::test;

namespace {

LogQueryResultPtr query(LogStore &store, const LogQuery &q = {})
{
    auto r = QueryEngine::evaluate(store.table(), q);
    return std::make_shared<const LogQueryResult>(std::move(*r));
}

QString cell(const LogTableModel &m, int row, LogColumn c)
{
    return m.data(m.index(row, int(c))).toString();
}

} // namespace

class TestLogTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tester()
    {
        LogStore store;
        store.ingest(fixturePage(1, 300), store.epoch());
        LogTableModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setResult(query(store));
        QCOMPARE(model.rowCount(), 300);
        QCOMPARE(model.columnCount(), int(LogColumn::Count));
        LogQuery failures;
        failures.outcome = LogQuery::Outcome::Failure;
        model.setResult(query(store, failures));
        QVERIFY(model.rowCount() > 0 && model.rowCount() < 300);
        // A tail: newer rows arrive and the same query runs again.
        store.ingest(fixturePage(301, 340), store.epoch());
        model.setResult(query(store, failures));
        model.setUtc(true);
        model.setUtc(false);
        store.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void cells()
    {
        LogStore store;
        AccessEvent e = fixtureEvent(1);
        e.event = QStringLiteral("api_key.rejected");
        e.outcome = QStringLiteral("failure");
        e.actor = QStringLiteral("eve\u202Eevil@example.com"); // a bidi override from the server
        e.keyId = QStringLiteral("key_9");
        e.keyPrefix = QStringLiteral("plx_sk_9f3a");
        e.ip = QStringLiteral("203.0.113.7");
        e.method = QStringLiteral("GET");
        e.path = QStringLiteral("/models");
        e.status = 401;
        e.errorCode = QStringLiteral("revoked_key");
        e.userAgent = QStringLiteral("curl/7.88.1");
        e.timestamp = QDateTime(QDate(2026, 1, 15), QTime(12, 0), Qt::UTC);
        store.ingest({e}, store.epoch());
        LogTableModel model(&store);
        model.setUtc(true);
        model.setResult(query(store));
        QCOMPARE(cell(model, 0, LogColumn::Time), QStringLiteral("2026-01-15 12:00:00"));
        QCOMPARE(cell(model, 0, LogColumn::Event), QStringLiteral("api_key.rejected"));
        QCOMPARE(cell(model, 0, LogColumn::Outcome), QStringLiteral("Failure"));
        QVERIFY(!cell(model, 0, LogColumn::Actor).contains(QChar(0x202E)));
        QCOMPARE(cell(model, 0, LogColumn::Key), QStringLiteral("plx_sk_9f3a"));
        QCOMPARE(cell(model, 0, LogColumn::Ip), QStringLiteral("203.0.113.7"));
        QCOMPARE(cell(model, 0, LogColumn::Request), QStringLiteral("GET /models"));
        QCOMPARE(cell(model, 0, LogColumn::Status), QStringLiteral("401"));
        QCOMPARE(cell(model, 0, LogColumn::ErrorCode), QStringLiteral("revoked_key"));
        QVERIFY(model.data(model.index(0, int(LogColumn::Key)), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("key_9")));
        QCOMPARE(model.data(model.index(0, 0), LogTableModel::EventIdRole).toString(),
                 QStringLiteral("1"));
        QCOMPARE(model.data(model.index(0, 0), LogTableModel::OutcomeRole).toString(),
                 QStringLiteral("failure"));
        QCOMPARE(model.data(model.index(0, 0), LogTableModel::TimestampRole).toDateTime(),
                 e.timestamp);
        const QStringList row = model.rowText(0).split(QLatin1Char('\t'));
        QCOMPARE(row.size(), int(LogColumn::Count));
        QCOMPARE(row.at(int(LogColumn::Request)), QStringLiteral("GET /models"));
        QCOMPARE(row.at(int(LogColumn::Time)), QStringLiteral("2026-01-15 12:00:00"));
        QVERIFY(model.rowText(5).isEmpty());
    }

    void timeZones_data()
    {
        QTest::addColumn<QDateTime>("utc");
        QTest::addColumn<QString>("berlin");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("iso");
        // Spring forward in Europe/Berlin: 2026-03-29 01:00 UTC, 02:00 CET becomes 03:00 CEST.
        QTest::newRow("before spring")
            << QDateTime(QDate(2026, 3, 29), QTime(0, 59, 59), Qt::UTC)
            << QStringLiteral("2026-03-29 01:59:59") << QStringLiteral("CET")
            << QStringLiteral("2026-03-29T01:59:59.000+01:00");
        QTest::newRow("after spring")
            << QDateTime(QDate(2026, 3, 29), QTime(1, 0, 0), Qt::UTC)
            << QStringLiteral("2026-03-29 03:00:00") << QStringLiteral("CEST")
            << QStringLiteral("2026-03-29T03:00:00.000+02:00");
        // Fall back: 2026-10-25 01:00 UTC, 03:00 CEST becomes 02:00 CET (02:xx happens twice).
        QTest::newRow("first 02:30")
            << QDateTime(QDate(2026, 10, 25), QTime(0, 30), Qt::UTC)
            << QStringLiteral("2026-10-25 02:30:00") << QStringLiteral("CEST")
            << QStringLiteral("2026-10-25T02:30:00.000+02:00");
        QTest::newRow("second 02:30")
            << QDateTime(QDate(2026, 10, 25), QTime(1, 30), Qt::UTC)
            << QStringLiteral("2026-10-25 02:30:00") << QStringLiteral("CET")
            << QStringLiteral("2026-10-25T02:30:00.000+01:00");
    }

    void timeZones()
    {
        QFETCH(QDateTime, utc);
        QFETCH(QString, berlin);
        QFETCH(QString, zone);
        QFETCH(QString, iso);
        const QTimeZone tz("Europe/Berlin");
        QVERIFY(tz.isValid());
        const qint64 ms = utc.toMSecsSinceEpoch();
        QCOMPARE(LogFormat::time(ms, tz), berlin);
        QCOMPARE(LogFormat::zoneName(tz, ms), zone);
        QCOMPARE(LogFormat::isoTime(ms, tz), iso);
        QCOMPARE(LogFormat::time(ms, QTimeZone::utc()),
                 utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(LogFormat::isoTime(ms, QTimeZone::utc()),
                 utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QLatin1Char('Z'));

        // The model: the same instant, and the order stays by instant across the repeated hour.
        LogStore store;
        AccessEvent a = fixtureEvent(1);
        a.timestamp = utc;
        AccessEvent b = fixtureEvent(2);
        b.timestamp = utc.addSecs(3600);
        store.ingest({a, b}, store.epoch());
        LogTableModel model(&store);
        model.setTimeZone(tz);
        model.setResult(query(store));
        QCOMPARE(cell(model, 1, LogColumn::Time), berlin);
        QCOMPARE(model.data(model.index(1, 0), Qt::ToolTipRole).toString(), iso);
        QCOMPARE(model.data(model.index(0, 0), LogTableModel::SortRole).toLongLong(),
                 ms + 3600 * 1000);
    }

    void headerNamesTheZone()
    {
        LogStore store;
        LogTableModel model(&store);
        QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
        model.setUtc(true);
        QVERIFY(model.isUtc());
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Time (UTC)"));
        QCOMPARE(header.size(), 1);
        model.setTimeZone(QTimeZone("Europe/Berlin"));
        const QString title = model.headerData(0, Qt::Horizontal).toString();
        QVERIFY2(title == QStringLiteral("Time (CET)") || title == QStringLiteral("Time (CEST)"),
                 qPrintable(title));
        QCOMPARE(model.headerData(int(LogColumn::Request), Qt::Horizontal).toString(),
                 QStringLiteral("Request"));
    }

    void tailInsertsAtTheTop()
    {
        LogStore store;
        store.ingest(fixturePage(1, 100), store.epoch());
        LogTableModel model(&store);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(query(store));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy prepended(&model, &LogTableModel::rowsPrependedAtTop);
        store.ingest(fixturePage(101, 105), store.epoch());
        model.setResult(query(store));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 4);
        QCOMPARE(prepended.first().first().toInt(), 5);
        QCOMPARE(model.data(model.index(0, 0), LogTableModel::EventIdRole).toString(),
                 QStringLiteral("105"));
        // Another query: a reset.
        LogQuery q;
        q.outcome = LogQuery::Outcome::Success;
        model.setResult(query(store, q));
        QCOMPARE(reset.size(), 1);
    }

    void resultOfClearedRowsIsIgnored()
    {
        LogStore store;
        store.ingest(fixturePage(1, 10), store.epoch());
        LogTableModel model(&store);
        const LogQueryResultPtr old = query(store);
        store.clear();
        model.setResult(old);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLogTableModel)
#include "tst_logtablemodel.moc"
