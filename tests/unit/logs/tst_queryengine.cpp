// QueryEngine: every filter alone and combined against a plain reference, sort orders, the
// histogram's buckets, server-side filters, and cancellation of a stale query.
#include "LogFixtures.h"
#include "logs/LogStore.h"
#include "logs/LogTable.h"
#include "logs/QueryEngine.h"

#include <QSignalSpy>
#include <QTest>

using namespace plexe;
using namespace plexe::test;

Q_DECLARE_METATYPE(plexe::LogQuery)

namespace {

constexpr qint64 kEvents = 3000;
const QDateTime kStart = QDateTime::fromSecsSinceEpoch(1767225600, Qt::UTC); // event 1

// The query's meaning, spelled out plainly over the decoded events.
bool reference(const AccessEvent &e, const LogQuery &q)
{
    if (q.since.isValid() && e.timestamp < q.since)
        return false;
    if (q.until.isValid() && e.timestamp >= q.until)
        return false;
    if (!q.events.isEmpty() && !q.events.contains(e.event))
        return false;
    if (q.outcome == LogQuery::Outcome::Success && e.outcome != QLatin1String("success"))
        return false;
    if (q.outcome == LogQuery::Outcome::Failure && e.outcome == QLatin1String("success"))
        return false;
    if (!q.keyId.isEmpty()) {
        const bool prefix = q.keyId.startsWith(QLatin1String("plx_"));
        if (prefix ? !(!e.keyPrefix.isEmpty() && e.keyPrefix.startsWith(q.keyId))
                   : e.keyId != q.keyId)
            return false;
    }
    if (!q.actor.isEmpty() && e.actor.compare(q.actor, Qt::CaseInsensitive) != 0)
        return false;
    if (!q.ip.isEmpty()) {
        if (q.ip.endsWith(QLatin1Char('*')) ? !e.ip.startsWith(q.ip.chopped(1)) : e.ip != q.ip)
            return false;
    }
    if (!q.text.isEmpty()) {
        const QStringList fields = {e.event,
                                    e.outcome,
                                    e.actor,
                                    e.keyId,
                                    e.keyPrefix,
                                    e.ip,
                                    e.userAgent,
                                    e.method,
                                    e.path,
                                    e.errorCode,
                                    QString::number(e.status)};
        bool any = false;
        for (const QString &f : fields)
            any = any || f.contains(q.text, Qt::CaseInsensitive);
        if (!any)
            return false;
    }
    return true;
}

QStringList expectedIds(const LogQuery &q)
{
    QStringList ids;
    for (qint64 id = kEvents; id >= 1; --id) {
        if (reference(fixtureEvent(id), q))
            ids << QString::number(id);
    }
    return ids;
}

QStringList ids(const LogQueryResult &r)
{
    QStringList out;
    for (quint32 row : r.rows)
        out << r.table->id(row);
    return out;
}

} // namespace

class TestQueryEngine : public QObject
{
    Q_OBJECT

    std::shared_ptr<LogTable> m_table;

    LogQueryResult evaluate(const LogQuery &q)
    {
        auto r = QueryEngine::evaluate(m_table, q);
        if (!r)
            qFatal("not cancelled, so a result was expected");
        return *r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_table = std::make_shared<LogTable>();
        // Loaded out of order, as a load racing a tail would.
        m_table->append(fixturePage(2001, kEvents));
        m_table->append(fixturePage(1, 1000));
        m_table->append(fixturePage(901, 2100));
        QCOMPARE(m_table->size(), quint32(kEvents));
    }

