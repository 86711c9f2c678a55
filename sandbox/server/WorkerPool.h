#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace plexe::sandbox {

// httplib's task queue, with threads started as connections need them, up to `maxThreads`.
// httplib's own ThreadPool starts a fixed number at once: enough of them for 200 slow clients
// plus everyone else would be hundreds of idle threads in every test's sandbox. Threads, once
// started, stay until shutdown().
class WorkerPool : public httplib::TaskQueue
{
public:
    explicit WorkerPool(size_t maxThreads);
    ~WorkerPool() override;

    void enqueue(std::function<void()> job) override;
    void shutdown() override;

private:
    void work();

    const size_t m_maxThreads;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    std::vector<std::thread> m_threads;
    size_t m_idle = 0; // threads waiting for a job
    bool m_stopping = false;
};

} // namespace plexe::sandbox
