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

    // Bytes held (strings, blocks, lookup table), an estimate for the memory figures.
    qint64 memoryBytes() const;

private:
    static constexpr quint32 kBlockBits = 12;
    static constexpr quint32 kBlockSize = 1u << kBlockBits;
    static constexpr quint32 kBlockMask = kBlockSize - 1;
    static constexpr quint32 kMaxBlocks = 1u << 16; // 268M distinct strings

    std::unique_ptr<QString *[]> m_blocks;
    std::atomic<quint32> m_count{0};
    QHash<QString, quint32> m_lookup; // writer only
    qint64 m_textBytes = 0;
};

} // namespace plexe