    void filters_data()
    {
        QTest::addColumn<LogQuery>("query");
        const auto add = [](const char *name, const std::function<void(LogQuery &)> &set) {
            LogQuery q;
            set(q);
            QTest::newRow(name) << q;
        };
        add("none", [](LogQuery &) {});
        add("since", [](LogQuery &q) { q.since = kStart.addSecs(60 * 1000); });
        add("until", [](LogQuery &q) { q.until = kStart.addSecs(60 * 500 + 30); });
        add("range", [](LogQuery &q) {
            q.since = kStart.addSecs(60 * 100);
            q.until = kStart.addSecs(60 * 200);
        });
        add("empty range", [](LogQuery &q) {
            q.since = kStart.addYears(1);
            q.until = kStart.addYears(2);
        });
        add("event", [](LogQuery &q) { q.events = {QStringLiteral("auth.login_failed")}; });
        add("events", [](LogQuery &q) {
            q.events = {QStringLiteral("auth.login"), QStringLiteral("api_key.rejected")};
        });
        add("unknown event", [](LogQuery &q) { q.events = {QStringLiteral("auth.nothing")}; });
        add("success", [](LogQuery &q) { q.outcome = LogQuery::Outcome::Success; });
        add("failure", [](LogQuery &q) { q.outcome = LogQuery::Outcome::Failure; });
        add("key", [](LogQuery &q) { q.keyId = QStringLiteral("key_2"); });
        add("key prefix", [](LogQuery &q) { q.keyId = QStringLiteral("plx_sk_1"); });
        add("unknown key", [](LogQuery &q) { q.keyId = QStringLiteral("key_99"); });
        add("actor", [](LogQuery &q) { q.actor = QStringLiteral("mallory@EXAMPLE.com"); });
        add("ip", [](LogQuery &q) { q.ip = QStringLiteral("203.0.113.7"); });
        add("ip prefix", [](LogQuery &q) { q.ip = QStringLiteral("203.0.113.*"); });
        add("text path", [](LogQuery &q) { q.text = QStringLiteral("FRAUD"); });
        add("text agent", [](LogQuery &q) { q.text = QStringLiteral("python"); });
        add("text error", [](LogQuery &q) { q.text = QStringLiteral("revoked"); });
        add("text actor", [](LogQuery &q) { q.text = QStringLiteral("mallory"); });
        add("text status", [](LogQuery &q) { q.text = QStringLiteral("404"); });
        add("text nothing", [](LogQuery &q) { q.text = QStringLiteral("zzz-nowhere"); });
        add("event+outcome+range", [](LogQuery &q) {
            q.events = {QStringLiteral("api_key.used")};
            q.outcome = LogQuery::Outcome::Failure;
            q.since = kStart.addSecs(60 * 700);
            q.until = kStart.addSecs(60 * 2500);
        });
        add("key+ip+text", [](LogQuery &q) {
            q.keyId = QStringLiteral("key_1");
            q.ip = QStringLiteral("198.51.100.23");
            q.text = QStringLiteral("curl");
        });
        add("actor+failure+event", [](LogQuery &q) {
            q.actor = QStringLiteral("demo@plexe.invalid");
            q.outcome = LogQuery::Outcome::Failure;
            q.events = {QStringLiteral("auth.login_failed"), QStringLiteral("api_key.used")};
        });
        add("everything", [](LogQuery &q) {
            q.since = kStart.addSecs(60 * 10);
            q.until = kStart.addSecs(60 * 2990);
            q.events = {QStringLiteral("api_key.used"), QStringLiteral("api_key.rejected")};
            q.outcome = LogQuery::Outcome::Failure;
            q.keyId = QStringLiteral("key_3");
            q.actor = QStringLiteral("ops@plexe.invalid");
            q.ip = QStringLiteral("203.0.113.*");
            q.text = QStringLiteral("o");
        });
    }

    void filters()
    {
        QFETCH(LogQuery, query);
        const LogQueryResult r = evaluate(query);
        const QStringList expected = expectedIds(query);
        QCOMPARE(ids(r), expected);
        if (QByteArray(QTest::currentDataTag()) != "empty range" &&
            QByteArray(QTest::currentDataTag()) != "unknown key")
            QVERIFY2(!expected.isEmpty() ||
                         QByteArray(QTest::currentDataTag()).contains("nothing") ||
                         QByteArray(QTest::currentDataTag()) == "unknown event",
                     "the fixture should match something");
        // The histogram counts exactly the matches, split by outcome.
        quint32 successes = 0, failures = 0;
        for (int i = 0; i < r.histogram.bucketCount(); ++i) {
            successes += r.histogram.successes.at(i);
            failures += r.histogram.failures.at(i);
        }
        QCOMPARE(successes + failures, quint32(expected.size()));
        // Ascending is the same rows reversed.
        LogQuery asc = query;
        asc.sortOrder = Qt::AscendingOrder;
        QStringList reversed = expected;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(ids(evaluate(asc)), reversed);
    }

