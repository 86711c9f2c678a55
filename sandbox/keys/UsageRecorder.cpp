#include "keys/UsageRecorder.h"

#include "db/Database.h"
#include "keys/ApiKeyStore.h"
#include "logs/AccessLogWriter.h"

#include <exception>
#include <map>
#include <utility>

namespace plexe::sandbox {

UsageRecorder::UsageRecorder(Database &database) : m_database(database) {}

UsageRecorder::~UsageRecorder()
{
    stop();
}

void UsageRecorder::record(int64_t keyRow, int64_t now, std::optional<AccessEvent> event)
{
    std::shared_future<void> done;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_running) {
            if (!m_open)
                m_open = std::make_unique<Batch>();
            m_open->uses.push_back(Use{keyRow, now, std::move(event)});
            done = m_open->done;
        }
    }
    if (!done.valid()) {
        write({Use{keyRow, now, std::move(event)}});
        return;
    }
    m_wake.notify_one();
    done.get(); // rethrows the batch's failure, so the request answers 500, not 200
}

void UsageRecorder::write(const std::vector<Use> &uses)
{
    std::map<std::pair<int64_t, int64_t>, int64_t> counts; // (key row, hour) -> requests
    std::map<int64_t, int64_t> lastUsed;                   // key row -> Unix seconds
    for (const Use &use : uses) {
        if (use.keyRow == 0)
            continue;
        ++counts[{use.keyRow, use.now / 3600}];
        int64_t &last = lastUsed[use.keyRow];
        if (use.now > last)
            last = use.now;
    }
    auto connection = m_database.acquire();
    Transaction transaction(*connection);
    for (const auto &entry : counts)
        ApiKeyStore::addUsage(*connection, entry.first.first, entry.first.second, entry.second,
                              lastUsed[entry.first.first]);
    for (const Use &use : uses) {
        if (use.event)
            AccessLogWriter::record(*connection, *use.event);
    }
    transaction.commit();
}

void UsageRecorder::loop()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || m_open; });
        if (!m_open) {
            // Stopping with nothing queued; later uses commit in their own thread.
            m_running = false;
            return;
        }
        std::unique_ptr<Batch> batch = std::move(m_open);
        lock.unlock();
        try {
            write(batch->uses);
            batch->committed.set_value();
        } catch (...) {
            batch->committed.set_exception(std::current_exception());
        }
        lock.lock();
    }
}

void UsageRecorder::start()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_running)
        return;
    m_running = true;
    m_stopping = false;
    m_thread = std::thread([this] { loop(); });
}

void UsageRecorder::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_running)
            return;
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join(); // the loop drains what is queued before it returns
}

} // namespace plexe::sandbox
