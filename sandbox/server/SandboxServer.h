#pragma once

#include "server/ServeOptions.h"

#include <atomic>
#include <memory>
#include <mutex>

namespace plexe::sandbox {

// The `serve` command: the TLS server with every route, its database and its background
// usage writer. run() blocks until stop(), which another thread may call at any time.
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

private:
    struct Parts;
    ServeOptions m_options;
    std::unique_ptr<Parts> m_parts;
    std::mutex m_stopMutex;
    bool m_stopRequested = false;
};

} // namespace plexe::sandbox
