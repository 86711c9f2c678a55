#include "logs/QueryEngine.h"

#include "core/ThreadHandoff.h"
#include "logs/LogStore.h"
#include "logs/LogTable.h"

#include <QElapsedTimer>

#include <algorithm>

namespace plexe {

namespace {

using Text = LogTable::Text;

// What each distinct string of the pool satisfies; one byte per string, computed once per
// query, so that a row is tested with a few table lookups instead of string comparisons.
enum Bit : quint8 {
    EventBit = 0x01,
    KeyBit = 0x02,
    ActorBit = 0x04,
    IpBit = 0x08,
    TextBit = 0x10,
    SuccessBit = 0x20,
};

constexpr quint32 kCheckEvery = 8192; // rows between two looks at the generation

struct Matcher
{
    std::vector<quint8> bits; // per pool id
    quint8 need = 0;          // the bits a row must have (one of its columns each)
    LogQuery::Outcome outcome = LogQuery::Outcome::Any;
    bool text = false;
    quint16 textColumns = 0;      // the columns a matching string was ever in
    bool statusMayMatch = false;  // some status code's digits contain the text
    std::vector<bool> statusText; // status codes whose digits contain the text

    Matcher(const LogStringPool &pool, const LogQuery &q)
    {
        const quint32 n = pool.count();
        bits.assign(n, 0);
        const bool keyPrefix = q.keyId.startsWith(QLatin1String("plx_"));
        const bool ipPrefix = q.ip.endsWith(QLatin1Char('*'));
        const QString ip = ipPrefix ? q.ip.chopped(1) : q.ip;
        for (quint32 id = 0; id < n; ++id) {
            const QString &s = pool.at(id);
            quint8 b = 0;
            if (!q.events.isEmpty() && q.events.contains(s))
                b |= EventBit;
            if (!q.keyId.isEmpty() &&
                (keyPrefix ? !s.isEmpty() && s.startsWith(q.keyId) : s == q.keyId))
                b |= KeyBit;
            if (!q.actor.isEmpty() && s.compare(q.actor, Qt::CaseInsensitive) == 0)
                b |= ActorBit;
            if (!q.ip.isEmpty() && (ipPrefix ? s.startsWith(ip) && !s.isEmpty() : s == ip))
                b |= IpBit;
            if (!q.text.isEmpty() && s.contains(q.text, Qt::CaseInsensitive)) {
                b |= TextBit;
                textColumns |= pool.columns(id);
            }
            if (s == QLatin1String("success"))
                b |= SuccessBit;
            bits[id] = b;
        }
        if (!q.events.isEmpty())
            need |= EventBit;
        if (!q.keyId.isEmpty())
            need |= KeyBit;
        if (!q.actor.isEmpty())
            need |= ActorBit;
        if (!q.ip.isEmpty())
            need |= IpBit;
        outcome = q.outcome;
        text = !q.text.isEmpty();
        if (text) {
            statusText.assign(1000, false);
            for (int s = 0; s < 1000; ++s) {
                statusText[size_t(s)] = QString::number(s).contains(q.text);
                statusMayMatch = statusMayMatch || statusText[size_t(s)];
            }
        }
    }

