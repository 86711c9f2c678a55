#pragma once

#include "server/ServeOptions.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace plexe::sandbox {

// The `serve` command: the TLS server with every route, its database and its background
// usage writer. run() blocks until stop(), which another thread may call at any time, before,
// during or after run(); once run() has begun, stop() returns when the server has stopped
// listening or run() has ended.
class SandboxServer
{
public:
    explicit SandboxServer(ServeOptions options);
    ~SandboxServer();
    SandboxServer(const SandboxServer &) = delete;
    SandboxServer &operator=(const SandboxServer &) = delete;

    // Returns the process exit code: 0 after a clean stop, 1 if it could not start.
    int run();
    void stop();
    bool stopRequested() const;

    // Test seam: called on run()'s thread after the URL is printed, just before listening.
    void setBeforeListenHook(std::function<void()> hook) { m_beforeListen = std::move(hook); }

private:
    struct Parts;
    ServeOptions m_options;
    std::unique_ptr<Parts> m_parts;
    std::function<void()> m_beforeListen;
    mutable std::mutex m_stopMutex;
    bool m_stopRequested = false;
    bool m_runStarted = false;
    std::atomic<bool> m_runEnded{false};
};

} // namespace plexe::sandbox