    void sortByColumns()
    {
        for (int c = 1; c < int(LogColumn::Count); ++c) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                LogQuery q;
                q.sortColumn = LogColumn(c);
                q.sortOrder = order;
                const LogQueryResult r = evaluate(q);
                QCOMPARE(r.rows.size(), size_t(kEvents));
                const auto key = [&](quint32 row) -> QString {
                    const LogTable &t = *r.table;
                    using T = LogTable::Text;
                    switch (LogColumn(c)) {
                    case LogColumn::Event:
                        return t.text(row, T::Event);
                    case LogColumn::Outcome:
                        return t.text(row, T::Outcome);
                    case LogColumn::Actor:
                        return t.text(row, T::Actor).toLower();
                    case LogColumn::Key:
                        return t.text(row, T::KeyPrefix) + QChar(1) + t.text(row, T::KeyId);
                    case LogColumn::Ip:
                        return t.text(row, T::Ip);
                    case LogColumn::Request:
                        return t.text(row, T::Method) + QLatin1Char(' ') + t.text(row, T::Path);
                    case LogColumn::Status:
                        return QStringLiteral("%1").arg(t.status(row), 5, 10, QLatin1Char('0'));
                    case LogColumn::ErrorCode:
                        return t.text(row, T::ErrorCode);
                    default:
                        return {};
                    }
                };
                for (size_t i = 1; i < r.rows.size(); ++i) {
                    const QString a = key(r.rows[i - 1]), b = key(r.rows[i]);
                    const int cmp = a.compare(b, Qt::CaseInsensitive);
                    QVERIFY2(
                        order == Qt::AscendingOrder ? cmp <= 0 : cmp >= 0,
                        qPrintable(
                            QStringLiteral("column %1 row %2: %3 / %4").arg(c).arg(i).arg(a, b)));
                    // Ties stay newest first.
                    if (cmp == 0)
                        QVERIFY(r.table->timestampMs(r.rows[i - 1]) >=
                                r.table->timestampMs(r.rows[i]));
                }
            }
        }
    }

    void histogramBucketsFollowTheRange_data()
    {
        QTest::addColumn<qint64>("rangeSecs");
        QTest::addColumn<qint64>("bucketSecs");
        QTest::newRow("1 h") << qint64(3600) << qint64(60);
        QTest::newRow("24 h") << qint64(86400) << qint64(900);
        QTest::newRow("7 d") << qint64(7 * 86400) << qint64(3600);
        QTest::newRow("30 d") << qint64(30 * 86400) << qint64(86400);
        QTest::newRow("90 d") << qint64(90 * 86400) << qint64(86400);
    }

    void histogramBucketsFollowTheRange()
    {
        QFETCH(qint64, rangeSecs);
        QFETCH(qint64, bucketSecs);
        QCOMPARE(LogHistogram::bucketSecondsFor(rangeSecs), bucketSecs);
        LogQuery q;
        q.until = kStart.addSecs(60 * kEvents);
        q.since = q.until.addSecs(-rangeSecs);
        const LogQueryResult r = evaluate(q);
        QCOMPARE(r.histogram.bucketSeconds, bucketSecs);
        QVERIFY(r.histogram.start <= q.since);
        QVERIFY(r.histogram.bucketEnd(r.histogram.bucketCount() - 1) >= q.until);
        QVERIFY(r.histogram.bucketCount() <= rangeSecs / bucketSecs + 1);
        // Each match is counted in the bucket that holds its time.
        for (quint32 row : r.rows) {
            const int b = r.histogram.bucketOf(r.table->timestampMs(row));
            QVERIFY(b >= 0);
            QVERIFY(r.histogram.bucketStart(b).toMSecsSinceEpoch() <= r.table->timestampMs(row));
            QVERIFY(r.histogram.bucketEnd(b).toMSecsSinceEpoch() > r.table->timestampMs(row));
        }
    }

    void serverFilters()
    {
        LogQuery q;
        q.since = kStart;
        q.events = {QStringLiteral("auth.login")};
        q.outcome = LogQuery::Outcome::Failure;
        q.ip = QStringLiteral("203.0.113.*"); // a prefix: local only
        q.keyId = QStringLiteral("key_1");
        q.text = QStringLiteral("curl");
        QCOMPARE(q.activeFields(), LogQuery::Since | LogQuery::Events | LogQuery::OutcomeField |
                                       LogQuery::Ip | LogQuery::Key | LogQuery::Text);
        QCOMPARE(q.serverCapableFields(), LogQuery::Since | LogQuery::Events |
                                              LogQuery::OutcomeField | LogQuery::Key |
                                              LogQuery::Text);
        const AccessLogFilters f = q.serverFilters();
        QCOMPARE(f.since, kStart);
        QCOMPARE(f.events, QStringList{QStringLiteral("auth.login")});
        QCOMPARE(f.outcome, QStringLiteral("failure"));
        QVERIFY(f.ip.isEmpty());
        QCOMPARE(f.keyId, QStringLiteral("key_1"));
        QCOMPARE(f.q, QStringLiteral("curl"));
        const AccessLogFilters some = q.serverFilters(LogQuery::Since | LogQuery::Events);
        QVERIFY(some.outcome.isEmpty() && some.q.isEmpty() && some.keyId.isEmpty());
        QUrlQuery url;
        f.addTo(&url);
        QCOMPARE(url.queryItemValue(QStringLiteral("since")),
                 QStringLiteral("2026-01-01T00:00:00.000Z"));
        QCOMPARE(url.queryItemValue(QStringLiteral("outcome")), QStringLiteral("failure"));
        QVERIFY(!url.hasQueryItem(QStringLiteral("ip")));
        QVERIFY(LogQuery::fieldNames(LogQuery::Ip | LogQuery::Text)
                    .contains(QStringLiteral("IP address")));
    }

    void staleEvaluationStops()
    {
        std::atomic<quint64> current{2};
        LogQuery q;
        q.text = QStringLiteral("curl");
        QVERIFY(!QueryEngine::evaluate(m_table, q, &current, 1).has_value());
        QVERIFY(QueryEngine::evaluate(m_table, q, &current, 2).has_value());
    }

    void newerQueryCancelsTheStaleOne()
    {
        LogStore store;
        for (qint64 first = 1; first <= 200000; first += 1000)
            store.ingest(fixturePage(first, first + 999), store.epoch());
        QueryEngine engine(&store);
        QSignalSpy ready(&engine, &QueryEngine::resultReady);
        QSignalSpy cancelled(&engine, &QueryEngine::queryCancelled);
        LogQuery slow;
        slow.text = QStringLiteral("e"); // matches nearly everything
        slow.sortColumn = LogColumn::Actor;
        LogQuery fast;
        fast.keyId = QStringLiteral("key_2");
        const quint64 first = engine.run(slow);
        const quint64 second = engine.run(fast);
        QVERIFY(second > first);
        QVERIFY(engine.isRunning());
        QVERIFY(ready.wait(10000));
        QCOMPARE(ready.size(), 1);
        const auto result = ready.first().first().value<LogQueryResultPtr>();
        QCOMPARE(result->generation, second);
        QCOMPARE(result->query, fast);
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(cancelled.first().first().toULongLong(), first);
        QTRY_VERIFY(!engine.isRunning());
        QCOMPARE(engine.lastResult(), result);
    }

    void clearDropsTheResult()
    {
        LogStore store;
        store.ingest(fixturePage(1, 100), store.epoch());
        QueryEngine engine(&store);
        QSignalSpy ready(&engine, &QueryEngine::resultReady);
        QSignalSpy cancelled(&engine, &QueryEngine::queryCancelled);
        engine.run(LogQuery());
        store.clear(); // before the result arrives: it is for rows that are gone
        QVERIFY(cancelled.wait(5000));
        QCOMPARE(ready.size(), 0);
        QVERIFY(!engine.lastResult());
        engine.run(LogQuery());
        QVERIFY(ready.wait(5000));
        QCOMPARE(ready.last().first().value<LogQueryResultPtr>()->rows.size(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestQueryEngine)
#include "tst_queryengine.moc"
