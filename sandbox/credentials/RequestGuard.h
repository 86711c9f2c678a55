#pragma once

namespace plexe::sandbox {

class Authenticator;
class RateLimiter;
class UsageRecorder;
struct RequestContext;

// Runs before every protected route: authenticate, then the per-credential rate limit, then
// the read-only rule, then count the use. Each step throws ApiError to refuse.
class RequestGuard
{
public:
    RequestGuard(const Authenticator &authenticator, RateLimiter &rateLimiter,
                 UsageRecorder &usage);

    void operator()(RequestContext &context) const;

private:
    const Authenticator &m_authenticator;
    RateLimiter &m_rateLimiter;
    UsageRecorder &m_usage;
};

} // namespace plexe::sandbox
