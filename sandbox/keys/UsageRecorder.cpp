#include "keys/UsageRecorder.h"

#include "db/Database.h"
#include "keys/ApiKeyStore.h"

#include <chrono>
#include <cstdio>
#include <exception>

namespace plexe::sandbox {

UsageRecorder::UsageRecorder(Database &database) : m_database(database) {}

UsageRecorder::~UsageRecorder()
{
    stop();
}

void UsageRecorder::record(int64_t keyRow, int64_t now)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    ++m_counts[{keyRow, now / 3600}];
    int64_t &last = m_lastUsed[keyRow];
    if (now > last)
        last = now;
}

void UsageRecorder::flush()
{
    std::lock_guard<std::mutex> flushLock(m_flushMutex);
    std::map<std::pair<int64_t, int64_t>, int64_t> counts;
    std::map<int64_t, int64_t> lastUsed;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        counts.swap(m_counts);
        lastUsed.swap(m_lastUsed);
    }
    if (counts.empty())
        return;
    auto connection = m_database.acquire();
    Transaction transaction(*connection);
    for (const auto &entry : counts)
        ApiKeyStore::addUsage(*connection, entry.first.first, entry.first.second, entry.second,
                              lastUsed[entry.first.first]);
    transaction.commit();
}

void UsageRecorder::start()
{
    m_thread = std::thread([this] {
        std::unique_lock<std::mutex> lock(m_mutex);
        while (!m_stopping) {
            m_wake.wait_for(lock, std::chrono::seconds(1));
            lock.unlock();
            try {
                flush();
            } catch (const std::exception &e) {
                // Counts of this round are lost; the server keeps serving.
                std::fprintf(stderr, "plexe-sandbox: usage flush failed: %s\n", e.what());
            }
            lock.lock();
        }
    });
}

void UsageRecorder::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    try {
        flush();
    } catch (const std::exception &e) {
        std::fprintf(stderr, "plexe-sandbox: usage flush failed: %s\n", e.what());
    }
}

} // namespace plexe::sandbox
