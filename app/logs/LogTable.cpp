#include "logs/LogTable.h"

#include <algorithm>
#include <numeric>

namespace plexe {

namespace {

constexpr quint64 kTextIdFlag = quint64(1) << 63;

quint64 mix(quint64 x)
{
    // splitmix64's finaliser: sequential ids spread over the whole table.
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// A decimal id of at most 18 digits (no sign, no leading zero): kept as its value, so that ids
// order numerically and cost no string.
bool numericId(const QString &id, quint64 *value)
{
    if (id.isEmpty() || id.size() > 18 || (id.size() > 1 && id.at(0) == QLatin1Char('0')))
        return false;
    quint64 v = 0;
    for (const QChar c : id) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        v = v * 10 + quint64(c.unicode() - '0');
    }
    *value = v;
    return true;
}

} // namespace

template <typename T> LogTable::Column<T>::Column() : m_blocks(new T *[kMaxBlocks]()) {}

template <typename T> LogTable::Column<T>::Column::~Column()
{
    for (quint32 b = 0; b < m_allocated; ++b)
        delete[] m_blocks[b];
}

template <typename T> void LogTable::Column<T>::set(quint32 row, const T &value)
{
    const quint32 block = row >> kBits;
    Q_ASSERT(block < kMaxBlocks);
    while (m_allocated <= block)
        m_blocks[m_allocated++] = new T[size_t(1) << kBits];
    m_blocks[block][row & kMask] = value;
}

template <typename T> qint64 LogTable::Column<T>::memoryBytes() const
{
    return qint64(kMaxBlocks) * qint64(sizeof(T *)) +
           qint64(m_allocated) * (qint64(1) << kBits) * qint64(sizeof(T));
}

LogTable::LogTable() : m_order(std::make_shared<Order>()) {}

LogTable::~LogTable() = default;

quint64 LogTable::idKey(const QString &id)
{
    quint64 value = 0;
    if (numericId(id, &value))
        return value;
    m_numericIds.store(false, std::memory_order_relaxed);
    return kTextIdFlag | m_textIds.intern(id);
}

bool LogTable::findRow(quint64 key, quint32 *row) const
{
    if (m_index.empty())
        return false;
    const size_t mask = m_index.size() - 1;
    for (size_t slot = mix(key) & mask;; slot = (slot + 1) & mask) {
        const quint32 entry = m_index[slot];
        if (entry == 0)
            return false;
        if (m_id.at(entry - 1) == key) {
            *row = entry - 1;
            return true;
        }
    }
}

void LogTable::indexRow(quint64 key, quint32 row)
{
    const size_t mask = m_index.size() - 1;
    size_t slot = mix(key) & mask;
    while (m_index[slot] != 0)
        slot = (slot + 1) & mask;
    m_index[slot] = row + 1;
}

void LogTable::growIndex(quint32 rows)
{
    // At most half full: short probe runs. Rebuilt from the id column.
    size_t capacity = std::max<size_t>(m_index.size() * 2, 1024);
    m_index.assign(capacity, 0);
    for (quint32 r = 0; r < rows; ++r)
        indexRow(m_id.at(r), r);
}

bool LogTable::newerThan(quint32 a, quint32 b) const
{
    const qint64 ta = m_time.at(a), tb = m_time.at(b);
    return ta != tb ? ta > tb : m_id.at(a) > m_id.at(b);
}

LogTable::AppendStats LogTable::append(const QList<AccessEvent> &events)
{
    QMutexLocker lock(&m_writeMutex);
    AppendStats stats;
    const quint32 first = m_size.load(std::memory_order_relaxed);
    quint32 n = first;
    for (const AccessEvent &e : events) {
        const quint64 key = idKey(e.id);
        quint32 existing = 0;
        if (findRow(key, &existing)) {
            ++stats.duplicates;
            continue;
        }
        if ((size_t(n) + 1) * 2 > m_index.size()) {
            growIndex(n);
        }
        m_time.set(n, e.timestamp.isValid() ? e.timestamp.toMSecsSinceEpoch() : 0);
        m_id.set(n, key);
        m_status.set(n, quint16(std::clamp(e.status, 0, 65535)));
        const QString *texts[kTextCount] = {&e.event,     &e.outcome,  &e.actor,     &e.keyId,
                                            &e.keyPrefix, &e.ip,       &e.userAgent, &e.method,
                                            &e.path,      &e.errorCode};
        for (int c = 0; c < kTextCount; ++c) {
            const quint32 id = m_strings.intern(*texts[c]);
            m_strings.markColumn(id, c);
            m_text[c].set(n, id);
        }
        indexRow(key, n);
        if (!(key & kTextIdFlag) && key > m_maxNumericId.load(std::memory_order_relaxed))
            m_maxNumericId.store(key, std::memory_order_relaxed);
        ++n;
    }
    stats.added = n - first;
    // Rows before size: the release makes every column write above visible to a reader that
    // acquires the new size.
    m_size.store(n, std::memory_order_release);
    if (stats.added > 0)
        mergeTimeOrder(first, stats.added);
    return stats;
}

void LogTable::mergeTimeOrder(quint32 first, quint32 count)
{
    std::vector<quint32> batch(count);
    std::iota(batch.begin(), batch.end(), first);
    const auto newer = [this](quint32 a, quint32 b) {
        return newerThan(a, b);
    };
    std::sort(batch.begin(), batch.end(), newer);

    // Why growing the buffer in place is safe (C++ memory model, not just x86):
    // - A reader gets the buffer only from timeOrder(), which counts it in `readers` under
    //   m_orderMutex; this check runs under the same mutex, so no reader can appear between
    //   the check and the insert, and every earlier increment is visible here.
    // - A reader lets go by a release decrement after its last read of the buffer. Every
    //   change of `readers` is a read-modify-write, so the acquire load that sees 0 here
    //   synchronises with every reader's decrement: all their reads happen before the insert.
    // - A buffer a reader still holds is never written: the merge below builds a new one and
    //   swaps the pointer, and the old buffer stays as it was until its last holder lets go.
    // A million-event load appends a page at the end of the order (a tail at the front) in
    // place when no query is running, as before: no copy of the whole order per page.
    std::shared_ptr<Order> current;
    {
        QMutexLocker lock(&m_orderMutex);
        std::vector<quint32> &order = m_order->rows;
        const bool older = order.empty() || !newerThan(batch.front(), order.back());
        const bool newerAll = !older && !newerThan(order.front(), batch.back());
        if (m_order->readers.load(std::memory_order_acquire) == 0 && (older || newerAll)) {
            order.insert(older ? order.end() : order.begin(), batch.begin(), batch.end());
            return;
        }
        current = m_order;
    }
    // A reader holds the current order (or the batch interleaves with it): build a new one.
    // Reading `current` without the mutex is safe: only this writer (appends are serialised)
    // ever changes a buffer, and it does not change this one any more.
    const std::vector<quint32> &order = current->rows;
    auto merged = std::make_shared<Order>();
    merged->rows.reserve(order.size() + batch.size());
    std::merge(order.begin(), order.end(), batch.begin(), batch.end(),
               std::back_inserter(merged->rows), newer);
    QMutexLocker lock(&m_orderMutex);
    m_order = std::move(merged);
}

std::shared_ptr<const std::vector<quint32>> LogTable::timeOrder() const
{
    std::shared_ptr<Order> order;
    {
        QMutexLocker lock(&m_orderMutex);
        order = m_order;
        // Relaxed is enough: the writer reads the count under this mutex too.
        order->readers.fetch_add(1, std::memory_order_relaxed);
    }
    // The snapshot keeps the buffer alive and, when its last copy goes, counts itself out
    // with a release decrement after every read made through it (see mergeTimeOrder()).
    return std::shared_ptr<const std::vector<quint32>>(
        &order->rows, [order](const std::vector<quint32> *) {
            order->readers.fetch_sub(1, std::memory_order_release);
        });
}

QString LogTable::id(quint32 row) const
{
    const quint64 key = m_id.at(row);
    return key & kTextIdFlag ? m_textIds.at(quint32(key & ~kTextIdFlag)) : QString::number(key);
}

AccessEvent LogTable::event(quint32 row) const
{
    AccessEvent e;
    e.id = id(row);
    e.timestamp = QDateTime::fromMSecsSinceEpoch(m_time.at(row), Qt::UTC);
    e.event = text(row, Text::Event);
    e.outcome = text(row, Text::Outcome);
    e.actor = text(row, Text::Actor);
    e.keyId = text(row, Text::KeyId);
    e.keyPrefix = text(row, Text::KeyPrefix);
    e.ip = text(row, Text::Ip);
    e.userAgent = text(row, Text::UserAgent);
    e.method = text(row, Text::Method);
    e.path = text(row, Text::Path);
    e.status = m_status.at(row);
    e.errorCode = text(row, Text::ErrorCode);
    return e;
}

QString LogTable::newestId() const
{
    if (size() == 0)
        return {};
    if (m_numericIds.load(std::memory_order_relaxed))
        return QString::number(m_maxNumericId.load(std::memory_order_relaxed));
    const auto order = timeOrder();
    return order->empty() ? QString() : id(order->front());
}

qint64 LogTable::memoryBytes() const
{
    qint64 bytes = m_time.memoryBytes() + m_id.memoryBytes() + m_status.memoryBytes();
    for (const auto &column : m_text)
        bytes += column.memoryBytes();
    bytes += m_strings.memoryBytes() + m_textIds.memoryBytes();
    bytes += qint64(m_index.capacity() * sizeof(quint32));
    bytes += qint64(timeOrder()->capacity() * sizeof(quint32)) + qint64(sizeof(Order));
    return bytes;
}

} // namespace plexe