    bool matches(const LogTable &t, quint32 row) const
    {
        if ((need & EventBit) && !(bits[t.textId(row, Text::Event)] & EventBit))
            return false;
        if (outcome != LogQuery::Outcome::Any) {
            const bool success = bits[t.textId(row, Text::Outcome)] & SuccessBit;
            if (success != (outcome == LogQuery::Outcome::Success))
                return false;
        }
        if ((need & KeyBit) && !(bits[t.textId(row, Text::KeyId)] & KeyBit) &&
            !(bits[t.textId(row, Text::KeyPrefix)] & KeyBit))
            return false;
        if ((need & ActorBit) && !(bits[t.textId(row, Text::Actor)] & ActorBit))
            return false;
        if ((need & IpBit) && !(bits[t.textId(row, Text::Ip)] & IpBit))
            return false;
        if (text) {
            // Only the columns where a matching string occurs at all (usually one or two).
            for (int c = 0; c < LogTable::kTextCount; ++c) {
                if ((textColumns & (1u << c)) && (bits[t.textId(row, Text(c))] & TextBit))
                    return true;
            }
            if (!statusMayMatch)
                return false;
            const int status = t.status(row);
            return status < 1000 && statusText[size_t(status)];
        }
        return true;
    }
};

// Stable counting sort of `rows` by key(row) in [0, keys): rows of one key keep their order.
template <typename Key>
void countingSort(std::vector<quint32> &rows, quint32 keys, Key key, bool descending)
{
    std::vector<quint32> count(size_t(keys) + 1, 0);
    for (quint32 r : rows)
        ++count[descending ? keys - 1 - key(r) + 1 : key(r) + 1];
    for (size_t k = 1; k < count.size(); ++k)
        count[k] += count[k - 1];
    std::vector<quint32> out(rows.size());
    for (quint32 r : rows)
        out[count[descending ? keys - 1 - key(r) : key(r)]++] = r;
    rows.swap(out);
}

// Ranks of the strings of one column among `rows`, in text order (case-insensitive first).
std::vector<quint32> ranks(const LogTable &t, const std::vector<quint32> &rows, Text column,
                           quint32 *distinct)
{
    const LogStringPool &pool = t.strings();
    std::vector<quint32> rank(pool.count(), 0);
    std::vector<quint32> used;
    std::vector<char> seen(pool.count(), 0);
    for (quint32 r : rows) {
        const quint32 id = t.textId(r, column);
        if (!seen[id]) {
            seen[id] = 1;
            used.push_back(id);
        }
    }
    std::sort(used.begin(), used.end(), [&pool](quint32 a, quint32 b) {
        const int c = pool.at(a).compare(pool.at(b), Qt::CaseInsensitive);
        return c != 0 ? c < 0 : pool.at(a) < pool.at(b);
    });
    for (quint32 i = 0; i < used.size(); ++i)
        rank[used[i]] = i;
    *distinct = quint32(used.size());
    return rank;
}

void sortByText(const LogTable &t, std::vector<quint32> &rows, Text column, bool descending)
{
    quint32 distinct = 0;
    const std::vector<quint32> rank = ranks(t, rows, column, &distinct);
    countingSort(
        rows, std::max<quint32>(distinct, 1), [&](quint32 r) { return rank[t.textId(r, column)]; },
        descending);
}

// Rows arrive newest first; every other order is a stable sort on top of that, so rows that
// tie stay newest first.
void sortRows(const LogTable &t, std::vector<quint32> &rows, LogColumn column, Qt::SortOrder order)
{
    const bool desc = order == Qt::DescendingOrder;
    switch (column) {
    case LogColumn::Time:
    case LogColumn::Count:
        if (!desc)
            std::reverse(rows.begin(), rows.end());
        return;
    case LogColumn::Event:
        return sortByText(t, rows, Text::Event, desc);
    case LogColumn::Outcome:
        return sortByText(t, rows, Text::Outcome, desc);
    case LogColumn::Actor:
        return sortByText(t, rows, Text::Actor, desc);
    case LogColumn::Key:
        sortByText(t, rows, Text::KeyId, desc);
        return sortByText(t, rows, Text::KeyPrefix, desc);
    case LogColumn::Ip:
        return sortByText(t, rows, Text::Ip, desc);
    case LogColumn::Request:
        sortByText(t, rows, Text::Path, desc);
        return sortByText(t, rows, Text::Method, desc);
    case LogColumn::Status:
        return countingSort(
            rows, 65536, [&t](quint32 r) { return quint32(t.status(r)); }, desc);
    case LogColumn::ErrorCode:
        return sortByText(t, rows, Text::ErrorCode, desc);
    }
}

LogHistogram histogramOf(const LogTable &t, const LogQuery &q, const std::vector<quint32> &rows)
{
    qint64 first = q.since.isValid() ? q.since.toMSecsSinceEpoch() : 0;
    qint64 last = q.until.isValid() ? q.until.toMSecsSinceEpoch() : 0;
    if (!q.since.isValid() || !q.until.isValid()) {
        if (rows.empty())
            return {};
        qint64 lo = t.timestampMs(rows.front()), hi = lo;
        for (quint32 r : rows) {
            const qint64 ms = t.timestampMs(r);
            lo = std::min(lo, ms);
            hi = std::max(hi, ms);
        }
        if (!q.since.isValid())
            first = lo;
        if (!q.until.isValid())
            last = hi + 1;
    }
    LogHistogram h = LogHistogram::forRange(first, last);
    const LogStringPool &pool = t.strings();
    for (quint32 r : rows) {
        const int b = h.bucketOf(t.timestampMs(r));
        if (b < 0)
            continue;
        if (pool.at(t.textId(r, Text::Outcome)) == QLatin1String("success"))
            ++h.successes[b];
        else
            ++h.failures[b];
    }
    return h;
}

} // namespace

QueryEngine::QueryEngine(LogStore *store, QObject *parent) : QObject(parent), m_store(store)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(30000);
    connect(store, &LogStore::cleared, this, [this] {
        cancel();
        m_last.reset();
    });
}

