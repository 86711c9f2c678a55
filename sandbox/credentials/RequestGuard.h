#pragma once

#include <cstdint>
#include <string>

namespace plexe::sandbox {

class Authenticator;
class Database;
class RateLimiter;
class UsageRecorder;
struct RequestContext;

// Runs before every protected route: authenticate, then the per-credential rate limit, then
// the read-only rule, then the step-up rule. Each step throws ApiError to refuse; a refused
// API key (invalid, expired, revoked) is logged as api_key.rejected first. finish() runs after
// the handler of an accepted request: it counts an API key's use and logs api_key.used,
// committed before the answer leaves. Step-up: a session whose sign-in is older than
// `stepUpSeconds` may not create, change or revoke API keys (403 reauthentication_required);
// API keys are never asked.
class RequestGuard
{
public:
    RequestGuard(const Authenticator &authenticator, RateLimiter &rateLimiter, UsageRecorder &usage,
                 Database &database, int64_t stepUpSeconds = 600);

    void operator()(RequestContext &context) const;
    void finish(RequestContext &context, int status, const std::string &errorCode) const;

private:
    void recordRejection(const RequestContext &context, const std::string &errorCode) const;

    const Authenticator &m_authenticator;
    RateLimiter &m_rateLimiter;
    UsageRecorder &m_usage;
    Database &m_database;
    int64_t m_stepUpSeconds;
};

} // namespace plexe::sandbox
