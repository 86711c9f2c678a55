#pragma once

#include <QHash>
#include <QString>

#include <atomic>
#include <memory>

namespace plexe {

// Interned strings, append-only: one writer (intern(), callers serialise it), any number of
// readers on other threads (at(), count()). Id 0 is the empty string. Strings live in fixed-size
// blocks that never move, so a reader holding an id below count() reads without a lock.
class LogStringPool
{
public:
    LogStringPool();
    ~LogStringPool();
    LogStringPool(const LogStringPool &) = delete;
    LogStringPool &operator=(const LogStringPool &) = delete;

    // Writer only. The id of `text`, adding it when new.
    quint32 intern(const QString &text);
    // Writer only: the id of `text` if present (no insertion).
    bool find(const QString &text, quint32 *id) const;

    // Any thread: how many strings are published (ids 0 … count()-1 are readable).
    quint32 count() const { return m_count.load(std::memory_order_acquire); }
    // Any thread, id < count().
    const QString &at(quint32 id) const { return m_blocks[id >> kBlockBits][id & kBlockMask]; }

    // Which columns (bit i: column i of the caller's numbering, at most 16) ever held a string.
    // The writer marks before it publishes the row that uses the string, so a reader that sees
    // the row also sees the mark. Lets a query skip the columns a matching string never is in.
    void markColumn(quint32 id, int column)
    {
        std::atomic<quint16> &mask = m_columns[id >> kBlockBits][id & kBlockMask];
        const quint16 bit = quint16(1u << column);
        if (!(mask.load(std::memory_order_relaxed) & bit))
            mask.fetch_or(bit, std::memory_order_release);
    }
    // Any thread, id < count().
    quint16 columns(quint32 id) const
    {
        return m_columns[id >> kBlockBits][id & kBlockMask].load(std::memory_order_acquire);
    }

    // Bytes held (strings, blocks, lookup table), an estimate for the memory figures.
    qint64 memoryBytes() const;

private:
    static constexpr quint32 kBlockBits = 12;
    static constexpr quint32 kBlockSize = 1u << kBlockBits;
    static constexpr quint32 kBlockMask = kBlockSize - 1;
    static constexpr quint32 kMaxBlocks = 1u << 16; // 268M distinct strings

    std::unique_ptr<QString *[]> m_blocks;
    std::unique_ptr<std::atomic<quint16> *[]> m_columns;
    std::atomic<quint32> m_count{0};
    QHash<QString, quint32> m_lookup; // writer only
    qint64 m_textBytes = 0;
};

} // namespace plexe
