#pragma once

#include <cstdint>

namespace plexe::sandbox {

class Authenticator;
class RateLimiter;
class UsageRecorder;
struct RequestContext;

// Runs before every protected route: authenticate, then the per-credential rate limit, then
// the read-only rule, then the step-up rule, then count the use. Each step throws ApiError to
// refuse. Step-up: a session whose sign-in is older than `stepUpSeconds` may not create,
// change or revoke API keys (403 reauthentication_required); API keys are never asked.
class RequestGuard
{
public:
    RequestGuard(const Authenticator &authenticator, RateLimiter &rateLimiter, UsageRecorder &usage,
                 int64_t stepUpSeconds = 600);

    void operator()(RequestContext &context) const;

private:
    const Authenticator &m_authenticator;
    RateLimiter &m_rateLimiter;
    UsageRecorder &m_usage;
    int64_t m_stepUpSeconds;
};

} // namespace plexe::sandbox
