#include "logs/LogStringPool.h"

namespace plexe {

LogStringPool::LogStringPool()
    : m_blocks(new QString *[kMaxBlocks]()), m_columns(new std::atomic<quint16> *[kMaxBlocks]())
{
    intern(QString()); // id 0: the empty string
}

LogStringPool::~LogStringPool()
{
    for (quint32 b = 0; b < kMaxBlocks && m_blocks[b]; ++b) {
        delete[] m_blocks[b];
        delete[] m_columns[b];
    }
}

quint32 LogStringPool::intern(const QString &text)
{
    const quint32 n = m_count.load(std::memory_order_relaxed);
    if (n > 0) {
        if (text.isEmpty())
            return 0;
        const auto it = m_lookup.constFind(text);
        if (it != m_lookup.constEnd())
            return it.value();
    }
    const quint32 block = n >> kBlockBits;
    Q_ASSERT(block < kMaxBlocks);
    if (!m_blocks[block]) {
        m_blocks[block] = new QString[kBlockSize];
        m_columns[block] = new std::atomic<quint16>[kBlockSize];
        for (quint32 i = 0; i < kBlockSize; ++i)
            m_columns[block][i].store(0, std::memory_order_relaxed);
    }
    const QString &stored = text;
    m_textBytes += stored.size() * qint64(sizeof(QChar)) + 24;
    m_blocks[block][n & kBlockMask] = stored;
    m_lookup.insert(stored, n);
    m_count.store(n + 1, std::memory_order_release);
    return n;
}

bool LogStringPool::find(const QString &text, quint32 *id) const
{
    if (text.isEmpty()) {
        *id = 0;
        return true;
    }
    const auto it = m_lookup.constFind(text);
    if (it == m_lookup.constEnd())
        return false;
    *id = it.value();
    return true;
}

qint64 LogStringPool::memoryBytes() const
{
    const quint32 blocks = (count() + kBlockMask) >> kBlockBits;
    return qint64(kMaxBlocks) * qint64(sizeof(QString *) * 2) +
           qint64(blocks) * kBlockSize * qint64(sizeof(QString) + sizeof(quint16)) + m_textBytes +
           qint64(m_lookup.capacity()) * 40;
}

} // namespace plexe
