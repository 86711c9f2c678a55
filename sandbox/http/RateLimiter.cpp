#include "http/RateLimiter.h"

#include <algorithm>

namespace plexe::sandbox {

RateLimiter::RateLimiter(int limit, int windowSeconds) : m_limit(limit), m_window(windowSeconds) {}

std::optional<int> RateLimiter::acquire(const std::string &key, int64_t now)
{
    if (m_limit <= 0)
        return std::nullopt;
    std::lock_guard<std::mutex> lock(m_mutex);
    auto &events = m_events[key];
    while (!events.empty() && events.front() <= now - m_window)
        events.pop_front();
    if (events.size() >= size_t(m_limit))
        return int(std::max<int64_t>(1, events.front() + m_window - now));
    events.push_back(now);
    return std::nullopt;
}

} // namespace plexe::sandbox
