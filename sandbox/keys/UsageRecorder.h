#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

namespace plexe::sandbox {

class Database;

// Counts accepted uses of API keys in memory and writes them (hourly buckets and last_used_at)
// in one transaction per second. A write per request would serialize every authenticated GET
// behind SQLite's single writer; usage is statistics, not an acknowledged write, so losing at
// most the last second of counts on a hard kill is the accepted trade.
class UsageRecorder
{
public:
    explicit UsageRecorder(Database &database);
    ~UsageRecorder();
    UsageRecorder(const UsageRecorder &) = delete;
    UsageRecorder &operator=(const UsageRecorder &) = delete;

    void record(int64_t keyRow, int64_t now);
    // Writes what is pending now; readers of usage call it first so they see their own uses.
    void flush();
    // Starts the once-a-second flusher; stop() (or the destructor) flushes one last time.
    void start();
    void stop();

private:
    Database &m_database;
    std::mutex m_mutex;
    std::map<std::pair<int64_t, int64_t>, int64_t> m_counts; // (key row, hour) -> requests
    std::map<int64_t, int64_t> m_lastUsed;                   // key row -> Unix seconds
    std::mutex m_flushMutex; // one flush at a time, so counts are never written twice
    std::thread m_thread;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

} // namespace plexe::sandbox
