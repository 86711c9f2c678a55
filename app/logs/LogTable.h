#pragma once

#include "api/AccessLogPage.h"
#include "logs/LogStringPool.h"

#include <QMutex>

#include <atomic>
#include <memory>
#include <vector>

namespace plexe {

// The loaded access events, column by column, compactly: every text is an id into one shared
// LogStringPool; a row is about 60 bytes plus 4 for the time order and 8 for the id index.
//
// Threads: append() may be called from any thread (appends are serialised by a mutex); every
// reader (the query engine's worker, the table model on the GUI thread) reads rows below size()
// without a lock: columns live in fixed blocks that never move and size() is published with
// release/acquire ordering after the rows are written. Rows are never modified or removed; to
// drop everything, LogStore replaces the whole table (B17), and the old one is freed when the
// last reader lets go of it.
//
// Row numbers are arrival order. timeOrder() is the rows sorted newest first (timestamp, then
// id), rebuilt cheaply per append because loads append older pages and tails newer ones.
class LogTable
{
public:
    // The text columns, each an id into strings().
    enum class Text : quint8 {
        Event,
        Outcome,
        Actor,
        KeyId,
        KeyPrefix,
        Ip,
        UserAgent,
        Method,
        Path,
        ErrorCode,
        Count
    };
    static constexpr int kTextCount = int(Text::Count);

    struct AppendStats
    {
        quint32 added = 0;
        quint32 duplicates = 0; // already held (same event id): skipped
    };

    LogTable();
    ~LogTable();
    LogTable(const LogTable &) = delete;
    LogTable &operator=(const LogTable &) = delete;

    // Any thread, serialised. Events whose id is already held are skipped, so overlapping pages
    // (a tail racing a load) never duplicate a row.
    AppendStats append(const QList<AccessEvent> &events);

    // --- readers, any thread, row < size() ---
    quint32 size() const { return m_size.load(std::memory_order_acquire); }
    qint64 timestampMs(quint32 row) const { return m_time.at(row); }
    quint32 textId(quint32 row, Text column) const { return m_text[int(column)].at(row); }
    const QString &text(quint32 row, Text column) const
    {
        return m_strings.at(textId(row, column));
    }
    int status(quint32 row) const { return m_status.at(row); }
    QString id(quint32 row) const;
    // The whole event, decoded back (timestamp in UTC).
    AccessEvent event(quint32 row) const;
    const LogStringPool &strings() const { return m_strings; }

    // Rows newest first (timestamp desc, then id desc); a snapshot that later appends never
    // change. Covers exactly the rows below the size() read just before.
    std::shared_ptr<const std::vector<quint32>> timeOrder() const;

    // The id to ask the tail for (`after=`): the greatest numeric id held, or the id of the
    // newest event when the server's ids are not numbers; empty when the table is empty.
    QString newestId() const;

    // Bytes held by the rows, the string pool and the indexes (an estimate).
    qint64 memoryBytes() const;

private:
    template <typename T> class Column
    {
    public:
        Column();
        ~Column();
        const T &at(quint32 row) const { return m_blocks[row >> kBits][row & kMask]; }
        void set(quint32 row, const T &value); // writer; allocates the block when needed
        qint64 memoryBytes() const;

    private:
        static constexpr quint32 kBits = 14;
        static constexpr quint32 kMask = (1u << kBits) - 1;
        static constexpr quint32 kMaxBlocks = 16384; // 268M rows
        std::unique_ptr<T *[]> m_blocks;
        quint32 m_allocated = 0;
    };

    quint64 idKey(const QString &id); // writer: numeric ids as is, others interned with a flag
    bool findRow(quint64 key, quint32 *row) const;
    void indexRow(quint64 key, quint32 row);
    void growIndex(quint32 rows);
    void mergeTimeOrder(quint32 first, quint32 count);
    bool newerThan(quint32 a, quint32 b) const;

    mutable QMutex m_writeMutex; // one writer at a time
    std::atomic<quint32> m_size{0};
    LogStringPool m_strings;
    LogStringPool m_textIds; // non-numeric event ids
    Column<qint64> m_time;
    Column<quint64> m_id;
    Column<quint16> m_status;
    Column<quint32> m_text[kTextCount];

    // Open addressing: row + 1 per slot, 0 free; keyed by m_id of that row. Writer only.
    std::vector<quint32> m_index;
    std::atomic<quint64> m_maxNumericId{0};
    std::atomic<bool> m_numericIds{true};

    // The time order and how many snapshots of it readers hold. The count, not
    // shared_ptr::use_count(), tells the writer it may grow the buffer in place: use_count()
    // is a relaxed load, so seeing 1 orders nothing after the last reader's reads of the
    // buffer (ThreadSanitizer reported the race). See mergeTimeOrder().
    struct Order
    {
        std::vector<quint32> rows;
        std::atomic<quint32> readers{0};
    };

    mutable QMutex m_orderMutex; // guards the pointer swap and the readers' increments
    std::shared_ptr<Order> m_order;
};

} // namespace plexe
