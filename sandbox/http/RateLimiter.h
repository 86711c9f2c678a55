#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace plexe::sandbox {

// A sliding-window limit: at most `limit` events per `windowSeconds` per key. In memory only,
// so a restart forgets the history (fine for a sandbox; documented).
class RateLimiter
{
public:
    RateLimiter(int limit, int windowSeconds);

    bool enabled() const { return m_limit > 0; }
    // Records an event for `key` and returns nullopt, or, when the limit is reached, records
    // nothing and returns the seconds until the oldest event leaves the window (at least 1).
    std::optional<int> acquire(const std::string &key, int64_t now);

private:
    int m_limit;
    int m_window;
    std::mutex m_mutex;
    std::unordered_map<std::string, std::deque<int64_t>> m_events;
};

} // namespace plexe::sandbox