QueryEngine::~QueryEngine()
{
    ++m_generation;
    m_pool.clear();
    m_pool.waitForDone();
}

quint64 QueryEngine::run(const LogQuery &query)
{
    const quint64 generation = ++m_generation;
    std::shared_ptr<const LogTable> table = m_store ? m_store->table() : nullptr;
    if (!table)
        return generation;
    // An older query still queued starts, sees it is stale at once, and reports so.
    ++m_running;
    QPointer<QueryEngine> self(this);
    ThreadHandoff::start(m_pool, [this, self, table, query, generation] {
        std::optional<LogQueryResult> r = evaluate(table, query, &m_generation, generation);
        std::shared_ptr<LogQueryResult> result =
            r ? std::make_shared<LogQueryResult>(std::move(*r)) : nullptr;
        ThreadHandoff::post(this, [this, generation, result] { deliver(generation, result); });
    });
    return generation;
}

void QueryEngine::cancel()
{
    ++m_generation;
}

void QueryEngine::deliver(quint64 generation, std::shared_ptr<LogQueryResult> result)
{
    --m_running;
    const bool stale = !result || generation != m_generation.load() || !m_store ||
                       result->table != m_store->table();
    if (stale) {
        emit queryCancelled(generation);
        return;
    }
    m_last = result;
    emit resultReady(result);
}

std::optional<LogQueryResult> QueryEngine::evaluate(const std::shared_ptr<const LogTable> &table,
                                                    const LogQuery &query,
                                                    const std::atomic<quint64> *current,
                                                    quint64 generation)
{
    QElapsedTimer timer;
    timer.start();
    const auto stale = [current, generation] {
        return current && current->load(std::memory_order_relaxed) != generation;
    };
    const LogTable &t = *table;
    const std::shared_ptr<const std::vector<quint32>> orderPtr = t.timeOrder();
    const std::vector<quint32> &order = *orderPtr;
    LogQueryResult result;
    result.generation = generation;
    result.query = query;
    result.table = table;
    result.scanned = quint32(order.size());

    // The order is newest first: the time range is one slice of it.
    size_t begin = 0, end = order.size();
    if (query.until.isValid()) {
        const qint64 until = query.until.toMSecsSinceEpoch();
        begin = size_t(std::partition_point(order.begin(), order.end(),
                                            [&](quint32 r) { return t.timestampMs(r) >= until; }) -
                       order.begin());
    }
    if (query.since.isValid()) {
        const qint64 since = query.since.toMSecsSinceEpoch();
        end = size_t(std::partition_point(order.begin() + qint64(begin), order.end(),
                                          [&](quint32 r) { return t.timestampMs(r) >= since; }) -
                     order.begin());
    }
    if (stale())
        return std::nullopt;
    const Matcher matcher(t.strings(), query);
    const bool all = matcher.need == 0 && !matcher.text && query.outcome == LogQuery::Outcome::Any;
    if (all) {
        result.rows.assign(order.begin() + qint64(begin), order.begin() + qint64(end));
    } else {
        for (size_t i = begin; i < end; ++i) {
            if ((i & (kCheckEvery - 1)) == 0 && stale())
                return std::nullopt;
            const quint32 row = order[i];
            if (matcher.matches(t, row))
                result.rows.push_back(row);
        }
    }
    if (stale())
        return std::nullopt;
    result.histogram = histogramOf(t, query, result.rows);
    sortRows(t, result.rows, query.sortColumn, query.sortOrder);
    if (stale())
        return std::nullopt;
    result.elapsedUs = timer.nsecsElapsed() / 1000;
    return result;
}

} // namespace plexe
