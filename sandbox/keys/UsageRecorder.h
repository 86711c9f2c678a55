#pragma once

#include "logs/AccessEvent.h"

#include <condition_variable>
#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace plexe::sandbox {

class Database;

// Group commit for API-key usage (hourly buckets, last_used_at) and the access-log events of
// requests (api_key.used, api_key.rejected). A request hands its use to record(), which blocks
// until the batch holding it is committed, so nothing a client was answered is lost to a
// SIGKILL (security F38). One writer thread commits whatever is queued in one transaction
// while the next batch fills, so batches grow with load and a lone request waits for one
// commit only; a write transaction per request would serialize every GET behind SQLite's
// single writer.
class UsageRecorder
{
public:
    explicit UsageRecorder(Database &database);
    ~UsageRecorder();
    UsageRecorder(const UsageRecorder &) = delete;
    UsageRecorder &operator=(const UsageRecorder &) = delete;

    // Counts one use of the key in `keyRow` (0: none) and stores `event` if given; returns once
    // both are committed and throws if that commit failed. Before start() and after stop() it
    // commits in the calling thread.
    void record(int64_t keyRow, int64_t now, std::optional<AccessEvent> event = std::nullopt);
    // Starts the writer thread; stop() (or the destructor) commits what is queued and joins.
    void start();
    void stop();

private:
    struct Use
    {
        int64_t keyRow;
        int64_t now;
        std::optional<AccessEvent> event;
    };
    struct Batch
    {
        std::vector<Use> uses;
        std::promise<void> committed;
        std::shared_future<void> done = committed.get_future().share();
    };

    void write(const std::vector<Use> &uses);
    void loop();

    Database &m_database;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::unique_ptr<Batch> m_open; // filling while the writer commits the previous one
    std::thread m_thread;
    bool m_running = false;
    bool m_stopping = false;
};

} // namespace plexe::sandbox
